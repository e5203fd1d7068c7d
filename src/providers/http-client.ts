/**
 * The one way providers talk HTTP: a GET through the injected fetch, with a timeout, a cap on
 * the body size, and every failure turned into a typed ProviderError the scheduler can act on.
 */
import { parseRetryAfter } from '../core/http';
import { MINUTE } from '../core/pacing';
import { ProviderError, malformed } from '../core/provider-error';
import type { ProviderContext } from './provider';

/** The HIBP catalog is ~1.1 MB; five times that leaves room to grow and still bounds memory. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Wait after a 429 that names no time: HIBP counts per minute, so a minute always clears it. */
export const DEFAULT_RATE_LIMIT_DELAY_MS = MINUTE;

export interface RequestJsonInit {
  headers?: Record<string, string>;
  /**
   * Non-2xx statuses returned to the provider instead of turned into errors, for statuses that
   * mean something in that API (404 = "not in any breach" for HIBP).
   */
  passStatuses?: readonly number[];
  /** Body size cap in bytes; MAX_BODY_BYTES unless a test needs a smaller one. */
  maxBytes?: number;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  /** The parsed body; undefined when the body was empty. */
  json: unknown;
}

function isAbortError(err: unknown): boolean {
  return (err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException)) &&
    (err.name === 'AbortError' || err.name === 'TimeoutError');
}

function timeoutError(ctx: ProviderContext): ProviderError {
  return new ProviderError({ kind: 'timeout', detail: `No answer within ${Math.round(ctx.timeoutMs / 1000)} s.` });
}

/** Maps a refused request to the error kind the user or the scheduler can act on. */
export function statusError(response: Response, now: number): ProviderError {
  const status = response.status;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
  if (status === 400) return new ProviderError({ kind: 'bad-request', status, detail: 'The provider refused this address as invalid (HTTP 400).' });
  if (status === 401) return new ProviderError({ kind: 'unauthorized', status, detail: 'The provider rejected the API key (HTTP 401).' });
  if (status === 403) {
    const rayId = response.headers.get('cf-ray')?.trim() || undefined;
    return new ProviderError({
      kind: 'forbidden',
      status,
      ...(rayId ? { rayId } : {}),
      detail: `The provider blocked the request (HTTP 403${rayId ? `, Cloudflare ray ID ${rayId}` : ''}).`,
    });
  }
  if (status === 408) return new ProviderError({ kind: 'timeout', status, detail: 'The provider timed out waiting for the request (HTTP 408).' });
  if (status === 429) {
    return new ProviderError({
      kind: 'rate-limited',
      status,
      retryAfterMs: retryAfter ?? now + DEFAULT_RATE_LIMIT_DELAY_MS,
      detail: 'Too many requests: the provider asked to wait (HTTP 429).',
    });
  }
  if (status >= 500 && status <= 599) {
    return new ProviderError({
      kind: 'unavailable',
      status,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
      detail: `The provider is unavailable (HTTP ${status}).`,
    });
  }
  return malformed(`Unexpected answer from the provider (HTTP ${status}).`, status);
}

/**
 * A 3xx other than 304 (which conditional catalog requests ask for). In a browser, fetch with
 * `redirect: 'manual'` returns it as an opaque response with status 0; elsewhere (Node, a test
 * double) as the plain 3xx.
 */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status <= 399 && response.status !== 304);
}

/**
 * Redirects are refused, whatever their target. The provider APIs never redirect a correct
 * request, so a redirect means something is in the way (a Wi-Fi login page, a proxy) or the base
 * URL is wrong. Following it would send the request — the address being checked, and for HIBP
 * the `hibp-api-key` header, which unlike Authorization fetch does not drop on a cross-origin
 * redirect — to a host the user never chose. It is retried like a lost connection.
 */
function redirectError(response: Response): ProviderError {
  const status = response.type === 'opaqueredirect' ? undefined : response.status;
  return new ProviderError({
    kind: 'redirected',
    ...(status !== undefined ? { status } : {}),
    detail: `The provider redirected the request${status !== undefined ? ` (HTTP ${status})` : ''}; the redirect was not followed.`,
  });
}

function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/**
 * Reads the body as UTF-8 text, giving up as soon as it passes maxBytes so an oversized
 * answer is never buffered whole. Each read races the abort signal: a body stream that is not
 * tied to the signal (a proxy, a test double) must not outlive the timeout.
 */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal, status: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardBody(response);
    throw malformed(`The answer is too large (${declared} bytes, limit ${maxBytes}).`, status);
  }
  if (!response.body) return '';

  const reader = response.body.getReader();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);

  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw malformed(`The answer is too large (over ${maxBytes} bytes).`, status);
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return parts.join('');
  } catch (err) {
    reader.cancel().catch(() => undefined);
    throw err;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** A successful (or passed-through) answer with its body as text. */
export interface TextResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * GETs `url` through ctx.fetch and reads the answer as UTF-8 text, with the same timeout, body
 * cap and error mapping as requestJson. `init.headers` are sent as given (no default accept).
 */
export async function requestText(ctx: ProviderContext, url: string, init: RequestJsonInit = {}): Promise<TextResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
  }, ctx.timeoutMs);

  try {
    let response: Response;
    try {
      response = await ctx.fetch(url, {
        method: 'GET',
        headers: { ...init.headers },
        signal: controller.signal,
        // Cookies for the provider's site have nothing to do with an API call.
        credentials: 'omit',
        // Redirects are never followed (see redirectError): 'manual' hands the 3xx back unfollowed,
        // where 'error' would make it indistinguishable from a lost connection.
        redirect: 'manual',
        // Conditional requests are ours to make; the HTTP cache must not answer for the provider.
        cache: 'no-store',
      });
    } catch (err) {
      if (timedOut || isAbortError(err)) throw timeoutError(ctx);
      const reason = err instanceof Error ? err.message : String(err);
      throw new ProviderError({ kind: 'network', detail: `Could not reach the provider (${reason}).` });
    }

    if (isRedirect(response)) {
      discardBody(response);
      throw redirectError(response);
    }
    const status = response.status;
    const passed = (status >= 200 && status <= 299) || (init.passStatuses ?? []).includes(status);
    if (!passed) {
      discardBody(response);
      throw statusError(response, ctx.now());
    }

    try {
      return { status, headers: response.headers, text: await readCapped(response, init.maxBytes ?? MAX_BODY_BYTES, controller.signal, status) };
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      if (timedOut || isAbortError(err)) throw timeoutError(ctx);
      throw new ProviderError({ kind: 'network', status, detail: 'The connection broke while the answer was being read.' });
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GETs `url` through ctx.fetch and parses the JSON answer. 2xx and `passStatuses` resolve;
 * everything else rejects with a ProviderError (400 bad-request, 401 unauthorized, 403
 * forbidden with the Cloudflare ray id, 429 rate-limited with a retry time, 5xx unavailable,
 * 3xx redirected (never followed), no answer in ctx.timeoutMs → timeout, no connection →
 * network, unreadable or oversized body → malformed).
 */
export async function requestJson(ctx: ProviderContext, url: string, init: RequestJsonInit = {}): Promise<JsonResponse> {
  const { status, headers, text } = await requestText(ctx, url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  if (text.trim() === '') return { status, headers, json: undefined };
  try {
    return { status, headers, json: JSON.parse(text) as unknown };
  } catch {
    throw malformed(`The answer is not valid JSON (HTTP ${status}, ${text.length} characters).`, status);
  }
}
