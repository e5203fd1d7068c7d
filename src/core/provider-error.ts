import type { ProviderId } from './breach';

/**
 * Typed provider failures. Each kind maps to one state the user can act on; the scheduler reads
 * `retryAt` to know when work may resume by itself.
 */
export type ProviderErrorKind =
  | 'unauthorized' // 401: key missing or rejected — the user must fix it in Options
  | 'forbidden' // 403: user agent refused or blocked (Cloudflare ray id when present)
  | 'bad-request' // 400: the provider refused the address as malformed
  | 'rate-limited' // 429: retry after the given time
  | 'unavailable' // 5xx: provider down, retry later
  | 'timeout' // no answer in time
  | 'network' // no connection at all
  | 'redirected' // a 3xx: refused, never followed (a captive portal, a proxy, a moved or wrong base URL)
  | 'malformed' // 2xx/404 body we could not understand
  | 'internal'; // not the provider: a bug of ours, or the browser refusing an API call

export interface ProviderErrorInit {
  kind: ProviderErrorKind;
  status?: number;
  /** Epoch ms before which the provider must not be asked again. */
  retryAfterMs?: number;
  /** Cloudflare ray id from a 403, so the user can quote it to the provider. */
  rayId?: string;
  detail?: string;
}

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly rayId: string | undefined;

  constructor(init: ProviderErrorInit) {
    super(init.detail ?? init.kind);
    this.name = 'ProviderError';
    this.kind = init.kind;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.rayId = init.rayId;
  }

  /** Plain data, safe to store and to send in a message. */
  toJSON(): ProviderFailure {
    return {
      kind: this.kind,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.rayId !== undefined ? { rayId: this.rayId } : {}),
      message: this.message,
    };
  }
}

export interface ProviderFailure {
  kind: ProviderErrorKind;
  /** Who failed: set when a check records it, so the words name the right one of several providers. */
  provider?: ProviderId;
  status?: number;
  retryAfterMs?: number;
  rayId?: string;
  message: string;
}

/** A provider answer that is not the documented shape (or is too large to read). */
export function malformed(detail: string, status?: number): ProviderError {
  return new ProviderError({ kind: 'malformed', detail, ...(status !== undefined ? { status } : {}) });
}
