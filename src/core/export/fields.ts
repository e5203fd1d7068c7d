/**
 * The export file's field schemas, shared by its sections. Every message names what was expected
 * (see schema-kit.ts); a text or list over its limit says how long it is against the limit.
 */
import * as v from 'valibot';
import { PROVIDER_IDS } from '../breach';
import { normaliseEmail, type EmailResult } from '../email';
import { STEP_ID } from '../guidance';
import { silentTranslate, type Translate } from '../i18n';
import type { ProviderErrorKind } from '../provider-error';
import { foundWords, issuePath, oneOf, record, words } from '../schema-kit';
import { MAX_LIST_ITEMS, MAX_TEXT_LENGTH, MAX_TIME } from './format';

export const text = (max = MAX_TEXT_LENGTH) => v.pipe(v.string(words('importExpectText')), v.maxLength(max, words('importTextTooLong', max)));

/** A record's key: text that is not empty. */
export const key = v.pipe(text(), v.minLength(1, words('importExpectNonEmptyText')));

export const bool = v.boolean(words('importExpectBoolean'));

export const time = v.pipe(
  v.number(words('importExpectTime')),
  v.check((n) => Number.isFinite(n) && n >= 0 && n <= MAX_TIME, words('importExpectTime')),
);
export const timeOrNull = v.nullable(time);

export const count = v.pipe(v.number(words('importExpectCount')), v.check((n) => Number.isSafeInteger(n) && n >= 0, words('importExpectCount')));

export const provider = oneOf(PROVIDER_IDS);

/**
 * A list of at most `max` items: its length is checked before its items, so an oversized list is
 * refused at once, by its size.
 */
export const list = <T extends v.GenericSchema>(item: T, max = MAX_LIST_ITEMS) =>
  v.pipe(v.custom<unknown[]>(Array.isArray, words('importExpectList')), v.maxLength(max, words('importListTooLong', max)), v.array(item));

export const textList = list(text());

/** Text matching a test, or null when `nullable`; anything else is refused with `message`. */
export const textWhere = (ok: (text: string) => boolean, message: string) => v.custom<string>((x) => typeof x === 'string' && ok(x), message);

/** Text that is a real calendar day: YYYY-MM-DD, or a shorter prefix when allowed. */
export function isCalendarDate(text: string, allowPartial: boolean): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  if (m[3] === undefined && !allowPartial && m[2] !== undefined) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const ms = Date.UTC(Number(m[1]), month - 1, day);
  return day >= 1 && new Date(ms).getUTCDate() === day;
}

/**
 * The ticked "What to do" steps: optional (files from before checklists have none, and an entry
 * never ticked has none), sorted and without repeats so the same ticks always export the same.
 */
export const steps = v.optional(
  v.pipe(
    list(textWhere((s) => STEP_ID.test(s), words('importExpectStepId')), 100),
    v.transform((ids) => [...new Set(ids)].sort()),
  ),
);

const FAILURE_KINDS = [
  'unauthorized',
  'forbidden',
  'bad-request',
  'rate-limited',
  'unavailable',
  'timeout',
  'network',
  'redirected',
  'malformed',
  'internal',
] as const satisfies readonly ProviderErrorKind[];
// Compile-time guard: a new ProviderErrorKind must be added to FAILURE_KINDS, or imports of
// failures of that kind would be refused.
const _allKinds: Exclude<ProviderErrorKind, (typeof FAILURE_KINDS)[number]> extends never ? true : never = true;

export const failure = v.nullable(
  record(
    {
      kind: oneOf(FAILURE_KINDS),
      // Optional fields keep their presence, so the file comes back out exactly as it went in.
      provider: v.optional(provider),
      status: v.optional(count),
      retryAfterMs: v.optional(time),
      rayId: v.optional(text()),
      message: text(),
    },
    words('importExpectObject'),
  ),
);

/**
 * Verdicts per distinct string: a file repeats a handful of addresses many times. Kept for one
 * document only (see `forgetEmailVerdicts`): the addresses are not held after the check.
 */
const emailVerdicts = new Map<string, EmailResult | 'too-long'>();

export const forgetEmailVerdicts = (): void => emailVerdicts.clear();

// Only the verdict is needed here; the reason is worded when (and if) it is shown.
const judgeEmail = (value: string): EmailResult | 'too-long' => (value.length > MAX_TEXT_LENGTH ? 'too-long' : normaliseEmail(value, silentTranslate));

function emailVerdict(value: string): EmailResult | 'too-long' {
  let verdict = emailVerdicts.get(value);
  if (verdict === undefined) {
    verdict = judgeEmail(value);
    if (emailVerdicts.size < 100_000) emailVerdicts.set(value, verdict);
  }
  return verdict;
}

/** Emails are compared as strings everywhere, so only the normalised spelling is accepted. */
export const email = v.pipe(
  v.string(words('importExpectEmail')),
  v.check((value) => {
    const verdict = emailVerdict(value);
    return verdict !== 'too-long' && verdict.ok && verdict.email === value;
  }, words('importEmailInvalid')),
);

/** The words for an address `email` refused: too long, not an address (and why), or not normalised. */
export function emailWords(issue: v.BaseIssue<unknown>, t: Translate): string {
  const value = issue.input as string;
  const path = issuePath(issue);
  const verdict = judgeEmail(value);
  if (verdict === 'too-long') return t('importEmailTooLong', path, value.length);
  if (verdict.ok) return t('importEmailNotNormalised', path, JSON.stringify(verdict.email), foundWords(value, t));
  const reason = normaliseEmail(value, t);
  return t('importEmailInvalid', path, foundWords(value, t), reason.ok ? '' : reason.message);
}
