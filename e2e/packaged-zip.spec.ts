/**
 * The zip uploaded to the Chrome Web Store, unpacked as the store would, passes the smoke test —
 * against the providers' real hostnames (mapped to the fixture server), since a store build cannot
 * be pointed anywhere else.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test } from './support/store-build';
import { PopupPage } from './support/popup-page';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function unpack(zipPath: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wie-zip-'));
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zipPath)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return dir;
}

test.use({ storeDir: unpack(`artifacts/was-i-exposed-chrome-${version}.zip`) });

test('the packaged Chrome zip: add and check an address', async ({ server, context, extensionId }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe', 'Dropbox'] });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  expect(await page.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
  const popup = new PopupPage(page);
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.status('victim@example.com')).toContainText('Found in 2 breaches');
  await expect(popup.breaches('victim@example.com')).toHaveCount(2);
});
