import type { Insertable, Kysely } from 'kysely';
import type { Database, SsoLoginsTable, UserIdentitiesTable } from '../../db/database.js';
import type { Role } from '../../shared/schemas/accounts.js';

/** An invitation as single sign-on needs it: whom it is for, as what, and whether it still works. */
export interface SsoInvitation {
  id: string;
  email: string;
  role: Role;
  name: string | null;
  cohortId: string | null;
  adviserId: string | null;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

export type SsoLogin = SsoLoginsTable;
export type UserIdentity = UserIdentitiesTable;

const toInvitation = (row: Omit<SsoInvitation, 'role'> & { role: string }): SsoInvitation => ({ ...row, role: row.role as Role });

/** Single sign-on's own SQL: sign-ins on their way, identities, and the invitations they may accept. */
export function createSsoRepository(db: Kysely<Database>) {
  const invitationColumns = ['id', 'email', 'role', 'name', 'cohortId', 'adviserId', 'expiresAt', 'usedAt', 'revokedAt'] as const;
  return {
    async insertLogin(row: SsoLogin): Promise<void> {
      await db.insertInto('ssoLogins').values(row).execute();
    },
    /** Takes a sign-in on its way (it can be finished once): the row, or none when it is unknown or another request took it first. */
    async takeLogin(id: string): Promise<SsoLogin | undefined> {
      const row = await db.selectFrom('ssoLogins').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const deleted = await db.deleteFrom('ssoLogins').where('id', '=', id).executeTakeFirst();
      return Number(deleted.numDeletedRows) === 1 ? row : undefined;
    },
    async pruneLogins(now: string): Promise<void> {
      await db.deleteFrom('ssoLogins').where('expiresAt', '<=', now).execute();
    },

    async identity(issuer: string, subject: string): Promise<UserIdentity | undefined> {
      return db.selectFrom('userIdentities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
    },
    /** The subject an account is linked to at an issuer, if any. */
    async identityOf(userId: string, issuer: string): Promise<UserIdentity | undefined> {
      return db.selectFrom('userIdentities').selectAll().where('userId', '=', userId).where('issuer', '=', issuer).executeTakeFirst();
    },
    async insertIdentity(row: Insertable<UserIdentitiesTable>): Promise<void> {
      await db.insertInto('userIdentities').values(row).execute();
    },
    async touchIdentity(issuer: string, subject: string, email: string, lastUsedAt: string): Promise<void> {
      await db.updateTable('userIdentities').set({ email, lastUsedAt }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
    },
    async deleteIdentity(issuer: string, subject: string): Promise<void> {
      await db.deleteFrom('userIdentities').where('issuer', '=', issuer).where('subject', '=', subject).execute();
    },

    async invitation(id: string): Promise<SsoInvitation | undefined> {
      const row = await db.selectFrom('invitations').select(invitationColumns).where('id', '=', id).executeTakeFirst();
      return row && toInvitation(row);
    },
    /** The newest invitation for an address that is still open (not used, revoked or expired). */
    async openInvitationFor(email: string, now: string): Promise<SsoInvitation | undefined> {
      const row = await db
        .selectFrom('invitations')
        .select(invitationColumns)
        .where('email', '=', email)
        .where('usedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', now)
        .orderBy('createdAt', 'desc')
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    /** Marks an open invitation used by the account that joined with it; false when it was used (or revoked) meanwhile. */
    async acceptInvitation(id: string, userId: string, at: string): Promise<boolean> {
      const result = await db.updateTable('invitations').set({ usedAt: at, acceptedBy: userId }).where('id', '=', id).where('usedAt', 'is', null).where('revokedAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type SsoRepository = ReturnType<typeof createSsoRepository>;
