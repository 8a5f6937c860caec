import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ContactRow, Database, NewContactRow } from '../../db/database.js';
import { explorationIdsFor } from '../../db/records.js';
import { insertInBatches } from '../../db/bulk.js';
import { fromFlag, fromJson, toCount, toFlag, toJson } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Contact, ContactSortField } from '../../shared/schemas/contacts.js';
import { sortKey } from '../../shared/text.js';

export interface ContactFilters {
  organizationId?: string | undefined;
  explorationId?: string | undefined;
  relationship?: string[] | undefined;
  seniority?: string[] | undefined;
  responsiveness?: string[] | undefined;
  tag?: string | undefined;
  referredById?: string | undefined;
  isHR?: boolean | undefined;
}

const sortColumns = {
  name: 'c.sortName',
  createdAt: 'c.createdAt',
  updatedAt: 'c.updatedAt',
  connectedOn: 'c.connectedOn',
} as const;

type Row = ContactRow & { organizationName: string | null };

export function rowToContact(row: Row, tags: string[], explorationIds: string[] = []): Contact {
  return {
    id: row.id,
    name: row.name,
    givenName: row.givenName,
    familyName: row.familyName,
    title: row.title,
    organizationId: row.organizationId,
    organization: row.organizationId ? { id: row.organizationId, name: row.organizationName ?? '' } : null,
    seniority: row.seniority as Contact['seniority'],
    department: row.department,
    isHR: fromFlag(row.isHr),
    isHRManual: fromFlag(row.isHrManual),
    relationship: row.relationship as Contact['relationship'],
    referredById: row.referredById,
    howWeMet: row.howWeMet,
    emails: fromJson(row.emails, []),
    phones: fromJson(row.phones, []),
    linkedinUrl: row.linkedinUrl,
    tags,
    notes: row.notes,
    connectedOn: row.connectedOn,
    preferredFormat: row.preferredFormat as Contact['preferredFormat'],
    explorationIds,
    responsiveness: row.responsiveness as Contact['responsiveness'],
    timeZone: row.timeZone ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A person as a use case adds them; tags and explorations are given beside, the organisation by id. */
export type NewContact = Omit<Contact, 'organization' | 'tags' | 'explorationIds'>;

/** What a use case may change on a person (tags and explorations are given beside). */
export type ContactChanges = Partial<Omit<NewContact, 'id' | 'createdAt'>>;

/** The row for a new person; the sort key follows from the name. */
export function contactToRow(c: NewContact): NewContactRow {
  return {
    id: c.id,
    name: c.name,
    sortName: sortKey(c.name),
    givenName: c.givenName,
    familyName: c.familyName,
    title: c.title,
    organizationId: c.organizationId,
    seniority: c.seniority,
    department: c.department,
    isHr: toFlag(c.isHR),
    isHrManual: toFlag(c.isHRManual),
    relationship: c.relationship,
    referredById: c.referredById,
    howWeMet: c.howWeMet,
    emails: toJson(c.emails),
    phones: toJson(c.phones),
    linkedinUrl: c.linkedinUrl,
    notes: c.notes,
    connectedOn: c.connectedOn,
    preferredFormat: c.preferredFormat,
    responsiveness: c.responsiveness,
    timeZone: c.timeZone,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** The columns for the changed fields only. */
export function contactChangesToRow(changes: ContactChanges): Partial<NewContactRow> {
  const { isHR, isHRManual, emails, phones, ...simple } = changes;
  const out: Partial<NewContactRow> = { ...simple };
  if (changes.name !== undefined) out.sortName = sortKey(changes.name);
  if (isHR !== undefined) out.isHr = toFlag(isHR);
  if (isHRManual !== undefined) out.isHrManual = toFlag(isHRManual);
  if (emails) out.emails = toJson(emails);
  if (phones) out.phones = toJson(phones);
  return out;
}

function applyFilters<O>(query: SelectQueryBuilder<Database & { c: Database['contacts'] }, 'c', O>, f: ContactFilters) {
  let q = query;
  if (f.organizationId) q = q.where('c.organizationId', '=', f.organizationId);
  if (f.relationship?.length) q = q.where('c.relationship', 'in', f.relationship);
  if (f.seniority?.length) q = q.where('c.seniority', 'in', f.seniority);
  if (f.responsiveness?.length) q = q.where('c.responsiveness', 'in', f.responsiveness);
  if (f.referredById) q = q.where('c.referredById', '=', f.referredById);
  if (f.isHR !== undefined) q = q.where('c.isHr', '=', f.isHR ? 1 : 0);
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('contactTags as t').select('t.contactId').whereRef('t.contactId', '=', 'c.id').where('t.tag', '=', tag)),
    );
  }
  if (f.explorationId) {
    const explorationId = f.explorationId;
    q = q.where((eb) =>
      eb.or([
        eb(
          'c.organizationId',
          'in',
          eb.selectFrom('explorationOrganizations as eo').select('eo.organizationId').where('eo.explorationId', '=', explorationId),
        ),
        eb(
          'c.id',
          'in',
          eb.selectFrom('contactExplorations as ce').select('ce.contactId').where('ce.explorationId', '=', explorationId),
        ),
        eb.exists(
          eb
            .selectFrom('interviews as i')
            .innerJoin('interviewExplorations as ie', 'ie.interviewId', 'i.id')
            .select('i.id')
            .whereRef('i.contactId', '=', 'c.id')
            .where('ie.explorationId', '=', explorationId),
        ),
      ]),
    );
  }
  return q;
}

export function createContactsRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('contacts as c')
      .leftJoin('organizations as o', 'o.id', 'c.organizationId')
      .selectAll('c')
      .select('o.name as organizationName');

  async function tagsFor(ids: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const rows = await db.selectFrom('contactTags').select(['contactId', 'tag']).where('contactId', 'in', ids).orderBy('tag').execute();
    for (const { contactId, tag } of rows) {
      const list = map.get(contactId);
      if (list) list.push(tag);
      else map.set(contactId, [tag]);
    }
    return map;
  }

  async function hydrate(rows: Row[]): Promise<Contact[]> {
    const ids = rows.map((r) => r.id);
    const [tags, links] = await Promise.all([tagsFor(ids), explorationIdsFor(db, 'contactExplorations', ids)]);
    return rows.map((r) => rowToContact(r, tags.get(r.id) ?? [], links.get(r.id) ?? []));
  }

  return {
    async get(id: string): Promise<Contact | undefined> {
      const row = await base().where('c.id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return (await hydrate([row]))[0];
    },

    async getMany(ids: string[]): Promise<Contact[]> {
      if (ids.length === 0) return [];
      return hydrate(await base().where('c.id', 'in', ids).execute());
    },

    async exists(id: string): Promise<boolean> {
      return (await db.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },

    async names(ids: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      if (ids.length === 0) return out;
      const rows = await db.selectFrom('contacts').select(['id', 'name']).where('id', 'in', ids).execute();
      for (const r of rows) out.set(r.id, r.name);
      return out;
    },

    async list(filters: ContactFilters, sort: Sort<ContactSortField>, page: Page): Promise<PageResult<Contact>> {
      const counted = await applyFilters(db.selectFrom('contacts as c'), filters)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const column = sortColumns[sort.field];
      // Find the page's ids on the sort index alone, then fetch just those rows by primary key,
      // so a deep offset skips index entries instead of whole joined rows.
      const ids = (
        await applyFilters(db.selectFrom('contacts as c'), filters)
          .select('c.id')
          .orderBy(column, sort.direction)
          .orderBy('c.id', sort.direction)
          .limit(page.limit)
          .offset(page.offset)
          .execute()
      ).map((r) => r.id);
      const byId = new Map(ids.length === 0 ? [] : (await base().where('c.id', 'in', ids).execute()).map((r) => [r.id, r]));
      const rows = ids.flatMap((id) => byId.get(id) ?? []);
      return { items: await hydrate(rows), total: toCount(counted.n), ...page };
    },

    async insert(contact: NewContact, tags: string[], explorationIds: string[] = []): Promise<void> {
      await db.insertInto('contacts').values(contactToRow(contact)).execute();
      await this.setTags(contact.id, tags);
      await this.setExplorations(contact.id, explorationIds);
    },

    /** Bulk insert for imports and generated data; people must be valid already. */
    async insertMany(contacts: NewContact[], tags: Map<string, string[]> = new Map()): Promise<void> {
      await insertInBatches(db, contacts.map(contactToRow), { batch: 200 }, (batch) => db.insertInto('contacts').values(batch));
      const tagRows = [...tags].flatMap(([contactId, list]) => [...new Set(list)].map((tag) => ({ contactId, tag })));
      await insertInBatches(db, tagRows, { batch: 500 }, (batch) => db.insertInto('contactTags').values(batch));
    },

    async update(id: string, changes: ContactChanges, tags?: string[], explorationIds?: string[]): Promise<void> {
      const patch = contactChangesToRow(changes);
      if (Object.keys(patch).length > 0) await db.updateTable('contacts').set(patch).where('id', '=', id).execute();
      if (tags) await this.setTags(id, tags);
      if (explorationIds) await this.setExplorations(id, explorationIds);
    },

    async setExplorations(id: string, explorationIds: string[]): Promise<void> {
      await db.deleteFrom('contactExplorations').where('contactId', '=', id).execute();
      const unique = [...new Set(explorationIds)];
      if (unique.length > 0) await db.insertInto('contactExplorations').values(unique.map((explorationId) => ({ contactId: id, explorationId }))).execute();
    },

    /** Adds the person to an exploration, keeping the ones they are in. */
    async addToExploration(id: string, explorationId: string): Promise<void> {
      await db
        .insertInto('contactExplorations')
        .values({ contactId: id, explorationId })
        .onConflict((oc) => oc.columns(['contactId', 'explorationId']).doNothing())
        .execute();
    },

    async setTags(id: string, tags: string[]): Promise<void> {
      await db.deleteFrom('contactTags').where('contactId', '=', id).execute();
      const unique = [...new Set(tags)];
      if (unique.length > 0) await db.insertInto('contactTags').values(unique.map((tag) => ({ contactId: id, tag }))).execute();
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('contacts').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Every person with what an import matches and merges on. */
    async all(): Promise<Contact[]> {
      const rows = await base().orderBy('c.id').execute();
      const tags = new Map<string, string[]>();
      for (const { contactId, tag } of await db.selectFrom('contactTags').select(['contactId', 'tag']).orderBy('tag').execute()) {
        tags.set(contactId, [...(tags.get(contactId) ?? []), tag]);
      }
      return rows.map((r) => rowToContact(r, tags.get(r.id) ?? []));
    },

    /** People with exactly this name (by sort key), at this organisation when one is given. */
    async idsByName(sortName: string, organizationId: string | null): Promise<string[]> {
      let query = db.selectFrom('contacts').select('id').where('sortName', '=', sortName);
      if (organizationId) query = query.where('organizationId', '=', organizationId);
      return (await query.orderBy('createdAt').execute()).map((r) => r.id);
    },

    async idsAtOrganization(organizationId: string): Promise<string[]> {
      const rows = await db.selectFrom('contacts').select('id').where('organizationId', '=', organizationId).execute();
      return rows.map((r) => r.id);
    },

    /** Contacts referred by someone who is referred by … : used to refuse cycles. */
    async referrerChain(id: string, maxDepth = 100): Promise<string[]> {
      const chain: string[] = [];
      let current: string | null = id;
      while (current && chain.length < maxDepth) {
        const row: { referredById: string | null } | undefined = await db
          .selectFrom('contacts')
          .select('referredById')
          .where('id', '=', current)
          .executeTakeFirst();
        current = row?.referredById ?? null;
        if (current) chain.push(current);
      }
      return chain;
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
