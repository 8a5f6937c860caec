import { sql, type Kysely } from 'kysely';
import type { Database, Dialect } from '../../db/database.js';
import type { SearchableType, SnippetSegment } from '../../shared/schemas/search.js';

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

const OPEN = '\u0002';
const CLOSE = '\u0003';

/** Words of the query: letters and digits only, so user input never reaches the query syntax. */
export function queryTerms(query: string): string[] {
  return (query.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** Turns a highlighted string into segments, dropping our marker characters. */
export function toSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(OPEN);
    if (start === -1) {
      segments.push({ text: rest, match: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(CLOSE, start + 1);
    const stop = end === -1 ? rest.length : end;
    segments.push({ text: rest.slice(start + 1, stop), match: true });
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return segments.filter((s) => s.text.length > 0);
}

const clean = (value: string) => value.replaceAll(OPEN, '').replaceAll(CLOSE, '');

export function createSearchRepository(db: Kysely<Database>, dialect: Dialect) {
  async function upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const rows = documents.map((d) => ({ entityType: d.type, entityId: d.id, name: clean(d.name), body: clean(d.body) }));
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('searchDocuments')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.columns(['entityType', 'entityId']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), body: eb.ref('excluded.body') })),
        )
        .execute();
    }
  }

  async function remove(type: SearchableType, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await db.deleteFrom('searchDocuments').where('entityType', '=', type).where('entityId', 'in', ids.slice(i, i + 500)).execute();
    }
  }

  async function search(query: string, types: readonly SearchableType[], limit: number): Promise<RawHit[]> {
    const terms = queryTerms(query);
    if (terms.length === 0 || types.length === 0) return [];
    if (dialect === 'sqlite') {
      // Every term is a quoted prefix, so all must match and punctuation has no meaning.
      const match = terms.map((t) => `"${t}"*`).join(' ');
      const rows = await sql<{ entityType: SearchableType; entityId: string; score: number; snippet: string }>`
        select d.entity_type, d.entity_id, bm25(search_fts, 10.0, 1.0) as score,
               snippet(search_fts, -1, ${OPEN}, ${CLOSE}, '…', 16) as snippet
        from search_fts join search_documents d on d.rowid = search_fts.rowid
        where search_fts match ${match} and d.entity_type in (${sql.join(types)})
        order by score limit ${limit}`.execute(db);
      return rows.rows.map((r) => ({ type: r.entityType, id: r.entityId, score: -Number(r.score), snippet: toSegments(r.snippet) }));
    }
    const tsquery = terms.map((t) => `${t}:*`).join(' & ');
    const rows = await sql<{ entityType: SearchableType; entityId: string; score: number; snippet: string }>`
      select d.entity_type, d.entity_id, ts_rank(d.tsv, q) as score,
             ts_headline('simple', d.name || ' — ' || d.body, q,
               ${`StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…`}) as snippet
      from search_documents d, to_tsquery('simple', ${tsquery}) q
      where d.tsv @@ q and d.entity_type in (${sql.join(types)})
      order by score desc, d.entity_id limit ${limit}`.execute(db);
    return rows.rows.map((r) => ({ type: r.entityType, id: r.entityId, score: Number(r.score), snippet: toSegments(r.snippet) }));
  }

  return { upsert, remove, search };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
