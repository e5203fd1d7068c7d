/**
 * The export file's identity, limits and shape. Runs and results are the stored `CheckRun` and
 * `CheckResult` of src/core/check-run.ts. When a stored record gains a field, add it to its
 * section's schema (sections/) and to the merge, and decide whether that needs EXPORT_VERSION 3.
 */
import type { Breach } from '../breach';
import type { CheckResult, CheckRun } from '../check-run';
import type { Exposure, WatchedAddress } from '../exposure';
import type { ManualNotice, SiteAlertRecord } from '../notice';
import type { RightsRequest } from '../rights/request';
import type { TrailSection } from './sections/trail';

export const EXPORT_FORMAT = 'was-i-exposed-export';
/**
 * 2: an exposure is one incident, with `also` (other providers' names for it), and a stored
 * failure names its `provider`. Files of version 1 are still read: their exposures have no
 * `also`, and two of them that are one incident are combined on import.
 */
export const EXPORT_VERSION = 2;

/** Largest file `parseImport` reads by default, in UTF-8 bytes. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
/** Most records in any one list of the file. */
export const MAX_RECORDS = 500_000;
/** Most items in a list inside a record (data classes, breach ids, addresses of a run). */
export const MAX_LIST_ITEMS = 10_000;
/** Longest text field, in UTF-16 code units, except breach descriptions. */
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_DESCRIPTION_LENGTH = 100_000;
/** The last instant a JavaScript Date can hold; later times cannot be shown or written as ISO. */
export const MAX_TIME = 8_640_000_000_000_000;

/** Runs and results are exported exactly as stored. */
export type ExportRun = CheckRun;
export type ExportResult = CheckResult;

/** The file's lists, in the order they are read and written. */
export const LISTS = ['addresses', 'breaches', 'exposures', 'notices', 'siteAlerts', 'runs', 'results'] as const;
/** Sections a file may leave out: absent when there is nothing in them. */
export const OPTIONAL_SECTIONS = ['trail', 'rightsRequests'] as const;
export type ExportList = (typeof LISTS)[number];

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  addresses: WatchedAddress[];
  breaches: Breach[];
  exposures: Exposure[];
  notices: ManualNotice[];
  siteAlerts: SiteAlertRecord[];
  runs: ExportRun[];
  results: ExportResult[];
  /** "Given to" sites and leak-trail findings (sections/trail.ts); absent when there are none. */
  trail?: TrailSection;
  /** Data-protection requests (sections/requests.ts); absent when there are none. */
  rightsRequests?: RightsRequest[];
}

/** What `buildExport` takes: the stores' contents. A whole ExportDocument fits too. */
export type ExportData = { readonly [L in ExportList]: readonly ExportDocument[L][number][] } & { readonly trail?: TrailSection; readonly rightsRequests?: readonly RightsRequest[] };

/** Records per list; requests named only when the file has some. */
export type ExportCounts = Record<ExportList, number> & { rightsRequests?: number };

export type ImportOutcome = { ok: true; doc: ExportDocument; counts: ExportCounts } | { ok: false; message: string };

export function emptyExport(): ExportDocument {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, addresses: [], breaches: [], exposures: [], notices: [], siteAlerts: [], runs: [], results: [] };
}
