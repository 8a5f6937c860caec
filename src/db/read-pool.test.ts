import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './factory.js';

/** SQLite's reader threads (read-pool.ts): a server opens its workspace with them. */
describe('reads on reader threads (SQLite)', () => {
  let dir: string;
  let handle: DatabaseHandle;
  const setting = async (key: string) => (await handle.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
  const put = (key: string, value: string) => handle.db.insertInto('settings').values({ key, value, updatedAt: '2026-12-02T00:00:00.000Z' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inroads-readers-'));
    handle = await openDatabase({ url: join(dir, 'inroads.db'), readers: 2 });
  });
  afterAll(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the readers it was asked for', () => {
    expect(handle.readers).toBe(2);
  });

  it('a read sees a write committed just before it', async () => {
    await put('first', 'one').execute();
    expect(await setting('first')).toBe('one');
  });

  it('a read does not wait for a transaction in progress, and sees none of its writes until it commits', async () => {
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    let written!: () => void;
    const wroteInside = new Promise<void>((resolve) => (written = resolve));
    const transaction = handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'pending', value: 'inside', updatedAt: '2026-12-02T00:00:00.000Z' }).execute();
      // Inside the transaction its own write is visible (its reads stay on its connection).
      expect((await trx.selectFrom('settings').select('value').where('key', '=', 'pending').executeTakeFirst())?.value).toBe('inside');
      written();
      await held;
    });
    await wroteInside;
    // The main connection is held by the transaction: without readers this read would wait for it.
    expect(await setting('pending')).toBeUndefined();
    expect(await setting('first')).toBe('one');
    finish();
    await transaction;
    expect(await setting('pending')).toBe('inside');
  });

  it('a transaction that fails leaves nothing behind', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'half', value: 'written', updatedAt: '2026-12-02T00:00:00.000Z' }).execute();
        throw new Error('stop here');
      }),
    ).rejects.toThrow('stop here');
    expect(await setting('half')).toBeUndefined();
  });

  it('answers many reads at once, each with its own rows', async () => {
    await handle.db
      .insertInto('settings')
      .values(Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, updatedAt: '2026-12-02T00:00:00.000Z' })))
      .execute();
    const values = await Promise.all(Array.from({ length: 200 }, (_, i) => setting(`k${i % 50}`)));
    expect(values).toEqual(Array.from({ length: 200 }, (_, i) => `v${i % 50}`));
  });

  it("passes a reader's error on with SQLite's message", async () => {
    await expect(sql`select * from no_such_table`.execute(handle.db)).rejects.toThrow(/no such table: no_such_table/);
    // And the pool keeps answering.
    expect(await setting('first')).toBe('one');
  });
});
