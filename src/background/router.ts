import browser, { type Runtime } from 'webextension-polyfill';
import { normaliseEmail } from '../core/email';
import type { Envelope, MessageType, Reply, ReplyOf, RequestOf } from '../messages';
import { loadSettings } from '../adapters/settings-store';
import { addAddress, listAddresses, removeAddress } from '../storage/addresses';
import { enqueueRun } from '../storage/check-queue';
import { db } from '../storage/open-db';
import { broadcastStateChanged } from './broadcast';
import { pump } from './check-runner';
import { popupState } from './popup-state';

/** A handler's input is already validated; it returns the reply or throws a UserError. */
type Handlers = { [T in MessageType]: (payload: RequestOf<T>) => Promise<ReplyOf<T>> };
type Validators = { [T in MessageType]: (payload: unknown) => payload is RequestOf<T> };

/** An error whose message is written for the user (shown as-is in the UI). */
export class UserError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmailPayload = (v: unknown): v is { email: string } => isObject(v) && typeof v.email === 'string' && v.email.length <= 1000;

const VALIDATORS: Validators = {
  'state/get': (v): v is Record<string, never> => isObject(v),
  'address/add': isEmailPayload,
  'address/remove': isEmailPayload,
  'check/start': (v): v is { emails?: string[] } =>
    isObject(v) && (v.emails === undefined || (Array.isArray(v.emails) && v.emails.length <= 10_000 && v.emails.every((e) => typeof e === 'string'))),
};

const HANDLERS: Handlers = {
  async 'state/get'() {
    return popupState(await db(), await loadSettings(), Date.now());
  },
  async 'address/add'({ email }) {
    const normalised = normaliseEmail(email);
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
  async 'check/start'({ emails }) {
    const store = await db();
    const settings = await loadSettings();
    const watched = (await listAddresses(store)).map((a) => a.email);
    const wanted = emails ? watched.filter((e) => emails.includes(e)) : watched;
    if (wanted.length === 0) throw new UserError('Add an address first, then check it.');
    const run = await enqueueRun(store, { id: crypto.randomUUID(), emails: wanted, provider: settings.provider, trigger: 'manual', now: Date.now() });
    void pump();
    broadcastStateChanged();
    return { runId: run?.id ?? null };
  },
};

/** Answers only this extension's own pages; anything else is ignored, not answered. */
export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  if (sender.url !== undefined && !sender.url.startsWith(browser.runtime.getURL(''))) return undefined;
  if (!isObject(message) || typeof message.type !== 'string' || !(message.type in HANDLERS)) return undefined;
  return dispatch(message as unknown as Envelope);
}

async function dispatch<T extends MessageType>({ type, payload }: Envelope<T>): Promise<Reply<ReplyOf<T>>> {
  const validate = VALIDATORS[type] as (p: unknown) => p is RequestOf<T>;
  if (!validate(payload)) return { ok: false, error: `Malformed ${type} request.` };
  try {
    const handler = HANDLERS[type] as (p: RequestOf<T>) => Promise<ReplyOf<T>>;
    return { ok: true, value: await handler(payload) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message, ...(error.field ? { field: error.field } : {}) };
    console.error('Was I Exposed?: request failed', type, error);
    return { ok: false, error: 'Something went wrong inside the extension. Nothing you saved was changed; try again.' };
  }
}

