/**
 * Budgets for the password-field check's lookups, per tab and overall (see PASSWORD_FIELD_LIMITS).
 * No browser API here, so it is tested as it runs.
 */
import { MINUTE, nextSlot, prune, type RateRule } from '../core/pacing';

/**
 * How many lookups a page may cause. A person leaves a password field a few times a minute at
 * most; a hostile page that sets values and moves focus by script (trusted focus events) must not
 * turn the extension into a source of endless requests from the user's address.
 */
export const PASSWORD_FIELD_LIMITS = {
  perTab: [{ limit: 6, windowMs: MINUTE }, { limit: 30, windowMs: 60 * MINUTE }] as readonly RateRule[],
  overall: [{ limit: 20, windowMs: MINUTE }, { limit: 100, windowMs: 60 * MINUTE }] as readonly RateRule[],
};

/**
 * Lookup times per tab and overall. Kept in memory on purpose: a flood keeps the worker awake, so
 * the counts live as long as the flood; a worker that went idle for 30 s has seen no flood.
 */
const sentByTab = new Map<number, number[]>();
let sentOverall: number[] = [];
const refusedTabs = new Set<number>();

/**
 * Takes one lookup from the budgets: 'ok', or refused ('refused-first' the first time a tab is
 * refused in a row, so the console says so once, not once per request). Arithmetic in core/pacing.
 */
export function takeLookup(tabId: number | undefined, now: number): 'ok' | 'refused-first' | 'refused' {
  const key = tabId ?? -1;
  const tab = prune(PASSWORD_FIELD_LIMITS.perTab, sentByTab.get(key) ?? [], now);
  sentOverall = prune(PASSWORD_FIELD_LIMITS.overall, sentOverall, now);
  const allowed = nextSlot(PASSWORD_FIELD_LIMITS.perTab, tab, now) === now && nextSlot(PASSWORD_FIELD_LIMITS.overall, sentOverall, now) === now;
  if (allowed) {
    tab.push(now);
    sentOverall.push(now);
    refusedTabs.delete(key);
  }
  if (tab.length > 0) sentByTab.set(key, tab);
  else sentByTab.delete(key);
  if (allowed) return 'ok';
  if (refusedTabs.has(key)) return 'refused';
  refusedTabs.add(key);
  return 'refused-first';
}
