import type { DeadlineRule } from './deadline';
import type { LawId } from './laws';

/** Art. 12(3) GDPR (and UK GDPR, Art. 12A since 5 February 2026): one month, extendable by two further months. */
const ONE_PLUS_TWO_MONTHS: DeadlineRule = { months: 1, maxExtensionMonths: 2 };

/**
 * Each law's time to answer. laws.ts reads its rules from here; they live apart from the laws'
 * texts so that what only counts days (the popup's overdue line, the background's reminder) does
 * not load the letters' citations.
 */
export const DEADLINE_RULES: Readonly<Record<LawId, DeadlineRule>> = {
  'eu-gdpr': ONE_PLUS_TWO_MONTHS,
  'uk-gdpr': ONE_PLUS_TWO_MONTHS,
};
