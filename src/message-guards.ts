/**
 * Run-time checks of every request payload in the protocol: a message is untrusted input, even
 * from our own pages, so the background checks its shape before acting. One valibot schema per
 * request type, each held to the type src/messages.ts declares. Pure, so it is tested without a
 * browser.
 */
import * as v from 'valibot';
import { PROVIDER_IDS } from './core/breach';
import { STEP_ID } from './core/guidance';
import { plainObject, record } from './core/schema-kit';
import { RequestChangeInputSchema } from './core/rights/request-change-schema';
import type { MessageType, RequestOf } from './messages';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const email = record({ email: text(1000) });

const target = v.union([
  record({ kind: v.literal('exposure'), key: v.strictTuple([v.string(), v.picklist(PROVIDER_IDS), v.string()]) }),
  record({ kind: v.literal('notice'), id: v.string() }),
]);

const REQUESTS = {
  'state/get': record({}),
  'address/add': email,
  'address/remove': email,
  'check/start': record({ emails: v.optional(list(v.string(), 10_000)) }),
  'check/cancel': record({ runId: text(100) }),
  'exposures/acknowledge': record({ emails: list(v.string(), 10_000) }),
  'settings/save': record({ patch: plainObject() }),
  'site/card': record({ url: text(8192) }),
  'site/silence': record({ silenced: v.boolean(), domains: list(v.pipe(v.string(), v.regex(/^[a-z0-9.-]{1,253}$/)), 100) }),
  'history/set-state': record({ target, state: v.picklist(['new', 'acknowledged', 'resolved']), note: v.optional(text(5000)) }),
  'history/set-step': record({ target, step: v.pipe(v.string(), v.regex(STEP_ID)), done: v.boolean() }),
  'notice/save': record({ id: v.optional(v.string()), input: plainObject() }),
  'notice/delete': record({ id: v.string() }),
  'history/import': record({ text: v.string() }),
  'history/delete-all': record({ confirm: v.literal('delete everything'), keepSettings: v.boolean() }),
  'hibp/test-key': record({ apiKey: text(200) }),
  // The leak trail (#17): what a person typed as a site is checked by the handler, which says
  // precisely what is wrong with it; here only the shape.
  'address/given-to': record({ email: text(1000), sites: list(text(2000), 100) }),
  'address/suggest': record({ email: text(1000), tabUrl: v.optional(text(8192)) }),
  'trail/set-state': record({ id: text(3000), state: v.picklist(['new', 'acknowledged', 'resolved']) }),
  // Data-protection requests (#13): whether a date is a real day and not in the future is
  // applyRequestChange's to say, in words the form shows; here only the shape.
  'request/change': record({ target, change: RequestChangeInputSchema }),
} satisfies { [T in MessageType]: v.GenericSchema<unknown, RequestOf<T>> };

type Validators = { [T in MessageType]: (payload: unknown) => payload is RequestOf<T> };

export const VALIDATORS = Object.fromEntries(
  Object.entries(REQUESTS).map(([type, schema]) => [type, (payload: unknown) => v.is(schema, payload)]),
) as Validators;

/** A request id as send() makes them (crypto.randomUUID()). */
export const isRequestId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v);


/**
 * Whether `type` names a request of the protocol. An own-property check: `'toString' in VALIDATORS`
 * is true, and a message of that type would otherwise reach Object.prototype's methods.
 */
export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(VALIDATORS, type);
}
