/**
 * A coming moment — the next try of a check, the end of a run — in words a person reads right.
 * Pure: the language and the clock come in as arguments.
 */
import { HOUR } from './pacing';

/**
 * Up to this far ahead a clock time alone is unambiguous ("14:05" is the next 14:05). Beyond it
 * the day is added: a retry held for the longest Retry-After allowed (24 h, see core/http.ts)
 * would otherwise read as "next try at" the current minute.
 */
export const CLOCK_ONLY_WITHIN_MS = 12 * HOUR;

export type WhenFormatter = (epochMs: number, now: number) => string;

/** "14:05" for a moment within 12 hours, "14:05 (11 Mar)" for one further away. */
export function whenFormatter(language: string): WhenFormatter {
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
  return (epochMs, now) => {
    const clock = time.format(epochMs);
    return Math.abs(epochMs - now) < CLOCK_ONLY_WITHIN_MS ? clock : `${clock} (${day.format(epochMs)})`;
  };
}
