/**
 * The leak trail in the export file: a `trail` section with each address's "given to" sites and
 * the findings, read with valibot. Like the rest of the import it treats the file as hostile —
 * only known fields are copied, every problem is worded in the user's language with the path to
 * it (`trail.findings[0].state must be …`) — and it is absent from files with nothing to say.
 */
import * as v from 'valibot';
import { PROVIDER_IDS } from '../breach';
import { normaliseEmail } from '../email';
import { silentTranslate, type MessageKey, type Translate } from '../i18n';
import { trailId, type LeakTrail } from './leak-trail';
import { siteFromInput } from './registrable-domain';

export interface TrailSection {
  givenTo: Array<{ email: string; sites: string[] }>;
  findings: LeakTrail[];
}

/** Most sites an address may have been given to, and most findings in a file. */
const MAX_SITES = 1_000;
const MAX_FINDINGS = 500_000;
const MAX_TEXT = 10_000;
const MAX_TIME = 8_640_000_000_000_000;
const STATES = ['new', 'acknowledged', 'resolved'] as const;

// Each check's message is the expectation's message key (or `oneOf:a|b` for a list of values):
// worded when shown, in the language of the page that shows it.
const text = (max = MAX_TEXT) => v.pipe(v.string('importExpectText'), v.maxLength(max, 'importExpectText'));
const time = v.pipe(v.number('importExpectTime'), v.finite('importExpectTime'), v.minValue(0, 'importExpectTime'), v.maxValue(MAX_TIME, 'importExpectTime'));
const email = v.pipe(
  v.string('importExpectEmail'),
  // Valid and already in its normalised spelling: emails are compared as strings everywhere.
  v.check((s) => {
    if (s.length > MAX_TEXT) return false;
    const checked = normaliseEmail(s, silentTranslate);
    return checked.ok && checked.email === s;
  }, 'importExpectEmail'),
);
const site = v.pipe(v.string('importExpectSite'), v.check((s) => s.length <= 253 && siteFromInput(s) === s, 'importExpectSite'));
const sites = v.pipe(v.array(site, 'importExpectList'), v.maxLength(MAX_SITES, 'importExpectList'));
const oneOf = <const T extends readonly string[]>(options: T) => v.picklist(options, `oneOf:${options.join('|')}`);

const source = v.variant('kind', [
  v.object({ kind: v.literal('breach'), provider: oneOf(PROVIDER_IDS), breachId: v.pipe(text(), v.minLength(1, 'importExpectNonEmptyText')) }, 'importExpectObject'),
  v.object({ kind: v.literal('notice'), id: v.pipe(text(), v.minLength(1, 'importExpectNonEmptyText')) }, 'importExpectObject'),
], 'oneOf:breach|notice');

const finding = v.object({
  id: text(),
  email,
  givenTo: sites,
  source,
  title: text(),
  site,
  date: v.nullable(v.pipe(text(10), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'importExpectNoticeDate')), 'importExpectNoticeDate'),
  createdAt: time,
  state: oneOf(STATES),
  stateChangedAt: time,
}, 'importExpectObject');

const section = v.object({
  givenTo: v.pipe(v.array(v.object({ email, sites }, 'importExpectObject'), 'importExpectList'), v.maxLength(MAX_FINDINGS, 'importExpectList')),
  findings: v.pipe(v.array(finding, 'importExpectList'), v.maxLength(MAX_FINDINGS, 'importExpectList')),
}, 'importExpectObject');

/** Words for a problem at a place in the file, given what was found there (the import's own wording of it). */
export type DescribeFound = (value: unknown) => (t: Translate) => string;

export type TrailReading = { ok: true; value: TrailSection | null } | { ok: false; describe: (t: Translate) => string };

/**
 * Reads the `trail` section (undefined when the file has none) against the file's addresses:
 * every address it names must be one of them, each finding's id must be the one its address and
 * source make, and nothing may be listed twice.
 */
export function readTrailSection(value: unknown, watched: ReadonlySet<string>, found: DescribeFound): TrailReading {
  if (value === undefined) return { ok: true, value: null };
  const parsed = v.safeParse(section, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = `trail${(issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('')}`;
    const key = issue.message;
    const got = found(issue.input);
    const expected = (t: Translate) => key.startsWith('oneOf:') ? oneOfWords(key.slice(6).split('|'), t) : t(key as MessageKey);
    return { ok: false, describe: (t) => t('importMustBe', path, expected(t), got(t)) };
  }
  const doc = parsed.output;
  const seen = new Map<string, number>();
  for (const [i, entry] of doc.givenTo.entries()) {
    if (!watched.has(entry.email)) return { ok: false, describe: (t) => t('importNotWatched', `trail.givenTo[${i}].email`, JSON.stringify(entry.email)) };
    const earlier = seen.get(entry.email);
    if (earlier !== undefined) return { ok: false, describe: (t) => t('importRepeats', `trail.givenTo[${i}]`, `trail.givenTo[${earlier}]`, t('importSameEmail')) };
    seen.set(entry.email, i);
  }
  const ids = new Map<string, number>();
  for (const [i, f] of doc.findings.entries()) {
    if (!watched.has(f.email)) return { ok: false, describe: (t) => t('importNotWatched', `trail.findings[${i}].email`, JSON.stringify(f.email)) };
    if (f.id !== trailId(f.email, f.source)) return { ok: false, describe: (t) => t('importTrailId', `trail.findings[${i}].id`) };
    const earlier = ids.get(f.id);
    if (earlier !== undefined) return { ok: false, describe: (t) => t('importRepeats', `trail.findings[${i}]`, `trail.findings[${earlier}]`, t('importSameId')) };
    ids.set(f.id, i);
  }
  return { ok: true, value: canonicalTrail(doc as TrailSection) };
}

function oneOfWords(options: readonly string[], t: Translate): string {
  return options.length > 1 ? t('importOneOf', options.slice(0, -1).join(', '), options[options.length - 1] ?? '') : (options[0] ?? '');
}

/** Sorted by address and id, sites sorted, fields in one order: the export stays byte-for-byte stable. */
export function canonicalTrail(trail: TrailSection): TrailSection {
  return {
    givenTo: trail.givenTo
      .map((g) => ({ email: g.email, sites: [...new Set(g.sites)].sort() }))
      .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)),
    findings: trail.findings
      .map((f) => ({
        id: f.id, email: f.email, givenTo: [...f.givenTo].sort(),
        source: f.source.kind === 'breach' ? { kind: 'breach' as const, provider: f.source.provider, breachId: f.source.breachId } : { kind: 'notice' as const, id: f.source.id },
        title: f.title, site: f.site, date: f.date, createdAt: f.createdAt, state: f.state, stateChangedAt: f.stateChangedAt,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * Merges the trail of an import into the one stored: an address was given to the sites either
 * copy names; a finding keeps the state that changed later (ties keep the stored one).
 */
export function mergeTrail(existing: TrailSection | null | undefined, incoming: TrailSection | null | undefined): TrailSection | null {
  if (!existing && !incoming) return null;
  const sites = new Map<string, Set<string>>();
  for (const g of [...(existing?.givenTo ?? []), ...(incoming?.givenTo ?? [])]) sites.set(g.email, new Set([...(sites.get(g.email) ?? []), ...g.sites]));
  const findings = new Map<string, LeakTrail>();
  for (const f of existing?.findings ?? []) findings.set(f.id, f);
  for (const f of incoming?.findings ?? []) {
    const had = findings.get(f.id);
    if (!had || f.stateChangedAt > had.stateChangedAt) findings.set(f.id, f);
  }
  return canonicalTrail({ givenTo: [...sites].map(([email, s]) => ({ email, sites: [...s] })), findings: [...findings.values()] });
}

/** The section as the file writes it: left out when there is nothing in it. */
export const trailPart = (trail: TrailSection | null | undefined): { trail?: TrailSection } =>
  trail && (trail.givenTo.length > 0 || trail.findings.length > 0) ? { trail: canonicalTrail(trail) } : {};
