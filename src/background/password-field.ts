/**
 * The background half of the password-field check (Options: "Warn me when a password I type on a
 * website is in known breaches"): keeps the content script registered exactly while the setting is
 * on and its permissions are granted, and answers the script's range requests. It only ever sees a
 * 5-character hash prefix: the password and the rest of its hash stay in the page.
 */
import browser from 'webextension-polyfill';
import { isRangePrefix } from '../core/pwned-passwords';
import { PASSWORD_FIELD_LIMITS, takeLookup } from './lookup-budget';
import { loadSettings } from '../adapters/settings-store';
import { fetchRange } from '../providers/pwned-passwords';
// crxjs builds the file as one self-contained script and gives its path in the package.
import scriptFile from '../content/password-field.ts?script&iife';

export const PASSWORD_FIELD_SCRIPT_ID = 'password-field-check';
export const PASSWORD_FIELD_ORIGINS = ['https://*/*'];
export const PASSWORD_FIELD_PERMISSIONS = ['scripting'];

let queue: Promise<void> = Promise.resolve();

/**
 * Registers or unregisters the content script to match the setting and the granted permissions.
 * Calls run one at a time, and each reads the setting when its turn comes, not when it was
 * called: a start-up sync that loaded the settings before the user turned the check on must not
 * undo the registration the change made (seen as a flaky end-to-end test).
 */
export function syncPasswordFieldScript(): Promise<void> {
  const next = queue.then(reconcile);
  queue = next.catch(() => undefined);
  return next;
}

async function reconcile(): Promise<void> {
  // Without the optional "scripting" permission the API is absent, and there is nothing to undo.
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (!scripting) return;
  const settings = await loadSettings();
  const granted = await browser.permissions.contains({ permissions: PASSWORD_FIELD_PERMISSIONS, origins: PASSWORD_FIELD_ORIGINS });
  const wanted = settings.passwordFieldCheck && granted;
  const registered = (await scripting.getRegisteredContentScripts({ ids: [PASSWORD_FIELD_SCRIPT_ID] })).length > 0;
  if (wanted && !registered) {
    await scripting.registerContentScripts([
      {
        id: PASSWORD_FIELD_SCRIPT_ID,
        matches: PASSWORD_FIELD_ORIGINS,
        js: [scriptFile.replace(/^\//, '')],
        runAt: 'document_idle',
        allFrames: false,
      },
    ]);
  } else if (!wanted && registered) {
    await scripting.unregisterContentScripts({ ids: [PASSWORD_FIELD_SCRIPT_ID] });
  }
}

/**
 * A range request from the content script: `prefix` must be exactly 5 hex characters (anything
 * else is refused unread), and the feature must be on. Answers the raw range text; the script
 * matches its suffix locally. Fetched here, not in the page, so the request carries the
 * extension's origin rather than the site's: the provider does not learn where the user was.
 * Over the limits it answers "rate-limited" and sends nothing: the page shows no warning (a web
 * page is no place for our errors), and the worker's console says why, once per tab.
 */
export async function passwordFieldRange(prefix: unknown, tabId?: number): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
  if (typeof prefix !== 'string' || !isRangePrefix(prefix)) return { ok: false, error: 'unavailable' };
  const settings = await loadSettings();
  if (!settings.passwordFieldCheck) return { ok: false, error: 'unavailable' };
  const budget = takeLookup(tabId, Date.now());
  if (budget !== 'ok') {
    if (budget === 'refused-first') {
      console.warn(`Was I Exposed?: too many password checks from tab ${tabId ?? '?'}; more are refused for a while (at most ${PASSWORD_FIELD_LIMITS.perTab[0]!.limit} a minute per tab).`);
    }
    return { ok: false, error: 'rate-limited' };
  }
  try {
    const text = await fetchRange(
      { fetch: (input, init) => fetch(input, init), baseUrl: settings.pwnedPasswordsBaseUrl, timeoutMs: settings.requestTimeoutMs, now: () => Date.now() },
      prefix,
    );
    return { ok: true, value: text };
  } catch {
    return { ok: false, error: 'unavailable' };
  }
}
