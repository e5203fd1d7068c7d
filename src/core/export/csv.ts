/** The CSV view of the export, for spreadsheets. */
import { reportedBy } from '../incident';
import { MAX_TIME, type ExportData } from './format';
import { SEP, byKey } from './keys';
import { breachKey } from './sections/breaches';
import { requestCsvRow } from './sections/requests';

export const CSV_HEADER = [
  'email',
  'source',
  'breach id',
  'title',
  'domain',
  'breach date',
  'first seen',
  'last seen',
  'state',
  'state changed',
  'note',
  'data classes',
] as const;

export type CsvSource = Pick<ExportData, 'exposures' | 'breaches' | 'notices' | 'rightsRequests'>;

/**
 * One spreadsheet cell. A cell that starts with = + - @ tab or CR is a formula to Excel and
 * LibreOffice (CSV injection: a breach title or note could run a command or leak data), so it is
 * prefixed with a single quote. Then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME ? new Date(ms).toISOString() : '';
}

/**
 * One row per exposure — an incident: its source names every provider that reports it, its breach
 * id the first one's — and one per manual notice (source "manual", the notice's id in the
 * breach id column and no "last seen"), and one per data-protection request (source "request"),
 * ordered by email, source and id. CRLF line ends, a CRLF
 * after the last row, and no byte-order mark (prepend "\ufeff" if Excel must detect UTF-8).
 */
export function buildCsv(data: CsvSource): string {
  const breaches = new Map(data.breaches.map((b) => [breachKey(b), b]));
  const rows: { key: string; cells: string[] }[] = [];
  for (const e of data.exposures) {
    const breach = breaches.get(breachKey({ provider: e.provider, id: e.breachId }));
    rows.push({
      key: `${e.email}${SEP}${e.provider}${SEP}${e.breachId}`,
      cells: [
        e.email,
        reportedBy(e).join('; '),
        e.breachId,
        breach?.title ?? e.breachId,
        breach?.domain ?? '',
        breach?.breachDate ?? '',
        iso(e.firstSeen),
        iso(e.lastSeen),
        e.state,
        iso(e.stateChangedAt),
        e.note,
        (breach?.dataClasses ?? []).join('; '),
      ],
    });
  }
  for (const n of data.notices) {
    rows.push({
      key: `${n.email}${SEP}manual${SEP}${n.id}`,
      cells: [n.email, 'manual', n.id, n.organisation, n.site, n.date, iso(n.createdAt), '', n.state, iso(n.stateChangedAt), n.note, n.dataClasses.join('; ')],
    });
  }
  for (const r of data.rightsRequests ?? []) rows.push(requestCsvRow(r, iso));
  rows.sort(byKey((r) => r.key));
  const lines = [CSV_HEADER.map(csvCell).join(','), ...rows.map((r) => r.cells.map(csvCell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
