/**
 * Plain-words advice for what to do about a breach, chosen by the kinds of data it exposed.
 *
 * Breach providers name the leaked data with free-text "data classes" ("Passwords", "Partial
 * credit card data", "Spouses names"…). Each class belongs to one group, and each group has one
 * set of steps, so a breach that leaked five kinds of contact detail shows the phishing advice
 * once. Every class in the providers' catalogs has its group in the table of data classes
 * (data-classes.ts; a test holds that to both catalogs), as have the words people commonly type
 * for them in a notice; a class a provider invents later is placed by keyword, and only what
 * matches nothing falls back to the generic "other" advice.
 */

export type GuidanceGroup =
  | 'passwords'
  | 'financial'
  | 'identity'
  | 'sensitive'
  | 'health'
  | 'contact'
  | 'online'
  | 'device-network'
  | 'employment'
  | 'personal'
  | 'other';

import { canonicalClass, namedGroupOf } from './data-class-words';
import type { MessageKey, Translate } from './i18n';

export interface GuidanceItem {
  group: GuidanceGroup;
  title: string;
  steps: string[];
  /** The steps' message keys, in the same order: a step's stable id (a checklist stores them). */
  stepKeys: MessageKey[];
  /** The caller's data classes that fell in this group (canonical names), in the order given, without repeats. */
  dataClasses: string[];
}

/** Most urgent first: what lets someone into an account or take money comes before the rest. */
export const GROUP_ORDER: readonly GuidanceGroup[] = [
  'passwords',
  'financial',
  'identity',
  'sensitive',
  'health',
  'contact',
  'online',
  'device-network',
  'employment',
  'personal',
  'other',
];

export const GROUP_TITLES: Readonly<Record<GuidanceGroup, MessageKey>> = {
  passwords: 'guidanceTitlePasswords',
  financial: 'guidanceTitleFinancial',
  identity: 'guidanceTitleIdentity',
  sensitive: 'guidanceTitleSensitive',
  health: 'guidanceTitleHealth',
  contact: 'guidanceTitleContact',
  online: 'guidanceTitleOnline',
  'device-network': 'guidanceTitleDeviceNetwork',
  employment: 'guidanceTitleEmployment',
  personal: 'guidanceTitlePersonal',
  other: 'guidanceTitleOther',
};

const STEPS: Readonly<Record<GuidanceGroup, readonly MessageKey[]>> = {
  passwords: [
    'guidancePasswordsStep1',
    'guidancePasswordsStep2',
    'guidancePasswordsStep3',
    'guidancePasswordsStep4',
  ],
  financial: [
    'guidanceFinancialStep1',
    'guidanceFinancialStep2',
    'guidanceFinancialStep3',
    'guidanceFinancialStep4',
  ],
  identity: [
    'guidanceIdentityStep1',
    'guidanceIdentityStep2',
    'guidanceIdentityStep3',
    'guidanceIdentityStep4',
  ],
  sensitive: [
    'guidanceSensitiveStep1',
    'guidanceSensitiveStep2',
    'guidanceSensitiveStep3',
  ],
  health: [
    'guidanceHealthStep1',
    'guidanceHealthStep2',
    'guidanceHealthStep3',
  ],
  contact: [
    'guidanceContactStep1',
    'guidanceContactStep2',
    'guidanceContactStep3',
  ],
  online: [
    'guidanceOnlineStep1',
    'guidanceOnlineStep2',
    'guidanceOnlineStep3',
  ],
  'device-network': [
    'guidanceDeviceNetworkStep1',
    'guidanceDeviceNetworkStep2',
  ],
  employment: [
    'guidanceEmploymentStep1',
    'guidanceEmploymentStep2',
  ],
  personal: [
    'guidancePersonalStep1',
    'guidancePersonalStep2',
  ],
  other: [
    'guidanceOtherStep1',
    'guidanceOtherStep2',
  ],
};

/** Extra steps for a few classes whose risk the group's steps do not cover. Map keys are lower-case. */
const CLASS_STEPS: ReadonlyMap<string, readonly MessageKey[]> = new Map<string, readonly MessageKey[]>([
  ['auth tokens', ['guidanceStepAuthTokens']],
  ['encrypted keys', ['guidanceStepEncryptedKeys']],
  ['mnemonic phrases', ['guidanceStepRecoveryPhrase']],
  ['cryptocurrency wallet addresses', ['guidanceStepWalletScams']],
  ['telecommunications carrier', ['guidanceStepSimLock']],
  ['imsi numbers', ['guidanceStepSimLock']],
  ['physical addresses', ['guidanceStepUnexpectedPost']],
]);

/** For classes no list names yet. Checked in order, so the more urgent reading wins. */
const KEYWORDS: ReadonlyArray<readonly [RegExp, GuidanceGroup]> = [
  [/password|passcode|\bpins?\b|security (question|answer)|\bauth(entication)? (token|code|key)|\btokens?\b|secret|private key|recovery (phrase|code)|maiden/, 'passwords'],
  [/credit|debit|\bcards?\b|\bbank|iban|payment|financ|account balance|loan|salar|income|crypto|wallet|invoice|tax/, 'financial'],
  [/passport|social security|\bssn|national id|government|licen[cs]e|identity|\bid (card|number)|birth|biometric/, 'identity'],
  [/sex|religio|ethnic|\brace|politic|criminal|drug/, 'sensitive'],
  [/health|medical|diagnos|prescri|insurance|\bhiv\b|disabilit|pregnan/, 'health'],
  [/e-?mail address|phone|mobile number|postal|physical address|home address|address book|contact/, 'contact'],
  [/username|user name|social|message|chat|profile|avatar|photo|website|url|comment|post|login|browsing|review/, 'online'],
  [/\bip\b|device|browser|user agent|location|geo|gps|imei|imsi|\bmac\b|network|carrier/, 'device-network'],
  [/employ|job|occupation|career|salary|education|school|universit|degree|skill|company/, 'employment'],
  [/name|gender|\bage|famil|spouse|marital|relationship|nationalit|language|habit|interest|vehicle|travel/, 'personal'],
];

/** The group a data class belongs to; case-insensitive; 'other' when nothing fits. */
export function groupOf(dataClass: string): GuidanceGroup {
  const key = dataClass.trim().toLowerCase();
  if (key === '') return 'other';
  const named = namedGroupOf(key);
  if (named) return named;
  for (const [pattern, group] of KEYWORDS) if (pattern.test(key)) return group;
  return 'other';
}

/** What a step id looks like (a message key): anything else in a stored or imported list is refused. */
export const STEP_ID = /^[a-zA-Z0-9]{1,64}$/;

/** Progress through an entry's checklist: ticked ids that are not among its steps do not count. */
export function checklistProgress(items: readonly GuidanceItem[], ticked: readonly string[] | undefined): { done: number; total: number } {
  const all = new Set(items.flatMap((item) => item.stepKeys));
  const done = new Set((ticked ?? []).filter((id) => all.has(id as MessageKey)));
  return { done: done.size, total: all.size };
}

/** The ticked set after one step changed: sorted and without repeats, so it exports the same every time. */
export function tickStep(ticked: readonly string[] | undefined, step: string, done: boolean): string[] {
  const set = new Set(ticked ?? []);
  if (done) set.add(step);
  else set.delete(step);
  return [...set].sort();
}

/**
 * One item per group the data classes fall in, most urgent first. Steps are never repeated
 * within an item; an empty list (a provider that names no data) gets the generic advice, since
 * something was still exposed.
 */
export function guidanceFor(dataClasses: readonly string[], t: Translate): GuidanceItem[] {
  const byGroup = new Map<GuidanceGroup, { classes: string[]; seen: Set<string>; extra: MessageKey[] }>();
  for (const raw of dataClasses) {
    const name = canonicalClass(raw);
    const group = groupOf(name);
    let entry = byGroup.get(group);
    if (!entry) {
      entry = { classes: [], seen: new Set(), extra: [] };
      byGroup.set(group, entry);
    }
    const key = name.toLowerCase();
    if (entry.seen.has(key)) continue;
    entry.seen.add(key);
    if (name !== '') entry.classes.push(name);
    for (const step of CLASS_STEPS.get(key) ?? []) if (!entry.extra.includes(step)) entry.extra.push(step);
  }
  if (byGroup.size === 0) byGroup.set('other', { classes: [], seen: new Set(), extra: [] });

  const items: GuidanceItem[] = [];
  for (const group of GROUP_ORDER) {
    const entry = byGroup.get(group);
    if (!entry) continue;
    const steps = [...STEPS[group]];
    for (const step of entry.extra) if (!steps.includes(step)) steps.push(step);
    items.push({ group, title: t(GROUP_TITLES[group]), steps: steps.map((key) => t(key)), stepKeys: steps, dataClasses: entry.classes });
  }
  return items;
}
