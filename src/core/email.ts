import { labelToAscii } from './punycode';

/**
 * Email address normalisation for breach look-ups. Breach providers index addresses as plain,
 * lower-case ASCII, so two spellings of one mailbox must end up as one string, while two
 * different mailboxes must never be merged: `+tags` and dots in the local part are kept, because
 * a breach database holds `a.b+shop@x.com` and `ab@x.com` as different accounts.
 *
 * Validation is deliberately stricter than RFC 5322: forms the providers cannot look up (quoted
 * local parts, IP literals, Unicode local parts) are refused with a reason, rather than sent off
 * to come back "not breached" and give false comfort.
 */
export type EmailError =
  | 'empty'
  | 'too-long'
  | 'local-too-long'
  | 'missing-at'
  | 'multiple-at'
  | 'multiple-addresses'
  | 'empty-local'
  | 'empty-domain'
  | 'invalid-local-char'
  | 'unicode-local'
  | 'control-char'
  | 'invisible-char'
  | 'whitespace-inside'
  | 'domain-no-dot'
  | 'domain-label-invalid'
  | 'domain-label-too-long'
  | 'invalid-tld'
  | 'consecutive-dots'
  | 'leading-or-trailing-dot'
  | 'display-name'
  | 'surrounding-quotes'
  | 'quoted-local'
  | 'ip-literal-domain';

export type EmailResult = { ok: true; email: string } | { ok: false; error: EmailError; message: string };

/** RFC 5321 path limit (256) minus the angle brackets. */
export const MAX_ADDRESS_LENGTH = 254;
export const MAX_LOCAL_LENGTH = 64;
export const MAX_LABEL_LENGTH = 63;
/** Anything longer cannot become a valid address; refuse before doing per-character work on it. */
const MAX_INPUT_LENGTH = 1024;

// Zero-width characters are trimmed with the whitespace: they ride along with copy and paste.
const EDGE_JUNK = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/gu;
// RFC 5322 atext plus the dot (dot placement is checked separately).
const LOCAL_CHAR = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]$/i;
const CONTROL = /[\p{Cc}\p{Cs}]/u;
// Format characters (zero-width joiners, bidi overrides, soft hyphen…) and variation selectors.
const INVISIBLE = /[\p{Cf}\u034f\u180b-\u180f\ufe00-\ufe0f]/u;
const NON_ASCII = /\P{ASCII}/u;
const UNICODE_LABEL_CHAR = /^[\p{L}\p{M}\p{N}-]$/u;
const OPEN_QUOTES = '"\u201c\u201d\u2018\u2019\'\u00ab';
const CLOSE_QUOTES = '"\u201c\u201d\u2018\u2019\'\u00bb';

function fail(error: EmailError, message: string): EmailResult {
  return { ok: false, error, message };
}

/** A character as a user can recognise it in a message; invisible ones by code point. */
function show(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `"${ch}"` : hex;
}

function firstMatch(text: string, pattern: RegExp): { ch: string; index: number } | null {
  const m = pattern.exec(text);
  return m ? { ch: m[0], index: m.index } : null;
}

function tail(text: string, max = 20): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/** Trims, strips `mailto:`, lower-cases and converts an IDN domain to its ASCII form. */
export function normaliseEmail(input: string): EmailResult {
  let s = input.replace(EDGE_JUNK, '');
  if (s === '') return fail('empty', 'Enter an email address, for example name@example.com.');
  if (s.length > MAX_INPUT_LENGTH) {
    return fail('too-long', `That is longer than the ${MAX_ADDRESS_LENGTH} characters an email address can have. Check that you pasted a single address.`);
  }

  if (/^mailto:/i.test(s)) {
    // A mailto: link may carry ?subject=…; only the address matters. Links percent-encode
    // characters such as "+", so decode them, but keep the text if it is not valid encoding.
    s = s.slice('mailto:'.length).split(/[?#]/, 1)[0] ?? '';
    if (/%[0-9a-f]{2}/i.test(s)) {
      try {
        s = decodeURIComponent(s);
      } catch {
        // Not percent-encoding after all: validate the text as it stands.
      }
    }
    s = s.replace(EDGE_JUNK, '');
    if (s === '') return fail('empty', 'That mailto: link has no address in it. Enter the email address itself.');
  }

  const angle = /^(.*?)<([^<>]*)>$/su.exec(s);
  if (angle) {
    const inner = (angle[2] ?? '').trim();
    const example = inner.includes('@') ? ` (${inner})` : '';
    return fail('display-name', `Paste only the address itself${example}, without a name or angle brackets around it.`);
  }

  if (
    s.length >= 2 &&
    OPEN_QUOTES.includes(s[0] ?? '') &&
    CLOSE_QUOTES.includes(s[s.length - 1] ?? '') &&
    s.slice(1, -1).includes('@') &&
    !/["\u201c\u201d]/u.test(s.slice(1, -1))
  ) {
    return fail('surrounding-quotes', 'Remove the quotation marks around the address and enter just name@example.com.');
  }

  if (s.startsWith('"') || s.startsWith('\u201c')) {
    return fail('quoted-local', 'Addresses with a quoted part before the @ (like "john doe"@example.com) are not supported by breach providers. Enter a plain address.');
  }

  const tokens = s.split(/[\s,;]+/u).filter((t) => t !== '');
  if (tokens.filter((t) => t.includes('@')).length >= 2) {
    return fail('multiple-addresses', 'That looks like more than one address. Add them one at a time.');
  }

  const space = firstMatch(s, /\s/u);
  if (space) {
    const what = /[\n\r\u2028\u2029]/u.test(space.ch) ? 'line breaks' : 'spaces';
    const where = space.index > 0 ? ` Remove the one after "${tail(s.slice(0, space.index))}".` : '';
    return fail('whitespace-inside', `Email addresses cannot contain ${what}.${where}`);
  }

  const control = firstMatch(s, CONTROL);
  if (control) {
    return fail('control-char', `The address contains an invisible control character (${show(control.ch)}), usually picked up by copying. Type the address again by hand.`);
  }

  const invisible = firstMatch(s, INVISIBLE);
  if (invisible) {
    return fail('invisible-char', `The address contains an invisible formatting character (${show(invisible.ch)}), usually picked up by copying. Type the address again by hand.`);
  }

  const parts = s.split('@');
  if (parts.length === 1) {
    const wide = /[\uff20\ufe6b]/u.test(s) ? ' The one in your text is a full-width "＠"; type a plain @ instead.' : '';
    return fail('missing-at', `An email address needs an @ between the name and the domain, as in name@example.com.${wide}`);
  }
  if (parts.length > 2) {
    return fail('multiple-at', 'That address has more than one @. Keep only the @ between the name and the domain.');
  }
  const [rawLocal = '', rawDomain = ''] = parts;
  if (rawLocal === '') return fail('empty-local', 'Add the part before the @, as in name@example.com.');
  if (rawDomain === '') return fail('empty-domain', 'Add the domain after the @, as in name@example.com.');

  const local = checkLocal(rawLocal);
  if (!local.ok) return local;
  const domain = checkDomain(rawDomain);
  if (!domain.ok) return domain;

  const email = `${local.email}@${domain.email}`;
  if (email.length > MAX_ADDRESS_LENGTH) {
    return fail('too-long', `That address is ${email.length} characters long; an email address can have at most ${MAX_ADDRESS_LENGTH}. Check for a copy-and-paste mistake.`);
  }
  return { ok: true, email };
}

function checkLocal(local: string): EmailResult {
  const unicode = firstMatch(local, NON_ASCII);
  if (unicode) {
    return fail('unicode-local', `The part before the @ contains ${show(unicode.ch)}. Breach providers only index addresses written in plain ASCII before the @ (letters a–z, digits and symbols such as . _ + -), so this address cannot be checked.`);
  }
  if (local.startsWith('.') || local.endsWith('.')) {
    return fail('leading-or-trailing-dot', 'The part before the @ cannot start or end with a dot. Remove that dot.');
  }
  if (local.includes('..')) {
    return fail('consecutive-dots', 'The part before the @ has two dots in a row. Remove the extra dot.');
  }
  if (local.includes('"')) {
    return fail('quoted-local', 'Addresses with a quoted part before the @ are not supported by breach providers. Remove the quotation marks.');
  }
  for (const ch of local) {
    if (!LOCAL_CHAR.test(ch)) {
      return fail('invalid-local-char', `The character ${show(ch)} cannot be used before the @ in an email address. Remove it and try again.`);
    }
  }
  if (local.length > MAX_LOCAL_LENGTH) {
    return fail('local-too-long', `The part before the @ is ${local.length} characters long; at most ${MAX_LOCAL_LENGTH} are allowed. Check for a copy-and-paste mistake.`);
  }
  // Providers compare case-insensitively; one spelling keeps duplicates out of the list.
  return { ok: true, email: local.toLowerCase() };
}

function checkDomain(raw: string): EmailResult {
  if (raw.startsWith('[')) {
    return fail('ip-literal-domain', 'Breach providers do not index addresses at an IP address. Use an address with a domain name, such as name@example.com.');
  }
  // NFKC folds full-width letters and digits to ASCII, close to what browsers do to host names
  // (UTS #46); the ideographic full stops are dots typed on CJK keyboards.
  const domain = raw.normalize('NFKC').toLowerCase().normalize('NFC').replace(/[\u3002\uff0e\uff61]/gu, '.');
  if (domain.startsWith('.') || domain.endsWith('.')) {
    const which = domain.endsWith('.') ? 'end' : 'start';
    return fail('leading-or-trailing-dot', `The domain after the @ cannot ${which} with a dot. Remove the dot at the ${which}.`);
  }
  if (domain.includes('..')) {
    return fail('consecutive-dots', 'The domain after the @ has two dots in a row. Remove the extra dot.');
  }
  if (!domain.includes('.')) {
    return fail('domain-no-dot', `The domain "${domain}" has no dot. Use the full domain, such as example.com.`);
  }
  const labels = domain.split('.');
  if (labels.every((l) => /^[0-9]+$/.test(l))) {
    return fail('ip-literal-domain', 'Breach providers do not index addresses at an IP address. Use an address with a domain name, such as name@example.com.');
  }

  const ascii: string[] = [];
  for (const label of labels) {
    const bad = checkLabel(label);
    if (bad) return bad;
    const encoded = labelToAscii(label);
    if (encoded.length > MAX_LABEL_LENGTH) {
      return fail('domain-label-too-long', `The domain part "${label.slice(0, 20)}…" is longer than the ${MAX_LABEL_LENGTH} characters allowed between two dots.`);
    }
    ascii.push(encoded);
  }

  const tld = labels[labels.length - 1] ?? '';
  // No top-level domain is numeric or a single character; such an address cannot receive mail.
  if (/^[0-9]+$/.test(tld) || tld.length < 2) {
    return fail('invalid-tld', `A domain must end in a name such as .com or .org, not ".${tld}".`);
  }
  return { ok: true, email: ascii.join('.') };
}

function checkLabel(label: string): EmailResult | null {
  if (label.startsWith('-') || label.endsWith('-')) {
    return fail('domain-label-invalid', `The domain part "${label}" cannot start or end with a hyphen.`);
  }
  const unicode = NON_ASCII.test(label);
  for (const ch of label) {
    const allowed = unicode ? UNICODE_LABEL_CHAR.test(ch) : /^[a-z0-9-]$/.test(ch);
    if (!allowed) {
      const hint = ch === '_' ? ' Underscores are not allowed in domain names.' : ' Domains use only letters, digits and hyphens.';
      return fail('domain-label-invalid', `The domain part "${label}" contains ${show(ch)}.${hint}`);
    }
  }
  if (unicode && /^\p{M}/u.test(label)) {
    return fail('domain-label-invalid', `The domain part "${label}" cannot start with a combining mark.`);
  }
  return null;
}

/** Whether two inputs name the same mailbox as far as breach providers are concerned. */
export function isSameAddress(a: string, b: string): boolean {
  const x = normaliseEmail(a);
  const y = normaliseEmail(b);
  // Text that is not an address is never "the same address", even as identical strings.
  return x.ok && y.ok && x.email === y.email;
}

/**
 * `alice@example.com` → `a…@example.com`, for alerts and notifications that others may see over
 * the user's shoulder. The ellipsis hides the length of the local part too.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at >= 0 ? email.slice(0, at) : email;
  const domain = at >= 0 ? email.slice(at) : '';
  const first = Array.from(local)[0] ?? '';
  return `${first}…${domain}`;
}
