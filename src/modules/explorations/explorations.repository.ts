import type { Kysely } from 'kysely';
import type { Database, ExplorationRow, ExplorationsTable } from '../../db/database.js';
import { toCount } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Exploration } from '../../shared/schemas/explorations.js';

export interface ExplorationFilters {
  status?: string[] | undefined;
  kind?: string | undefined;
}
export type ExplorationSortField = 'title' | 'createdAt' | 'updatedAt';

const leaning = (value: number | string | null) => (value === null ? null : Number(value));

export function rowToExploration(r: ExplorationRow): Exploration {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as Exploration['kind'],
    transition: r.transition as Exploration['transition'],
    status: r.status as Exploration['status'],
    why: r.why,
    leanings: {
      success: leaning(r.leaningSuccess),
      fit: leaning(r.leaningFit),
      desire: leaning(r.leaningDesire),
      prospects: leaning(r.leaningProspects),
    },
    conclusion: r.conclusion,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function createExplorationsRepository(db: Kysely<Database>) {
  const filtered = (f: ExplorationFilters) => {
    let q = db.selectFrom('explorations');
    if (f.status?.length) q = q.where('status', 'in', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    return q;
  };
  return {
    async get(id: string): Promise<Exploration | undefined> {
      const row = await db.selectFrom('explorations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToExploration(row) : undefined;
    },
    async missing(ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const found = await db.selectFrom('explorations').select('id').where('id', 'in', ids).execute();
      const known = new Set(found.map((r) => r.id));
      return ids.filter((id) => !known.has(id));
    },
    async list(filters: ExplorationFilters, sort: Sort<ExplorationSortField>, page: Page): Promise<PageResult<Exploration>> {
      const counted = await filtered(filters).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await filtered(filters)
        .selectAll()
        .orderBy(sort.field, sort.direction)
        .orderBy('id', sort.direction)
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: rows.map(rowToExploration), total: toCount(counted.n), ...page };
    },
    async insert(row: ExplorationsTable): Promise<void> {
      await db.insertInto('explorations').values(row).execute();
    },
    async update(id: string, patch: Partial<ExplorationsTable>): Promise<void> {
      await db.updateTable('explorations').set(patch).where('id', '=', id).execute();
    },
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('explorations').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ExplorationsRepository = ReturnType<typeof createExplorationsRepository>;
