import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
  updateSessionRules: vi.fn(async (_options: unknown) => undefined),
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getURL: () => fake.origin, getManifest: () => ({ version: '1.2.3' }) },
    declarativeNetRequest: { updateSessionRules: fake.updateSessionRules },
  },
}));

/** A fresh worker: the module's memory of installed rules starts empty. */
async function newWorker() {
  vi.resetModules();
  return import('./user-agent');
}

beforeEach(() => {
  fake.updateSessionRules.mockReset().mockResolvedValue(undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('the User-Agent rule', () => {
  it("names the extension's own origin host as initiator: the id in Chromium, the install UUID in Firefox", async () => {
    const { userAgentRule } = await newWorker();
    const chromium = userAgentRule('haveibeenpwned.com', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/', 'UA');
    expect(chromium.condition.initiatorDomains).toEqual(['abcdefghijklmnopabcdefghijklmnop']);
    const firefox = userAgentRule('haveibeenpwned.com', 'moz-extension://a3c2b6f0-4b1e-4f7e-9a51-2f7d5c1e8b10/', 'UA');
    // Never the gecko id ("was-i-exposed@extension"), which Firefox refuses as a domain.
    expect(firefox.condition.initiatorDomains).toEqual(['a3c2b6f0-4b1e-4f7e-9a51-2f7d5c1e8b10']);
    expect(firefox.condition.requestDomains).toEqual(['haveibeenpwned.com']);
    expect(firefox.action.requestHeaders).toEqual([{ header: 'user-agent', operation: 'set', value: 'UA' }]);
  });

  it('is installed once per worker and host, with the app name and version', async () => {
    const { ensureUserAgentRule } = await newWorker();
    await ensureUserAgentRule('haveibeenpwned.com');
    await ensureUserAgentRule('haveibeenpwned.com');
    expect(fake.updateSessionRules).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(fake.updateSessionRules.mock.calls[0]?.[0])).toContain('WasIExposed/1.2.3 (browser extension)');
    await ensureUserAgentRule('127.0.0.1');
    expect(fake.updateSessionRules).toHaveBeenCalledTimes(2);
  });

  it('a browser refusing the rule does not stop the request, and the next request tries again', async () => {
    const { ensureUserAgentRule } = await newWorker();
    fake.updateSessionRules.mockRejectedValueOnce(new Error('Invalid domain'));
    await expect(ensureUserAgentRule('haveibeenpwned.com')).resolves.toBeUndefined();
    await ensureUserAgentRule('haveibeenpwned.com');
    expect(fake.updateSessionRules).toHaveBeenCalledTimes(2);
  });
});
