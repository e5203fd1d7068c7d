import browser from 'webextension-polyfill';
import { STATE_CHANGED } from '../messages';

/** Tells open extension pages to refresh. Nobody listening is normal (popup closed), not an error. */
export function broadcastStateChanged(): void {
  browser.runtime.sendMessage({ type: STATE_CHANGED }).catch(() => undefined);
}
