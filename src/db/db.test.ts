import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview } from '../../test/fixtures/builders.js';
import { createTestDatabase, createTestWorkspace, dialects, type TestWorkspace } from '../../test/fixtures/databases.js';
import { createAppContext } from '../modules/repositories.js';
import { search } from '../modules/search/search.usecases.js';
import { fixedClock } from '../shared/clock.js';
import { backupDatabase } from './backup.js';
import { openDatabase, SQLITE_BUSY_TIMEOUT_MS } from './factory.js';
import { migrations } from './migrations/registry.js';

describe('SQLite settings', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const db = await createTestDatabase('sqlite');
    const handle = await openDatabase({ url: db.url });
    const raw = handle.sqlite!;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('busy_timeout', { simple: true })).toBe(SQLITE_BUSY_TIMEOUT_MS);
    await handle.close();
    await db.dispose();
  });
});

describe.each(dialects)('migrations on %s', (dialect) => {
  it('apply every registered migration once, and a second open applies none', async () => {
    const db = await createTestDatabase(dialect);
    const first = await openDatabase({ url: db.url });
    expect(first.migration.applied).toEqual(Object.keys(migrations));
    await first.close();
    const second = await openDatabase({ url: db.url });
    expect(second.migration).toEqual({ applied: [], current: Object.keys(migrations).at(-1) });
    await second.close();
    await db.dispose();
  });

  it('refuse a database written by a newer version, changing nothing', async () => {
    const db = await createTestDatabase(dialect);
    const handle = await openDatabase({ url: db.url });
    await handle.db
      .insertInto('kysely_migration' as never)
      .values({ name: '9999-from-the-future', timestamp: new Date().toISOString() } as never)
      .execute();
    await handle.close();
    await expect(openDatabase({ url: db.url })).rejects.toMatchObject({
      code: 'db.newer_version',
      message: expect.stringMatching(/newer version of Inroads.*9999-from-the-future/),
    });
    await db.dispose();
  });

  it('down-migrates cleanly', async () => {
    const db = await createTestDatabase(dialect);
    const handle = await openDatabase({ url: db.url });
    for (const migration of Object.values(migrations).reverse()) await migration.down(handle.db, dialect);
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_'))).toEqual([]);
    await handle.close();
    await db.dispose();
  });
});

describe.each(dialects)('backup on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('writes a complete, integrity-checked SQLite snapshot and leaves no temporary file', async () => {
    const person = await aContact(w.ctx, { name: 'Backed Up', tags: ['keep'] });
    await anInterview(w.ctx, { contactId: person.id, notes: 'Remember the portfolio advice' });
    const dir = mkdtempSync(join(tmpdir(), 'inroads-backup-'));
    const file = join(dir, 'snapshot.db');
    const result = await backupDatabase(w.handle, file);
    expect(result.bytes).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual(['snapshot.db']);
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    const restored = await openDatabase({ url: file });
    const ctx = createAppContext(restored, fixedClock('2026-03-10T10:00:00Z'));
    expect((await ctx.repos.contacts.get(person.id))?.tags).toEqual(['keep']);
    expect((await search({ ctx, query: 'portfolio' })).items).toHaveLength(1);
    await restored.close();
    expect(existsSync(`${file}.partial-${process.pid}`)).toBe(false);
  });
});
