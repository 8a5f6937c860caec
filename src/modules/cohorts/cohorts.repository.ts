import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Role } from '../../shared/schemas/accounts.js';
import type { CohortRef, PersonRef, PlacedStudent } from '../../shared/schemas/cohorts.js';

/** An invitation a cohort upload stores: its id is the SHA-256 of the token, which is never kept. */
export interface NewCohortInvitation {
  id: string;
  email: string;
  role: Role;
  name: string;
  cohortId: string | null;
  adviserId: string | null;
  adviserEmail: string | null;
  /** The admin who uploaded the file; null from the command line. */
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
}

/** An invitation with everything its status is worked out from. */
export interface InvitationRecord {
  email: string;
  name: string | null;
  role: Role;
  cohort: CohortRef | null;
  adviser: PersonRef | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  emailedAt: string | null;
  revokedAt: string | null;
  acceptedBy: PersonRef | null;
}

/** A student in an adviser's caseload. */
export interface CaseloadStudent extends PersonRef {
  cohort: CohortRef | null;
  joinedAt: string;
}

const personOrNull = (id: string | null, name: string | null, email: string | null): PersonRef | null => (id && name !== null && email !== null ? { id, name, email } : null);

/** Cohorts, their advisers, students' placements and cohort invitations: the only SQL about them. */
export function createCohortsRepository(db: Kysely<Database>) {
  return {
    /** The accounts among these addresses, with role and whether they are disabled. */
    async accountsByEmail(emails: readonly string[]): Promise<Map<string, { id: string; role: Role; disabled: boolean }>> {
      const found = new Map<string, { id: string; role: Role; disabled: boolean }>();
      for (let i = 0; i < emails.length; i += 500) {
        const rows = await db.selectFrom('users').select(['id', 'email', 'role', 'disabledAt']).where('email', 'in', emails.slice(i, i + 500)).execute();
        for (const r of rows) found.set(r.email, { id: r.id, role: r.role as Role, disabled: r.disabledAt !== null });
      }
      return found;
    },
    /** The cohort of that name, whatever its case ("msc finance" is "MSc Finance"). */
    async cohortByName(name: string): Promise<CohortRef | undefined> {
      return db
        .selectFrom('cohorts')
        .select(['id', 'name'])
        .where(sql<string>`lower(name)`, '=', name.toLowerCase())
        .executeTakeFirst();
    },
    async cohort(id: string): Promise<CohortRef | undefined> {
      return db.selectFrom('cohorts').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    },
    async insertCohort(row: { id: string; name: string; createdAt: string }): Promise<void> {
      await db.insertInto('cohorts').values({ ...row, updatedAt: row.createdAt }).execute();
    },
    async cohorts(): Promise<CohortRef[]> {
      return db.selectFrom('cohorts').select(['id', 'name']).orderBy('name').execute();
    },
    /** Every cohort's advisers, by cohort. */
    async cohortAdvisers(): Promise<Array<PersonRef & { cohortId: string }>> {
      return db
        .selectFrom('cohortAdvisers as ca')
        .innerJoin('users as u', 'u.id', 'ca.adviserId')
        .select(['ca.cohortId', 'u.id', 'u.name', 'u.email'])
        .orderBy('u.name')
        .execute();
    },
    async addCohortAdviser(cohortId: string, adviserId: string, createdAt: string): Promise<void> {
      await db
        .insertInto('cohortAdvisers')
        .values({ cohortId, adviserId, createdAt })
        .onConflict((oc) => oc.columns(['cohortId', 'adviserId']).doNothing())
        .execute();
    },
    async removeCohortAdviser(cohortId: string, adviserId: string): Promise<boolean> {
      const result = await db.deleteFrom('cohortAdvisers').where('cohortId', '=', cohortId).where('adviserId', '=', adviserId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** Every explorer (student), disabled ones too, with their cohort and adviser. */
    async students(): Promise<PlacedStudent[]> {
      return db.selectFrom('users').select(['id', 'name', 'email', 'cohortId', 'adviserId']).where('role', '=', 'explorer').orderBy('name').orderBy('email').execute();
    },
    /** Active coaches: the people who can advise. */
    async coaches(): Promise<PersonRef[]> {
      return db.selectFrom('users').select(['id', 'name', 'email']).where('role', '=', 'coach').where('disabledAt', 'is', null).orderBy('name').execute();
    },
    async setPlacement(userId: string, placement: { cohortId?: string | null; adviserId?: string | null }, updatedAt: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ ...placement, updatedAt })
        .where('id', '=', userId)
        .execute();
    },
    /** A student's own adviser (an active account), if they have one. */
    async adviserOf(userId: string): Promise<PersonRef | undefined> {
      return db
        .selectFrom('users as s')
        .innerJoin('users as a', 'a.id', 's.adviserId')
        .select(['a.id', 'a.name', 'a.email'])
        .where('s.id', '=', userId)
        .where('a.disabledAt', 'is', null)
        .where('a.role', '=', 'coach')
        .executeTakeFirst();
    },
    /** The first (by name) active adviser of a student's cohort, for a student with no adviser of their own. */
    async cohortAdviserOf(userId: string): Promise<PersonRef | undefined> {
      return db
        .selectFrom('users as s')
        .innerJoin('cohortAdvisers as ca', 'ca.cohortId', 's.cohortId')
        .innerJoin('users as a', 'a.id', 'ca.adviserId')
        .select(['a.id', 'a.name', 'a.email'])
        .where('s.id', '=', userId)
        .where('a.disabledAt', 'is', null)
        .where('a.role', '=', 'coach')
        .orderBy('a.name')
        .limit(1)
        .executeTakeFirst();
    },

    /** Forgets the unused, unrevoked invitations of these addresses: a new one replaces them. */
    async retireOpenInvitations(emails: readonly string[]): Promise<void> {
      for (let i = 0; i < emails.length; i += 500) {
        await db
          .deleteFrom('invitations')
          .where('email', 'in', emails.slice(i, i + 500))
          .where('usedAt', 'is', null)
          .where('revokedAt', 'is', null)
          .execute();
      }
    },
    async insertInvitation(row: NewCohortInvitation): Promise<void> {
      await db
        .insertInto('invitations')
        .values({ ...row, usedAt: null, emailedAt: null, revokedAt: null, acceptedBy: null })
        .execute();
    },
    async markEmailed(id: string, at: string): Promise<void> {
      await db.updateTable('invitations').set({ emailedAt: at }).where('id', '=', id).execute();
    },
    /** Revokes an address's open invitations; how many there were. */
    async revokeOpenInvitations(email: string, at: string): Promise<number> {
      const result = await db.updateTable('invitations').set({ revokedAt: at }).where('email', '=', email).where('usedAt', 'is', null).where('revokedAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    /** Every invitation, newest first, with its cohort, adviser and the account that joined. */
    async invitations(): Promise<InvitationRecord[]> {
      const rows = await db
        .selectFrom('invitations as i')
        .leftJoin('cohorts as c', 'c.id', 'i.cohortId')
        .leftJoin('users as adv', 'adv.id', 'i.adviserId')
        .leftJoin('users as acc', 'acc.id', 'i.acceptedBy')
        .leftJoin('users as owner', 'owner.email', 'i.email')
        .select([
          'i.email',
          'i.name',
          'i.role',
          'i.createdAt',
          'i.expiresAt',
          'i.usedAt',
          'i.emailedAt',
          'i.revokedAt',
          'i.adviserEmail',
          'c.id as cohortId',
          'c.name as cohortName',
          'adv.id as adviserId',
          'adv.name as adviserName',
          'adv.email as adviserAddress',
          'acc.id as acceptedId',
          'acc.name as acceptedName',
          'acc.email as acceptedEmail',
          'owner.id as ownerId',
          'owner.name as ownerName',
          'owner.email as ownerEmail',
        ])
        .orderBy('i.createdAt', 'desc')
        .orderBy('i.email')
        .execute();
      return rows.map((r) => ({
        email: r.email,
        name: r.name,
        role: r.role as Role,
        cohort: r.cohortId && r.cohortName !== null ? { id: r.cohortId, name: r.cohortName } : null,
        adviser: personOrNull(r.adviserId, r.adviserName, r.adviserAddress),
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        usedAt: r.usedAt,
        emailedAt: r.emailedAt,
        revokedAt: r.revokedAt,
        // The account that joined with this link; or, for a link spent because the person joined another way, their account.
        acceptedBy: r.usedAt ? (personOrNull(r.acceptedId, r.acceptedName, r.acceptedEmail) ?? personOrNull(r.ownerId, r.ownerName, r.ownerEmail)) : null,
      }));
    },
    /** Records which account joined on the (now used) invitations of its address. */
    async markAccepted(email: string, userId: string): Promise<void> {
      await db.updateTable('invitations').set({ acceptedBy: userId }).where('email', '=', email).where('usedAt', 'is not', null).where('acceptedBy', 'is', null).execute();
    },
    /** Students who joined naming this adviser's address (before the adviser had an account) get them as adviser. */
    async adoptWaitingStudents(adviserEmail: string, adviserId: string, at: string): Promise<void> {
      const waiting = db.selectFrom('invitations').select('acceptedBy').where('adviserEmail', '=', adviserEmail).where('acceptedBy', 'is not', null);
      await db
        .updateTable('users')
        .set({ adviserId, updatedAt: at })
        .where('id', 'in', waiting as never)
        .where('adviserId', 'is', null)
        .where('role', '=', 'explorer')
        .execute();
    },

    /** The active students an adviser looks after: assigned to them, or in a cohort they advise. */
    async caseload(adviserId: string): Promise<CaseloadStudent[]> {
      const advised = db.selectFrom('cohortAdvisers').select('cohortId').where('adviserId', '=', adviserId);
      const rows = await db
        .selectFrom('users as u')
        .leftJoin('cohorts as c', 'c.id', 'u.cohortId')
        .select(['u.id', 'u.name', 'u.email', 'u.createdAt as joinedAt', 'c.id as cohortId', 'c.name as cohortName'])
        .where('u.role', '=', 'explorer')
        .where('u.disabledAt', 'is', null)
        .where((eb) => eb.or([eb('u.adviserId', '=', adviserId), eb('u.cohortId', 'in', advised)]))
        .orderBy('u.name')
        .orderBy('u.email')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, joinedAt: r.joinedAt, cohort: r.cohortId && r.cohortName !== null ? { id: r.cohortId, name: r.cohortName } : null }));
    },
  };
}

export type CohortsRepository = ReturnType<typeof createCohortsRepository>;
