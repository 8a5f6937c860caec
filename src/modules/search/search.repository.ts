import { sql, type Kysely } from 'kysely';
import { insertInBatches } from '../../db/bulk.js';
import type { Database, Dialect } from '../../db/database.js';
import { searchableTypes, type SearchableType, type SnippetSegment } from '../../shared/schemas/search.js';
import { snippetFor } from './search.snippet.js';

export interface SearchDocument {
  type: SearchableType;
  id: string;
  name: string;
  body: string;
}

export interface RawHit {
  type: SearchableType;
  id: string;
  score: number;
  snippet: SnippetSegment[];
}

/** Highest number of matches ranked for one query on SQLite (the most recent ones). */
export const RANKING_CAP = 1000;

/** Pages of SQLite's full-text index written by one merge step (a few tens of milliseconds at most). */
export const MERGE_STEP_PAGES = 1000;

/** Words of the query: letters and digits only, so user input never reaches the query syntax. */
export function queryTerms(query: string): string[] {
  return (query.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

export function createSearchRepository(db: Kysely<Database>, dialect: Dialect) {
  async function upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const rows = documents.map((d) => ({ entityType: d.type, entityId: d.id, name: d.name, body: d.body }));
    await insertInBatches(db, rows, { batch: 500, direct: 500 }, (batch) =>
      db
        .insertInto('searchDocuments')
        .values(batch)
        .onConflict((oc) => oc.columns(['entityType', 'entityId']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), body: eb.ref('excluded.body') }))),
    );
  }

  async function remove(type: SearchableType, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await db.deleteFrom('searchDocuments').where('entityType', '=', type).where('entityId', 'in', ids.slice(i, i + 500)).execute();
    }
  }

  /**
   * Ranked matches. On SQLite the most recent RANKING_CAP matches are scored (bm25,
   * names weighted above bodies), which keeps a broad query over hundreds of
   * thousands of records fast; below the cap the ranking is exact.
   */
  async function search(query: string, types: readonly SearchableType[], limit: number): Promise<RawHit[]> {
    const terms = queryTerms(query);
    if (terms.length === 0 || types.length === 0) return [];
    const allTypes = searchableTypes.every((t) => types.includes(t));
    let ranked: Array<{ type: SearchableType; id: string; name: string; body: string; score: number }>;
    if (dialect === 'sqlite') {
      // Every term is a quoted prefix, so all must match and punctuation has no meaning. The words
      // are looked for in the name and the body only; the type (indexed too) is matched by name.
      const words = `{name body} : (${terms.map((t) => `"${t}"*`).join(' ')})`;
      const match = allTypes ? words : `${words} AND {entity_type} : (${types.map((t) => `"${t}"`).join(' OR ')})`;
      // One statement: score the newest matches, keep the best `limit`, then read only their documents.
      const rows = await sql<{ entityType: SearchableType; entityId: string; name: string; body: string; score: number }>`
        select d.entity_type, d.entity_id, d.name, d.body, top.score
        from (
          select id, score from (
            select search_fts.rowid as id, bm25(search_fts, 10.0, 1.0, 0.0) as score
            from search_fts where search_fts match ${match}
            order by search_fts.rowid desc limit ${RANKING_CAP}
          ) order by score, id desc limit ${limit}
        ) as top
        join search_documents as d on d.rowid = top.id
        order by top.score, top.id desc`.execute(db);
      ranked = rows.rows.map((r) => ({ type: r.entityType, id: r.entityId, name: r.name, body: r.body, score: -Number(r.score) }));
    } else {
      const tsquery = terms.map((t) => `${t}:*`).join(' & ');
      // Built, not raw, so that a workspace's schema-qualifying plugin names the table (see src/db/schemas.ts).
      const q = sql`to_tsquery('simple', ${tsquery})`;
      const rows = await db
        .selectFrom('searchDocuments as d')
        .select(['d.entityType', 'd.entityId', 'd.name', 'd.body', sql<number>`ts_rank(d.tsv, ${q})`.as('score')])
        .where(sql<boolean>`d.tsv @@ ${q}`)
        .where('d.entityType', 'in', [...types])
        .orderBy('score', 'desc')
        .orderBy('d.entityId')
        .limit(limit)
        .execute();
      ranked = rows.map((r) => ({ type: r.entityType as SearchableType, id: r.entityId, name: r.name, body: r.body, score: Number(r.score) }));
    }
    return ranked.map((r) => ({ type: r.type, id: r.id, score: r.score, snippet: snippetFor(r.name, r.body, terms) }));
  }

  /**
   * One bounded step of merging SQLite's full-text index towards a single segment;
   * true when it did some work (so there may be more). A bulk write leaves the index in
   * many segments, and a word's matches are then read from each of them. Run it inside a
   * transaction: it compares the connection's change count before and after, as the
   * FTS5 documentation suggests. PostgreSQL's index needs nothing of the kind: false.
   */
  async function mergeStep(): Promise<boolean> {
    if (dialect !== 'sqlite') return false;
    const changes = async () => Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]?.n ?? 0);
    const before = await changes();
    await sql`insert into search_fts(search_fts, rank) values ('merge', ${-MERGE_STEP_PAGES})`.execute(db);
    return (await changes()) - before >= 2;
  }

  return { upsert, remove, search, mergeStep };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
