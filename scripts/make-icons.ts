/**
 * Draws the toolbar icon (a shield with an exclamation mark) at each size the manifest lists and
 * writes PNGs to public/icons. Run once by hand after changing the design: `tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BLUE: [number, number, number] = [31, 95, 191];
const WHITE: [number, number, number] = [255, 255, 255];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage of the shield at (x, y) in unit coordinates, 0..1. */
function inShield(x: number, y: number): boolean {
  if (y < 0.08 || y > 0.95) return false;
  const halfWidth = y < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((y - 0.55) / 0.4) ** 2));
  return Math.abs(x - 0.5) <= halfWidth;
}

function inMark(x: number, y: number): boolean {
  const bar = Math.abs(x - 0.5) < 0.06 && y > 0.22 && y < 0.6;
  const dot = (x - 0.5) ** 2 + (y - 0.73) ** 2 < 0.07 ** 2;
  return bar || dot;
}

function draw(size: number): Buffer {
  const samples = 4; // supersampling for smooth edges
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let shield = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (inShield(x, y)) {
            shield++;
            if (inMark(x, y)) mark++;
          }
        }
      }
      const total = samples * samples;
      const m = mark / Math.max(1, shield);
      const rgb = BLUE.map((c, i) => Math.round(c * (1 - m) + WHITE[i]! * m));
      row.set([...rgb, Math.round((255 * shield) / total)], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(`public/icons/icon-${size}.png`, draw(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
