import type { ProviderId } from './breach';
import type { Translate } from './i18n';
import type { ProviderFailure } from './provider-error';
import { PROVIDERS } from './provider-registry';

/**
 * What went wrong and what to do next, in words. `retryAt` is when the queue will try again by
 * itself (null when it will not); `formatTime` is injected so core stays free of locale state.
 */
export function describeFailure(
  provider: ProviderId,
  failure: ProviderFailure,
  retryAt: number | null,
  formatTime: (epochMs: number) => string,
  t: Translate,
): string {
  const { name, unauthorizedText } = PROVIDERS[provider];
  const withRetry = (text: string) => `${text} ${retryAt !== null ? t('failureRetryAt', formatTime(retryAt)) : t('failureCheckLater')}`;
  switch (failure.kind) {
    case 'unauthorized':
      // A provider that takes no key gets its 401 from something in between, and Options cannot fix it.
      return t(unauthorizedText, name, failure.status ?? 401);
    case 'forbidden':
      return failure.rayId ? t('failureForbiddenRay', name, failure.rayId) : t('failureForbidden', name);
    case 'rate-limited':
      return retryAt !== null ? t('failureRateLimitedUntil', name, formatTime(retryAt)) : t('failureRateLimited', name);
    case 'unavailable':
      return withRetry(failure.status ? t('failureUnavailableStatus', name, failure.status) : t('failureUnavailable', name));
    case 'timeout':
      return withRetry(t('failureTimeout', name));
    case 'network':
      return withRetry(t('failureNetwork', name));
    case 'redirected':
      return withRetry(t('failureRedirected', name));
    case 'malformed':
      return withRetry(t('failureMalformed', name));
    case 'bad-request':
      return t('failureBadRequest', name);
    case 'internal':
      return t('failureInternal', name);
  }
}

/**
 * Why a check waits for the provider's limit, in plain words: "XposedOrNot allows 25 checks an
 * hour; the next one goes at 08:54." Windows are compared rounded, as the pacer widens them a little.
 */
export function describeQuotaWait(provider: ProviderId, quota: { limit: number; windowMs: number }, at: number, formatTime: (epochMs: number) => string, t: Translate): string {
  const name = PROVIDERS[provider].name;
  const when = formatTime(at);
  const seconds = Math.round(quota.windowMs / 1000);
  if (seconds === 86_400) return t('waitQuotaDay', name, quota.limit, when);
  if (seconds === 3_600) return t('waitQuotaHour', name, quota.limit, when);
  if (seconds === 60) return t('waitQuotaMinute', name, quota.limit, when);
  // A pace of a few seconds is a turn in line, not a quota worth explaining ("1 checks every 1 seconds").
  if (seconds < 60) return t('waitTurn', name, when);
  return t('waitQuotaSeconds', name, quota.limit, seconds, when);
}

/**
 * Why the Options page's "Test key" failed. Nothing retries a key test by itself, so a rate limit
 * says when the user may test again (the Retry-After, clamped to 1 s…24 h by core/http.ts).
 */
export function describeKeyTestFailure(failure: ProviderFailure, formatWhen: (epochMs: number) => string, t: Translate): string {
  if (failure.kind === 'unauthorized') return t('errorKeyRejected');
  if (failure.kind === 'rate-limited' && failure.retryAfterMs !== undefined) return t('keyTestRateLimited', formatWhen(failure.retryAfterMs));
  return describeFailure('hibp', failure, null, formatWhen, t);
}
