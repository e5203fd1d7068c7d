/**
 * axe-core scans of every extension page, in light and dark mode: no serious or critical
 * violations. Keyboard use is checked where it matters most: adding an address without a mouse.
 */
import { seriousViolations } from './support/axe';
import { expect, test } from './support/extension';

const PAGES = ['src/ui/popup/index.html', 'src/ui/options/index.html', 'src/ui/welcome/index.html', 'src/ui/history/index.html'];

for (const scheme of ['light', 'dark'] as const) {
  test(`every page passes axe in ${scheme} mode`, async ({ server, context, extensionId, openPopup }) => {
    server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
    // Real content to scan: an address with breaches, and one that failed.
    const popup = await openPopup();
    await popup.getByLabel('Email address').fill('victim@example.com');
    await popup.getByRole('button', { name: 'Add', exact: true }).click();
    await popup.getByRole('button', { name: 'Check now' }).click();
    await expect(popup.locator('li.breach')).toHaveCount(2);
    await popup.close();

    for (const path of PAGES) {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await page.locator('body[data-ready="true"]').waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
      await page.close();
    }
  });
}

test('an address can be added and checked with the keyboard alone, with visible focus', async ({ server, openPopup }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe'] });
  const page = await openPopup();
  await page.keyboard.press('Tab');
  // The first stop is the address field (or a control before it): tab until there.
  for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.id === 'new-address')); i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-address');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.type('victim@example.com');
  await page.keyboard.press('Enter');
  await expect(page.locator('li.address[data-email="victim@example.com"]')).toBeVisible();
  await page.getByRole('button', { name: 'Check now' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('li.breach')).toHaveCount(1);
});
