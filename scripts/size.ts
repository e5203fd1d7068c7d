/** Prints the size of what the built extension loads, raw and gzip (run after `vite build`). */
import { backgroundScripts, kb, pageScripts } from './bundle-size';

const dist = process.argv[2] ?? 'dist/chrome';
const popup = pageScripts(dist, 'src/ui/popup/index.html');
const rows = [
  ['popup', popup],
  ['popup later', popup.later],
  ['background', backgroundScripts(dist)],
] as const;
// "popup" is what the popup loads when it opens (the budget); "popup later" what opening a
// section that loads its code on demand adds (the password check).
for (const [name, size] of rows) {
  console.log(`${name.padEnd(11)} JS: ${kb(size.rawBytes)} KB raw, ${kb(size.gzipBytes)} KB gzip (${size.files.length} files)`);
}
