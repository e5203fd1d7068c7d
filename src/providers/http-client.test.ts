import { describe, expect, it } from 'vitest';
import type { ProviderErrorKind } from '../core/provider-error';
import {
  TEST_NOW,
  brokenBodyResponse,
  hangingFetch,
  hugeBodyResponse,
  jsonResponse,
  recordingFetch,
  stalledBodyResponse,
  testContext,
  textResponse,
  failure,
} from './fake-fetch';
import { DEFAULT_RATE_LIMIT_DELAY_MS, MAX_BODY_BYTES, requestJson } from './http-client';

describe('requestJson: success', () => {
  it('GETs the URL with the given headers, no cookies, and an abort signal', async () => {
    const { fetch, calls } = recordingFetch(() => jsonResponse({ ok: 1 }));
    const result = await requestJson(testContext(fetch), 'https://provider.test/x?y=1', { headers: { 'hibp-api-key': 'k' } });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ ok: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://provider.test/x?y=1');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
    expect(calls[0]?.headers.get('hibp-api-key')).toBe('k');
    expect(calls[0]?.headers.get('accept')).toBe('application/json');
  });

  it('gives undefined json for an empty body', async () => {
    const { fetch } = recordingFetch(() => textResponse('', 200));
    expect((await requestJson(testContext(fetch), 'https://provider.test/')).json).toBeUndefined();
  });

  it('hands pass-through statuses back instead of failing', async () => {
    const { fetch } = recordingFetch(() => textResponse('', 404));
    const result = await requestJson(testContext(fetch), 'https://provider.test/', { passStatuses: [404] });
    expect(result).toMatchObject({ status: 404, json: undefined });
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: 'Zürich – 東京' }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const { fetch } = recordingFetch(() => new Response(stream));
    expect((await requestJson(testContext(fetch), 'https://provider.test/')).json).toEqual({ name: 'Zürich – 東京' });
  });
});

describe('requestJson: status mapping', () => {
  it.each<[number, ProviderErrorKind]>([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'malformed'],
    [408, 'timeout'],
    [418, 'malformed'],
    [429, 'rate-limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [504, 'unavailable'],
  ])('HTTP %i → %s', async (status, kind) => {
    const { fetch } = recordingFetch(() => jsonResponse({ message: 'nope' }, status));
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/'));
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
  });

  it('keeps the Cloudflare ray id of a 403', async () => {
    const { fetch } = recordingFetch(() => textResponse('<html>blocked</html>', 403, { 'cf-ray': '8f1e2d3c4b5a6978-LHR' }));
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/'));
    expect(err.rayId).toBe('8f1e2d3c4b5a6978-LHR');
    expect(err.message).toContain('8f1e2d3c4b5a6978-LHR');
  });

  it('has no ray id when Cloudflare sent none', async () => {
    const { fetch } = recordingFetch(() => textResponse('', 403));
    expect((await failure(requestJson(testContext(fetch), 'https://provider.test/'))).rayId).toBeUndefined();
  });

  it('reads Retry-After on a 429', async () => {
    const { fetch } = recordingFetch(() => jsonResponse({ statusCode: 429 }, 429, { 'retry-after': '2' }));
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/'));
    expect(err.retryAfterMs).toBe(TEST_NOW + 2_000);
  });

  it('reads an HTTP-date Retry-After on a 429', async () => {
    const { fetch } = recordingFetch(() => textResponse('', 429, { 'retry-after': 'Mon, 10 Mar 2025 12:10:00 GMT' }));
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/'));
    expect(err.retryAfterMs).toBe(TEST_NOW + 10 * 60_000);
  });

  it('waits a minute after a 429 without Retry-After', async () => {
    const { fetch } = recordingFetch(() => textResponse('', 429));
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/'));
    expect(err.retryAfterMs).toBe(TEST_NOW + DEFAULT_RATE_LIMIT_DELAY_MS);
  });

  it('waits a minute after a 429 with an unreadable Retry-After', async () => {
    const { fetch } = recordingFetch(() => textResponse('', 429, { 'retry-after': 'later' }));
    expect((await failure(requestJson(testContext(fetch), 'https://provider.test/'))).retryAfterMs).toBe(TEST_NOW + 60_000);
  });

  it('passes on a 503 Retry-After and leaves it unset otherwise', async () => {
    const withHeader = recordingFetch(() => textResponse('', 503, { 'retry-after': '120' }));
    expect((await failure(requestJson(testContext(withHeader.fetch), 'https://provider.test/'))).retryAfterMs).toBe(TEST_NOW + 120_000);
    const without = recordingFetch(() => textResponse('', 502));
    expect((await failure(requestJson(testContext(without.fetch), 'https://provider.test/'))).retryAfterMs).toBeUndefined();
  });
});

describe('requestJson: transport failures', () => {
  it('times out a fetch that never answers', async () => {
    const started = Date.now();
    const err = await failure(requestJson(testContext(hangingFetch, { timeoutMs: 30 }), 'https://provider.test/'));
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('times out a body that stops arriving', async () => {
    const { fetch } = recordingFetch(() => stalledBodyResponse());
    const err = await failure(requestJson(testContext(fetch, { timeoutMs: 30 }), 'https://provider.test/'));
    expect(err.kind).toBe('timeout');
  });

  it('maps a rejected fetch to network', async () => {
    const fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/'));
    expect(err.kind).toBe('network');
    expect(err.message).toContain('Failed to fetch');
  });

  it('maps a connection dropped mid-body to network', async () => {
    const { fetch } = recordingFetch(() => brokenBodyResponse());
    expect((await failure(requestJson(testContext(fetch), 'https://provider.test/'))).kind).toBe('network');
  });
});

describe('requestJson: bodies', () => {
  it('refuses truncated JSON', async () => {
    const { fetch } = recordingFetch(() => textResponse('[{"Name":"Adobe","Title":"Ado', 200));
    expect((await failure(requestJson(testContext(fetch), 'https://provider.test/'))).kind).toBe('malformed');
  });

  it('refuses an HTML page', async () => {
    const { fetch } = recordingFetch(() => textResponse('<!doctype html><p>Not found</p>', 404));
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/', { passStatuses: [404] }));
    expect(err).toMatchObject({ kind: 'malformed', status: 404 });
  });

  it('stops reading an oversized body instead of buffering it', async () => {
    const total = 20 * 1024 * 1024;
    const { response, pulled } = hugeBodyResponse(total);
    const { fetch } = recordingFetch(() => response);
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/'));
    expect(err.kind).toBe('malformed');
    expect(err.message).toMatch(/too large/);
    expect(pulled()).toBeLessThan(MAX_BODY_BYTES + 4 * 64 * 1024);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const { response, pulled } = hugeBodyResponse(1024);
    const headers = new Headers({ 'content-length': String(MAX_BODY_BYTES + 1) });
    const declared = new Response(response.body, { status: 200, headers });
    const { fetch } = recordingFetch(() => declared);
    const err = await failure(requestJson(testContext(fetch), 'https://provider.test/'));
    expect(err.kind).toBe('malformed');
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('accepts a body right at a custom cap and refuses one byte more', async () => {
    const body = JSON.stringify({ a: 'x'.repeat(90) });
    const ok = recordingFetch(() => textResponse(body));
    await expect(requestJson(testContext(ok.fetch), 'https://provider.test/', { maxBytes: body.length })).resolves.toBeDefined();
    const over = recordingFetch(() => textResponse(body));
    const err = await failure(requestJson(testContext(over.fetch), 'https://provider.test/', { maxBytes: body.length - 1 }));
    expect(err.kind).toBe('malformed');
  });
});
