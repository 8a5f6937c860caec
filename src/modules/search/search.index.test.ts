import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { migrations } from '../../db/migrations/registry.js';
import { runImport } from '../imports/imports.usecases.js';
import { COMPACT_AFTER_DOCUMENTS, compactSearchIndex } from './search.index.js';
import type { SearchDocument } from './search.repository.js';

/** A small deterministic generator, so a failure names the same corpus every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Words of 1 to 12 letters over a small alphabet, so that prefixes of every length are shared by many words. */
function corpus(count: number, seed: number): SearchDocument[] {
  const random = prng(seed);
  const word = () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => 'abcdr'[Math.floor(random() * 5)]).join('');
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, (_, i) => ({ type: 'contact' as const, id: `doc-${seed}-${i}`, name: words(2), body: words(6) }));
}

/** What a prefix search must find, by reading every document: each query word starts some word of it. */
function scan(documents: SearchDocument[], query: string): string[] {
  const terms = query.split(' ');
  return documents
    .filter((d) => {
      const words = `${d.name} ${d.body}`.split(' ');
      return terms.every((t) => words.some((w) => w.startsWith(t)));
    })
    .map((d) => d.id)
    .sort();
}

/** One value read straight from the SQLite file (the test workspace's own connection). */
function sqliteValue<T>(w: TestWorkspace, query: string): T {
  if (!w.handle.sqlite) throw new Error('a SQLite workspace was expected');
  return w.handle.sqlite.prepare(query).pluck().get() as T;
}

const segments = (w: TestWorkspace) => sqliteValue<number>(w, 'select count(distinct segid) from search_fts_idx');

describe.each(dialects)('the search index on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  const found = async (query: string) => (await w.ctx.repos.search.search(query, ['contact'], 1000)).map((h) => h.id).sort();

  it('finds by a prefix of every length exactly the documents that have a word starting with it', async () => {
    const documents = corpus(240, 1);
    // Three writes, so that on SQLite the words are spread over several segments of the index.
    for (let i = 0; i < documents.length; i += 80) await w.ctx.repos.search.upsert(documents.slice(i, i + 80));
    const random = prng(2);
    const pick = () => {
      const d = documents[Math.floor(random() * documents.length)];
      const words = `${d?.name} ${d?.body}`.split(' ');
      return words[Math.floor(random() * words.length)] ?? 'a';
    };
    for (let length = 1; length <= 12; length++) {
      for (let n = 0; n < 4; n++) {
        const one = pick().slice(0, length);
        const two = `${one} ${pick().slice(0, Math.max(1, 13 - length))}`;
        for (const query of [one, two]) expect(await found(query), query).toEqual(scan(documents, query));
      }
    }
    // Within a word is not a prefix.
    expect(await found('zzzz')).toEqual([]);
  });

  it('limits a search to some types, and never matches a word against the type itself', async () => {
    const documents: SearchDocument[] = [
      { type: 'contact', id: 'typed-1', name: 'Ottoline Vance', body: 'contact me through the garden club' },
      { type: 'contact', id: 'typed-2', name: 'Ottoline Birch', body: 'organiser of the choir' },
      { type: 'organization', id: 'typed-3', name: 'Ottoline Gardens', body: 'a nursery' },
      { type: 'lead', id: 'typed-4', name: 'Gardener at Ottoline Gardens', body: 'posted in March' },
    ];
    await w.ctx.repos.search.upsert(documents);
    const ids = async (query: string, types: SearchDocument['type'][] = ['contact', 'organization', 'interview', 'interaction', 'lead']) =>
      (await w.ctx.repos.search.search(query, types, 1000)).map((h) => h.id).filter((id) => id.startsWith('typed-')).sort();
    expect(await ids('ottoline')).toEqual(['typed-1', 'typed-2', 'typed-3', 'typed-4']);
    expect(await ids('ottoline', ['contact'])).toEqual(['typed-1', 'typed-2']);
    expect(await ids('ottoline gard', ['organization', 'lead'])).toEqual(['typed-3', 'typed-4']);
    expect(await ids('ottoline', ['interview'])).toEqual([]);
    expect(await ids('contact')).toEqual(['typed-1']);
    expect(await ids('organi')).toEqual(['typed-2']);
    expect(await ids('lead')).toEqual([]);
  });

  it('merges the index into one segment after a big import, finding the same documents', async () => {
    // FTS5 merges small segments as it writes; stop that here, so the segments below stay apart.
    w.handle.sqlite?.exec(`insert into search_fts(search_fts, rank) values ('automerge', 0)`);
    const documents = corpus(90, 4);
    for (let i = 0; i < documents.length; i += 45) await w.ctx.repos.search.upsert(documents.slice(i, i + 45));
    const before = await found('abc');
    expect(before.length).toBeGreaterThan(0);
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
    const rows = Array.from({ length: COMPACT_AFTER_DOCUMENTS }, (_, i) => `Imported,Person${i},,,Brightpath Learning,Quokka Wrangler,12 Mar 2024`);
    if (dialect === 'sqlite') expect(segments(w)).toBeGreaterThan(1);
    await runImport({ ctx: w.ctx, format: 'linkedin', bytes: new TextEncoder().encode([header, ...rows].join('\n')) });
    if (dialect === 'sqlite') expect(segments(w)).toBe(1);
    expect(await found('abc')).toEqual(before);
    expect(await w.ctx.repos.search.search('quokka wrang', ['contact'], 1000)).toHaveLength(COMPACT_AFTER_DOCUMENTS);
    // Nothing left to merge (and nothing ever to do on PostgreSQL).
    expect(await w.ctx.transaction((tx) => compactSearchIndex(tx))).toBe(0);
    w.handle.sqlite?.exec(`insert into search_fts(search_fts, rank) values ('automerge', 4)`);
  });

  it('keeps every document findable when migration 0027 runs on an existing workspace (SQLite rebuilds its index, PostgreSQL has nothing to do)', async () => {
    const migration = migrations['0027-search-index'];
    if (!migration) throw new Error('migration 0027 is not registered');
    const queries = ['a', 'ab', 'abcd', 'dab', 'rrab', 'abcdra', 'quokka wrang', 'impor pers'];
    if (dialect === 'postgres') {
      const before = await Promise.all(queries.map(found));
      expect(before.some((ids) => ids.length > 0)).toBe(true);
      await migration.down(w.handle.db, 'postgres');
      await migration.up(w.handle.db, 'postgres');
      expect(await Promise.all(queries.map(found))).toEqual(before);
      return;
    }
    // The people matching, read straight from the index, whatever its columns.
    const direct = (query: string) => {
      const match = query.split(' ').map((t) => `"${t}"*`).join(' ');
      const statement = w.handle.sqlite?.prepare(
        `select d.entity_id from search_fts join search_documents as d on d.rowid = search_fts.rowid where search_fts match ? and d.entity_type = 'contact' order by 1`,
      );
      return (statement?.pluck().all(match) ?? []) as string[];
    };
    const expected = await Promise.all(queries.map(found));
    expect(queries.map(direct)).toEqual(expected);
    await migration.down(w.handle.db, 'sqlite');
    await w.ctx.repos.search.upsert(corpus(40, 3));
    const old = queries.map(direct);
    expect(old.map((ids) => ids.filter((id) => !id.startsWith('doc-3-')))).toEqual(expected);
    await migration.up(w.handle.db, 'sqlite');
    const options = sqliteValue<string>(w, `select sql from sqlite_master where name = 'search_fts'`);
    expect(options).toContain(`prefix='1 2 3 4 5 6 7 8'`);
    expect(options).toContain('entity_type');
    expect(segments(w)).toBe(1);
    expect(await Promise.all(queries.map(found))).toEqual(old);
    // The triggers still keep the rebuilt index in step.
    await w.ctx.repos.search.upsert([{ type: 'contact', id: 'after-0027', name: 'Xylophonist Zed', body: 'plays xylophones' }]);
    expect(await found('xylop')).toEqual(['after-0027']);
    await w.ctx.repos.search.remove('contact', ['after-0027']);
    expect(await found('xylop')).toEqual([]);
  });
});
