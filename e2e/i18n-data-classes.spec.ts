/**
 * Data in the reader's language (issue 12): with Chromium in Italian, the kinds of data a breach
 * exposed read in Italian wherever they show — the popup, history rows, chips, the "Dati esposti"
 * filter and the guidance headings — and a notice typed in everyday Italian ("nome, email") joins
 * the providers' classes: one filter entry per class, and the phishing advice.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/extension';

test.use({ extraArgs: ['--lang=it'] });

/** The English words of the classes Adobe and LinkedIn exposed (HIBP's catalog), none of which may show. */
const ENGLISH = ['Email addresses', 'Password hints', 'Passwords', 'Usernames', 'Names'];
const ITALIAN = ['Indirizzi email', 'Suggerimenti per la password', 'Password', 'Nomi utente'];

async function expectNoEnglish(texts: string[], where: string): Promise<void> {
  const all = texts.join(' | ');
  for (const word of ENGLISH) expect(all, `${where}: "${word}"`).not.toContain(word);
}

const textsOf = (page: Page, selector: string) => page.locator(selector).allTextContents();

test('popup, history rows, chips, guidance and the data filter show Italian data classes, a notice in everyday words included', async ({ server, openPopup, background, context, extensionId }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  await (await background()).evaluate(() => chrome.storage.local.set({ provider: 'hibp', hibpApiKey: 'test-key' }));
  const popup = await openPopup();
  await popup.getByLabel('Indirizzo email').fill('victim@example.com');
  await popup.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await popup.getByRole('button', { name: 'Controlla ora', exact: true }).click();
  const card = popup.locator('li.address[data-email="victim@example.com"]');
  await expect(card.getByTestId('address-status')).toContainText('Trovato in 2 violazioni');
  const adobe = card.locator('li.breach[data-breach="Adobe"] .breach-data');
  await expect(adobe).toHaveText('Indirizzi email, Suggerimenti per la password, Password, Nomi utente');
  await expectNoEnglish(await textsOf(popup, 'li.breach .breach-data'), 'popup');

  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  await history.locator('body[data-ready="true"]').waitFor();
  // A notice typed the way people say it, in Italian.
  const form = history.getByTestId('notice-form');
  await form.getByLabel('Organizzazione').fill('Grande Negozio Online');
  await form.getByLabel('Quando è successo').fill('2018-11-21');
  await form.getByLabel('Che cosa è stato esposto').fill('nome, email');
  await expect(form.getByTestId('notice-class-recognised')).toHaveText('Sarà registrato come: Nomi, Indirizzi email');
  await form.getByRole('button', { name: 'Registra la segnalazione' }).click();
  await expect(form.getByRole('status')).toBeVisible();
  await expect(history.getByTestId('history-count')).toHaveText('3 voci');

  const rowsText = await textsOf(history, '[role="option"] .row-meta');
  expect(rowsText.join(' | ')).toContain('Indirizzi email');
  await expectNoEnglish(rowsText, 'history rows');

  // One filter entry per class, whoever named it: "Indirizzi email (3)", never "Email addresses (2)" beside it.
  const options = await history.locator('#filter-class option').allTextContents();
  expect(options).toContain('Indirizzi email (3)');
  expect(options).toContain('Nomi (1)');
  await expectNoEnglish(options, 'filter');
  for (const word of ITALIAN) expect(options.join(' | ')).toContain(word);

  // The notice: chips and guidance in Italian, and the advice against phishing.
  await history.locator('[role="option"]').filter({ hasText: 'Grande Negozio Online' }).click();
  const detail = history.getByTestId('entry-detail');
  await expect(detail.getByTestId('data-classes').locator('li')).toHaveText(['Nomi', 'Indirizzi email']);
  await expect(detail.locator('[data-group="contact"] h4')).toContainText('Indirizzi email');
  await expect(detail.getByTestId('guidance')).toContainText('phishing');

  await history.locator('[role="option"]').filter({ hasText: 'Adobe' }).click();
  await expect(detail.getByTestId('data-classes').locator('li')).toHaveText(ITALIAN);
  await expectNoEnglish([...(await textsOf(history, '[data-testid="entry-detail"] .chips li')), ...(await textsOf(history, '.guidance h4'))], 'detail');

  // Choosing the class filters by it, notices and breaches alike.
  await history.locator('#filter-class').selectOption({ label: 'Indirizzi email (3)' });
  await expect(history.getByTestId('history-count')).toContainText('3');
});
