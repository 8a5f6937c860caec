import { sql, type Kysely } from 'kysely';
import { insertInBatches } from '../../db/bulk.js';
import type { Database, OrganizationsTable } from '../../db/database.js';
import { explorationIdsFor } from '../../db/records.js';
import { pagedList } from '../../db/paging.js';
import { fromFlag, toFlag } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Organization, OrganizationSortField } from '../../shared/schemas/organizations.js';
import { sortKey } from '../../shared/text.js';

export interface OrganizationFilters {
  explorationId?: string | undefined;
  industry?: string | undefined;
  advocacy?: boolean | undefined;
  /** Only targets (true) or only organisations not (yet) on the target list (false). */
  target?: boolean | undefined;
}

type Row = OrganizationsTable & { rank: number | string };

/** An organisation as a use case adds it; explorations are given beside, and the rank is worked out when read. */
export type NewOrganization = Omit<Organization, 'explorationIds' | 'rank'>;

/** What a use case may change on an organisation (explorations are given beside). */
export type OrganizationChanges = Partial<Omit<NewOrganization, 'id' | 'createdAt'>>;

/** The columns for the changed fields only; the sort key follows the name. */
function organizationChangesToRow(changes: OrganizationChanges): Partial<OrganizationsTable> {
  const { advocacy, target, ...simple } = changes;
  const out: Partial<OrganizationsTable> = { ...simple };
  if (changes.name !== undefined) out.sortName = sortKey(changes.name);
  if (advocacy !== undefined) out.advocacy = toFlag(advocacy);
  if (target !== undefined) out.isTarget = toFlag(target);
  return out;
}

export const organizationToRow = (o: NewOrganization): OrganizationsTable => ({
  id: o.id,
  name: o.name,
  sortName: sortKey(o.name),
  website: o.website,
  industry: o.industry,
  location: o.location,
  notes: o.notes,
  motivation: o.motivation,
  posting: o.posting,
  advocacy: toFlag(o.advocacy),
  isTarget: toFlag(o.target),
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

export function createOrganizationsRepository(db: Kysely<Database>) {
  /**
   * Every organisation with its place in the target list (motivation, then posting, then
   * advocacy); organisations not on the list come after every target, and show no rank.
   */
  const ranked = () =>
    db
      .selectFrom('organizations as o')
      .selectAll('o')
      .select(
        sql<number>`row_number() over (order by o.is_target desc, o.motivation desc, o.posting desc, o.advocacy desc, o.sort_name asc, o.id asc)`.as('rank'),
      );

  async function hydrate(rows: Row[]): Promise<Organization[]> {
    const links = await explorationIdsFor(db, 'explorationOrganizations', rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      website: r.website,
      industry: r.industry,
      location: r.location ?? null,
      notes: r.notes,
      motivation: Number(r.motivation),
      posting: Number(r.posting),
      advocacy: fromFlag(r.advocacy),
      explorationIds: links.get(r.id) ?? [],
      target: Number(r.isTarget ?? 1) === 1,
      rank: Number(r.isTarget ?? 1) === 1 ? Number(r.rank) : null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  const filtered = (f: OrganizationFilters) => {
    let q = db.selectFrom(ranked().as('r')).selectAll('r');
    if (f.industry) q = q.where('r.industry', '=', f.industry);
    if (f.advocacy !== undefined) q = q.where('r.advocacy', '=', f.advocacy ? 1 : 0);
    if (f.target !== undefined) q = q.where('r.isTarget', '=', f.target ? 1 : 0);
    if (f.explorationId) {
      const explorationId = f.explorationId;
      q = q.where('r.id', 'in', db.selectFrom('explorationOrganizations').select('organizationId').where('explorationId', '=', explorationId));
    }
    return q;
  };

  return {
    async get(id: string): Promise<Organization | undefined> {
      const row = await db.selectFrom(ranked().as('r')).selectAll('r').where('r.id', '=', id).executeTakeFirst();
      return row ? (await hydrate([row]))[0] : undefined;
    },

    async exists(id: string): Promise<boolean> {
      return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },

    async findByName(sortName: string): Promise<{ id: string; name: string } | undefined> {
      return db.selectFrom('organizations').select(['id', 'name']).where('sortName', '=', sortName).executeTakeFirst();
    },

    /** Sort key → id of every organisation, for matching by name. */
    async idsBySortName(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('organizations').select(['id', 'sortName']).execute();
      return new Map(rows.map((r) => [r.sortName, r.id]));
    },

    async names(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async list(filters: OrganizationFilters, sort: Sort<OrganizationSortField>, page: Page): Promise<PageResult<Organization>> {
      const column = ({ rank: 'r.rank', name: 'r.sortName', createdAt: 'r.createdAt', updatedAt: 'r.updatedAt' } as const)[sort.field];
      return pagedList(db, filtered(filters), { by: column, id: 'r.id', direction: sort.direction }, page, hydrate);
    },

    async insert(organization: NewOrganization, explorationIds: string[]): Promise<void> {
      await db.insertInto('organizations').values(organizationToRow(organization)).execute();
      await this.setExplorations(organization.id, explorationIds);
    },

    async insertMany(organizations: NewOrganization[]): Promise<void> {
      await insertInBatches(db, organizations.map(organizationToRow), { batch: 200 }, (batch) => db.insertInto('organizations').values(batch));
    },

    async update(id: string, changes: OrganizationChanges, explorationIds?: string[]): Promise<void> {
      const patch = organizationChangesToRow(changes);
      if (Object.keys(patch).length > 0) await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
      if (explorationIds) await this.setExplorations(id, explorationIds);
    },

    async setExplorations(id: string, explorationIds: string[]): Promise<void> {
      await db.deleteFrom('explorationOrganizations').where('organizationId', '=', id).execute();
      const unique = [...new Set(explorationIds)];
      if (unique.length > 0) {
        await db
          .insertInto('explorationOrganizations')
          .values(unique.map((explorationId) => ({ explorationId, organizationId: id })))
          .execute();
      }
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('organizations').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type OrganizationsRepository = ReturnType<typeof createOrganizationsRepository>;
