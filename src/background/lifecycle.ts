import browser, { type Alarms, type Runtime, type Storage } from 'webextension-polyfill';
import { isSettingsKey } from '../core/settings';
import { loadSettings } from '../adapters/settings-store';
import { db } from '../storage/open-db';
import { dropJobsExcept } from '../storage/check-queue';
import { QUEUE_ALARM, pump } from './check-runner';
import { createContextMenus } from './context-menu';
import { RECHECK_ALARM, enqueueScheduledRun, ensureRecheckAlarm } from './schedule';
import { broadcastStateChanged } from './broadcast';
import { syncPasswordFieldScript } from './password-field';
import { CATALOG_ALARM, CATALOG_RETRY_ALARM, ensureCatalogAlarm, syncCatalogs } from './catalog-sync';
import { deliverOverdueNotices } from './request-alerts';

export async function onInstalled(details: Runtime.OnInstalledDetailsType): Promise<void> {
  createContextMenus();
  // First run only (not on update): say what it does, and let the user set it up.
  if (details.reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('src/ui/welcome/index.html') });
  await onStartup();
}

export async function onStartup(): Promise<void> {
  const settings = await loadSettings();
  await ensureRecheckAlarm(settings);
  await ensureCatalogAlarm();
  await syncPasswordFieldScript();
  await pump();
}

export async function onAlarm(alarm: Alarms.Alarm): Promise<void> {
  if (alarm.name === RECHECK_ALARM) {
    await enqueueScheduledRun(await db(), await loadSettings());
    broadcastStateChanged();
  }
  if (alarm.name === RECHECK_ALARM || alarm.name === QUEUE_ALARM) await pump();
  if (alarm.name === CATALOG_ALARM) await syncCatalogs(await db(), await loadSettings());
  // A request's due date passing needs no timer of its own: the daily alarms look (#13).
  if (alarm.name === CATALOG_ALARM || alarm.name === RECHECK_ALARM) await deliverOverdueNotices(await db());
  if (alarm.name === CATALOG_RETRY_ALARM) await syncCatalogs(await db(), await loadSettings(), { dueOnly: true });
}

/** Settings changed in Options (or by a test): apply what depends on them. */
export async function onStorageChanged(changes: Record<string, Storage.StorageChange>, area: string): Promise<void> {
  if (area !== 'local') return;
  const keys = Object.keys(changes).filter(isSettingsKey);
  if (keys.length === 0) return;
  const settings = await loadSettings();
  if (keys.includes('recheckIntervalHours')) await ensureRecheckAlarm(settings);
  if (keys.includes('passwordFieldCheck')) await syncPasswordFieldScript();
  if (keys.includes('providers')) {
    // Checks still queued for a provider the user turned off would never be their choice again.
    await dropJobsExcept(await db(), settings.providers, Date.now());
    await syncCatalogs(await db(), settings);
  }
  broadcastStateChanged();
}
