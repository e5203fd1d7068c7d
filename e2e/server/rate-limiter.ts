/**
 * Fixed-window rate limiting, the way HIBP counts ("N requests per minute", windows aligned to
 * the clock) and close enough to XposedOrNot's per-second/hour/day limits for client tests.
 */

export type LimitedProvider = 'hibp' | 'xposedornot';

export interface RateLimitRule {
  /** 'all' applies the rule to each provider separately (its own counter per provider). */
  provider: LimitedProvider | 'all';
  limit: number;
  windowMs: number;
}

export interface RateLimitVerdict {
  /** Whole seconds until every exceeded window has ended (ceil, at least 1). */
  retryAfterSeconds: number;
}

/** XposedOrNot's published limits for its free API: 2 per second, 25 per hour, 100 per day. */
export function xonLimits(): RateLimitRule[] {
  return [
    { provider: 'xposedornot', limit: 2, windowMs: 1_000 },
    { provider: 'xposedornot', limit: 25, windowMs: 3_600_000 },
    { provider: 'xposedornot', limit: 100, windowMs: 86_400_000 },
  ];
}

/** An HIBP key's per-minute allowance (Pwned 1 = 10 rpm). */
export function hibpLimits(rpm = 10): RateLimitRule[] {
  return [{ provider: 'hibp', limit: rpm, windowMs: 60_000 }];
}

export class FixedWindowLimiter {
  private rules: RateLimitRule[] = [];
  private counters = new Map<string, { windowStart: number; count: number }>();

  setRules(rules: readonly RateLimitRule[]): void {
    this.rules = rules.map((r) => ({ ...r }));
    this.counters.clear();
  }

  get activeRules(): readonly RateLimitRule[] {
    return this.rules;
  }

  /**
   * Counts one request by `client` (the API key for HIBP) unless a rule is already exhausted.
   * Refused requests are not counted, so a 2/s refusal does not eat into the daily quota.
   */
  hit(provider: LimitedProvider, client: string, now: number): RateLimitVerdict | null {
    const applicable = this.rules
      .map((rule, index) => ({ rule, key: `${index}|${provider}|${client}` }))
      .filter(({ rule }) => rule.provider === provider || rule.provider === 'all');
    let waitMs = 0;
    for (const { rule, key } of applicable) {
      const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
      const counter = this.counters.get(key);
      const count = counter && counter.windowStart === windowStart ? counter.count : 0;
      if (count >= rule.limit) waitMs = Math.max(waitMs, windowStart + rule.windowMs - now);
    }
    if (waitMs > 0) return { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    for (const { rule, key } of applicable) {
      const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
      const counter = this.counters.get(key);
      if (counter && counter.windowStart === windowStart) counter.count += 1;
      else this.counters.set(key, { windowStart, count: 1 });
    }
    return null;
  }
}
