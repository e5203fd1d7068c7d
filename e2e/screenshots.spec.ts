/**
 * `npm run screenshots` (and `npm start` without a display) write a picture of every page: run it
 * once against the built extension and check that every expected file is a non-empty PNG of the
 * right width. The list here is written out independently of the script's own loops.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeScreenshots } from '../scripts/screenshots';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** File name → expected pixel width (null: whatever the page is). */
function expected(): Map<string, number | null> {
  const files = new Map<string, number | null>();
  for (const lang of ['en', 'it']) {
    for (const scheme of ['light', 'dark']) {
      for (const width of [300, 380, 800]) files.set(`popup-${width}-${lang}-${scheme}.png`, width);
      for (const page of ['history', 'notice-form', 'options', 'welcome']) files.set(`${page}-${lang}-${scheme}.png`, null);
    }
  }
  return files;
}

test('the screenshots script writes every page, in both languages and both schemes, as PNGs', async () => {
  test.setTimeout(240_000);
  const out = mkdtempSync(join(tmpdir(), 'wie-shots-'));
  try {
    const run = await takeScreenshots({ out });
    const want = expected();
    expect(readdirSync(out).sort()).toEqual([...want.keys()].sort());
    expect(run.files).toHaveLength(want.size);
    for (const [name, width] of want) {
      const png = readFileSync(join(out, name));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), `${name} is a PNG`).toBe(true);
      expect(png.length, `${name} has a picture in it`).toBeGreaterThan(2_000);
      // IHDR: width and height are the first two big-endian words after the chunk header.
      if (width !== null) expect(png.readUInt32BE(16), `${name} width`).toBe(width);
      expect(png.readUInt32BE(20), `${name} height`).toBeGreaterThan(100);
    }
    // What the demo check found is reported, address by address, IDN in Unicode.
    expect(run.found.join('\n')).toContain('reader@bücher.example: 1 breach (Dropbox)');
    expect(run.found.join('\n')).toContain('clean@example.com: no breaches found');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
