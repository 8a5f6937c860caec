import type { Kysely } from 'kysely';
import type { Database, TemplateRow, TemplatesTable } from '../../db/database.js';
import { pagedList } from '../../db/paging.js';
import { recordWrites } from '../../db/records.js';
import { fromFlag, toFlag } from '../../db/values.js';
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

const templateToRow = (t: Template): TemplatesTable => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  channel: t.channel,
  subject: t.subject,
  body: t.body,
  builtIn: toFlag(t.builtIn),
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

/** What a use case may change on a template (its columns are the fields themselves). */
export type TemplateChanges = Partial<Pick<Template, 'name' | 'kind' | 'channel' | 'subject' | 'body' | 'updatedAt'>>;

export function createTemplatesRepository(db: Kysely<Database>) {
  const filtered = (f: TemplateFilters) => {
    let q = db.selectFrom('templates');
    if (f.kind?.length) q = q.where('kind', 'in', f.kind);
    if (f.channel?.length) q = q.where('channel', 'in', f.channel);
    return q;
  };
  return {
    ...recordWrites(db, 'templates', templateToRow, (changes: TemplateChanges) => changes),
    async get(id: string): Promise<Template | undefined> {
      const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToTemplate(row) : undefined;
    },
    async list(filters: TemplateFilters, sort: Sort<TemplateSortField>, page: Page): Promise<PageResult<Template>> {
      return pagedList(db, filtered(filters).selectAll(), { by: sort.field, id: 'id', direction: sort.direction }, page, (rows) => rows.map(rowToTemplate));
    },
  };
}

export type TemplatesRepository = ReturnType<typeof createTemplatesRepository>;
