import browser from 'webextension-polyfill';
import type { Settings } from '../core/settings';
import { listAddresses } from '../storage/addresses';
import { enqueueRun } from '../storage/check-queue';
import type { Db } from '../storage/schema';

export const RECHECK_ALARM = 'recheck';

/**
 * Keeps the periodic re-check alarm in line with the setting. Alarms persist across worker restarts
 * but are re-created on install and startup, as Chrome may drop them on update.
 */
export async function ensureRecheckAlarm(settings: Settings): Promise<void> {
  const periodInMinutes = settings.recheckIntervalHours * 60;
  const existing = await browser.alarms.get(RECHECK_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(RECHECK_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** Queues a check of every saved address with the chosen provider. */
export async function enqueueScheduledRun(store: Db, settings: Settings): Promise<void> {
  const emails = (await listAddresses(store)).map((a) => a.email);
  if (emails.length === 0) return;
  await enqueueRun(store, { id: crypto.randomUUID(), emails, providers: settings.providers, trigger: 'scheduled', now: Date.now() });
}
