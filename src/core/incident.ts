/**
 * One incident, however many providers report it. Providers name breaches their own way (HIBP
 * "LinkedInScrape", XposedOrNot "LinkedInScrape-2021"), so whether two findings describe the same
 * breach is decided from their data, and only when the data agrees on all of it:
 * - they come from different providers (a provider's own ids are distinct incidents, always);
 * - the same registrable domain (both named: a breach without one is matched by nobody);
 * - the same breach year (both known);
 * - names equal once case and punctuation are ignored — the provider's id or its title — or a
 *   pair listed in NAME_ALIASES, for known spellings that differ.
 * Anything less stays apart: two entries for one incident are a nuisance, one entry for two
 * incidents hides a breach. On the fixture catalogs (HIBP 875, XposedOrNot 769 breaches) this
 * pairs 596 of XposedOrNot's 769 entries with one of HIBP's each, 23 of them through NAME_ALIASES
 * (incident.test.ts prints the figure).
 */
import type { Breach } from './breach';
import type { Exposure } from './exposure';
import { sourceKey, sourcesOf, type ExposureSource } from './incident-sources';

export { incidentBreach, reportedBy, sourceKey, sourcesOf, type ExposureSource } from './incident-sources';


/**
 * Names that differ between providers for the same incident, as [one provider's id, the
 * other's]; each pair still needs the same domain and year. Seen in the fixture catalogs
 * (e2e/fixtures/data), checked by hand against both providers' descriptions.
 */
export const NAME_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['LinkedInScrape', 'LinkedInScrape-2021'],
  ['Twitter200M', 'Twitter-Scraped'],
  ['DDO', 'DungeonsAndDragonsOnline'],
  ['BVD', 'BureauvanDijk'],
  ['ThisHabboForum', 'ThisHabbo'],
  ['ClubPenguinRewritten', 'ClubPenguinRewritten-2018'],
  ['BreachForums', 'BreachForum'],
  ['TheHeritageFoundation', 'HeritageFoundation'],
  ['ThePostMillennial', 'PostMillennial'],
  ['VerificationsIO', 'Verifications'],
  ['LegendasTV', 'Legendas'],
  ['AcneOrg', 'Acne'],
  ['DietCom', 'Diet'],
  ['CondoCom', 'Condo'],
  ['YoteprestoCom', 'Yotepresto'],
  ['PaySystemTech', 'PaySystem'],
  ['MagicDuel', 'MagicDuelAdventure'],
  ['XPGameSaves', 'XPGame'],
  ['MechoDownload', 'Mecho'],
  ['HuskyOwners', 'HuskeyOwnersForum'],
  ['KasperskyClub', 'KasperskyFanClub'],
  ['MrGreenGaming', 'GreenGaming'],
  ['HDBFinancialServices', 'HDBFS'],
];

/** Lower case, letters and digits only: "Club Penguin Rewritten!" and "clubpenguinrewritten" agree. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const ALIAS_KEYS: ReadonlySet<string> = new Set(NAME_ALIASES.flatMap(([a, b]) => [`${nameKey(a)}\u0000${nameKey(b)}`, `${nameKey(b)}\u0000${nameKey(a)}`]));

/**
 * Second-level suffixes under which names are registered one level down (example.co.uk). Only
 * the common ones: a suffix missing here makes two sites under it look alike only if their
 * names and years also agree.
 */
const TWO_LEVEL_SUFFIXES: ReadonlySet<string> = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'ne.jp', 'or.jp', 'co.kr', 'co.in',
  'co.id', 'co.za', 'co.il', 'com.br', 'com.cn', 'com.mx', 'com.tr', 'com.tw', 'com.hk', 'com.sg', 'com.ar', 'com.my', 'com.ua',
  'com.pl', 'com.vn', 'com.ph', 'com.co', 'com.pe',
]);

/** The name a domain is registered under: "forums.example.co.uk" → "example.co.uk"; '' for none. */
export function registrableDomain(domain: string): string {
  const labels = domain.trim().toLowerCase().replace(/\.$/, '').split('.').filter((l) => l !== '');
  if (labels.length < 2) return '';
  const two = labels.slice(-2).join('.');
  return TWO_LEVEL_SUFFIXES.has(two) && labels.length >= 3 ? labels.slice(-3).join('.') : two;
}

const yearOf = (date: string | null): string | null => (date !== null && /^\d{4}/.test(date) ? date.slice(0, 4) : null);

function namesAgree(a: Breach, b: Breach): boolean {
  const as = new Set([nameKey(a.id), nameKey(a.title)]);
  const bs = [nameKey(b.id), nameKey(b.title)];
  if (bs.some((n) => n !== '' && as.has(n))) return true;
  return [...as].some((x) => bs.some((y) => ALIAS_KEYS.has(`${x}\u0000${y}`)));
}

/** Whether two providers' breaches are the same incident (see the module comment). */
export function sameIncident(a: Breach, b: Breach): boolean {
  if (a.provider === b.provider) return false;
  const domain = registrableDomain(a.domain);
  if (domain === '' || domain !== registrableDomain(b.domain)) return false;
  const year = yearOf(a.breachDate);
  if (year === null || year !== yearOf(b.breachDate)) return false;
  return namesAgree(a, b);
}

/**
 * The fuller of two dates of one breach: a year-only date never replaces a full one (XposedOrNot's
 * lookups know only the year of a breach its catalog dates to the day). Dates of different years
 * are not the same fact made fuller: then `fresh` is taken as the provider's correction.
 */
export function fullerDate(kept: string | null, fresh: string | null): string | null {
  if (fresh === null) return kept;
  if (kept === null) return fresh;
  return kept.length > fresh.length && kept.startsWith(fresh) ? kept : fresh;
}

/** A provider's fresh record of a breach, keeping the fuller date the stored one had. */
export function refreshedBreach(stored: Breach | undefined, fresh: Breach): Breach {
  if (!stored) return fresh;
  const breachDate = fullerDate(stored.breachDate, fresh.breachDate);
  return breachDate === fresh.breachDate ? fresh : { ...fresh, breachDate };
}

/**
 * Two records of one incident of one address as one: the first sighting's source leads, the
 * other's join it; seen from the first sighting to the last. The user's decision wins over an
 * exposure nobody has looked at (a second provider's finding of a breach the user resolved is
 * still resolved); between two decisions, the later one, with the other's note kept beside it.
 */
export function combineExposures(a: Exposure, b: Exposure): Exposure {
  const [lead, other] = b.firstSeen < a.firstSeen ? [b, a] : [a, b];
  const decided = (a.state === 'new') !== (b.state === 'new') ? (a.state === 'new' ? b : a) : b.stateChangedAt > a.stateChangedAt ? b : a;
  const undecided = decided === a ? b : a;
  const note =
    undecided.note !== '' && !decided.note.includes(undecided.note) && undecided.state !== 'new'
      ? [decided.note, undecided.note].filter((n) => n !== '').join('\n\n')
      : decided.note;
  const seen = new Set([sourceKey(lead)]);
  const also: ExposureSource[] = [];
  for (const s of [...sourcesOf(lead).slice(1), ...sourcesOf(other)]) {
    if (seen.has(sourceKey(s))) continue;
    seen.add(sourceKey(s));
    also.push({ provider: s.provider, breachId: s.breachId });
  }
  return {
    email: lead.email,
    provider: lead.provider,
    breachId: lead.breachId,
    also,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
    state: decided.state,
    stateChangedAt: decided.stateChangedAt,
    note,
  };
}

/**
 * An address's exposures with each incident once: records that share a source, or whose
 * breaches are the same incident, become one (combineExposures). Used by the database migration
 * and by imports, where two records of one incident can meet. Records of different addresses are
 * never combined. The result keeps the input's order of first appearance.
 */
export function collapseIncidents(exposures: readonly Exposure[], breachOf: (source: ExposureSource) => Breach | null): Exposure[] {
  const out: Exposure[] = [];
  for (const exposure of exposures) {
    let merged = exposure;
    for (let i = 0; i < out.length; i++) {
      const other = out[i]!;
      if (other.email !== merged.email || !isSameIncident(other, merged, breachOf)) continue;
      merged = combineExposures(other, merged);
      out.splice(i, 1);
      i = -1; // the combined record may now match one passed over
    }
    out.push(merged);
  }
  return out;
}

function isSameIncident(a: Exposure, b: Exposure, breachOf: (source: ExposureSource) => Breach | null): boolean {
  const as = sourcesOf(a);
  const bs = sourcesOf(b);
  const keys = new Set(as.map(sourceKey));
  if (bs.some((s) => keys.has(sourceKey(s)))) return true;
  // Never two findings of one provider in one incident: that provider says they are two.
  const providers = new Set(as.map((s) => s.provider));
  if (bs.some((s) => providers.has(s.provider))) return false;
  return as.some((x) => {
    const bx = breachOf(x);
    return bx !== null && bs.some((y) => {
      const by = breachOf(y);
      return by !== null && sameIncident(bx, by);
    });
  });
}
