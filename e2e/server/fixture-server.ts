import { createServer, type IncomingHttpHeaders, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { FaultList, faultHeaders, replacesResponse, type Fault } from './faults';
import { hibpRoute } from './hibp-routes';
import { JSON_TYPE } from './http-util';
import { pwnedPasswordsRoute } from './pwned-passwords-routes';
import type { RateLimitRule } from './rate-limiter';
import { createState, DEFAULT_API_KEYS, DEFAULT_PASSWORDS, normaliseAddress, type FixtureState } from './state';
import type { ApiKeyInfo, HibpBreach, LoggedRequest, RouteRequest, RouteResponse, ServiceId } from './types';
import { toXonBreach } from './xon-mapping';
import { xonRoute } from './xon-routes';

export type { Fault } from './faults';
export { makeBreach } from './hibp-catalog';
export { hibpLimits, xonLimits, type RateLimitRule } from './rate-limiter';
export type { ApiKeyInfo, HibpBreach, LoggedRequest, ServiceId, XonBreach } from './types';

/**
 * One local server standing in for Have I Been Pwned, XposedOrNot and Pwned Passwords, so the
 * e2e suite never touches the real services and can make them misbehave on purpose.
 */
export interface FixtureServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** HIBP answers 403 without a user agent; default true. */
  userAgentRequired?: boolean;
  /** Clock for the rate limiter and the log; injectable for deterministic tests. */
  now?: () => number;
  /** Called once per answered request (after the log entry has its status). */
  onResponse?: (entry: LoggedRequest) => void;
  /** Serve HTTPS with this key pair, so tests can answer for the providers' real hostnames. */
  tls?: { key: string; cert: string };
}

export interface FixtureServer {
  readonly url: string;
  readonly port: number;
  /** Every request received, in arrival order. clearLog() empties this same array. */
  readonly requests: LoggedRequest[];
  /** The HIBP catalog as currently served. */
  readonly catalog: readonly HibpBreach[];
  userAgentRequired: boolean;
  close(): Promise<void>;
  clearLog(): void;
  setAccounts(map: Record<string, string[]>): void;
  addAccountBreach(address: string, breachName: string): void;
  setApiKeys(keys: Record<string, ApiKeyInfo>): void;
  setRateLimit(rule: RateLimitRule | null): void;
  setRateLimits(rules: readonly RateLimitRule[]): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Adds (or replaces by Name) a breach in both the HIBP and the XposedOrNot catalogs. */
  addBreach(breach: HibpBreach): void;
  setPasswords(map: Record<string, number>): void;
  /** Back to defaults: no accounts, faults or limits, default keys and passwords, empty log, original catalogs. */
  reset(): void;
}

const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after, cf-ray, etag, last-modified',
};

const PREFLIGHT: Record<string, string> = {
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'hibp-api-key, add-padding, content-type, if-modified-since, if-none-match',
  'access-control-max-age': '600',
};

/** Each provider's base URL points here; the path prefix says which one is being asked. */
const MOUNTS: ReadonlyArray<{ prefix: string; service: ServiceId; route: (req: RouteRequest, state: FixtureState) => RouteResponse }> = [
  { prefix: '/api/v3/', service: 'hibp', route: hibpRoute },
  { prefix: '/v1/', service: 'xposedornot', route: xonRoute },
  { prefix: '/range/', service: 'pwnedpasswords', route: pwnedPasswordsRoute },
];

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function decodeSegments(rest: string): string[] | null {
  try {
    return rest.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/** The extension's settings that point every provider at a fixture server listening at `url`. */
export function providerSettings(url: string): { xposedornotBaseUrl: string; hibpBaseUrl: string; pwnedPasswordsBaseUrl: string } {
  return { xposedornotBaseUrl: url, hibpBaseUrl: `${url}/api/v3`, pwnedPasswordsBaseUrl: url };
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const host = options.host ?? '127.0.0.1';
  const defaultUaRequired = options.userAgentRequired ?? true;
  const state = createState(options.now ?? Date.now, defaultUaRequired);
  const faults = new FaultList();
  const requests: LoggedRequest[] = [];
  /** Delayed answers still waiting; released (unanswered) when the server closes. */
  const waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const pending = { timer: setTimeout(() => done(), ms), resolve: () => done() };
      const done = (): void => {
        clearTimeout(pending.timer);
        waits.delete(pending);
        resolve();
      };
      waits.add(pending);
    });

  async function handle(method: string, rawUrl: string, headers: Record<string, string>, res: ServerResponse): Promise<void> {
    const parsed = new URL(rawUrl, 'http://fixture.invalid');
    const entry: LoggedRequest = {
      method,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      url: rawUrl,
      headers,
      time: state.now(),
      status: 0,
    };
    requests.push(entry);
    const send = (response: RouteResponse, extra: Record<string, string> = {}): void => {
      // The client may have given up (timeout test) or the server may be closing.
      if (closed || res.destroyed || res.headersSent) return;
      entry.status = response.status;
      res.writeHead(response.status, { ...CORS, ...response.headers, ...extra });
      res.end(response.body ?? '');
      options.onResponse?.(entry);
    };

    if (method === 'OPTIONS') return send({ status: 204, headers: PREFLIGHT });
    const mount = MOUNTS.find((m) => parsed.pathname.startsWith(m.prefix));
    const fault = faults.take(mount?.service ?? null, rawUrl);
    if (fault?.hang) return; // Left open on purpose; close() tears the socket down.
    if (fault?.delayMs !== undefined && fault.delayMs > 0) await wait(fault.delayMs);
    if (fault?.bodyBytes !== undefined) return streamBody(fault, fault.bodyBytes, entry, res, mount?.service === 'pwnedpasswords' ? 'text/plain' : JSON_TYPE);
    if (fault && replacesResponse(fault)) {
      const type = mount?.service === 'pwnedpasswords' ? 'text/plain' : JSON_TYPE;
      const typeHeader: Record<string, string> = fault.body ? { 'content-type': type } : {};
      return send({ status: fault.status ?? 200, headers: typeHeader, body: fault.body ?? '' }, faultHeaders(fault));
    }
    const extra = fault ? faultHeaders(fault) : {};
    if (method !== 'GET' && method !== 'HEAD') return send({ status: 405, headers: { allow: 'GET, HEAD, OPTIONS' }, body: '' }, extra);
    const segments = mount ? decodeSegments(parsed.pathname.slice(mount.prefix.length)) : [];
    if (!mount || segments === null) return send({ status: mount ? 400 : 404, body: '' }, extra);
    const request: RouteRequest = { method, path: parsed.pathname, segments, query: entry.query, headers };
    send(mount.route(request, state), extra);
  }

  /** Writes `total` bytes a chunk at a time, each only once the socket took the one before. */
  function streamBody(fault: Fault, total: number, entry: LoggedRequest, res: ServerResponse, type: string): void {
    if (closed || res.destroyed) return;
    entry.status = fault.status ?? 200;
    entry.bytesSent = 0;
    const length: Record<string, string> = fault.declareLength ? { 'content-length': String(total) } : {};
    res.writeHead(entry.status, { ...CORS, 'content-type': type, ...length, ...faultHeaders(fault) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (!closed && !res.destroyed && entry.bytesSent! < total) {
        const piece = Math.min(chunk.length, total - entry.bytesSent!);
        entry.bytesSent! += piece;
        if (!res.write(piece === chunk.length ? chunk : chunk.subarray(0, piece))) return void res.once('drain', pump);
      }
      if (!res.destroyed && entry.bytesSent === total) res.end();
    };
    res.on('close', () => options.onResponse?.(entry));
    pump();
  }

  const listener: RequestListener = (req, res) => {
    handle(req.method ?? 'GET', req.url ?? '/', flattenHeaders(req.headers), res).catch((error: unknown) => {
      console.error('fixture server: handler failed', error);
      if (!res.headersSent && !res.destroyed) res.writeHead(500, CORS).end();
    });
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    requests,
    get catalog() {
      return state.catalog.all();
    },
    get userAgentRequired() {
      return state.userAgentRequired;
    },
    set userAgentRequired(required: boolean) {
      state.userAgentRequired = required;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const pending of [...waits]) pending.resolve();
        server.close(() => resolve());
        // Hanging and keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
      }),
    clearLog: () => {
      requests.length = 0;
    },
    setAccounts: (map) => {
      state.accounts = new Map(Object.entries(map).map(([address, names]) => [normaliseAddress(address), [...names]]));
    },
    addAccountBreach: (address, breachName) => {
      const names = state.accounts.get(normaliseAddress(address)) ?? [];
      if (!names.includes(breachName)) names.push(breachName);
      state.accounts.set(normaliseAddress(address), names);
    },
    setApiKeys: (keys) => {
      state.apiKeys = new Map(Object.entries(keys));
    },
    setRateLimit: (rule) => state.limiter.setRules(rule ? [rule] : []),
    setRateLimits: (rules) => state.limiter.setRules(rules),
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    addBreach: (breach) => {
      state.catalog.add(breach);
      state.xonCatalog.add(toXonBreach(breach));
    },
    setPasswords: (map) => {
      state.passwords = new Map(Object.entries(map));
    },
    reset: () => {
      state.accounts = new Map();
      state.apiKeys = new Map(Object.entries(DEFAULT_API_KEYS));
      state.passwords = new Map(Object.entries(DEFAULT_PASSWORDS));
      state.userAgentRequired = defaultUaRequired;
      state.limiter.setRules([]);
      state.catalog.reset();
      state.xonCatalog.reset();
      faults.clear();
      requests.length = 0;
    },
  };
}
