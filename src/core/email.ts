import { silentTranslate, type Translate } from './i18n';
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
export function normaliseEmail(input: string, t: Translate): EmailResult {
  let s = input.replace(EDGE_JUNK, '');
  if (s === '') return fail('empty', t('emailEmpty'));
  if (s.length > MAX_INPUT_LENGTH) {
    return fail('too-long', t('emailInputTooLong', MAX_ADDRESS_LENGTH));
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
    if (s === '') return fail('empty', t('emailMailtoEmpty'));
  }

  const angle = /^(.*?)<([^<>]*)>$/su.exec(s);
  if (angle) {
    const inner = (angle[2] ?? '').trim();
    return fail('display-name', inner.includes('@') ? t('emailDisplayNameExample', inner) : t('emailDisplayName'));
  }

  if (
    s.length >= 2 &&
    OPEN_QUOTES.includes(s[0] ?? '') &&
    CLOSE_QUOTES.includes(s[s.length - 1] ?? '') &&
    s.slice(1, -1).includes('@') &&
    !/["\u201c\u201d]/u.test(s.slice(1, -1))
  ) {
    return fail('surrounding-quotes', t('emailSurroundingQuotes'));
  }

  if (s.startsWith('"') || s.startsWith('\u201c')) {
    return fail('quoted-local', t('emailQuotedLocal'));
  }

  const tokens = s.split(/[\s,;]+/u).filter((t) => t !== '');
  if (tokens.filter((t) => t.includes('@')).length >= 2) {
    return fail('multiple-addresses', t('emailMultipleAddresses'));
  }

  const space = firstMatch(s, /\s/u);
  if (space) {
    const what = /[\n\r\u2028\u2029]/u.test(space.ch) ? t('emailLineBreaks') : t('emailSpaces');
    const where = space.index > 0 ? ` ${t('emailRemoveSpaceAfter', tail(s.slice(0, space.index)))}` : '';
    return fail('whitespace-inside', `${what}${where}`);
  }

  const control = firstMatch(s, CONTROL);
  if (control) {
    return fail('control-char', t('emailControlChar', show(control.ch)));
  }

  const invisible = firstMatch(s, INVISIBLE);
  if (invisible) {
    return fail('invisible-char', t('emailInvisibleChar', show(invisible.ch)));
  }

  const parts = s.split('@');
  if (parts.length === 1) {
    const wide = /[\uff20\ufe6b]/u.test(s) ? ` ${t('emailFullWidthAt')}` : '';
    return fail('missing-at', `${t('emailMissingAt')}${wide}`);
  }
  if (parts.length > 2) {
    return fail('multiple-at', t('emailMultipleAt'));
  }
  const [rawLocal = '', rawDomain = ''] = parts;
  if (rawLocal === '') return fail('empty-local', t('emailEmptyLocal'));
  if (rawDomain === '') return fail('empty-domain', t('emailEmptyDomain'));

  const local = checkLocal(rawLocal, t);
  if (!local.ok) return local;
  const domain = checkDomain(rawDomain, t);
  if (!domain.ok) return domain;

  const email = `${local.email}@${domain.email}`;
  if (email.length > MAX_ADDRESS_LENGTH) {
    return fail('too-long', t('emailTooLong', email.length, MAX_ADDRESS_LENGTH));
  }
  return { ok: true, email };
}

function checkLocal(local: string, t: Translate): EmailResult {
  const unicode = firstMatch(local, NON_ASCII);
  if (unicode) {
    return fail('unicode-local', t('emailUnicodeLocal', show(unicode.ch)));
  }
  if (local.startsWith('.') || local.endsWith('.')) {
    return fail('leading-or-trailing-dot', t('emailLocalEdgeDot'));
  }
  if (local.includes('..')) {
    return fail('consecutive-dots', t('emailLocalDoubleDot'));
  }
  if (local.includes('"')) {
    return fail('quoted-local', t('emailLocalQuotes'));
  }
  for (const ch of local) {
    if (!LOCAL_CHAR.test(ch)) {
      return fail('invalid-local-char', t('emailInvalidLocalChar', show(ch)));
    }
  }
  if (local.length > MAX_LOCAL_LENGTH) {
    return fail('local-too-long', t('emailLocalTooLong', local.length, MAX_LOCAL_LENGTH));
  }
  // Providers compare case-insensitively; one spelling keeps duplicates out of the list.
  return { ok: true, email: local.toLowerCase() };
}

function checkDomain(raw: string, t: Translate): EmailResult {
  if (raw.startsWith('[')) {
    return fail('ip-literal-domain', t('emailIpLiteral'));
  }
  // NFKC folds full-width letters and digits to ASCII, close to what browsers do to host names
  // (UTS #46); the ideographic full stops are dots typed on CJK keyboards.
  const domain = raw.normalize('NFKC').toLowerCase().normalize('NFC').replace(/[\u3002\uff0e\uff61]/gu, '.');
  if (domain.startsWith('.') || domain.endsWith('.')) {
    return fail('leading-or-trailing-dot', domain.endsWith('.') ? t('emailDomainEndDot') : t('emailDomainStartDot'));
  }
  if (domain.includes('..')) {
    return fail('consecutive-dots', t('emailDomainDoubleDot'));
  }
  if (!domain.includes('.')) {
    return fail('domain-no-dot', t('emailDomainNoDot', domain));
  }
  const labels = domain.split('.');
  if (labels.every((l) => /^[0-9]+$/.test(l))) {
    return fail('ip-literal-domain', t('emailIpLiteral'));
  }

  const ascii: string[] = [];
  for (const label of labels) {
    const bad = checkLabel(label, t);
    if (bad) return bad;
    const encoded = labelToAscii(label);
    if (encoded.length > MAX_LABEL_LENGTH) {
      return fail('domain-label-too-long', t('emailLabelTooLong', label.slice(0, 20), MAX_LABEL_LENGTH));
    }
    ascii.push(encoded);
  }

  const tld = labels[labels.length - 1] ?? '';
  // No top-level domain is numeric or a single character; such an address cannot receive mail.
  if (/^[0-9]+$/.test(tld) || tld.length < 2) {
    return fail('invalid-tld', t('emailInvalidTld', tld));
  }
  return { ok: true, email: ascii.join('.') };
}

function checkLabel(label: string, t: Translate): EmailResult | null {
  if (label.startsWith('-') || label.endsWith('-')) {
    return fail('domain-label-invalid', t('emailLabelHyphen', label));
  }
  const unicode = NON_ASCII.test(label);
  for (const ch of label) {
    const allowed = unicode ? UNICODE_LABEL_CHAR.test(ch) : /^[a-z0-9-]$/.test(ch);
    if (!allowed) {
      return fail('domain-label-invalid', `${t('emailLabelChar', label, show(ch))} ${ch === '_' ? t('emailLabelUnderscore') : t('emailLabelAllowed')}`);
    }
  }
  if (unicode && /^\p{M}/u.test(label)) {
    return fail('domain-label-invalid', t('emailLabelCombining', label));
  }
  return null;
}

/** Whether two inputs name the same mailbox as far as breach providers are concerned. */
export function isSameAddress(a: string, b: string): boolean {
  const x = normaliseEmail(a, silentTranslate);
  const y = normaliseEmail(b, silentTranslate);
  // Text that is not an address is never "the same address", even as identical strings.
  return x.ok && y.ok && x.email === y.email;
}
