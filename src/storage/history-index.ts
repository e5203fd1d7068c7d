/**
 * The one way exposures are written: the record, its history row (history-row.ts) and the
 * aggregates, in the caller's transaction, so the history page's indexes and counts can never
 * disagree with the exposures. Every writer of exposures (check results, state changes, import,
 * deleting an address, migrations) goes through a HistoryWriter and calls `flush()` before its
 * transaction ends.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { Breach } from '../core/breach';
import { exposureKey, type Exposure, type ExposureKey } from '../core/exposure';
import { applyCell, historyRow, isCell, StatDelta, type HistoryCell, type HistorySourceCount, type HistoryStat } from '../core/history-row';
import { sourceKey, sourcesOf, type ExposureSource } from '../core/incident';
import type { Db, ExposureDb } from './schema';

/** A transaction that holds (at least) exposures, breaches, historyRows and historyStats. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- idb types a transaction by its exact store list; callers' lists differ
export type HistoryTx = IDBPTransaction<ExposureDb, any, 'readwrite' | 'versionchange'>;

/** The stores a transaction that writes exposures must include. */
export const HISTORY_STORES = ['exposures', 'breaches', 'historyRows', 'historyStats'] as const satisfies ReadonlyArray<StoreNames<ExposureDb>>;

/** The key of the mark that asks for the rows and aggregates to be built again from the exposures. */
export const REINDEX_KEY = 'reindex';

export class HistoryWriter {
  private readonly delta = new StatDelta();
  private readonly records = new Map<string, Promise<Breach | null>>();

  constructor(private readonly tx: HistoryTx) {}

  private breach(s: ExposureSource): Promise<Breach | null> {
    const key = sourceKey(s);
    let pending = this.records.get(key);
    if (!pending) {
      pending = (this.tx.objectStore('breaches').get([s.provider, s.breachId]) as Promise<Breach | undefined>).then((b) => b ?? null);
      this.records.set(key, pending);
    }
    return pending;
  }

  /** Stores the exposure (new or changed) and its row. */
  async put(e: Exposure): Promise<void> {
    const rows = this.tx.objectStore('historyRows');
    const [old, records] = await Promise.all([rows.get(exposureKey(e)), Promise.all(sourcesOf(e).map((s) => this.breach(s)))]);
    const row = historyRow(e, records);
    if (old) this.delta.add(old, -1);
    this.delta.add(row, 1);
    await Promise.all([this.tx.objectStore('exposures').put(e), rows.put(row)]);
  }

  /** The row of an exposure that is stored already and has none yet (a rebuild): the exposure is not written again. */
  async addRow(e: Exposure): Promise<void> {
    const row = historyRow(e, await Promise.all(sourcesOf(e).map((s) => this.breach(s))));
    this.delta.add(row, 1);
    await this.tx.objectStore('historyRows').put(row);
  }

  /** Deletes the exposure and its row. */
  async delete(key: ExposureKey): Promise<void> {
    const rows = this.tx.objectStore('historyRows');
    const old = await rows.get(key);
    if (old) this.delta.add(old, -1);
    await Promise.all([this.tx.objectStore('exposures').delete(key), rows.delete(key)]);
  }

  /**
   * A breach record was stored (`before` the one it replaced): when what rows take from it changed
   * (its date or data), the rows of every exposure naming it are derived again.
   */
  async breachWritten(before: Breach | undefined, after: Breach): Promise<void> {
    const source = { provider: after.provider, breachId: after.id };
    this.records.set(sourceKey(source), Promise.resolve(after));
    const same = before !== undefined && before.breachDate === after.breachDate && before.dataClasses.join('\u0000') === after.dataClasses.join('\u0000');
    if (same) return;
    const rows = this.tx.objectStore('historyRows') as IDBPObjectStore<ExposureDb, ['historyRows'], 'historyRows', 'readwrite'>;
    const key = sourceKey(source);
    for (const row of await rows.index('by-id').getAll(after.id.toLowerCase())) {
      if (!row.sources.includes(key)) continue; // the same id at the other provider
      const e = (await this.tx.objectStore('exposures').get([row.email, row.provider, row.breachId])) as Exposure | undefined;
      if (e) await this.put(e);
    }
  }

  /** Applies the summed changes to the aggregates. Call once, after the last write. */
  async flush(): Promise<void> {
    if (this.delta.empty) return;
    const stats = this.tx.objectStore('historyStats');
    const cells = [...this.delta.cells];
    const sources = [...this.delta.sources];
    this.delta.cells.clear();
    this.delta.sources.clear();
    await Promise.all([
      ...cells.map(async ([key, d]) => {
        const next = applyCell((await stats.get(key)) as HistoryCell | undefined, key, d);
        await (next ? stats.put(next) : stats.delete(key));
      }),
      ...sources.map(async ([key, d]) => {
        const stored = (await stats.get(key)) as HistorySourceCount | undefined;
        const count = (stored?.count ?? 0) + d.count;
        await (count > 0 ? stats.put({ key, ...d.source, count }) : stats.delete(key));
      }),
    ]);
  }
}

/**
 * Builds every row and aggregate again from the exposures (the migration that introduced them,
 * and a database written behind the extension's back, which marks itself with REINDEX_KEY).
 * Reads the exposures in chunks: a long history is never held whole.
 */
export async function rebuildHistoryIndex(tx: HistoryTx): Promise<void> {
  await Promise.all([tx.objectStore('historyRows').clear(), tx.objectStore('historyStats').clear()]);
  const writer = new HistoryWriter(tx);
  const exposures = tx.objectStore('exposures');
  const CHUNK = 2_000;
  let after: ExposureKey | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const chunk = (await exposures.getAll(range, CHUNK)) as Exposure[];
    await Promise.all(chunk.map((e) => writer.addRow(e)));
    if (chunk.length < CHUNK) break;
    after = exposureKey(chunk[chunk.length - 1]!);
  }
  await writer.flush();
}

/** Rebuilds the rows and aggregates if something asked for it (see REINDEX_KEY); a no-op otherwise. */
export async function ensureHistoryIndex(db: Db): Promise<void> {
  if (!(await db.get('historyStats', REINDEX_KEY))) return;
  const tx = db.transaction([...HISTORY_STORES], 'readwrite', { durability: 'strict' });
  if (await tx.objectStore('historyStats').get(REINDEX_KEY)) await rebuildHistoryIndex(tx);
  await tx.done;
}

/** Every aggregate record (cells and per-breach counts): a few hundred, however long the history. */
export async function readStats(db: Db): Promise<{ cells: HistoryCell[]; sources: HistorySourceCount[] }> {
  return splitStats(await db.getAll('historyStats'));
}

/** The aggregate records by kind (the rebuild mark left out). */
export function splitStats(all: readonly HistoryStat[]): { cells: HistoryCell[]; sources: HistorySourceCount[] } {
  const cells: HistoryCell[] = [];
  const sources: HistorySourceCount[] = [];
  for (const s of all) {
    if (s.key === REINDEX_KEY) continue;
    if (isCell(s)) cells.push(s);
    else sources.push(s as HistorySourceCount);
  }
  return { cells, sources };
}
