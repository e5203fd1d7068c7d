import { ext } from './ext';
import { shareBlockedState } from '../storage/connection';

/**
 * Tells every context of the extension that a database upgrade is blocked. Only the first open
 * request in line hears IndexedDB's `blocked` event; the others just wait behind it, so the
 * popup opened during the wait would say "Loading…" forever without this. A flag in
 * storage.session (memory, shared by the worker and the pages) carries the news.
 */
const KEY = 'databaseBlocked';

export function shareBlockedStateThroughSession(): void {
  shareBlockedState({
    post(blocked) {
      void (blocked ? ext.storage.session.set({ [KEY]: true }) : ext.storage.session.remove(KEY)).catch(() => undefined);
    },
    watch(listener) {
      void ext.storage.session.get(KEY).then((items) => items[KEY] === true && listener(true), () => undefined);
      ext.storage.onChanged.addListener((changes, area) => {
        if (area === 'session' && KEY in changes) listener(changes[KEY]?.newValue === true);
      });
    },
  });
}
