/** What the popup and the background load, raw and gzip (scripts/bundle-size.ts on dist). */
import { backgroundScripts, kb, pageScripts } from '../scripts/bundle-size';
import type { Results } from './budgets';
import { POPUP_PAGE } from './browser';

export function measureBundles(dist: string): Results {
  const popup = pageScripts(dist, POPUP_PAGE);
  const background = backgroundScripts(dist);
  if (popup.files.length === 0 || background.files.length === 0) throw new Error(`no scripts found in ${dist}: build first`);
  return {
    popup_js_gzip_kb: kb(popup.gzipBytes),
    popup_js_raw_kb: kb(popup.rawBytes),
    popup_js_later_gzip_kb: kb(popup.later.gzipBytes),
    background_js_gzip_kb: kb(background.gzipBytes),
    background_js_raw_kb: kb(background.rawBytes),
  };
}
