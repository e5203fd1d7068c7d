/**
 * For tests: the history rows and aggregates as a recount from the stored exposures and breach
 * records gives them, compared with what the incremental writes left.
 */
import { expect } from 'vitest';
import { applyCell, historyRow, StatDelta, type HistoryStat } from '../core/history-row';
import { sourcesOf } from '../core/incident';
import { REINDEX_KEY } from './history-index';
import type { Db } from './schema';

export async function expectHistoryIndexRight(db: Db): Promise<void> {
  const [exposures, breaches, rows, stats] = await Promise.all([db.getAll('exposures'), db.getAll('breaches'), db.getAll('historyRows'), db.getAll('historyStats')]);
  const breachOf = (provider: string, id: string) => breaches.find((b) => b.provider === provider && b.id === id) ?? null;
  const expectedRows = exposures.map((e) => historyRow(e, sourcesOf(e).map((s) => breachOf(s.provider, s.breachId))));
  expect(rows).toEqual(expectedRows); // both in key order
  const delta = new StatDelta();
  for (const row of expectedRows) delta.add(row, 1);
  const expectedStats: HistoryStat[] = [
    ...[...delta.cells].map(([key, d]) => applyCell(undefined, key, d)!),
    ...[...delta.sources].map(([key, d]) => ({ key, ...d.source, count: d.count })),
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
  expect(stats.filter((s) => s.key !== REINDEX_KEY)).toEqual(expectedStats);
}
