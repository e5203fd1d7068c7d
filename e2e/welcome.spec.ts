import { expect, readStore, test } from './support/extension';

test('installing opens the welcome page; completing it leaves an address, a provider and a first result', async ({ server, context, extensionId }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  const welcomeUrl = `chrome-extension://${extensionId}/src/ui/welcome/index.html`;
  await expect.poll(() => context.pages().map((p) => p.url())).toContain(welcomeUrl);
  const page = context.pages().find((p) => p.url() === welcomeUrl)!;
  await page.locator('body[data-ready="true"]').waitFor();
  await expect(page.getByRole('heading', { name: 'Welcome to Was I Exposed?' })).toBeVisible();

  // The default, keyless provider, chosen explicitly.
  await page.getByRole('checkbox', { name: /XposedOrNot/ }).check();
  await expect(page.getByRole('button', { name: 'Run the first check' })).toBeDisabled();
  await page.getByLabel('Email address').fill('not-an-address');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('@');
  await page.getByLabel('Email address').fill('victim@example.com');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Addresses you added' })).toContainText('victim@example.com');

  await page.getByRole('button', { name: 'Run the first check' }).click();
  await expect(page.getByTestId('welcome-result')).toContainText('victim@example.com is in 2 breaches');

  expect(await page.evaluate(() => chrome.storage.local.get('providers'))).toEqual({ providers: ['xposedornot'] });
  expect((await readStore<{ email: string }>(page, 'addresses')).map((a) => a.email)).toEqual(['victim@example.com']);
  expect(await readStore<{ outcome: string }>(page, 'results')).toMatchObject([{ outcome: 'breached' }]);
});
