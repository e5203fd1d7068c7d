/**
 * The password-field check, injected into https pages only when the user turned it on in Options
 * (registered by the background with scripting.registerContentScripts). Deliberately tiny and on
 * its own: no UI framework, no polyfill, nothing shared with the page.
 *
 * When focus leaves an `input[type=password]`, it reads that one field's value — never any other
 * field — hashes it with Web Crypto (SHA-1), and sends ONLY the hash's first 5 hex characters to
 * the background, which asks Pwned Passwords for that range (with Add-Padding) and hands back the
 * answer. The suffix is matched here. The password, its hash and its suffix are never stored,
 * logged or sent anywhere. A match shows a small dismissible warning beside the field.
 */
import { formats } from '../core/format';
import { countForSuffix, sha1Split, toHex } from '../core/pwned-passwords';

/** What this script uses of the extension API; `browser` in Firefox, `chrome` in Chromium (both promise-based in MV3). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  i18n: { getMessage(key: string, substitutions?: string[]): string };
}

const api = ((globalThis as { browser?: ExtensionApi }).browser ?? (globalThis as unknown as { chrome: ExtensionApi }).chrome);
const t = (key: string, ...subs: string[]) => api.i18n.getMessage(key, subs) || key;

/** The warning beside each field, and the fields whose warning the user closed (until they type again). */
const warnings = new WeakMap<HTMLInputElement, HTMLElement>();
const dismissed = new WeakSet<HTMLInputElement>();
/** The latest check per field, so a slow answer for an older value cannot show a stale warning. */
const latest = new WeakMap<HTMLInputElement, number>();
let sequence = 0;
/**
 * Fields the person typed into since their last check. A page can set a field's value and move
 * focus by script (and such focus events are trusted), but it cannot type: only a field with a
 * trusted input event since the last look is looked up again. The background's per-tab and
 * overall limits stand behind this.
 */
const typed = new WeakSet<HTMLInputElement>();

const isPasswordField = (target: EventTarget | null): target is HTMLInputElement =>
  target instanceof HTMLInputElement && target.type === 'password';

function removeWarning(field: HTMLInputElement): void {
  warnings.get(field)?.remove();
  warnings.delete(field);
}

async function rangeFor(prefix: string): Promise<string | null> {
  const reply = (await api.runtime.sendMessage({ type: 'password-field/range', prefix }).catch(() => null)) as
    | { ok: true; value: string }
    | { ok: false }
    | null;
  return reply && reply.ok && typeof reply.value === 'string' ? reply.value : null;
}

async function check(field: HTMLInputElement): Promise<void> {
  const id = ++sequence;
  latest.set(field, id);
  const bytes = new TextEncoder().encode(field.value);
  if (bytes.length === 0) return removeWarning(field);
  let prefix: string;
  let suffix: string;
  try {
    ({ prefix, suffix } = sha1Split(toHex(await crypto.subtle.digest('SHA-1', bytes))));
  } finally {
    bytes.fill(0);
  }
  const range = await rangeFor(prefix);
  // Failures stay silent: a web page is no place for provider errors, and the popup check exists.
  if (range === null || latest.get(field) !== id) return;
  const count = countForSuffix(range, suffix);
  if (count === 0 || dismissed.has(field)) return removeWarning(field);
  showWarning(field, count);
}

const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 2px 0 2px 6px; max-width: 22em; }
div { display: flex; gap: 6px; align-items: flex-start; padding: 4px 6px; border: 1px solid #a4161a; border-radius: 4px;
  background: #fff4f4; color: #5c0a0d; font: 12px/1.35 system-ui, sans-serif; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
button { all: unset; cursor: pointer; padding: 0 4px; font: bold 14px/1 system-ui, sans-serif; color: #5c0a0d; border-radius: 3px; }
button:focus-visible { outline: 2px solid #5c0a0d; }
`;

function showWarning(field: HTMLInputElement, count: number): void {
  removeWarning(field);
  const host = document.createElement('span');
  // Closed, and with no marker: a page script finds an anonymous span, and cannot read the count.
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  const text = document.createElement('span');
  // Grouped in the extension's language, as every page groups it (not the visited page's).
  text.textContent = t('passwordFieldWarning', formats(t('languageTag') || 'en').count(count));
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', t('passwordFieldDismiss'));
  close.title = t('passwordFieldDismiss');
  close.addEventListener('click', () => {
    dismissed.add(field);
    removeWarning(field);
  });
  box.append(text, close);
  root.append(style, box);
  field.insertAdjacentElement('afterend', host);
  warnings.set(field, host);
}

// Events a page script made (dispatchEvent) are not isTrusted, and are ignored.
document.addEventListener(
  'focusout',
  (event) => {
    if (!event.isTrusted || !isPasswordField(event.target) || !typed.has(event.target)) return;
    typed.delete(event.target);
    void check(event.target).catch(() => undefined);
  },
  true,
);

// Typing again makes the shown verdict stale and ends a dismissal; the value is not read here.
document.addEventListener(
  'input',
  (event) => {
    if (!event.isTrusted || !isPasswordField(event.target)) return;
    typed.add(event.target);
    dismissed.delete(event.target);
    removeWarning(event.target);
  },
  true,
);
