/**
 * A whole document checked: every field of every record (schemas in sections/), then what no one
 * record can show — repeated keys, and exposures or notices of addresses the file does not watch.
 * Public functions here and in parse.ts word the first problem found in the caller's language.
 */
import * as v from 'valibot';
import type { MessageKey, Translate } from '../i18n';
import { issueWords, record, words } from '../schema-kit';
import { emailWords, forgetEmailVerdicts, list } from './fields';
import { EXPORT_FORMAT, EXPORT_VERSION, MAX_RECORDS, type ExportCounts, type ExportData, type ExportDocument, type ExportList } from './format';
import { firstRepeat, idKey, sortedBy } from './keys';
import { addressKey, addressSchema } from './sections/addresses';
import { breachKey, breachSchema } from './sections/breaches';
import { exposureKey, exposureSchema } from './sections/exposures';
import { noticeSchema } from './sections/notices';
import { resultKey, resultSchema, runSchema } from './sections/runs';
import { siteAlertSchema } from './sections/site-alerts';
import { trailId } from '../trail/leak-trail';
import { trailPart, trailSchema } from './sections/trail';
import { requestsPart, requestsProblem, requestsSchema } from './sections/requests';

/** The lists of a file of `version`, read in this order (the first problem found is the one told). */
const documentSchema = (version: number) =>
  record(
    {
      addresses: list(addressSchema, MAX_RECORDS),
      breaches: list(breachSchema, MAX_RECORDS),
      exposures: list(exposureSchema(version), MAX_RECORDS),
      notices: list(noticeSchema, MAX_RECORDS),
      siteAlerts: list(siteAlertSchema, MAX_RECORDS),
      runs: list(runSchema, MAX_RECORDS),
      results: list(resultSchema, MAX_RECORDS),
      trail: trailSchema,
      rightsRequests: requestsSchema,
    },
    words('importExpectObject'),
  );

const DOCUMENTS = { 1: documentSchema(1), [EXPORT_VERSION]: documentSchema(EXPORT_VERSION) };

type Lists = v.InferOutput<ReturnType<typeof documentSchema>>;

/** A problem, worded once the reader's language is known. */
export type Problem = (t: Translate) => string;

/** Keys that must not repeat within each list, and what a repeat means. */
const UNIQUE: { [L in ExportList]: [key: (item: Lists[L][number]) => string, what: MessageKey] } = {
  addresses: [addressKey, 'importSameEmail'],
  breaches: [breachKey, 'importSameProviderAndId'],
  exposures: [exposureKey, 'importSameExposure'],
  notices: [idKey, 'importSameId'],
  siteAlerts: [idKey, 'importSameId'],
  runs: [idKey, 'importSameId'],
  results: [resultKey, 'importSameResult'],
};

function crossCheck(lists: Lists): Problem | null {
  for (const name of Object.keys(UNIQUE) as ExportList[]) {
    const [key, what] = UNIQUE[name] as [(item: unknown) => string, MessageKey];
    const repeat = firstRepeat<unknown>(lists[name], key);
    if (repeat) return (t) => t('importRepeats', `${name}[${repeat[0]}]`, `${name}[${repeat[1]}]`, t(what));
  }
  const watched = new Set(lists.addresses.map(addressKey));
  for (const name of ['exposures', 'notices'] as const) {
    const at = lists[name].findIndex((r) => !watched.has(r.email));
    const stranger = lists[name][at];
    if (stranger) return (t) => t('importNotWatched', `${name}[${at}].email`, JSON.stringify(stranger.email));
  }
  return (lists.trail ? trailProblem(lists.trail, watched) : null) ?? requestsProblem(lists.rightsRequests ?? [], watched);
}

/** The trail names only the file's addresses, once each, and each finding by the id its address and source make. */
function trailProblem(trail: NonNullable<Lists['trail']>, watched: ReadonlySet<string>): Problem | null {
  for (const [name, what] of [['givenTo', 'importSameEmail'], ['findings', 'importSameId']] as const) {
    const repeat = firstRepeat<{ email: string; id?: string }>(trail[name], (r) => r.id ?? r.email);
    if (repeat) return (t) => t('importRepeats', `trail.${name}[${repeat[0]}]`, `trail.${name}[${repeat[1]}]`, t(what));
    const at = trail[name].findIndex((r) => !watched.has(r.email));
    const stranger = trail[name][at];
    if (stranger) return (t) => t('importNotWatched', `trail.${name}[${at}].email`, JSON.stringify(stranger.email));
  }
  const forged = trail.findings.findIndex((f) => f.id !== trailId(f.email, f.source));
  return forged < 0 ? null : (t) => t('importTrailId', `trail.findings[${forged}].id`);
}

/**
 * Checks a whole document of the given version; fresh records in today's shape, in canonical key
 * order and list order, or the first problem.
 */
export function readDocument(value: unknown, version: number = EXPORT_VERSION): { doc: ExportDocument } | { problem: Problem } {
  let checked;
  try {
    checked = v.safeParse(version < 2 ? DOCUMENTS[1] : DOCUMENTS[EXPORT_VERSION], value, { abortEarly: true });
  } finally {
    forgetEmailVerdicts();
  }
  if (!checked.success) {
    const issue = checked.issues[0];
    return { problem: (t) => (issue.message === words('importEmailInvalid') ? emailWords(issue, t) : issueWords(issue, t)) };
  }
  const problem = crossCheck(checked.output);
  return problem ? { problem } : { doc: canonical({ format: EXPORT_FORMAT, version: EXPORT_VERSION, ...checked.output }) };
}

export function canonical(doc: ExportDocument): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    addresses: sortedBy(doc.addresses, addressKey),
    breaches: sortedBy(doc.breaches, breachKey),
    exposures: sortedBy(doc.exposures, exposureKey),
    notices: sortedBy(doc.notices, idKey),
    siteAlerts: sortedBy(doc.siteAlerts, idKey),
    runs: sortedBy(doc.runs, idKey),
    results: sortedBy(doc.results, resultKey),
    ...trailPart(doc.trail),
    ...requestsPart(doc.rightsRequests),
  };
}

export function countsOf(doc: ExportDocument): ExportCounts {
  return {
    addresses: doc.addresses.length,
    breaches: doc.breaches.length,
    exposures: doc.exposures.length,
    notices: doc.notices.length,
    siteAlerts: doc.siteAlerts.length,
    runs: doc.runs.length,
    results: doc.results.length,
    ...(doc.rightsRequests?.length ? { rightsRequests: doc.rightsRequests.length } : {}),
  };
}

/**
 * Checks data by the same rules as an import; null when it is a valid export, otherwise the
 * first problem found.
 */
export function validateExport(data: ExportData, t: Translate): string | null {
  const read = readDocument(data);
  return 'problem' in read ? read.problem(t) : null;
}

/**
 * The export file's text. Deterministic: the same data always gives the same bytes, whatever the
 * order of the input lists or of the fields in its records. Fields outside the model are left
 * out. Throws when the data would not pass `parseImport`: a backup that cannot be restored is
 * worse than a failed export the user sees at once.
 */
export function buildExport(data: ExportData, t: Translate): string {
  const read = readDocument(data);
  if ('problem' in read) throw new Error(t('exportNotWritten', read.problem(t)));
  return `${JSON.stringify(read.doc, null, 2)}\n`;
}
