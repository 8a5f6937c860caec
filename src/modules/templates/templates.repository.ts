import type { Kysely } from 'kysely';
import type { Database, TemplateRow, TemplatesTable } from '../../db/database.js';
import { fromFlag, toCount } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Template, TemplateSortField } from '../../shared/schemas/templates.js';

export interface TemplateFilters {
  kind?: string[] | undefined;
  channel?: string[] | undefined;
}
const rowToTemplate = (r: TemplateRow): Template => ({
  id: r.id,
  name: r.name,
  kind: r.kind as Template['kind'],
  channel: r.channel as Template['channel'],
  subject: r.subject,
  body: r.body,
  builtIn: fromFlag(r.builtIn),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function createTemplatesRepository(db: Kysely<Database>) {
  const filtered = (f: TemplateFilters) => {
    let q = db.selectFrom('templates');
    if (f.kind?.length) q = q.where('kind', 'in', f.kind);
    if (f.channel?.length) q = q.where('channel', 'in', f.channel);
    return q;
  };
  return {
    async get(id: string): Promise<Template | undefined> {
      const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToTemplate(row) : undefined;
    },
    async list(filters: TemplateFilters, sort: Sort<TemplateSortField>, page: Page): Promise<PageResult<Template>> {
      const counted = await filtered(filters).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await filtered(filters)
        .selectAll()
        .orderBy(sort.field, sort.direction)
        .orderBy('id', sort.direction)
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: rows.map(rowToTemplate), total: toCount(counted.n), ...page };
    },
    async insert(row: TemplatesTable): Promise<void> {
      await db.insertInto('templates').values(row).execute();
    },
    async update(id: string, patch: Partial<TemplatesTable>): Promise<void> {
      await db.updateTable('templates').set(patch).where('id', '=', id).execute();
    },
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('templates').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type TemplatesRepository = ReturnType<typeof createTemplatesRepository>;
