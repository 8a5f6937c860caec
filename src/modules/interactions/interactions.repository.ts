import type { Kysely } from 'kysely';
import type { Database, InteractionRow, NewInteractionRow } from '../../db/database.js';
import { pagedList } from '../../db/paging.js';
import { recordWrites } from '../../db/records.js';
import { toUtcIso } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Interaction, InteractionSortField } from '../../shared/schemas/interactions.js';

export interface InteractionFilters {
  contactId?: string | undefined;
  interviewId?: string | undefined;
  kind?: string[] | undefined;
}
export const rowToInteraction = (r: InteractionRow): Interaction => ({
  id: r.id,
  contactId: r.contactId,
  interviewId: r.interviewId,
  kind: r.kind as Interaction['kind'],
  occurredAt: r.occurredAt,
  summary: r.summary,
  createdAt: r.createdAt,
});

/** Times are stored in the one canonical UTC form, whatever offset they were given in. */
const interactionToRow = (i: Interaction): NewInteractionRow => ({
  id: i.id,
  contactId: i.contactId,
  interviewId: i.interviewId,
  kind: i.kind,
  occurredAt: toUtcIso(i.occurredAt),
  summary: i.summary,
  createdAt: i.createdAt,
});

/** What a use case may change on an interaction. */
export type InteractionChanges = Partial<Pick<Interaction, 'interviewId' | 'kind' | 'occurredAt' | 'summary'>>;

function interactionChangesToRow(changes: InteractionChanges): Partial<NewInteractionRow> {
  const out: Partial<NewInteractionRow> = { ...changes };
  if (changes.occurredAt) out.occurredAt = toUtcIso(changes.occurredAt);
  return out;
}

export function createInteractionsRepository(db: Kysely<Database>) {
  const filtered = (f: InteractionFilters) => {
    let q = db.selectFrom('interactions');
    if (f.contactId) q = q.where('contactId', '=', f.contactId);
    if (f.interviewId) q = q.where('interviewId', '=', f.interviewId);
    if (f.kind?.length) q = q.where('kind', 'in', f.kind);
    return q;
  };
  return {
    ...recordWrites(db, 'interactions', interactionToRow, interactionChangesToRow),
    async get(id: string): Promise<Interaction | undefined> {
      const row = await db.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToInteraction(row) : undefined;
    },
    async list(filters: InteractionFilters, sort: Sort<InteractionSortField>, page: Page): Promise<PageResult<Interaction>> {
      return pagedList(db, filtered(filters).selectAll(), { by: sort.field, id: 'id', direction: sort.direction }, page, (rows) => rows.map(rowToInteraction));
    },
    /** Kind and person of each interaction, for labelling search results. */
    async people(ids: string[]): Promise<Array<{ id: string; kind: string; contactId: string; contactName: string }>> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('interactions as i')
        .innerJoin('contacts as c', 'c.id', 'i.contactId')
        .select(['i.id', 'i.kind', 'i.contactId', 'c.name as contactName'])
        .where('i.id', 'in', ids)
        .execute();
    },

    async forContact(contactId: string): Promise<Interaction[]> {
      const rows = await db.selectFrom('interactions').selectAll().where('contactId', '=', contactId).execute();
      return rows.map(rowToInteraction);
    },
    async idsForContact(contactId: string): Promise<string[]> {
      const rows = await db.selectFrom('interactions').select('id').where('contactId', '=', contactId).execute();
      return rows.map((r) => r.id);
    },
    async insertMany(interactions: Interaction[]): Promise<void> {
      const rows = interactions.map(interactionToRow);
      for (let i = 0; i < rows.length; i += 300) await db.insertInto('interactions').values(rows.slice(i, i + 300)).execute();
    },
  };
}

export type InteractionsRepository = ReturnType<typeof createInteractionsRepository>;
