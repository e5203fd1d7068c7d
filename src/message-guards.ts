/**
 * Run-time checks of every request payload in the protocol: a message is untrusted input, even
 * from our own pages, so the background checks its shape before acting. Pure, so it is tested
 * without a browser.
 */
import { PROVIDER_IDS } from './core/breach';
import { STEP_ID } from './core/guidance';
import { is } from 'valibot';
import { RequestChangeInputSchema } from './core/rights/request-change-schema';
import type { MessageType, RequestOf } from './messages';

type Validators = { [T in MessageType]: (payload: unknown) => payload is RequestOf<T> };

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmailPayload = (v: unknown): v is { email: string } => isObject(v) && typeof v.email === 'string' && v.email.length <= 1000;

/** A request id as send() makes them (crypto.randomUUID()). */
export const isRequestId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v);

export const VALIDATORS: Validators = {
  'state/get': (v): v is Record<string, never> => isObject(v),
  'address/add': isEmailPayload,
  'address/remove': isEmailPayload,
  'check/start': (v): v is { emails?: string[] } =>
    isObject(v) && (v.emails === undefined || (Array.isArray(v.emails) && v.emails.length <= 10_000 && v.emails.every((e) => typeof e === 'string'))),
  'check/cancel': (v): v is { runId: string } => isObject(v) && typeof v.runId === 'string' && v.runId.length <= 100,
  'exposures/acknowledge': (v): v is RequestOf<'exposures/acknowledge'> =>
    isObject(v) && Array.isArray(v.emails) && v.emails.length <= 10_000 && v.emails.every((e) => typeof e === 'string'),
  'settings/save': (v): v is RequestOf<'settings/save'> => isObject(v) && isObject(v.patch),
  'site/card': (v): v is { url: string } => isObject(v) && typeof v.url === 'string' && v.url.length <= 8192,
  'site/silence': (v): v is RequestOf<'site/silence'> =>
    isObject(v) && typeof v.silenced === 'boolean' && Array.isArray(v.domains) && v.domains.length <= 100 &&
    v.domains.every((d) => typeof d === 'string' && /^[a-z0-9.-]{1,253}$/.test(d)),
  'history/set-state': (v): v is RequestOf<'history/set-state'> =>
    isObject(v) && isEntryTarget(v.target) && (['new', 'acknowledged', 'resolved'] as unknown[]).includes(v.state) &&
    (v.note === undefined || (typeof v.note === 'string' && v.note.length <= 5000)),
  'history/set-step': (v): v is RequestOf<'history/set-step'> =>
    isObject(v) && isEntryTarget(v.target) && typeof v.step === 'string' && STEP_ID.test(v.step) && typeof v.done === 'boolean',
  'notice/save': (v): v is RequestOf<'notice/save'> => isObject(v) && isObject(v.input) && (v.id === undefined || typeof v.id === 'string'),
  'notice/delete': (v): v is { id: string } => isObject(v) && typeof v.id === 'string',
  'history/import': (v): v is { text: string } => isObject(v) && typeof v.text === 'string',
  'history/delete-all': (v): v is RequestOf<'history/delete-all'> => isObject(v) && v.confirm === 'delete everything' && typeof v.keepSettings === 'boolean',
  'hibp/test-key': (v): v is { apiKey: string } => isObject(v) && typeof v.apiKey === 'string' && v.apiKey.length <= 200,
  'request/change': (p): p is RequestOf<'request/change'> => isObject(p) && isEntryTarget(p.target) && is(RequestChangeInputSchema, p.change),
};

/**
 * Whether `type` names a request of the protocol. An own-property check: `'toString' in VALIDATORS`
 * is true, and a message of that type would otherwise reach Object.prototype's methods.
 */
export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(VALIDATORS, type);
}

function isEntryTarget(v: unknown): boolean {
  return isObject(v) && ((v.kind === 'exposure' && isExposureKey(v.key)) || (v.kind === 'notice' && typeof v.id === 'string'));
}

function isExposureKey(k: unknown): boolean {
  return (
    Array.isArray(k) && k.length === 3 && typeof k[0] === 'string' && typeof k[2] === 'string' &&
    (PROVIDER_IDS as readonly unknown[]).includes(k[1])
  );
}
