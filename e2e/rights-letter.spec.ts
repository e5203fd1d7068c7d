/**
 * Issue #13, item 1: "Ask <organisation> what happened" composes the request from a recorded
 * notice — law, letter language apart from the page's, editable text — and hands it over as a
 * mailto: draft, the clipboard or a .txt file, with no request leaving the browser.
 */
import { readFile } from 'node:fs/promises';
import type { Request } from '@playwright/test';
import { expect, readStore, test } from './support/extension';
import { address, breach, exposure, openHistory, putRecords } from './support/history-seed';
import { EMAIL, historyWithAmazonNotice, seriousViolations } from './support/rights';

test('the seed case: ask Amazon in Italian, as a mailto: draft, copied and downloaded, with nothing sent', async ({ context, extensionId }) => {
  const page = await historyWithAmazonNotice(context, extensionId);
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));

  // Keyboard: the button opens the dialog with the focus on its first choice.
  const opener = page.getByRole('button', { name: 'Ask Amazon what happened' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Ask Amazon what happened' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('The law you write under')).toBeFocused();
  await expect(dialog).toContainText('privacy policy');

  // The page is English; the letter starts English, pre-filled from the notice.
  const body = dialog.getByLabel('Letter', { exact: true });
  await expect(body).toHaveValue(/about the personal data breach of 21 November 2018 of which you informed me/);
  await expect(body).toHaveValue(/the data involved include: email addresses, names\./);

  await dialog.getByLabel('Language of the letter').selectOption('it');
  await expect(body).toHaveValue(/^Spettabile Amazon,/);
  await expect(body).toHaveValue(/i dati coinvolti comprendono: indirizzi email, nomi\./);
  await dialog.getByLabel('Object to the use of my data for marketing (Article 21(2))').check();
  await expect(body).toHaveValue(/Opposizione al marketing diretto \(articolo 21, paragrafo 2\)/);

  // A bad recipient is refused with the normaliser's message; no draft link until it is right.
  const to = dialog.getByLabel("Send to: the organisation's privacy contact");
  await to.fill('privacy.amazon.example');
  await to.blur();
  await expect(dialog.getByTestId('rights-recipient-error')).toHaveText('An email address needs an @ between the name and the domain, as in name@example.com.');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('rights-mailto')).toHaveCount(0);
  await to.fill(' Privacy@Example.com ');
  await expect(dialog.getByTestId('rights-recipient-error')).toHaveCount(0);

  // The person's own words reach the draft.
  await body.press('Control+End');
  await body.pressSequentially('\nP.S. Vi prego di rispondere per iscritto.');

  const href = (await dialog.getByTestId('rights-mailto').getAttribute('href'))!;
  expect(href.startsWith('mailto:privacy@example.com?subject=')).toBe(true);
  const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
  const subject = params.get('subject')!;
  const text = params.get('body')!;
  expect(subject).toContain('Regolamento (UE) 2016/679');
  expect(subject).toContain('21 novembre 2018');
  for (const needle of ['Regolamento (UE) 2016/679', 'articolo 15', 'articolo 34', '21 novembre 2018', EMAIL, 'P.S. Vi prego di rispondere per iscritto.']) {
    expect(text, needle).toContain(needle);
  }
  expect(text).toContain('\r\n'); // RFC 6068 line breaks
  expect(href.length).toBeGreaterThan(2000); // why the dialog offers copy and download
  await expect(dialog).toContainText('some mail programs cut a long draft short');

  const letter = `${subject}\n\n${text.replace(/\r\n/g, '\n')}\n`;

  // Download: the subject, then the edited body, as a file.
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download as .txt' }).click()]);
  expect(file.suggestedFilename()).toMatch(/^data-request-amazon-\d{4}-\d{2}-\d{2}\.txt$/);
  expect(await readFile(await file.path(), 'utf8')).toBe(letter);
  await expect(dialog.getByTestId('rights-status')).toHaveText(`Saved as ${file.suggestedFilename()}.`);

  // Copy: the same text reaches the clipboard, as a paste shows (reading it back needs a
  // permission an extension page cannot be granted in a test).
  await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(dialog.getByTestId('rights-status')).toHaveText('The letter, with its subject on the first line, was copied to the clipboard.');
  await body.fill('');
  await body.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(body).toHaveValue(letter);

  // Escape closes and gives the focus back; nothing was stored.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await readStore(page, 'notices')).toHaveLength(1);

  // The page reading the history again (after another action) keeps the letter as edited.
  const detail = page.getByTestId('entry-detail');
  await detail.getByRole('button', { name: 'Mark resolved…' }).click();
  await detail.getByRole('button', { name: 'Mark resolved', exact: true }).click();
  await expect(page.getByTestId('entry-status')).toContainText('Resolved');
  await opener.click();
  await expect(body).toHaveValue(letter);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Composing read only the extension's own files (the Italian catalog, the download's blob).
  const ownOrigin = `chrome-extension://${extensionId}/`;
  expect(requests.some((r) => r.url() === `${ownOrigin}_locales/it/messages.json`)).toBe(true); // the recorder saw them
  expect(requests.map((r) => r.url()).filter((url) => !url.startsWith(ownOrigin) && !url.startsWith('blob:chrome-extension://'))).toEqual([]);
});

test('a provider breach without a date: the letter waits for one, then cites the breach records; UK GDPR and erasure', async ({ context, extensionId }) => {
  const page = await openHistory(context, extensionId);
  const found = Date.UTC(2025, 0, 2);
  await putRecords(page, {
    addresses: [address(EMAIL, Date.UTC(2025, 0, 1))],
    breaches: [breach('ShopNorth', { title: 'Shop North', breachDate: null })],
    exposures: [exposure(EMAIL, 'ShopNorth', found)],
  });
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByTestId('history-list').getByRole('option').first().click();
  await page.getByRole('button', { name: 'Ask Shop North what happened' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ask Shop North what happened' });
  const body = dialog.getByLabel('Letter', { exact: true });
  await expect(dialog).toContainText('The date of this breach is not known');
  await expect(body).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Copy to clipboard' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Download as .txt' })).toBeDisabled();

  await dialog.getByLabel('When the breach happened').fill('2024-03-05');
  await expect(body).toHaveValue(/about the personal data breach of 5 March 2024 that public breach records list for your services/);
  await expect(body).toHaveValue(/the data involved include: email addresses, passwords\./);
  await dialog.getByLabel('The law you write under').selectOption('uk-gdpr');
  await expect(body).toHaveValue(/I make this request under the UK GDPR and the Data Protection Act 2018\./);
  await dialog.getByLabel('Also ask them to erase my data (Article 17)').check();
  await expect(body).toHaveValue(/3\. Erasure \(Article 17\)/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the open dialog passes axe in ${scheme} mode`, async ({ context, extensionId }) => {
    const page = await historyWithAmazonNotice(context, extensionId);
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('button', { name: 'Ask Amazon what happened' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask Amazon what happened' });
    await expect(dialog.getByLabel('Letter', { exact: true })).toHaveValue(/^Dear Sir or Madam,/);
    // With an error shown too, so its colours are scanned.
    await dialog.getByLabel("Send to: the organisation's privacy contact").fill('nope');
    await dialog.getByRole('button', { name: 'Open in your mail program' }).click();
    await expect(dialog.getByTestId('rights-recipient-error')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
