import { sql, type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: SQLite's full-text index rebuilt with a prefix index for every query word
 * of one to eight characters. Every search word is a prefix ("resea" finds
 * "research" and "researcher"). Without an index of that exact length FTS5 gathers the
 * documents of every word starting with it into one list before answering, which
 * costs tens of milliseconds for a common word in a large workspace; with one it
 * reads a single list from the newest document down and stops at the ranking cap.
 * Words longer than eight characters are rare and match few words, so they stay
 * cheap without. The rebuilt index is merged into one segment. Same documents,
 * same matches, same scores; PostgreSQL's index is unchanged.
 */
const TABLE = (prefix: string) => sql`create virtual table search_fts using fts5(
  name, body,
  content='search_documents', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2', prefix='${sql.raw(prefix)}'
)`;

async function rebuild(db: Kysely<any>, prefix: string): Promise<void> {
  // The triggers on search_documents name search_fts, so they carry over to the new table.
  await sql`drop table search_fts`.execute(db);
  await TABLE(prefix).execute(db);
  await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
  await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
}

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await rebuild(db, '1 2 3 4 5 6 7 8');
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await rebuild(db, '2 3 4');
}
