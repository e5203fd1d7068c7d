import type { Migration } from '../schema';

/**
 * The data-protection requests the person sent (issue #13): one per history entry, keyed by the
 * entry's timeline key. A new, empty store; nothing else changes. ('requests' is taken: it holds
 * the times of provider lookups.)
 */
export const addRightsRequests: Migration = (db) => {
  const store = db.createObjectStore('rightsRequests', { keyPath: 'entry' });
  store.createIndex('by-email', 'email');
};
