import type { Migration } from '../schema';

/**
 * The leak trail (#17): a store of its findings, by address (removing an address removes them)
 * and by state (the badge counts the new ones). Addresses gain an optional `givenTo` list, which
 * needs no rewrite: an address without it was given to no site the extension knows of.
 */
export const addLeakTrail: Migration = (db) => {
  const trails = db.createObjectStore('trails', { keyPath: 'id' });
  trails.createIndex('by-email', 'email');
  trails.createIndex('by-state', 'state');
};
