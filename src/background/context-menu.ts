import browser, { type Menus } from 'webextension-polyfill';
import { t } from '../adapters/i18n';
import { normaliseEmail } from '../core/email';
import type { Settings } from '../core/settings';
import { addAddress } from '../storage/addresses';
import { enqueueRun } from '../storage/check-queue';
import type { Db } from '../storage/schema';

const SELECTION_ITEM = 'check-selection';
const MAILTO_ITEM = 'check-mailto';

/** Menu items persist with the extension; they are (re)created on install only. */
export function createContextMenus(): void {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: SELECTION_ITEM, title: t('menuCheckAddress'), contexts: ['selection'] });
    browser.contextMenus.create({ id: MAILTO_ITEM, title: t('menuCheckAddress'), contexts: ['link'], targetUrlPatterns: ['mailto:*'] });
  }, () => undefined);
}

/**
 * Saves the selected or linked address and checks it; the run's notification gives the answer.
 * Returns false when the menu item was not ours.
 */
export async function onContextMenu(info: Menus.OnClickData, store: Db, settings: Settings): Promise<boolean> {
  const raw = info.menuItemId === SELECTION_ITEM ? info.selectionText : info.menuItemId === MAILTO_ITEM ? info.linkUrl : undefined;
  if (raw === undefined) return false;
  const normalised = normaliseEmail(raw, t);
  if (!normalised.ok) {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: t('menuNotAnAddress'),
      message: normalised.message,
    });
    return true;
  }
  await addAddress(store, normalised.email, Date.now());
  await enqueueRun(store, { id: crypto.randomUUID(), emails: [normalised.email], providers: settings.providers, trigger: 'context-menu', now: Date.now() });
  return true;
}
