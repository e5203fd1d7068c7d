import browser from 'webextension-polyfill';
import type { Settings } from '../core/settings';

const RULE_ID = 1;

/** HIBP refuses requests without a user agent naming the app; Chrome's fetch ignores a User-Agent
 * header, so a session rule rewrites it for the extension's own requests to HIBP's host only. */
export function userAgent(): string {
  return `WasIExposed/${browser.runtime.getManifest().version} (browser extension)`;
}

export async function installUserAgentRule(settings: Settings): Promise<void> {
  const host = new URL(settings.hibpBaseUrl).hostname;
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [RULE_ID],
    addRules: [
      {
        id: RULE_ID,
        priority: 1,
        action: {
          type: 'modifyHeaders',
          requestHeaders: [{ header: 'user-agent', operation: 'set', value: userAgent() }],
        },
        condition: {
          requestDomains: [host],
          initiatorDomains: [browser.runtime.id],
          resourceTypes: ['xmlhttprequest', 'other'],
        },
      },
    ],
  });
}
