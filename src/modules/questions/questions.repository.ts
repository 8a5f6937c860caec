import type { Kysely } from 'kysely';
import type { Database, QuestionRow, QuestionsTable } from '../../db/database.js';
import { pagedList } from '../../db/paging.js';
import { recordWrites } from '../../db/records.js';
import { fromFlag, fromJson, toFlag, toJson } from '../../db/values.js';
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

const questionToRow = (q: Question): QuestionsTable => ({
  id: q.id,
  text: q.text,
  category: q.category,
  audiences: toJson(q.audiences),
  favourite: toFlag(q.favourite),
  builtIn: toFlag(q.builtIn),
  createdAt: q.createdAt,
  updatedAt: q.updatedAt,
});

/** What a use case may change on a question. */
export type QuestionChanges = Partial<Pick<Question, 'text' | 'category' | 'audiences' | 'favourite' | 'updatedAt'>>;

function questionChangesToRow(changes: QuestionChanges): Partial<QuestionsTable> {
  const { audiences, favourite, ...simple } = changes;
  const out: Partial<QuestionsTable> = { ...simple };
  if (audiences) out.audiences = toJson(audiences);
  if (favourite !== undefined) out.favourite = toFlag(favourite);
  return out;
}

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
    ...recordWrites(db, 'questions', questionToRow, questionChangesToRow),
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
      return pagedList(db, filtered(filters).selectAll(), { by: sort.field, id: 'id', direction: sort.direction }, page, (rows) => rows.map(rowToQuestion));
    },
  };
}

export type QuestionsRepository = ReturnType<typeof createQuestionsRepository>;
