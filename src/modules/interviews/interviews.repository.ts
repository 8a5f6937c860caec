import type { Kysely } from 'kysely';
import type { Database, InterviewRow, NewInterviewRow } from '../../db/database.js';
import { explorationIdsFor } from '../../db/records.js';
import { pagedList } from '../../db/paging.js';
import { fromJson, toJson, toUtcIsoOrNull } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import { emptyLiveState, type Debrief } from '../../shared/schemas/conversation.js';
import { emptyPrep, type Interview, type InterviewSortField } from '../../shared/schemas/interviews.js';

export interface InterviewFilters {
  status?: string[] | undefined;
  contactId?: string | undefined;
  organizationId?: string | undefined;
  explorationId?: string | undefined;
  format?: string | undefined;
  /** Only interviews scheduled at or after / before these instants. */
  scheduledFrom?: string | undefined;
  scheduledTo?: string | undefined;
}

type Row = InterviewRow & { contactName: string; organizationId: string | null; organizationName: string | null };

/** An interview as a use case records it; the person and organisation are joined in when read. */
export type NewInterview = Omit<Interview, 'contact' | 'organization' | 'explorationIds' | 'live' | 'debrief'>;

/** What a use case may change on an interview (explorations are given beside). */
export type InterviewChanges = Partial<Omit<NewInterview, 'id' | 'contactId' | 'createdAt'>>;

const TIME_FIELDS = ['statusChangedAt', 'scheduledAt', 'requestedAt', 'repliedAt', 'heldAt', 'thankedAt'] as const;

/** The columns for the changed fields only; instants are stored in the one canonical UTC form. */
export function interviewChangesToRow(changes: InterviewChanges): Partial<NewInterviewRow> {
  const { prep, ...simple } = changes;
  const out: Partial<NewInterviewRow> = { ...simple };
  const times: Partial<Record<(typeof TIME_FIELDS)[number], string | null>> = out;
  for (const field of TIME_FIELDS) {
    const value = changes[field];
    if (value !== undefined) times[field] = toUtcIsoOrNull(value);
  }
  if (prep) out.prep = toJson(prep);
  return out;
}

export const interviewToRow = (i: NewInterview): NewInterviewRow => ({ ...interviewChangesToRow(i), id: i.id, contactId: i.contactId, createdAt: i.createdAt }) as NewInterviewRow;

export function createInterviewsRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('interviews as i')
      .innerJoin('contacts as c', 'c.id', 'i.contactId')
      .leftJoin('organizations as o', 'o.id', 'c.organizationId')
      .selectAll('i')
      .select(['c.name as contactName', 'o.id as organizationId', 'o.name as organizationName']);

  async function hydrate(rows: Row[]): Promise<Interview[]> {
    const links = await explorationIdsFor(db, 'interviewExplorations', rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      contactId: r.contactId,
      contact: { id: r.contactId, name: r.contactName },
      organization: r.organizationId ? { id: r.organizationId, name: r.organizationName ?? '' } : null,
      explorationIds: links.get(r.id) ?? [],
      purpose: r.purpose as Interview['purpose'],
      objective: r.objective,
      status: r.status as Interview['status'],
      statusChangedAt: r.statusChangedAt,
      format: r.format as Interview['format'],
      venue: r.venue,
      link: r.link,
      scheduledAt: r.scheduledAt,
      plannedMinutes: Number(r.plannedMinutes),
      requestedAt: r.requestedAt,
      requestChannel: r.requestChannel as Interview['requestChannel'],
      requestMessage: r.requestMessage,
      repliedAt: r.repliedAt,
      prep: fromJson(r.prep, emptyPrep()),
      heldAt: r.heldAt,
      notes: r.notes,
      takeaways: r.takeaways,
      followUpPermission: r.followUpPermission === null ? null : Number(r.followUpPermission),
      thankedAt: r.thankedAt,
      thankYouFormat: r.thankYouFormat as Interview['thankYouFormat'],
      live: fromJson(r.live, emptyLiveState()),
      debrief: fromJson<Debrief | null>(r.debrief, null),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  const filtered = (f: InterviewFilters) => {
    let q = base();
    if (f.status?.length) q = q.where('i.status', 'in', f.status);
    if (f.contactId) q = q.where('i.contactId', '=', f.contactId);
    if (f.organizationId) q = q.where('c.organizationId', '=', f.organizationId);
    if (f.format) q = q.where('i.format', '=', f.format);
    if (f.scheduledFrom) q = q.where('i.scheduledAt', '>=', f.scheduledFrom);
    if (f.scheduledTo) q = q.where('i.scheduledAt', '<', f.scheduledTo);
    if (f.explorationId) {
      const explorationId = f.explorationId;
      q = q.where('i.id', 'in', db.selectFrom('interviewExplorations').select('interviewId').where('explorationId', '=', explorationId));
    }
    return q;
  };

  return {
    async get(id: string): Promise<Interview | undefined> {
      const row = await base().where('i.id', '=', id).executeTakeFirst();
      return row ? (await hydrate([row]))[0] : undefined;
    },

    async list(filters: InterviewFilters, sort: Sort<InterviewSortField>, page: Page): Promise<PageResult<Interview>> {
      return pagedList(db, filtered(filters), { by: `i.${sort.field}`, id: 'i.id', direction: sort.direction }, page, hydrate);
    },

    /** Who each interview is with, for labelling search results. */
    async people(ids: string[]): Promise<Array<{ id: string; contactId: string; contactName: string }>> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('interviews as i')
        .innerJoin('contacts as c', 'c.id', 'i.contactId')
        .select(['i.id', 'i.contactId', 'c.name as contactName'])
        .where('i.id', 'in', ids)
        .execute();
    },

    async forContact(contactId: string): Promise<Interview[]> {
      return hydrate(await base().where('i.contactId', '=', contactId).execute());
    },

    async idsForContact(contactId: string): Promise<string[]> {
      const rows = await db.selectFrom('interviews').select('id').where('contactId', '=', contactId).execute();
      return rows.map((r) => r.id);
    },

    async insert(interview: NewInterview, explorationIds: string[]): Promise<void> {
      await db.insertInto('interviews').values(interviewToRow(interview)).execute();
      await this.setExplorations(interview.id, explorationIds);
    },

    /** Bulk insert for generated data; interviews must be valid already. */
    async insertMany(interviews: NewInterview[]): Promise<void> {
      const rows = interviews.map(interviewToRow);
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('interviews').values(rows.slice(i, i + 200)).execute();
    },

    async update(id: string, changes: InterviewChanges, explorationIds?: string[]): Promise<void> {
      const patch = interviewChangesToRow(changes);
      if (Object.keys(patch).length > 0) await db.updateTable('interviews').set(patch).where('id', '=', id).execute();
      if (explorationIds) await this.setExplorations(id, explorationIds);
    },

    async setExplorations(id: string, explorationIds: string[]): Promise<void> {
      await db.deleteFrom('interviewExplorations').where('interviewId', '=', id).execute();
      const unique = [...new Set(explorationIds)];
      if (unique.length > 0) {
        await db
          .insertInto('interviewExplorations')
          .values(unique.map((explorationId) => ({ interviewId: id, explorationId })))
          .execute();
      }
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('interviews').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type InterviewsRepository = ReturnType<typeof createInterviewsRepository>;
