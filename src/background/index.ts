/**
 * Thin entry. Every listener is registered synchronously at the top level, because Chrome only
 * delivers the event that woke a service worker to listeners present after its first run.
 * State lives in IndexedDB and storage.local, never only here: the worker dies when idle.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { QUEUE_ALARM, pump } from './check-runner';
import { handleMessage } from './router';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === QUEUE_ALARM) void pump();
});

browser.runtime.onStartup.addListener(() => void pump());
browser.runtime.onInstalled.addListener(() => void pump());

// Any wake resumes queued checks a killed worker left behind; an empty queue costs one read.
void pump();
