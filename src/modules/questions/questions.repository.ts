import type { Kysely } from 'kysely';
import type { Database, QuestionRow, QuestionsTable } from '../../db/database.js';
import { fromFlag, fromJson, toCount } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Question, QuestionSortField } from '../../shared/schemas/questions.js';

export interface QuestionFilters {
  category?: string[] | undefined;
  audience?: string | undefined;
  favourite?: boolean | undefined;
}
const rowToQuestion = (r: QuestionRow): Question => ({
  id: r.id,
  text: r.text,
  category: r.category as Question['category'],
  audiences: fromJson(r.audiences, []),
  favourite: fromFlag(r.favourite),
  builtIn: fromFlag(r.builtIn),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function createQuestionsRepository(db: Kysely<Database>) {
  const filtered = (f: QuestionFilters) => {
    let q = db.selectFrom('questions');
    if (f.category?.length) q = q.where('category', 'in', f.category);
    // Audiences are a JSON list of fixed words; matching the quoted word is exact.
    if (f.audience) q = q.where('audiences', 'like', `%"${f.audience}"%`);
    if (f.favourite !== undefined) q = q.where('favourite', '=', f.favourite ? 1 : 0);
    return q;
  };
  return {
    async get(id: string): Promise<Question | undefined> {
      const row = await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToQuestion(row) : undefined;
    },
    async missing(ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const found = new Set((await db.selectFrom('questions').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
      return ids.filter((id) => !found.has(id));
    },
    async list(filters: QuestionFilters, sort: Sort<QuestionSortField>, page: Page): Promise<PageResult<Question>> {
      const counted = await filtered(filters).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await filtered(filters)
        .selectAll()
        .orderBy(sort.field, sort.direction)
        .orderBy('id', sort.direction)
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: rows.map(rowToQuestion), total: toCount(counted.n), ...page };
    },
    async insert(row: QuestionsTable): Promise<void> {
      await db.insertInto('questions').values(row).execute();
    },
    async update(id: string, patch: Partial<QuestionsTable>): Promise<void> {
      await db.updateTable('questions').set(patch).where('id', '=', id).execute();
    },
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('questions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type QuestionsRepository = ReturnType<typeof createQuestionsRepository>;
