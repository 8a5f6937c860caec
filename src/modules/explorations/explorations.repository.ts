import type { Kysely } from 'kysely';
import type { Database, ExplorationRow, ExplorationsTable } from '../../db/database.js';
import { pagedList } from '../../db/paging.js';
import { recordWrites } from '../../db/records.js';
import { fromJson, toJson } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { DeletedExploration, Exploration, ExplorationSortField } from '../../shared/schemas/explorations.js';

export interface ExplorationFilters {
  status?: string[] | undefined;
  kind?: string | undefined;
}
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

/** What a use case may change on an exploration; leanings given are set, the others kept. */
export type ExplorationChanges = Partial<Omit<Exploration, 'id' | 'createdAt' | 'leanings'>> & {
  leanings?: Partial<Exploration['leanings']> | undefined;
};

/** The columns for the changed fields only. */
export function explorationChangesToRow(changes: ExplorationChanges): Partial<ExplorationsTable> {
  const { leanings, ...simple } = changes;
  const out: Partial<ExplorationsTable> = { ...simple };
  if (!leanings) return out;
  if (leanings.success !== undefined) out.leaningSuccess = leanings.success;
  if (leanings.fit !== undefined) out.leaningFit = leanings.fit;
  if (leanings.desire !== undefined) out.leaningDesire = leanings.desire;
  if (leanings.prospects !== undefined) out.leaningProspects = leanings.prospects;
  return out;
}

export function explorationToRow(e: Exploration): ExplorationsTable {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    transition: e.transition,
    status: e.status,
    why: e.why,
    leaningSuccess: e.leanings.success,
    leaningFit: e.leanings.fit,
    leaningDesire: e.leanings.desire,
    leaningProspects: e.leanings.prospects,
    conclusion: e.conclusion,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

const ACTIVE_KEY = 'active-exploration';

/** What is kept of a deleted exploration: its row and everything that was linked to it. */
interface Snapshot {
  row: ExplorationRow;
  organizationIds: string[];
  contactIds: string[];
  interviewIds: string[];
}

export function createExplorationsRepository(db: Kysely<Database>) {
  const filtered = (f: ExplorationFilters) => {
    let q = db.selectFrom('explorations');
    if (f.status?.length) q = q.where('status', 'in', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    return q;
  };
  return {
    ...recordWrites(db, 'explorations', explorationToRow, explorationChangesToRow),
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
      return pagedList(db, filtered(filters).selectAll(), { by: sort.field, id: 'id', direction: sort.direction }, page, (rows) => rows.map(rowToExploration));
    },

    /** The id of the active exploration as stored (it may since have been deleted). */
    async activeId(): Promise<string | null> {
      return (await db.selectFrom('settings').select('value').where('key', '=', ACTIVE_KEY).executeTakeFirst())?.value ?? null;
    },

    async setActiveId(id: string | null, at: string): Promise<void> {
      if (id === null) {
        await db.deleteFrom('settings').where('key', '=', ACTIVE_KEY).execute();
        return;
      }
      await db
        .insertInto('settings')
        .values({ key: ACTIVE_KEY, value: id, updatedAt: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: id, updatedAt: at }))
        .execute();
    },

    /** Moves an exploration and its links into the bin, from which `restore` brings them back. */
    async moveToBin(id: string, at: string): Promise<boolean> {
      const row = await db.selectFrom('explorations').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return false;
      const organizations = await db.selectFrom('explorationOrganizations').select('organizationId').where('explorationId', '=', id).execute();
      const contacts = await db.selectFrom('contactExplorations').select('contactId').where('explorationId', '=', id).execute();
      const interviews = await db.selectFrom('interviewExplorations').select('interviewId').where('explorationId', '=', id).execute();
      const snapshot: Snapshot = {
        row,
        organizationIds: organizations.map((r) => r.organizationId),
        contactIds: contacts.map((r) => r.contactId),
        interviewIds: interviews.map((r) => r.interviewId),
      };
      await db.insertInto('deletedExplorations').values({ id, title: row.title, payload: toJson(snapshot), deletedAt: at }).execute();
      await db.deleteFrom('explorations').where('id', '=', id).execute();
      return true;
    },

    async binned(): Promise<DeletedExploration[]> {
      return db.selectFrom('deletedExplorations').select(['id', 'title', 'deletedAt']).orderBy('deletedAt', 'desc').orderBy('id').execute();
    },

    /** Puts a binned exploration back, linked again to whatever of its organisations, people and interviews still exist. */
    async restore(id: string): Promise<boolean> {
      const binned = await db.selectFrom('deletedExplorations').select('payload').where('id', '=', id).executeTakeFirst();
      if (!binned) return false;
      const snapshot = fromJson<Snapshot | null>(binned.payload, null);
      if (!snapshot) return false;
      await db.insertInto('explorations').values(snapshot.row).execute();
      const existing = async (table: 'organizations' | 'contacts' | 'interviews', wanted: string[]) =>
        wanted.length === 0 ? [] : (await db.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id);
      const orgs = await existing('organizations', snapshot.organizationIds);
      if (orgs.length) await db.insertInto('explorationOrganizations').values(orgs.map((organizationId) => ({ explorationId: id, organizationId }))).execute();
      const people = await existing('contacts', snapshot.contactIds);
      if (people.length) await db.insertInto('contactExplorations').values(people.map((contactId) => ({ explorationId: id, contactId }))).execute();
      const talks = await existing('interviews', snapshot.interviewIds);
      if (talks.length) await db.insertInto('interviewExplorations').values(talks.map((interviewId) => ({ explorationId: id, interviewId }))).execute();
      await db.deleteFrom('deletedExplorations').where('id', '=', id).execute();
      return true;
    },
  };
}

export type ExplorationsRepository = ReturnType<typeof createExplorationsRepository>;
