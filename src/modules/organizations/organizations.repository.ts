import { sql, type Kysely } from 'kysely';
import { insertInBatches } from '../../db/bulk.js';
import type { Database, OrganizationsTable } from '../../db/database.js';
import { fromFlag, toCount } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Organization, OrganizationSortField } from '../../shared/schemas/organizations.js';

export interface OrganizationFilters {
  explorationId?: string | undefined;
  industry?: string | undefined;
  advocacy?: boolean | undefined;
  /** Only targets (true) or only organisations not (yet) on the target list (false). */
  target?: boolean | undefined;
}

type Row = OrganizationsTable & { rank: number | string };

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

  async function explorationIdsFor(ids: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const rows = await db
      .selectFrom('explorationOrganizations')
      .select(['organizationId', 'explorationId'])
      .where('organizationId', 'in', ids)
      .orderBy('explorationId')
      .execute();
    for (const r of rows) map.set(r.organizationId, [...(map.get(r.organizationId) ?? []), r.explorationId]);
    return map;
  }

  async function hydrate(rows: Row[]): Promise<Organization[]> {
    const links = await explorationIdsFor(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      website: r.website,
      industry: r.industry,
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
      const counted = await db
        .selectFrom(filtered(filters).as('f'))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const column = ({ rank: 'r.rank', name: 'r.sortName', createdAt: 'r.createdAt', updatedAt: 'r.updatedAt' } as const)[sort.field];
      const rows = await filtered(filters)
        .orderBy(column, sort.direction)
        .orderBy('r.id', sort.direction)
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: await hydrate(rows), total: toCount(counted.n), ...page };
    },

    async insert(row: OrganizationsTable, explorationIds: string[]): Promise<void> {
      await db.insertInto('organizations').values(row).execute();
      await this.setExplorations(row.id, explorationIds);
    },

    async insertMany(rows: OrganizationsTable[]): Promise<void> {
      await insertInBatches(db, rows, { batch: 200 }, (batch) => db.insertInto('organizations').values(batch));
    },

    async update(id: string, patch: Partial<OrganizationsTable>, explorationIds?: string[]): Promise<void> {
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
