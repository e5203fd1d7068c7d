/**
 * Localisation: a Chromium whose UI language is Italian shows the extension in Italian, words
 * from public/_locales/it and dates in the Italian way. Only the language changes: the same
 * fixture server, the same flow as check-address.spec.ts.
 *
 * `--lang=it` is what makes Chromium pick the Italian catalog. A Chromium without Italian
 * resources installed (Debian's `chromium` without `chromium-l10n`) still does, but reports
 * en-US from getUILanguage(); the extension then takes the language from the catalog it shows.
 */
import { expect, test } from './support/extension';

test.use({ extraArgs: ['--lang=it'] });

test('the popup speaks Italian: words, page language and dates', async ({ server, openPopup }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  const page = await openPopup();

  expect(await page.evaluate(() => document.documentElement.lang)).toBe('it');
  await expect(page).toHaveTitle('Was I Exposed?');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Was I Exposed?');
  await expect(page.getByTestId('empty-state')).toHaveText(
    'Aggiungi un indirizzo email che usi per sapere se compare in violazioni di dati note. Viene inviato solo a XposedOrNot e i risultati restano in questo browser.',
  );
  await expect(page.getByText('Controlla una password')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aggiungi', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opzioni' })).toBeVisible();

  // A refusal comes from the background, in Italian too.
  await page.getByLabel('Indirizzo email').fill('someone.example.com');
  await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(page.getByTestId('add-error')).toHaveText(
    'Un indirizzo email deve avere una @ tra il nome e il dominio, come in nome@example.com.',
  );

  await page.getByLabel('Indirizzo email').fill('victim@example.com');
  await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Aggiunto victim@example.com.' })).toBeVisible();
  await page.getByRole('button', { name: 'Controlla ora', exact: true }).click();

  const card = page.locator('li.address[data-email="victim@example.com"]');
  const status = card.getByTestId('address-status');
  await expect(status).toContainText('Trovato in 2 violazioni');
  await expect(card.getByRole('button', { name: 'Controlla ora victim@example.com' })).toBeVisible();
  await expect(card.locator('li.breach[data-breach="Adobe"] .tag')).toHaveText('nuova');

  // "controllato ora": how long ago the check was, in words, as Italian says it (then "5 minuti fa").
  const [italian, english] = await page.evaluate(() =>
    ['it', 'en-US'].map((lang) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(0, 'second')),
  );
  expect(italian).not.toBe(english);
  await expect(status).toHaveText(`⚠ Trovato in 2 violazioni · controllato ${italian}`);
});

test('a breach date in the popup and the history page, the Italian way', async ({ server, openPopup, background, context, extensionId }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe'] });
  // Have I Been Pwned gives the full date of a breach (Adobe: 2013-10-04); XposedOrNot only the year.
  await (await background()).evaluate(() => chrome.storage.local.set({ providers: ['hibp'], hibpApiKey: 'test-key' }));
  const popup = await openPopup();
  await popup.getByLabel('Indirizzo email').fill('victim@example.com');
  await popup.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await popup.getByRole('button', { name: 'Controlla ora', exact: true }).click();

  const adobe = popup.locator('li.address[data-email="victim@example.com"] li.breach[data-breach="Adobe"]');
  await expect(adobe.locator('.breach-meta')).toContainText('ott 2013');
  await expect(adobe.locator('.breach-meta')).toContainText(/\d account/);

  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  await history.locator('body[data-ready="true"]').waitFor();
  expect(await history.evaluate(() => document.documentElement.lang)).toBe('it');
  await expect(history).toHaveTitle('Was I Exposed? — Cronologia delle esposizioni');
  await expect(history.getByRole('heading', { name: 'Cronologia delle esposizioni', level: 1 })).toBeVisible();
  await expect(history.getByTestId('history-count')).toHaveText('1 voce');

  await history.locator('[role="option"][data-key]').first().click();
  const detail = history.getByTestId('entry-detail');
  await expect(detail).toContainText('Data della violazione');
  await expect(detail).toContainText('4 ott 2013');
  await expect(detail.getByRole('heading', { name: 'Che cosa fare' })).toBeVisible();
  await expect(detail).toContainText('Password e dati di accesso');
});
