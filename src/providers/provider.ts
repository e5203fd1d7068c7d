/** fetch is injected so providers run in unit tests against recorded payloads, with no network. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ProviderContext {
  fetch: FetchLike;
  /** Base URL without trailing slash, e.g. https://api.xposedornot.com */
  baseUrl: string;
  /** Milliseconds before a request is aborted (kept under the worker's 30 s fetch limit). */
  timeoutMs: number;
  /** Clock, injected for retry-after arithmetic in tests. */
  now: () => number;
  apiKey?: string;
  /**
   * Test and dev builds only: one more host the HIBP key may go to (the local fixture server).
   * Store builds never set it, so there the key goes to haveibeenpwned.com or nowhere.
   */
  testKeyHost?: string;
}
