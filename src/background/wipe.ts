/**
 * "Delete everything": the user's data and every trace the extension keeps about its own work, in
 * every place the browser offers — then the extension set up again from what is left, with a
 * fresh catalog download. Without the last part a wiped catalog would keep its ETag mark, the
 * next sync would answer "unchanged", and site alerts would go silent.
 */
import browser, { type Permissions } from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../core/settings';
import { loadSettings } from '../adapters/settings-store';
import { TEST_BUILD } from '../build-flags';
import { deleteEverything } from '../storage/history';
import type { Db } from '../storage/schema';
import { updateBadge } from './alerts';
import { dropDomainIndex, ensureCatalogAlarm, syncCatalogs } from './catalog-sync';
import { forgetUserAgentRule } from './user-agent';
import { PASSWORD_FIELD_ORIGINS, PASSWORD_FIELD_PERMISSIONS, syncPasswordFieldScript } from './password-field';
import { ensureRecheckAlarm } from './schedule';

/** The optional permissions the settings asked for; given back with the settings. */
const OPTIONAL = { permissions: ['tabs', ...PASSWORD_FIELD_PERMISSIONS], origins: PASSWORD_FIELD_ORIGINS } as Permissions.Permissions;

export async function wipeEverything(store: Db, keepSettings: boolean): Promise<void> {
  // IndexedDB: addresses, exposures, notices, runs, results, jobs, site-alert records, catalogs.
  await deleteEverything(store);

  // storage.local: settings and key (unless kept), catalog marks (ETag / Last-Modified), retry and
  // sync flags. storage.session: the flags shared between pages.
  // A test build keeps its provider base URLs either way: they wire it to the fixture server
  // (store builds have none to keep), and without them the fresh download would go to the internet.
  const keys = keepSettings ? Object.keys(DEFAULT_SETTINGS) : TEST_BUILD ? ['xposedornotBaseUrl', 'hibpBaseUrl', 'pwnedPasswordsBaseUrl'] : [];
  const kept = keys.length > 0 ? await browser.storage.local.get(keys) : {};
  await browser.storage.local.clear();
  if (Object.keys(kept).length > 0) await browser.storage.local.set(kept);
  await browser.storage.session.clear();

  await browser.alarms.clearAll();
  for (const id of Object.keys(await browser.notifications.getAll())) await browser.notifications.clear(id);
  const sessionRules = await browser.declarativeNetRequest.getSessionRules();
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: sessionRules.map((r) => r.id) });
  forgetUserAgentRule();
  const dynamicRules = await browser.declarativeNetRequest.getDynamicRules();
  await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: dynamicRules.map((r) => r.id) });
  // Present only while the optional "scripting" permission is granted.
  if (browser.scripting) await browser.scripting.unregisterContentScripts();
  // A build that declares them as required (the test build) cannot give them back: nothing to do.
  if (!keepSettings) await browser.permissions.remove(OPTIONAL).catch(() => false);
  dropDomainIndex();

  // Set up again from the settings that are left (the defaults, unless kept). The User-Agent rule
  // comes back with the next HIBP request (forgotten above), as after a browser restart.
  const settings = await loadSettings();
  await ensureRecheckAlarm(settings);
  await ensureCatalogAlarm();
  await syncPasswordFieldScript();
  await updateBadge(store);
  // Not awaited: the download may wait on the rate limit; its own retry alarm covers a failure.
  void syncCatalogs(store, settings);
}
