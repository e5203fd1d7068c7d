import { describe, expect, it } from 'vitest';
import { tEn } from '../../i18n-test-helper';
import { buildCsv, buildExport, emptyExport, mergeImport, parseImport, type ExportDocument } from '../../export-format';
import type { RightsRequest } from '../../rights/request';

const EMAIL = 'person@example.com';
const NOTICE = {
  id: 'n1', email: EMAIL, organisation: 'Amazon', site: 'amazon.com', date: '2018-11-21', dataClasses: ['email', 'name'], note: 'technical error',
  createdAt: 1_700_000_000_000, state: 'acknowledged' as const, stateChangedAt: 1_700_000_000_000,
};
const REQUEST: RightsRequest = {
  entry: 'notice\u0000n1', email: EMAIL, organisation: 'Amazon', law: 'eu-gdpr', sentOn: '2026-10-24', extensionMonths: 2,
  answeredOn: null, note: 'They said: "more time"', closedOn: null, createdAt: 1_760_000_000_000, changedAt: 1_761_000_000_000, notifiedDue: '2026-11-24',
};
const BREACH_REQUEST: RightsRequest = { ...REQUEST, entry: `breach\u0000${EMAIL}\u0000hibp\u0000Adobe`, organisation: 'Adobe', extensionMonths: 0, notifiedDue: null, answeredOn: '2026-11-01', closedOn: '2026-11-01' };

const doc = (rightsRequests: RightsRequest[]): ExportDocument => ({
  ...emptyExport(),
  addresses: [{ email: EMAIL, addedAt: 1, lastCheckedAt: null, lastOutcome: null, lastFailure: null }],
  notices: [NOTICE],
  rightsRequests,
});

function refusal(file: unknown): string {
  const outcome = parseImport(JSON.stringify(file), tEn);
  if (outcome.ok) throw new Error('accepted');
  return outcome.message;
}

describe('requests in the export file', () => {
  it('are written after the other lists, sorted by entry, fields in one order, and read back as written', () => {
    const text = buildExport(doc([REQUEST, { ...BREACH_REQUEST }]), tEn);
    const file = JSON.parse(text) as ExportDocument;
    expect(Object.keys(file).at(-1)).toBe('rightsRequests');
    expect(file.rightsRequests?.map((r) => r.organisation)).toEqual(['Adobe', 'Amazon']);
    expect(Object.keys(file.rightsRequests![0]!)).toEqual(Object.keys(REQUEST));
    const back = parseImport(text, tEn);
    expect(back.ok && buildExport(back.doc, tEn)).toBe(text);
    expect(back.ok && back.counts.rightsRequests).toBe(2);
  });

  it('are left out when there are none, so a history without requests exports as before', () => {
    expect(buildExport(doc([]), tEn)).not.toContain('rightsRequests');
    expect(parseImport(buildExport(doc([]), tEn), tEn).ok).toBe(true);
  });

  it('are checked field by field, with the path to the bad one, in words', () => {
    const file = JSON.parse(buildExport(doc([REQUEST]), tEn)) as Record<string, unknown>;
    const withRequest = (patch: Record<string, unknown>) => ({ ...file, rightsRequests: [{ ...REQUEST, ...patch }] });
    expect(refusal(withRequest({ sentOn: '2026-02-30' }))).toBe('rightsRequests[0].sentOn must be a date written YYYY-MM-DD (found "2026-02-30").');
    expect(refusal(withRequest({ extensionMonths: 3 }))).toBe('rightsRequests[0].extensionMonths must be a whole number of months from 0 to 2 (found 3).');
    expect(refusal(withRequest({ law: 'ccpa' }))).toBe('rightsRequests[0].law must be eu-gdpr or uk-gdpr (found "ccpa").');
    expect(refusal(withRequest({ answeredOn: 5 }))).toBe('rightsRequests[0].answeredOn must be a date written YYYY-MM-DD (found 5).');
    expect(refusal(withRequest({ note: undefined }))).toBe('rightsRequests[0].note must be text (it is missing).');
    expect(refusal(withRequest({ entry: `breach\u0000other@example.com\u0000hibp\u0000Adobe` }))).toBe(
      'rightsRequests[0].entry must be the key of a breach of this address or of a notice (found "breach\\u0000other@example.com\\u0000hibp\\u0000Adobe").',
    );
    expect(refusal(withRequest({ email: 'Person@Example.com' }))).toBe('rightsRequests[0].email must be written in normalised form, "person@example.com" (found "Person@Example.com").');
    expect(refusal({ ...file, rightsRequests: [REQUEST, REQUEST] })).toBe('rightsRequests[1] repeats rightsRequests[0] (same entry).');
    expect(refusal({ ...file, rightsRequests: {} })).toBe('rightsRequests must be a list (found an object).');
    expect(refusal({ ...withRequest({ email: 'stranger@example.com', entry: 'notice\u0000n1' }) })).toBe(
      'rightsRequests[0].email "stranger@example.com" is not one of the addresses in the file.',
    );
  });

  it('merge per entry: the request changed last wins, ties keep the one stored', () => {
    const later = { ...REQUEST, changedAt: REQUEST.changedAt + 1, note: 'later' };
    expect(mergeImport(doc([REQUEST]), doc([later])).rightsRequests).toEqual([later]);
    expect(mergeImport(doc([later]), doc([REQUEST])).rightsRequests).toEqual([later]);
    expect(mergeImport(doc([REQUEST]), doc([{ ...REQUEST, note: 'same time' }])).rightsRequests).toEqual([REQUEST]);
  });

  it('are rows of the CSV: source "request", the entry id, the day sent and what was recorded', () => {
    const csv = buildCsv({ exposures: [], breaches: [], notices: [], rightsRequests: [REQUEST, BREACH_REQUEST] });
    const lines = csv.split('\r\n');
    expect(lines).toContain(`${EMAIL},request,Adobe,Adobe,,2026-10-24,${new Date(BREACH_REQUEST.createdAt).toISOString()},,answered,${new Date(BREACH_REQUEST.changedAt).toISOString()},"They said: ""more time""",`);
    expect(lines).toContain(`${EMAIL},request,n1,Amazon,,2026-10-24,${new Date(REQUEST.createdAt).toISOString()},,sent,${new Date(REQUEST.changedAt).toISOString()},"They said: ""more time""",`);
  });
});
