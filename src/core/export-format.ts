/**
 * The export file: everything the extension knows about the user's exposure history, as one
 * versioned JSON document, and the CSV view of it for spreadsheets. The code is in src/core/export/;
 * this module is what the rest of the extension imports.
 *
 * Three promises, each held by a test:
 * - Lossless and deterministic. `buildExport` sorts every list by its key, writes every record's
 *   fields in one fixed order and records no time of its own, so exporting, deleting everything,
 *   importing and exporting again gives the same file byte for byte.
 * - Nothing unchecked gets in. `parseImport` treats the file as hostile: every field of every
 *   record is checked at run time by a valibot schema (export/sections/), and a problem is reported
 *   with the path to it (`exposures[12].state must be …`), in the user's language. Only known fields
 *   are copied into fresh objects, so keys such as `__proto__` inside a record are dropped, never
 *   assigned. Files over MAX_IMPORT_BYTES, lists over MAX_RECORDS and texts or inner lists over
 *   their limits are refused by size; files of version 1 are still read.
 * - Merging never loses the user's own decisions (see `mergeImport`).
 */
export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  MAX_DESCRIPTION_LENGTH,
  MAX_IMPORT_BYTES,
  MAX_LIST_ITEMS,
  MAX_RECORDS,
  MAX_TEXT_LENGTH,
  emptyExport,
  type ExportCounts,
  type ExportData,
  type ExportDocument,
  type ExportResult,
  type ExportRun,
  type ImportOutcome,
} from './export/format';
export { buildExport, validateExport } from './export/document';
export { parseImport } from './export/parse';
export { mergeImport } from './export/merge';
export { CSV_HEADER, buildCsv, csvCell, type CsvSource } from './export/csv';
