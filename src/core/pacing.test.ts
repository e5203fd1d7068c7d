import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND, blockingRule, nextSlot, prune, queueSlots } from './pacing';
import { hibpRules } from './provider-registry';

/** XposedOrNot's stated lookup limits, as a provider states them (the registry paces tighter). */
const XPOSEDORNOT_RULES = [
  { limit: 2, windowMs: SECOND },
  { limit: 25, windowMs: HOUR },
  { limit: 100, windowMs: DAY },
];

describe('nextSlot', () => {
  it('lets a request go at once when nothing was sent', () => {
    expect(nextSlot(hibpRules(10), [], 5_000)).toBe(5_000);
  });

  it('waits until the oldest counted request leaves the window', () => {
    const rules = [{ limit: 1, windowMs: SECOND }];
    expect(nextSlot(rules, [10_000], 10_200)).toBe(11_000);
    expect(nextSlot(rules, [10_000], 11_000)).toBe(11_000);
  });

  it('applies every rule: XposedOrNot 2/s, 25/h, 100/day', () => {
    const start = 1_000_000_000;
    // 25 requests spread over the last minute: the hourly cap bites, not the per-second one.
    const sent = Array.from({ length: 25 }, (_, i) => start + i * 2 * SECOND);
    const now = start + 50 * SECOND;
    expect(nextSlot(XPOSEDORNOT_RULES, sent, now)).toBe(start + HOUR);
  });

  it('respects the per-second rule with two requests in the same second', () => {
    expect(nextSlot(XPOSEDORNOT_RULES, [100_000, 100_400], 100_500)).toBe(101_000);
  });

  it('respects the daily cap', () => {
    const start = 0;
    const sent = Array.from({ length: 100 }, (_, i) => start + i * 10 * MINUTE);
    const now = sent[99]! + 1;
    // Hourly cap is fine by then (6 per hour); the daily cap waits for the first to age out.
    expect(nextSlot(XPOSEDORNOT_RULES, sent, now)).toBe(start + DAY);
  });

  it('paces 10 per minute as ten requests then a wait of one window', () => {
    const rules = hibpRules(10);
    const times: number[] = [];
    let at = 0;
    for (let i = 0; i < 21; i++) {
      at = nextSlot(rules, times, at);
      times.push(at);
    }
    expect(times.slice(0, 10).every((t) => t === 0)).toBe(true);
    expect(times[10]).toBe(MINUTE);
    expect(times[20]).toBe(2 * MINUTE);
  });
});

describe('queueSlots', () => {
  const oneASecond = [{ limit: 1, windowMs: SECOND }];
  const queue = (n: number, notBefore = 0) => Array.from({ length: n }, () => ({ notBefore }));

  it('spaces 20 requests at 1 per second over 19 s, the first at once', () => {
    const slots = queueSlots(oneASecond, [], queue(20), 0);
    expect(slots[0]).toBe(0);
    expect(slots.at(-1)).toBe(19 * SECOND);
  });

  it('counts what was already sent, and starts each no earlier than its own retry-after', () => {
    expect(queueSlots(oneASecond, [500], [{ notBefore: 0 }, { notBefore: 7_000 }, { notBefore: 0 }], 1_000)).toEqual([1_500, 7_000, 8_000]);
  });

  it('counts the hourly cap for XposedOrNot', () => {
    // 30 addresses: 25 fit in the first hour, the rest wait for it to roll over.
    const end = queueSlots(XPOSEDORNOT_RULES, [], queue(30), 0).at(-1)!;
    expect(end).toBeGreaterThanOrEqual(HOUR);
    expect(end).toBeLessThan(HOUR + 10 * SECOND);
  });
});

describe('prune', () => {
  it('keeps only times some rule can still count', () => {
    expect(prune(XPOSEDORNOT_RULES, [0, DAY - 1, DAY + 5], DAY + 10)).toEqual([DAY - 1, DAY + 5]);
  });
});

describe('blockingRule', () => {
  const rules = [
    { limit: 2, windowMs: SECOND },
    { limit: 25, windowMs: HOUR },
  ];
  it('names the limit that holds a request back, the longest window among those that would alone', () => {
    const now = 10 * HOUR;
    const sent = Array.from({ length: 25 }, (_, i) => now - 10 * MINUTE + i);
    const at = nextSlot(rules, sent, now);
    expect(blockingRule(rules, sent, at, now)).toEqual(rules[1]);
  });

  it('is null when nothing holds it, and names the short window for a short wait', () => {
    expect(blockingRule(rules, [], 5, 5)).toBeNull();
    const now = 10 * HOUR;
    const sent = [now - 10, now - 5];
    expect(blockingRule(rules, sent, nextSlot(rules, sent, now), now)).toEqual(rules[0]);
  });
});
