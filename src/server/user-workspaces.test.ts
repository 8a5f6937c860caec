import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact } from '../../test/fixtures/builders.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/fixtures/databases.js';
import { createContact } from '../modules/contacts/contacts.usecases.js';
import { exportJson } from '../modules/exports/exports.usecases.js';
import { search } from '../modules/search/search.usecases.js';
import { fixedClock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { createContactInput } from '../shared/schemas/contacts.js';
import { postgresUserWorkspaces, sqliteUserWorkspaces, type UserWorkspaces } from './user-workspaces.js';

const clock = fixedClock('2026-03-10T10:00:00Z');

describe.each(dialects)('a workspace per user on %s', (dialect) => {
  let make: (max?: number) => UserWorkspaces;
  let cleanup: () => Promise<void>;
  const opened: UserWorkspaces[] = [];
  const alice = newId();
  const bob = newId();

  beforeAll(async () => {
    if (dialect === 'postgres') {
      const database: TestDatabase = await createTestDatabase('postgres');
      const pool = new Pool({ connectionString: database.url, max: 4 });
      make = (max) => postgresUserWorkspaces(pool, clock, max);
      cleanup = async () => {
        await pool.end();
        await database.dispose();
      };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'inroads-users-'));
      make = (max) => sqliteUserWorkspaces(dir, clock, max);
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    for (const w of opened) await w.close();
    await cleanup?.();
  });
  const workspaces = (max?: number) => {
    const w = make(max);
    opened.push(w);
    return w;
  };

  it('keeps each user’s records, search and export to themselves', async () => {
    const users = workspaces();
    const { ctx: a } = await users.open(alice);
    const { ctx: b } = await users.open(bob);
    const maya = await aContact(a, { name: 'Maya Costa', notes: 'met at the research meetup' });
    await aContact(b, { name: 'Ben Walsh' });

    expect((await a.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 10, offset: 0 })).items.map((c) => c.name)).toEqual(['Maya Costa']);
    expect((await b.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 10, offset: 0 })).items.map((c) => c.name)).toEqual(['Ben Walsh']);
    expect(await b.repos.contacts.get(maya.id)).toBeUndefined();
    // Full-text search (raw SQL) stays inside the workspace too.
    expect((await search({ ctx: a, query: 'meetup' })).items.map((h) => h.id)).toEqual([maya.id]);
    expect((await search({ ctx: b, query: 'meetup' })).items).toEqual([]);
    // Another user's record cannot even be referred to.
    await expect(createContact({ ctx: b, input: createContactInput.parse({ name: 'Priya Shah', referredById: maya.id }) })).rejects.toBeInstanceOf(AppError);
    const exported = JSON.stringify(await exportJson({ ctx: b }));
    expect(exported).toContain('Ben Walsh');
    expect(exported).not.toContain('Maya Costa');
  });

  it('keeps the data when a workspace is closed and opened again, and refuses anything but a user id', async () => {
    const users = workspaces(1);
    const first = await users.open(alice);
    expect((await first.ctx.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 10, offset: 0 })).total).toBe(1);
    first.release();
    // Opening Bob's evicts Alice's (at most one open); hers reopens intact.
    await users.use(bob, async () => undefined);
    const again = await users.use(alice, (ctx) => ctx.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 10, offset: 0 }));
    expect(again.items[0]?.name).toBe('Maya Costa');
    await expect(users.open('public')).rejects.toThrow(/not a user id/);
    await expect(users.open('../../etc/passwd')).rejects.toThrow(/not a user id/);
  });

  it('never closes a workspace a request is still using, even when it is evicted meanwhile', async () => {
    const users = workspaces(1);
    const held = await users.open(alice);
    // Bob's (and then Carol's) push Alice's out of the cache while her request is still running.
    await users.use(bob, async () => undefined);
    await users.use(newId(), async () => undefined);
    expect((await held.ctx.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 10, offset: 0 })).items[0]?.name).toBe('Maya Costa');
    await aContact(held.ctx, { name: 'Written after eviction' });
    held.release();
    held.release();
    const names = await users.use(alice, async (ctx) => (await ctx.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 10, offset: 0 })).items.map((c) => c.name));
    expect(names).toEqual(['Maya Costa', 'Written after eviction']);
  });
});

describe('a workspace’s SQL on a shared PostgreSQL pool', () => {
  it('names its schema, and SQL that does not finds no table rather than another user’s or the shared database’s', async () => {
    const database = await createTestDatabase('postgres');
    // One connection, so every checkout below reuses the one that just migrated (or served) another schema.
    const pool = new Pool({ connectionString: database.url, max: 1 });
    const users = postgresUserWorkspaces(pool, clock);
    const dave = newId();
    const erin = newId();
    try {
      await pool.query('create table contacts (id text)');
      await pool.query("insert into contacts values ('shared')");
      const { ctx: d, handle } = await users.open(dave);
      await aContact(d, { name: 'Dave Lowe' });
      // Erin's schema is migrated through the same connection (its search_path then names her schema)…
      const { ctx: e } = await users.open(erin);
      await aContact(e, { name: 'Erin Park' });
      await users.open(newId());
      // …yet SQL without a schema reaches nobody's tables (not the last migrated, nor the shared database's), and Dave's
      // queries read Dave's.
      await expect(sql`select count(*) from contacts`.execute(handle.db)).rejects.toThrow(/does not exist/);
      expect((await d.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 10, offset: 0 })).items.map((c) => c.name)).toEqual(['Dave Lowe']);
      expect(handle.db.selectFrom('contacts').select('id').compile().sql).toContain(`"u_${dave.replace(/-/g, '')}"."contacts"`);
    } finally {
      await users.close();
      await pool.end();
      await database.dispose();
    }
  });
});

describe('a new user’s schema opened by several instances at once', () => {
  it('is created and migrated once, and every opener finds it ready', async () => {
    const database = await createTestDatabase('postgres');
    const pools = [new Pool({ connectionString: database.url, max: 2 }), new Pool({ connectionString: database.url, max: 2 }), new Pool({ connectionString: database.url, max: 2 })];
    const carol = newId();
    try {
      const instances = pools.map((pool) => postgresUserWorkspaces(pool, clock));
      const opened = await Promise.all(instances.map((w) => w.open(carol)));
      for (const o of opened) o.release();
      const applied = opened.map((o) => o.handle.migration.applied.length);
      // Exactly one instance applied the migrations; the others waited for it and found nothing to do.
      expect(applied.filter((n) => n > 0)).toHaveLength(1);
      expect(opened.every((o) => o.handle.migration.current === opened[0]?.handle.migration.current)).toBe(true);
      const first = opened[0]?.ctx;
      if (first) await aContact(first, { name: 'Carol Reyes' });
      expect((await opened[2]?.ctx.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 5, offset: 0 }))?.total).toBe(1);
      await Promise.all(instances.map((w) => w.close()));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await database.dispose();
    }
  });
});
