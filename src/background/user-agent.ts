import browser, { type DeclarativeNetRequest } from 'webextension-polyfill';

const RULE_ID = 1;

/** HIBP refuses requests without a user agent naming the app. */
export function userAgent(): string {
  return `WasIExposed/${browser.runtime.getManifest().version} (browser extension)`;
}

/**
 * The session rule that names the app to HIBP. Chromium's fetch ignores a User-Agent header, so the
 * header is rewritten on the way out, for our own requests to that one host only.
 *
 * "Our own requests" is the initiator: the host of the extension's own origin. That host is the
 * extension id in Chromium (chrome-extension://<id>) but a per-install UUID in Firefox
 * (moz-extension://<uuid>); Firefox's gecko id ("…@extension") is no domain at all, and a rule naming
 * it is refused outright ("Invalid domain"), which once broke every HIBP request in Firefox. Measured
 * in Firefox 153 ESR: with the UUID host the rule rewrites the background's requests, as the id does
 * in Chromium 156.
 */
export function userAgentRule(providerHost: string, extensionOrigin: string, value: string): DeclarativeNetRequest.Rule {
  return {
    id: RULE_ID,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'user-agent', operation: 'set', value }] },
    condition: {
      requestDomains: [providerHost],
      initiatorDomains: [new URL(extensionOrigin).hostname],
      resourceTypes: ['xmlhttprequest', 'other'],
    },
  };
}

/** The host the rule is installed for in this worker (session rules outlive a worker, not a browser). */
let installed: { host: string; done: Promise<void> } | null = null;

/**
 * Makes sure the rule is in place for `providerHost` before a request to it: once per worker and
 * host. A browser that refuses the rule must not stop the check: the request still goes out (HIBP
 * may then answer 403, which the user is told about like any refusal), and the next request tries
 * the rule again.
 */
export function ensureUserAgentRule(providerHost: string): Promise<void> {
  if (installed?.host === providerHost) return installed.done;
  const done = browser.declarativeNetRequest
    .updateSessionRules({ removeRuleIds: [RULE_ID], addRules: [userAgentRule(providerHost, browser.runtime.getURL(''), userAgent())] })
    .catch((error: unknown) => {
      installed = null;
      console.warn('Was I Exposed?: the User-Agent rule was refused; sending without it', error);
    });
  installed = { host: providerHost, done };
  return done;
}

/** The session rules were removed (Delete everything): the next request installs the rule again. */
export function forgetUserAgentRule(): void {
  installed = null;
}
