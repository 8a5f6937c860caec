import type { Kysely } from 'kysely';
import type { Database, LeadRow, LeadsTable } from '../../db/database.js';
import { pagedList } from '../../db/paging.js';
import { recordWrites } from '../../db/records.js';
import { fromFlag, toFlag, toUtcIsoOrNull } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Lead, LeadKind, LeadSortField, LeadStatus } from '../../shared/schemas/leads.js';

export interface LeadFilters {
  status?: string[] | undefined;
  organizationId?: string | undefined;
  contactId?: string | undefined;
  interviewId?: string | undefined;
  /** Leads whose organisation, person or conversation is linked to this exploration. */
  explorationId?: string | undefined;
}

type Row = LeadRow & { contactName: string | null; organizationName: string | null };

const rowToLead = (r: Row): Lead => ({
  id: r.id,
  title: r.title,
  kind: r.kind as LeadKind,
  status: r.status as LeadStatus,
  details: r.details,
  interviewId: r.interviewId,
  contactId: r.contactId,
  organizationId: r.organizationId,
  contact: r.contactId && r.contactName !== null ? { id: r.contactId, name: r.contactName } : null,
  organization: r.organizationId && r.organizationName !== null ? { id: r.organizationId, name: r.organizationName } : null,
  mayNamePerson: fromFlag(r.mayNamePerson),
  nextStep: r.nextStep,
  nextStepAt: r.nextStepAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** A lead as a use case records it; the names are joined in when read. */
export type NewLead = Omit<Lead, 'contact' | 'organization'>;

/** What a use case may change on a lead. */
export type LeadChanges = Partial<Omit<NewLead, 'id' | 'createdAt'>>;

const leadToRow = (l: NewLead): LeadsTable => ({
  id: l.id,
  title: l.title,
  kind: l.kind,
  status: l.status,
  details: l.details,
  interviewId: l.interviewId,
  contactId: l.contactId,
  organizationId: l.organizationId,
  mayNamePerson: toFlag(l.mayNamePerson),
  nextStep: l.nextStep,
  nextStepAt: toUtcIsoOrNull(l.nextStepAt),
  createdAt: l.createdAt,
  updatedAt: l.updatedAt,
});

/** The columns for the changed fields only: the flag as an integer, the date in canonical UTC. */
function leadChangesToRow(changes: LeadChanges): Partial<LeadsTable> {
  const { mayNamePerson, nextStepAt, ...rest } = changes;
  const out: Partial<LeadsTable> = { ...rest };
  if (mayNamePerson !== undefined) out.mayNamePerson = toFlag(mayNamePerson);
  if (nextStepAt !== undefined) out.nextStepAt = toUtcIsoOrNull(nextStepAt);
  return out;
}

export function createLeadsRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('leads as l')
      .leftJoin('contacts as c', 'c.id', 'l.contactId')
      .leftJoin('organizations as o', 'o.id', 'l.organizationId')
      .selectAll('l')
      .select(['c.name as contactName', 'o.name as organizationName']);
  const filtered = (f: LeadFilters) => {
    let q = base();
    if (f.status?.length) q = q.where('l.status', 'in', f.status);
    if (f.organizationId) q = q.where('l.organizationId', '=', f.organizationId);
    if (f.contactId) q = q.where('l.contactId', '=', f.contactId);
    if (f.interviewId) q = q.where('l.interviewId', '=', f.interviewId);
    if (f.explorationId) {
      const id = f.explorationId;
      q = q.where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('explorationOrganizations as eo').select('eo.organizationId').whereRef('eo.organizationId', '=', 'l.organizationId').where('eo.explorationId', '=', id)),
          eb.exists(eb.selectFrom('contactExplorations as ce').select('ce.contactId').whereRef('ce.contactId', '=', 'l.contactId').where('ce.explorationId', '=', id)),
          eb.exists(eb.selectFrom('interviewExplorations as ie').select('ie.interviewId').whereRef('ie.interviewId', '=', 'l.interviewId').where('ie.explorationId', '=', id)),
        ]),
      );
    }
    return q;
  };
  return {
    ...recordWrites(db, 'leads', leadToRow, leadChangesToRow),
    async get(id: string): Promise<Lead | undefined> {
      const row = await base().where('l.id', '=', id).executeTakeFirst();
      return row ? rowToLead(row) : undefined;
    },
    async list(filters: LeadFilters, sort: Sort<LeadSortField>, page: Page): Promise<PageResult<Lead>> {
      return pagedList(db, filtered(filters), { by: `l.${sort.field}`, id: 'l.id', direction: sort.direction }, page, (rows) => rows.map(rowToLead));
    },
    async titles(ids: string[]): Promise<Array<{ id: string; title: string; contactId: string | null }>> {
      if (ids.length === 0) return [];
      return db.selectFrom('leads').select(['id', 'title', 'contactId']).where('id', 'in', ids).execute();
    },
  };
}

export type LeadsRepository = ReturnType<typeof createLeadsRepository>;
