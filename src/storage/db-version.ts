/**
 * The database's name and version, without the migrations: pages that only read (the popup) open
 * the database at this version but never upgrade it, so they need not load the migrations.
 * Appending a step to MIGRATIONS (schema.ts) means raising DB_VERSION with it; a test in
 * migrations.test.ts fails until the two agree.
 */
export const DB_NAME = 'was-i-exposed';
export const DB_VERSION = 8;
