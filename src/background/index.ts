/**
 * Thin entry. Every listener is registered synchronously at the top level, because Chrome only
 * delivers the event that woke a service worker to listeners present after its first run.
 * State lives in IndexedDB and storage.local, never only here: the worker dies when idle.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { loadSettings } from '../adapters/settings-store';
import { db } from '../storage/open-db';
import { openNotice } from './alerts';
import { deliverOverdueNotices, openRequestNotice } from './request-alerts';
import { resumeInterruptedSync } from './catalog-sync';
import { pump } from './check-runner';
import { onContextMenu } from './context-menu';
import { onAlarm, onInstalled, onStartup, onStorageChanged } from './lifecycle';
import { handleMessage } from './router';
import { onNavigation } from './site-watch';
import { syncPasswordFieldScript } from './password-field';
import { shareBlockedStateThroughSession } from '../adapters/blocked-board';

shareBlockedStateThroughSession();

const report = (what: string) => (error: unknown) => console.error(`Was I Exposed?: ${what} failed`, error);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender));
browser.runtime.onInstalled.addListener((details) => void onInstalled(details).catch(report('install')));
browser.runtime.onStartup.addListener(() => void onStartup().catch(report('startup')));
browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm).catch(report('alarm')));
browser.storage.onChanged.addListener((changes, area) => void onStorageChanged(changes, area).catch(report('settings change')));
browser.notifications.onClicked.addListener((id) => void Promise.all([openNotice(id), openRequestNotice(id)]).catch(report('notification')));
// Permissions given back from the browser's own settings page: stop injecting at once.
browser.permissions.onRemoved.addListener(() => void syncPasswordFieldScript().catch(report('password field script')));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // Without the optional "tabs" permission no URL arrives here, and nothing is looked up.
  if (change.url) void (async () => onNavigation(await db(), await loadSettings(), tabId, change.url!))().catch(report('site lookup'));
});
browser.contextMenus.onClicked.addListener(
  (info) =>
    void (async () => {
      if (await onContextMenu(info, await db(), await loadSettings())) await pump();
    })().catch(report('context menu')),
);

// Any wake resumes what a killed worker left behind: queued checks, and a catalog refresh cut
// short. Nothing left costs one read each.
void pump().catch(report('queue'));
void resumeInterruptedSync().catch(report('catalog refresh'));
void (async () => deliverOverdueNotices(await db()))().catch(report('request reminders'));
