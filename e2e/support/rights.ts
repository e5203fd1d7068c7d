import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, readStore } from './extension';
import { address, openHistory, putRecords } from './history-seed';

/** The address of the seed case (#13). */
export const EMAIL = 'person@example.com';

/** The history page with one watched address and the seed case's notice recorded through the form. */
export async function historyWithAmazonNotice(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await openHistory(context, extensionId);
  await putRecords(page, { addresses: [address(EMAIL, Date.UTC(2025, 0, 1))] });
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  const form = page.getByTestId('notice-form');
  await form.getByLabel('Which address').selectOption(EMAIL);
  await form.getByLabel('Organisation').fill('Amazon');
  await form.getByLabel('When it happened').fill('2018-11-21');
  await form.getByLabel('What was exposed').fill('email, name');
  await form.getByLabel('Note (optional)').fill('technical error');
  await form.getByRole('button', { name: 'Record notice' }).click();
  await expect(form.getByRole('status')).toContainText('Recorded the notice from Amazon');
  expect(await readStore(page, 'notices')).toHaveLength(1);
  await page.getByTestId('history-list').getByRole('option').first().click();
  await expect(page.locator('#detail-title')).toHaveText('Amazon');
  return page;
}

/** A manual notice as the extension stores it. */
export function notice(id: string, email: string, organisation: string, date: string) {
  return { id, email, organisation, site: '', date, dataClasses: ['email', 'name'], note: 'technical error', createdAt: Date.UTC(2025, 0, 2), state: 'acknowledged', stateChangedAt: Date.UTC(2025, 0, 2) };
}

/** What axe finds serious or critical on the page (WCAG 2.1 A and AA, best practice). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}
