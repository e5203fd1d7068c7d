/**
 * Test support: a recording fetch double and response builders, so provider tests run against
 * recorded payloads with no network. Not imported by production code.
 */
import { ProviderError } from '../core/provider-error';
import type { FetchLike, ProviderContext } from './provider';

export interface RecordedRequest {
  url: string;
  init: RequestInit | undefined;
  headers: Headers;
}

export type Responder = (url: string, init: RequestInit | undefined) => Response | Promise<Response>;

export function recordingFetch(respond: Responder): { fetch: FetchLike; calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init, headers: new Headers(init?.headers) });
    return respond(url, init);
  };
  return { fetch, calls };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function textResponse(body: string, status = 200, headers: Record<string, string> = {}): Response {
  // 1xx/204/205/304 may not carry a body.
  return new Response(body === '' ? null : body, { status, headers });
}

/** A fetch that never answers but honours the abort signal, as a real fetch does. */
export const hangingFetch: FetchLike = (_url, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** A body that sends headers and one chunk, then never finishes. */
export function stalledBodyResponse(): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"partial":'));
    },
  });
  return new Response(stream, { status: 200 });
}

/**
 * A body of `totalBytes` produced lazily; `pulled()` says how much was actually read. With
 * `declareLength`, the size is announced in Content-Length, as a well-behaved server would.
 */
export function hugeBodyResponse(
  totalBytes: number,
  chunkBytes = 64 * 1024,
  declareLength = false,
): { response: Response; pulled: () => number } {
  let produced = 0;
  const chunk = new Uint8Array(chunkBytes).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= totalBytes) {
        controller.close();
        return;
      }
      produced += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const headers: Record<string, string> = declareLength ? { 'content-length': String(totalBytes) } : {};
  return { response: new Response(stream, { status: 200, headers }), pulled: () => produced };
}

/**
 * What a browser's fetch with `redirect: 'manual'` gives for a 3xx: an opaque response, status 0,
 * no headers, no body. Node's Response cannot be built that way, so the two fields are set on one.
 */
export function opaqueRedirectResponse(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  return response;
}

/** A body that breaks off with an error partway, like a dropped connection. */
export function brokenBodyResponse(): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('[{"Name":'));
      controller.error(new TypeError('terminated'));
    },
  });
  return new Response(stream, { status: 200 });
}

export const TEST_NOW = Date.UTC(2025, 2, 10, 12, 0, 0);

export function testContext(fetch: FetchLike, overrides: Partial<ProviderContext> = {}): ProviderContext {
  return { fetch, baseUrl: 'https://provider.test', timeoutMs: 1_000, now: () => TEST_NOW, ...overrides };
}

/** The ProviderError a call fails with; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ProviderError) return err;
    throw err;
  }
  throw new Error('expected a ProviderError');
}
