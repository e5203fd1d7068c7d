/**
 * The ONE protocol between extension pages and the background. Every request type maps to its
 * payload and its reply; `send` and the background router are both typed from this map, and the
 * router validates payloads at run time because a message is untrusted input.
 */
import type { Breach, ProviderId } from './core/breach';
import type { ExportCounts } from './core/export-format';
import type { Exposure, ExposureKey, ExposureState, StoredAddress } from './core/exposure';
import type { NoticeInput } from './core/notice-input';
import type { Settings, SettingsKey } from './core/settings';
import type { ManualNotice } from './core/notice';
import type { ProviderFailure } from './core/provider-error';
import type { LeakTrail } from './core/trail/leak-trail';
import type { RequestChangeInput, RightsRequest } from './core/rights/request';

/** An address with its counts: all exposures, and how many the user has not seen yet. */
export interface AddressView extends StoredAddress {
  /** The newest few, for the popup's list. */
  exposures: Array<{ exposure: Exposure; breach: Breach | null }>;
  /** Exposures the user recorded by hand; they count like any other. */
  notices: ManualNotice[];
  /** Leak-trail findings: it turned up at a site it was not given to. */
  trails: LeakTrail[];
  /** Where this address stands in the current run, if one is going. */
  job: {
    /** 'queued': on the wire or about to go; 'waiting': nothing is sent for it before `notBefore`. */
    state: 'queued' | 'waiting';
    provider: ProviderId;
    notBefore: number;
    failure: ProviderFailure | null;
    /** The provider's limit it waits for, when that (not a retry time) is why: "25 checks an hour". */
    quota: { limit: number; windowMs: number } | null;
  } | null;
}

/** The latest check: its runs at every provider, counted as one. */
export interface RunView {
  /** The check's id (see checkIdOf). */
  id: string;
  providers: ProviderId[];
  startedAt: number;
  finishedAt: number | null;
  total: number;
  done: number;
  /** Estimated time the last address is checked, from the provider's rate limit. */
  estimatedEnd: number | null;
}

export interface PopupState {
  /** The enabled providers, in registry order. */
  providers: ProviderId[];
  hasApiKey: boolean;
  addresses: AddressView[];
  run: RunView | null;
  /** The last write was refused for lack of disk space: checks wait until there is room. */
  storageFull: boolean;
  /** Data-protection requests whose due date passed unanswered (#13), oldest due first. */
  overdueRequests: Array<{ entry: string; organisation: string; due: string }>;
}

/** An entry of the history: an exposure by its key, or a notice by its id. */
export type EntryTarget = { kind: 'exposure'; key: ExposureKey } | { kind: 'notice'; id: string };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

export interface Protocol {
  'state/get': { request: Record<string, never>; reply: PopupState };
  'address/add': { request: { email: string }; reply: { email: string; existed: boolean } };
  'address/remove': { request: { email: string }; reply: null };
  'check/start': { request: { emails?: string[] }; reply: { runId: string | null } };
  /** Cancels a run: its checks not yet done are dropped, nothing is recorded for them. */
  'check/cancel': { request: { runId: string }; reply: { cancelled: number } };
  /** Marks every unseen exposure of these addresses as seen (the popup showed their counts). */
  'exposures/acknowledge': { request: { emails: string[] }; reply: { changed: number } };
  /** Validates and saves a settings change; a refusal names the field and says why. */
  'settings/save': { request: { patch: Partial<Record<SettingsKey, unknown>> }; reply: Settings };
  /** What the site in a tab had: the popup's site card. Null for pages that are not web sites. */
  'site/card': { request: { url: string }; reply: SiteCardView | null };
  /** "Never for this site" (or undo it) for the breach domains of a site. */
  'site/silence': { request: { domains: string[]; silenced: boolean }; reply: null };
  /** Acknowledge, resolve (with a note) or reopen an exposure or a manual notice. */
  'history/set-state': {
    request: { target: EntryTarget; state: ExposureState; note?: string };
    reply: null;
  };
  /** Ticks or unticks one "What to do" step of an exposure or a notice. */
  'history/set-step': { request: { target: EntryTarget; step: string; done: boolean }; reply: null };
  /** Records a manual notice (new, or edits one when `id` is given). */
  'notice/save': { request: { id?: string; input: Partial<Record<keyof NoticeInput, unknown>> }; reply: ManualNotice };
  'notice/delete': { request: { id: string }; reply: null };
  /** Merges an export file into the history; a refusal says what is wrong, and nothing changes. */
  'history/import': { request: { text: string }; reply: ExportCounts };
  /** keepSettings: keep the settings and the HIBP key; everything else goes either way. */
  'history/delete-all': { request: { confirm: 'delete everything'; keepSettings: boolean }; reply: null };
  /** Asks HIBP what the key allows, and adopts its rate. */
  'hibp/test-key': { request: { apiKey: string }; reply: KeyStatus };
  // The leak trail (#17): the sites an address was given to, what to suggest, a finding's state.
  'address/given-to': { request: { email: string; sites: string[] }; reply: { givenTo: string[] } };
  'address/suggest': { request: { email: string; tabUrl?: string }; reply: AddressSuggestions };
  'trail/set-state': { request: { id: string; state: ExposureState }; reply: null };
  /** Data-protection requests (#13): marked sent (with its date), extended, answered, closed, reopened. */
  'request/change': { request: { target: EntryTarget; change: RequestChangeInput }; reply: RightsRequest };
}

/** What the popup offers after an address is added; only ever suggested, never applied unasked. */
export interface AddressSuggestions {
  /** Sites it may have been given to: the tab's, and known sites its plus-tag names. */
  sites: string[];
  /** Its mailbox, when it is a plus-address whose mailbox is not watched yet. */
  base: string | null;
}

export interface SiteCardView {
  host: string;
  shown: Array<{ breach: Breach; emails: string[] }>;
  notices: ManualNotice[];
  /** Findings of addresses given to this site that turned up elsewhere: this site shared them, or was breached. */
  trails: LeakTrail[];
  silenced: string[];
  /** Whether alerts while browsing are on (the card works without them, for the current tab). */
  alertsOn: boolean;
}

export interface KeyStatus {
  plan: string;
  rpm: number;
  subscribedUntil: string | null;
  /** k-anonymity search: only a hash prefix of each address is sent. */
  rangeSearch: boolean;
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ReplyOf<T extends MessageType> = Protocol[T]['reply'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
  /**
   * Made by the page for each request and kept when send() retries it after a worker restart, so
   * the background can tell a retry from a new request (a retried "check/start" is one run).
   */
  requestId?: string;
}

/** Broadcast by the background when stored state changed, so open pages refresh. */
export const STATE_CHANGED = 'event/state-changed' as const;
