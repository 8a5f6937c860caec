import { sql, type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: SQLite's full-text index rebuilt so a search stays quick in a large workspace.
 *
 * - A prefix index for every query word of one to eight characters. Every search word
 *   is a prefix ("resea" finds "research" and "researcher"). Without an index of that
 *   exact length FTS5 gathers the documents of every word starting with it into one
 *   list before answering (tens of milliseconds for a common word); with one it reads a
 *   single list from the newest document down and stops at the ranking cap. Longer
 *   words match few words, so they stay cheap without.
 * - The document's type is indexed too (a third column, never searched by the words of
 *   a query), so a search limited to some types is one full-text query instead of a
 *   lookup of every match's document.
 *
 * The rebuilt index is merged into one segment. PostgreSQL's index is unchanged.
 */
const CREATE = {
  up: sql`create virtual table search_fts using fts5(
    name, body, entity_type,
    content='search_documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6 7 8'
  )`,
  down: sql`create virtual table search_fts using fts5(
    name, body,
    content='search_documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
  )`,
};

/** The triggers keeping the index in step with search_documents, for the columns indexed. */
function triggers(columns: string[]) {
  const list = sql.raw(columns.join(', '));
  const from = (row: 'new' | 'old') => sql.raw(columns.map((c) => `${row}.${c}`).join(', '));
  return [
    sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, ${list}) values (new.rowid, ${from('new')});
    end`,
    sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, ${list}) values ('delete', old.rowid, ${from('old')});
    end`,
    sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, ${list}) values ('delete', old.rowid, ${from('old')});
      insert into search_fts(rowid, ${list}) values (new.rowid, ${from('new')});
    end`,
  ];
}

async function rebuild(db: Kysely<any>, direction: 'up' | 'down'): Promise<void> {
  for (const name of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) await sql`drop trigger if exists ${sql.raw(name)}`.execute(db);
  await sql`drop table search_fts`.execute(db);
  await CREATE[direction].execute(db);
  for (const trigger of triggers(direction === 'up' ? ['name', 'body', 'entity_type'] : ['name', 'body'])) await trigger.execute(db);
  await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
  await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
}

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await rebuild(db, 'up');
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await rebuild(db, 'down');
}
