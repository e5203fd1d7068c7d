/**
 * The test build (dist/chrome-test) is the one place provider addresses may be changed: Options ›
 * Advanced shows them, and a saved one is used. Its counterpart, the store build refusing all of
 * this, is e2e/store-build.spec.ts.
 */
import { expect, test } from './support/extension';

test('Options › Advanced offers the provider addresses in a test build, and a saved one is used', async ({ context, extensionId, server }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await expect(options.locator('body[data-ready=true]')).toBeAttached();
  await options.getByText('Advanced').click();
  const field = options.getByLabel('XposedOrNot API address');
  // The fixture pointed the extension at the local server before the page opened.
  await expect(field).toHaveValue(server.url);
  await expect(options.getByLabel('Have I Been Pwned API address')).toHaveValue(`${server.url}/api/v3`);
  await expect(options.getByLabel('Pwned Passwords API address')).toHaveValue(server.url);

  await field.fill(`${server.url.replace('127.0.0.1', 'localhost')}/`);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  // Stored without the trailing slash.
  expect(await options.evaluate(() => chrome.storage.local.get('xposedornotBaseUrl'))).toEqual({
    xposedornotBaseUrl: server.url.replace('127.0.0.1', 'localhost'),
  });
});
