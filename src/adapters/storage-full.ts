import { ext } from './ext';

/**
 * "No room left to store results": set when a write was refused for lack of space, cleared by the
 * next write that goes through. Kept in storage.session — memory, not disk — because the disk is
 * exactly what is full, and because it must outlive the worker (which dies between checks) for the
 * popup to show it.
 */
const KEY = 'storageFull';

export async function isStorageFull(): Promise<boolean> {
  return (await ext.storage.session.get(KEY))[KEY] === true;
}

/** Records the state; says whether it changed (so callers tell open pages only then). */
export async function setStorageFull(full: boolean): Promise<boolean> {
  if ((await isStorageFull()) === full) return false;
  if (full) await ext.storage.session.set({ [KEY]: true });
  else await ext.storage.session.remove(KEY);
  return true;
}
