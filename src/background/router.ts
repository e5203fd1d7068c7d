import browser, { type Runtime } from 'webextension-polyfill';
import { t, uiLanguage } from '../adapters/i18n';
import { normaliseEmail } from '../core/email';
import type { Envelope, MessageType, Reply, ReplyOf, RequestOf } from '../messages';
import { VALIDATORS, isMessageType, isRequestId } from '../message-guards';
import { isPlainObject } from '../core/json-value';
import { loadSettings, saveSettings } from '../adapters/settings-store';
import { ProviderError } from '../core/provider-error';
import { describeKeyTestFailure } from '../core/failure-text';
import { formats } from '../core/format';
import { validateSettingsPatch } from '../core/settings';
import { BUILD_RULES } from '../build-flags';
import { getSubscriptionStatus, supportsRangeSearch } from '../providers/hibp';
import { checkNoticeInput } from '../core/notice-input';
import { parseImport } from '../core/export-format';
import { importDocument } from '../storage/export-import';
import { acknowledgeExposures } from '../storage/exposures';
import { deleteNotice, saveNotice, setEntryStep, setExposureState, setNoticeState } from '../storage/history';
import { updateBadge } from './alerts';
import { contextFor } from './providers';
import { siteCard } from './site-watch';
import { addAddress, listAddresses, removeAddress } from '../storage/addresses';
import { cancelRun, checkIdOf, enqueueRun } from '../storage/check-queue';
import { DatabaseBlockedError, db, isQuotaError } from '../storage/open-db';
import { isStorageFull } from '../adapters/storage-full';
import { broadcastStateChanged } from './broadcast';
import { pump } from './check-runner';
import { popupState } from '../storage/popup-view';
import { passwordFieldRange, syncPasswordFieldScript } from './password-field';
import { wipeEverything } from './wipe';
import { changeRequest } from '../storage/rights-requests';
import { localDateOf } from '../core/rights/deadline';
import { clearOverdueNotice, deliverOverdueNotices } from './request-alerts';
import { senderKind } from './sender';
import { saveGivenTo, saveTrailState, suggestFor } from './trail-handlers';

/** A handler's input is already validated; it returns the reply or throws a UserError. */
type Handlers = { [T in MessageType]: (payload: RequestOf<T>, requestId: string | undefined) => Promise<ReplyOf<T>> };

/** An error whose message is written for the user (shown as-is in the UI). */
export class UserError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}


const HANDLERS: Handlers = {
  async 'state/get'() {
    return { ...(await popupState(await db(), await loadSettings(), Date.now())), storageFull: await isStorageFull() };
  },
  async 'address/add'({ email }) {
    const normalised = normaliseEmail(email, t);
    if (!normalised.ok) throw new UserError(normalised.message, 'email');
    const added = await addAddress(await db(), normalised.email, Date.now());
    broadcastStateChanged();
    return { email: normalised.email, existed: added === 'exists' };
  },
  async 'address/remove'({ email }) {
    await removeAddress(await db(), email);
    broadcastStateChanged();
    return null;
  },
  async 'check/start'({ emails }, requestId) {
    const store = await db();
    const settings = await loadSettings();
    const watched = (await listAddresses(store)).map((a) => a.email);
    const wanted = emails ? watched.filter((e) => emails.includes(e)) : watched;
    if (wanted.length === 0) throw new UserError(t('errorNoAddressToCheck'));
    // The check's id is the request's: a retry of this request after a worker restart finds the
    // runs the first attempt made (if it got that far) instead of starting a second check.
    const runs = await enqueueRun(store, { id: requestId ?? crypto.randomUUID(), emails: wanted, providers: settings.providers, trigger: 'manual', now: Date.now() });
    void pump();
    broadcastStateChanged();
    return { runId: runs.length > 0 ? checkIdOf(runs[0]!.id) : null };
  },
  async 'check/cancel'({ runId }) {
    const store = await db();
    const cancelled = await cancelRun(store, runId, Date.now());
    await updateBadge(store);
    broadcastStateChanged();
    return { cancelled };
  },
  async 'exposures/acknowledge'({ emails }) {
    const store = await db();
    const changed = await acknowledgeExposures(store, emails, Date.now());
    if (changed > 0) {
      await updateBadge(store);
      broadcastStateChanged();
    }
    return { changed };
  },
  async 'settings/save'({ patch }) {
    const checked = validateSettingsPatch(patch, t, BUILD_RULES);
    if (!checked.ok) throw new UserError(checked.message, checked.key);
    await saveSettings(checked.patch);
    const settings = await loadSettings();
    // Registered (or gone) before the reply, so Options can give the permissions back right after.
    if ('passwordFieldCheck' in checked.patch) await syncPasswordFieldScript();
    return settings;
  },
  async 'site/card'({ url }) {
    const settings = await loadSettings();
    const card = await siteCard(await db(), settings, url, Date.now());
    return card && { ...card, alertsOn: settings.siteAlerts };
  },
  async 'site/silence'({ domains, silenced }) {
    const { silencedSites } = await loadSettings();
    const next = silenced ? [...new Set([...silencedSites, ...domains])] : silencedSites.filter((d) => !domains.includes(d));
    await saveSettings({ silencedSites: next });
    return null;
  },
  async 'history/set-state'({ target, state, note }) {
    const store = await db();
    const found = target.kind === 'exposure'
      ? await setExposureState(store, target.key, state, note, Date.now())
      : await setNoticeState(store, target.id, state, note, Date.now());
    if (!found) throw new UserError(t('errorEntryGone'));
    await updateBadge(store);
    broadcastStateChanged();
    return null;
  },
  async 'history/set-step'({ target, step, done }) {
    if (!(await setEntryStep(await db(), target, step, done))) throw new UserError(t('errorEntryGone'));
    broadcastStateChanged();
    return null;
  },
  async 'notice/save'({ id, input }) {
    const checked = checkNoticeInput(input, new Date().toISOString().slice(0, 10), t);
    if (!checked.ok) throw new UserError(checked.message, checked.field);
    const store = await db();
    if (!(await store.get('addresses', checked.value.email))) {
      throw new UserError(t('errorNoticeUnknownAddress', checked.value.email), 'email');
    }
    const now = Date.now();
    const previous = id ? await store.get('notices', id) : undefined;
    if (id && !previous) throw new UserError(t('errorNoticeGone'));
    const notice = {
      ...checked.value,
      id: previous?.id ?? crypto.randomUUID(),
      createdAt: previous?.createdAt ?? now,
      state: previous?.state ?? ('acknowledged' as const),
      stateChangedAt: previous?.stateChangedAt ?? now,
    };
    await saveNotice(store, notice, now);
    await updateBadge(store); // a notice of a site the address was not given to is a leak-trail finding
    broadcastStateChanged();
    return notice;
  },
  async 'notice/delete'({ id }) {
    const store = await db();
    await deleteNotice(store, id);
    await updateBadge(store);
    broadcastStateChanged();
    return null;
  },
  async 'history/import'({ text }) {
    const parsed = parseImport(text, t);
    if (!parsed.ok) throw new UserError(parsed.message);
    const store = await db();
    await importDocument(store, parsed.doc);
    await updateBadge(store);
    broadcastStateChanged();
    return parsed.counts;
  },
  async 'history/delete-all'({ keepSettings }) {
    await wipeEverything(await db(), keepSettings);
    broadcastStateChanged();
    return null;
  },
  async 'request/change'({ target, change }) {
    const store = await db();
    const today = localDateOf(Date.now());
    const outcome = await changeRequest(store, target, change, today, Date.now());
    if (!outcome.ok) throw new UserError(outcome.reason === 'entryGone' ? t('errorEntryGone') : t(outcome.reason));
    // Marked sent long ago, the request may be overdue already: say so now, once.
    await clearOverdueNotice(outcome.request, today);
    await deliverOverdueNotices(store, today);
    broadcastStateChanged();
    return outcome.request;
  },
  async 'hibp/test-key'({ apiKey }) {
    const key = apiKey.trim();
    if (key === '') throw new UserError(t('errorNoApiKey'), 'hibpApiKey');
    const settings = await loadSettings();
    try {
      const ctx = { ...contextFor('hibp', settings), apiKey: key };
      const status = await getSubscriptionStatus(ctx);
      const rangeSearch = await supportsRangeSearch(ctx);
      // The key works: keep it, pace checks to the rate its plan allows, and prefer range search.
      await saveSettings({ hibpApiKey: key, hibpRequestsPerMinute: Math.max(1, Math.floor(status.rpm)), hibpRangeSearch: rangeSearch });
      return { ...status, rangeSearch };
    } catch (error) {
      if (error instanceof ProviderError) {
        const { when } = formats(uiLanguage());
        throw new UserError(describeKeyTestFailure(error.toJSON(), (ms) => when(ms, Date.now()), t), 'hibpApiKey');
      }
      throw error;
    }
  },
  async 'address/given-to'({ email, sites }) {
    const reply = await saveGivenTo(await db(), email, sites, (message, field) => new UserError(message, field));
    await updateBadge(await db());
    broadcastStateChanged();
    return reply;
  },
  async 'address/suggest'({ email, tabUrl }) {
    return suggestFor(await db(), email, tabUrl);
  },
  async 'trail/set-state'({ id, state }) {
    await saveTrailState(await db(), id, state, (message) => new UserError(message));
    await updateBadge(await db());
    broadcastStateChanged();
    return null;
  },
};

/** Answers only this extension's own pages and content script; anything else is ignored, not answered. */
export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined {
  const from = senderKind(sender, browser.runtime.id, browser.runtime.getURL(''));
  if (from === null || !isPlainObject(message)) return undefined;
  // The one message a content script may send: the password-field check's 5-character hash prefix.
  if (from === 'content-script') return message.type === 'password-field/range' ? passwordFieldRange(message.prefix, sender.tab?.id) : undefined;
  if (!isMessageType(message.type)) return undefined;
  return dispatch(message as unknown as Envelope);
}

async function dispatch<T extends MessageType>({ type, payload, requestId }: Envelope<T>): Promise<Reply<ReplyOf<T>>> {
  const validate = VALIDATORS[type] as (p: unknown) => p is RequestOf<T>;
  if (!validate(payload) || (requestId !== undefined && !isRequestId(requestId))) return { ok: false, error: t('errorMalformedRequest', type) };
  try {
    const handler = HANDLERS[type] as (p: RequestOf<T>, id: string | undefined) => Promise<ReplyOf<T>>;
    return { ok: true, value: await handler(payload, requestId) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message, ...(error.field ? { field: error.field } : {}) };
    // The write was undone whole (a transaction), so nothing stored changed: say why and what helps.
    if (isQuotaError(error)) return { ok: false, error: t('errorStorageFull') };
    if (error instanceof DatabaseBlockedError) return { ok: false, error: t('errorDatabaseBlocked') };
    console.error('Was I Exposed?: request failed', type, error);
    return { ok: false, error: t('errorInternal') };
  }
}

