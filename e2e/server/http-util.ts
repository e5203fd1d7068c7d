import { createHash } from 'node:crypto';
import type { RouteResponse } from './types';

export const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): RouteResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

/** HIBP answers 404 (and 400) with no body at all; the extension must not try to parse one. */
export function empty(status: number, headers: Record<string, string> = {}): RouteResponse {
  return { status, headers, body: '' };
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();
}

/** Strong ETag over the exact bytes served, so any catalog change yields a new tag. */
export function etagFor(body: string): string {
  return `"${sha1Hex(body).slice(0, 20).toLowerCase()}"`;
}

/** Case-insensitive query lookup: HIBP (ASP.NET) treats `truncateresponse` like `truncateResponse`. */
export function queryParam(query: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(query)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Deliberately loose, like the services: something@something.tld, no spaces, sane length. */
export function isPlausibleEmail(address: string): boolean {
  return address.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address);
}

/**
 * Conditional GET as RFC 9110 orders it: If-None-Match wins when present; otherwise
 * If-Modified-Since compares at whole-second precision (HTTP dates carry no milliseconds).
 */
export function isNotModified(headers: Record<string, string>, etag: string, lastModifiedMs: number): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((tag) => bare(tag) === bare(etag));
  }
  const ims = headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModifiedMs / 1000) <= Math.floor(since / 1000);
}

/** 200 with validators, or 304 with the same validators and no body. */
export function conditional(
  headers: Record<string, string>,
  body: string,
  lastModifiedMs: number,
  etag: string = etagFor(body),
): RouteResponse {
  const validators = { etag, 'last-modified': new Date(lastModifiedMs).toUTCString() };
  if (isNotModified(headers, etag, lastModifiedMs)) return { status: 304, headers: validators, body: '' };
  return { status: 200, headers: { 'content-type': JSON_TYPE, ...validators }, body };
}
