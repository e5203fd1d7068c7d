import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { UpgradeElsewhereError, connect } from './connection';
import { DB_VERSION } from './db-version';
import { MIGRATIONS } from './schema';

let n = 0;
const freshName = () => `connection-test-${++n}`;

const versionOf = async (name: string): Promise<number | undefined> =>
  (await indexedDB.databases()).find((d) => d.name === name)?.version;

describe('a page that leaves upgrades to the background (the popup)', () => {
  it('opens a database that is already at this version, and reads it', async () => {
    const name = freshName();
    const upgraded = await connect(DB_VERSION, name, { steps: MIGRATIONS });
    await upgraded.put('addresses', { email: 'a@example.com', addedAt: 1, lastCheckedAt: null, lastOutcome: null, lastFailure: null, exposureCount: 0, newCount: 0 });
    upgraded.close();
    const reader = await connect(DB_VERSION, name, { steps: null });
    expect((await reader.getAll('addresses')).map((a) => a.email)).toEqual(['a@example.com']);
    reader.close();
  });

  it('refuses to create the database, leaving none behind', async () => {
    const name = freshName();
    await expect(connect(DB_VERSION, name, { steps: null })).rejects.toBeInstanceOf(UpgradeElsewhereError);
    expect(await versionOf(name)).toBeUndefined();
  });

  it('refuses to upgrade an older database, leaving it at its version with its data', async () => {
    const name = freshName();
    const old = await connect(1, name, { steps: MIGRATIONS });
    await old.put('addresses', { email: 'kept@example.com', addedAt: 1 } as never);
    old.close();
    await expect(connect(DB_VERSION, name, { steps: null })).rejects.toBeInstanceOf(UpgradeElsewhereError);
    expect(await versionOf(name)).toBe(1);
    const upgraded = await connect(DB_VERSION, name, { steps: MIGRATIONS });
    expect((await upgraded.getAll('addresses')).map((a) => a.email)).toEqual(['kept@example.com']);
    upgraded.close();
  });
});
