import type { Kysely } from 'kysely';
import type { Database, ReferralRow, ReferralsTable } from '../../db/database.js';
import { pagedList } from '../../db/paging.js';
import { recordWrites } from '../../db/records.js';
import { toUtcIsoOrNull } from '../../db/values.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { Referral, ReferralSortField } from '../../shared/schemas/referrals.js';

export interface ReferralFilters {
  fromContactId?: string | undefined;
  toContactId?: string | undefined;
  /** Either side of the referral. */
  contactId?: string | undefined;
  interviewId?: string | undefined;
  status?: string[] | undefined;
}
type Row = ReferralRow & { fromName: string; toName: string };

const rowToReferral = (r: Row): Referral => ({
  id: r.id,
  fromContactId: r.fromContactId,
  toContactId: r.toContactId,
  from: { id: r.fromContactId, name: r.fromName },
  to: { id: r.toContactId, name: r.toName },
  interviewId: r.interviewId,
  status: r.status as Referral['status'],
  reportedBackAt: r.reportedBackAt,
  note: r.note,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** A referral as a use case records it; the two names are joined in when read. */
export type NewReferral = Omit<Referral, 'from' | 'to'>;

/** What a use case may change on a referral. */
export type ReferralChanges = Partial<Pick<Referral, 'interviewId' | 'status' | 'reportedBackAt' | 'note' | 'updatedAt'>>;

/** The columns for the changed fields only; the report-back instant is stored in canonical UTC. */
function referralChangesToRow(changes: ReferralChanges): Partial<ReferralsTable> {
  const out: Partial<ReferralsTable> = { ...changes };
  if (changes.reportedBackAt !== undefined) out.reportedBackAt = toUtcIsoOrNull(changes.reportedBackAt);
  return out;
}

const referralToRow = (r: NewReferral): ReferralsTable => ({
  id: r.id,
  fromContactId: r.fromContactId,
  toContactId: r.toContactId,
  interviewId: r.interviewId,
  status: r.status,
  reportedBackAt: toUtcIsoOrNull(r.reportedBackAt),
  note: r.note,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function createReferralsRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('referrals as r')
      .innerJoin('contacts as f', 'f.id', 'r.fromContactId')
      .innerJoin('contacts as t', 't.id', 'r.toContactId')
      .selectAll('r')
      .select(['f.name as fromName', 't.name as toName']);
  const filtered = (f: ReferralFilters) => {
    let q = base();
    if (f.fromContactId) q = q.where('r.fromContactId', '=', f.fromContactId);
    if (f.toContactId) q = q.where('r.toContactId', '=', f.toContactId);
    if (f.contactId) {
      const id = f.contactId;
      q = q.where((eb) => eb.or([eb('r.fromContactId', '=', id), eb('r.toContactId', '=', id)]));
    }
    if (f.interviewId) q = q.where('r.interviewId', '=', f.interviewId);
    if (f.status?.length) q = q.where('r.status', 'in', f.status);
    return q;
  };
  return {
    ...recordWrites(db, 'referrals', referralToRow, referralChangesToRow),
    async get(id: string): Promise<Referral | undefined> {
      const row = await base().where('r.id', '=', id).executeTakeFirst();
      return row ? rowToReferral(row) : undefined;
    },
    async findPair(fromContactId: string, toContactId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('referrals')
        .select('id')
        .where('fromContactId', '=', fromContactId)
        .where('toContactId', '=', toContactId)
        .executeTakeFirst();
      return row?.id;
    },
    async list(filters: ReferralFilters, sort: Sort<ReferralSortField>, page: Page): Promise<PageResult<Referral>> {
      return pagedList(db, filtered(filters), { by: `r.${sort.field}`, id: 'r.id', direction: sort.direction }, page, (rows) => rows.map(rowToReferral));
    },
    async forContact(contactId: string): Promise<Referral[]> {
      return (await filtered({ contactId }).execute()).map(rowToReferral);
    },
  };
}

export type ReferralsRepository = ReturnType<typeof createReferralsRepository>;
