/** Prints the size of what the built extension loads, raw and gzip (run after `vite build`). */
import { backgroundScripts, kb, pageScripts } from './bundle-size';

const dist = process.argv[2] ?? 'dist/chrome';
const rows = [
  ['popup', pageScripts(dist, 'src/ui/popup/index.html')],
  ['background', backgroundScripts(dist)],
] as const;
for (const [name, size] of rows) {
  console.log(`${name.padEnd(11)} JS: ${kb(size.rawBytes)} KB raw, ${kb(size.gzipBytes)} KB gzip (${size.files.length} files)`);
}
