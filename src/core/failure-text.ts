import type { ProviderId } from './breach';
import type { Translate } from './i18n';
import type { ProviderFailure } from './provider-error';

/** Product names: the same in every language. */
export const PROVIDER_NAMES: Record<ProviderId, string> = {
  xposedornot: 'XposedOrNot',
  hibp: 'Have I Been Pwned',
};

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
  const name = PROVIDER_NAMES[provider];
  const withRetry = (text: string) => `${text} ${retryAt !== null ? t('failureRetryAt', formatTime(retryAt)) : t('failureCheckLater')}`;
  switch (failure.kind) {
    case 'unauthorized':
      return t('failureUnauthorized', name);
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
    case 'malformed':
      return withRetry(t('failureMalformed', name));
    case 'bad-request':
      return t('failureBadRequest', name);
  }
}
