import type { ProviderId } from './breach';
import type { ProviderFailure } from './provider-error';

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
): string {
  const name = PROVIDER_NAMES[provider];
  const retry = retryAt !== null ? ` Trying again at ${formatTime(retryAt)}.` : ' Check again later.';
  switch (failure.kind) {
    case 'unauthorized':
      return `${name} rejected the API key — check it in Options.`;
    case 'forbidden':
      return `${name} refused the request (403${failure.rayId ? `, Cloudflare ray ${failure.rayId}` : ''}). Try again later; if it keeps happening, contact ${name} and quote the ray id.`;
    case 'rate-limited':
      return retryAt !== null
        ? `Rate limited by ${name} — next try at ${formatTime(retryAt)}.`
        : `Rate limited by ${name}. Check again later.`;
    case 'unavailable':
      return `${name} is unavailable right now${failure.status ? ` (${failure.status})` : ''}.${retry}`;
    case 'timeout':
      return `${name} did not answer in time.${retry}`;
    case 'network':
      return `Could not reach ${name} — check your connection.${retry}`;
    case 'malformed':
      return `${name} sent an answer that could not be read.${retry}`;
    case 'bad-request':
      return `${name} refused this address as malformed. Check it for typos, remove it and add it again.`;
  }
}
