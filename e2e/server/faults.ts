import type { ServiceId } from './types';

/**
 * Injected misbehaviour. Real providers time out, hang, send truncated JSON and absurd
 * Retry-After values; the extension must survive all of it, so tests need to cause it on demand.
 */
export interface Fault {
  match?: { provider?: ServiceId; pathIncludes?: string };
  /** How many matching requests this fault applies to; default: until cleared. */
  times?: number;
  /** Answer with this status instead of the normal response. */
  status?: number;
  /** Raw Retry-After header value; deliberately unvalidated so tests can send nonsense. */
  retryAfter?: string;
  delayMs?: number;
  /** Never answer (until the server closes or the client gives up). */
  hang?: boolean;
  /** Raw body instead of the normal one, e.g. truncated JSON. */
  body?: string;
  /**
   * A body of this many bytes (spaces: the start of valid JSON whitespace, never an answer),
   * streamed in 64 KB chunks as the client reads them, so a 20 MB body is never built in memory
   * and the log says how much was actually sent before the client hung up.
   */
  bodyBytes?: number;
  /** With bodyBytes: announce the size in Content-Length (default: chunked, size unknown). */
  declareLength?: boolean;
  headers?: Record<string, string>;
}

interface ArmedFault {
  fault: Fault;
  remaining: number;
}

export class FaultList {
  private armed: ArmedFault[] = [];

  add(fault: Fault): void {
    this.armed.push({ fault: { ...fault }, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.armed = [];
  }

  /**
   * The first fault matching this request, consumed once. `pathIncludes` is tried against both the
   * raw URL and its decoded form, so tests may write either `a%40b.com` or `a@b.com`.
   */
  take(service: ServiceId | null, url: string): Fault | undefined {
    let decoded = url;
    try {
      decoded = decodeURIComponent(url);
    } catch {
      // A malformed escape: match against the raw URL only.
    }
    const hit = this.armed.find(({ fault, remaining }) => {
      if (remaining <= 0) return false;
      const { provider, pathIncludes } = fault.match ?? {};
      if (provider !== undefined && provider !== service) return false;
      return pathIncludes === undefined || url.includes(pathIncludes) || decoded.includes(pathIncludes);
    });
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.fault;
  }
}

/** A fault replaces the response when it says what to answer; otherwise it only delays or adds headers. */
export function replacesResponse(fault: Fault): boolean {
  return fault.status !== undefined || fault.body !== undefined || fault.bodyBytes !== undefined;
}

export function faultHeaders(fault: Fault): Record<string, string> {
  const extra = Object.entries(fault.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value] as const);
  return { ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}), ...Object.fromEntries(extra) };
}
