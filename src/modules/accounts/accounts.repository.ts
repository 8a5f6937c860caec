import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { CoachGrantsTable, Database, InvitationsTable, PasswordResetsTable, ReminderLogTable, SessionsTable, TrustedDevicesTable, UsersTable } from '../../db/database.js';
import type { GrantScope, Role, User } from '../../shared/schemas/accounts.js';
import { toFlag } from '../../db/values.js';

type UserRow = Selectable<UsersTable>;
type GrantQuery = SelectQueryBuilder<Database & { g: CoachGrantsTable; u: UsersTable }, 'g' | 'u', Omit<GrantRow, 'scope' | 'showNames'> & { scope: string; showNames: number }>;

export interface GrantRow {
  explorerId: string;
  coachId: string;
  scope: GrantScope;
  /** Whether the coach may see the names of the people and organisations. */
  showNames: boolean;
  createdAt: string;
  /** When the other side's account was made (for a coach's list: when the explorer joined). */
  joinedAt: string;
  /** The other side's name and email: the coach's for an explorer's list, the explorer's for a coach's. */
  name: string;
  email: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  disabledAt: r.disabledAt,
  mustChangePassword: r.mustChangePassword === 1,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** What a use case may change on an account. */
export type UserChanges = Partial<Pick<User, 'name' | 'role' | 'disabledAt' | 'updatedAt' | 'mustChangePassword'> & { passwordHash: string; reminderEmails: boolean }>;

/** A password-reset link as stored: its id is the SHA-256 of the token, which is never kept. */
export type StoredPasswordReset = PasswordResetsTable;

/** An invitation as stored: its id is the SHA-256 of the token, which is never kept. */
export interface StoredInvitation {
  id: string;
  email: string;
  role: Role;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** What a cohort upload said (issue 21): the name to offer, the cohort and adviser to join; and whether it was revoked. */
  name?: string | null;
  cohortId?: string | null;
  adviserId?: string | null;
  adviserEmail?: string | null;
  revokedAt?: string | null;
}

const toInvitation = (r: InvitationsTable): StoredInvitation => ({ ...r, role: r.role as Role });

/** Users, sessions and failed sign-ins: the only SQL about accounts. */
export function createAccountsRepository(db: Kysely<Database>) {
  /** Grants with the other side's name and email (`other` says which side that is). */
  const grantRows = async (other: 'coachId' | 'explorerId', where: (q: GrantQuery) => GrantQuery): Promise<GrantRow[]> => {
    const query = db
      .selectFrom('coachGrants as g')
      .innerJoin('users as u', 'u.id', `g.${other}`)
      .select(['g.explorerId', 'g.coachId', 'g.scope', 'g.showNames', 'g.createdAt', 'u.createdAt as joinedAt', 'u.name', 'u.email']);
    const rows = await where(query).orderBy('u.name').execute();
    return rows.map((r) => ({ ...r, scope: r.scope as GrantScope, showNames: r.showNames === 1 }));
  };
  return {
    async insertUser(row: Insertable<UsersTable>): Promise<void> {
      await db.insertInto('users').values(row).execute();
    },
    async userByEmail(email: string): Promise<(User & { passwordHash: string; reminderEmails: boolean }) | undefined> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row && { ...toUser(row), passwordHash: row.passwordHash, reminderEmails: row.reminderEmails === 1 };
    },
    async userById(id: string): Promise<(User & { passwordHash: string; reminderEmails: boolean }) | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { ...toUser(row), passwordHash: row.passwordHash, reminderEmails: row.reminderEmails === 1 };
    },
    /** Active people who asked for the morning reminder. */
    async reminderRecipients(): Promise<User[]> {
      return (await db.selectFrom('users').selectAll().where('reminderEmails', '=', 1).where('disabledAt', 'is', null).orderBy('id').execute()).map(toUser);
    },
    /** Whether any active account is an admin (the start-up text stops asking for the first one). */
    async activeAdminExists(): Promise<boolean> {
      return (await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabledAt', 'is', null).limit(1).executeTakeFirst()) !== undefined;
    },
    async users(): Promise<User[]> {
      return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
    },
    async updateUser(id: string, changes: UserChanges): Promise<void> {
      const { reminderEmails, mustChangePassword, ...simple } = changes;
      const patch: Updateable<UsersTable> = { ...simple };
      if (reminderEmails !== undefined) patch.reminderEmails = toFlag(reminderEmails);
      if (mustChangePassword !== undefined) patch.mustChangePassword = toFlag(mustChangePassword);
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
    },
    /** Active admins: the last one may not be demoted, disabled or deleted. */
    async activeAdminCount(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'admin').where('disabledAt', 'is', null).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Removes an account and everything the accounts database keeps about it. */
    async deleteUser(id: string, email: string): Promise<void> {
      await db.deleteFrom('sessions').where('userId', '=', id).execute();
      await db.deleteFrom('trustedDevices').where('userId', '=', id).execute();
      await db.deleteFrom('calendarFeeds').where('userId', '=', id).execute();
      await db.deleteFrom('coachGrants').where((eb) => eb.or([eb('explorerId', '=', id), eb('coachId', '=', id)])).execute();
      await db.deleteFrom('reminderLog').where('userId', '=', id).execute();
      await db.deleteFrom('passwordResets').where('userId', '=', id).execute();
      await db.updateTable('invitations').set({ createdBy: null }).where('createdBy', '=', id).execute();
      await db.deleteFrom('signInFailures').where('key', '=', `account:${email}`).execute();
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
    /** Accounts blocked after too many failed sign-ins, by email, with the end of each block. */
    async blockedAccounts(now: string): Promise<Map<string, string>> {
      const rows = await db.selectFrom('signInFailures').select(['key', 'blockedUntil']).where('key', 'like', 'account:%').where('blockedUntil', '>', now).execute();
      return new Map(rows.map((r) => [r.key.slice('account:'.length), r.blockedUntil ?? now]));
    },
    /** Forgets the failed sign-ins counted against an account, and against the browsers it signed in from. */
    async clearAccountFailures(userId: string, email: string): Promise<void> {
      const devices = await db.selectFrom('trustedDevices').select('id').where('userId', '=', userId).execute();
      const keys = [`account:${email}`, ...devices.map((d) => `device:${d.id}`)];
      await db.deleteFrom('signInFailures').where('key', 'in', keys).execute();
    },

    async insertPasswordReset(row: StoredPasswordReset): Promise<void> {
      await db.insertInto('passwordResets').values(row).execute();
    },
    async passwordReset(id: string): Promise<StoredPasswordReset | undefined> {
      return db.selectFrom('passwordResets').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Marks an unused reset link used; false when it already was (two tabs, one link). */
    async usePasswordReset(id: string, usedAt: string): Promise<boolean> {
      const result = await db.updateTable('passwordResets').set({ usedAt }).where('id', '=', id).where('usedAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Forgets every unused reset link of an account (a newer one replaces them). */
    async retirePasswordResets(userId: string): Promise<void> {
      await db.deleteFrom('passwordResets').where('userId', '=', userId).where('usedAt', 'is', null).execute();
    },

    async insertSession(row: SessionsTable): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },
    async session(id: string): Promise<SessionsTable | undefined> {
      return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async touchSession(id: string, lastSeenAt: string): Promise<void> {
      await db.updateTable('sessions').set({ lastSeenAt }).where('id', '=', id).execute();
    },
    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    /** Ends every session of a user, or every one but `keep`. */
    async deleteSessionsOf(userId: string, keep?: string): Promise<void> {
      let query = db.deleteFrom('sessions').where('userId', '=', userId);
      if (keep) query = query.where('id', '!=', keep);
      await query.execute();
    },
    async sessionCount(userId: string): Promise<number> {
      const row = await db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * Counts one attempt for a key in a single statement (a fresh window once the
     * old one began before `windowCutoff`), so attempts at the same moment each get
     * their own number.
     */
    async countAttempt(key: string, now: string, windowCutoff: string): Promise<{ failures: number; blockedUntil: string | null }> {
      const result = await sql<{ failures: number; blockedUntil: string | null }>`
        insert into sign_in_failures (key, window_started_at, failures, blocked_until) values (${key}, ${now}, 1, null)
        on conflict (key) do update set
          failures = case when sign_in_failures.window_started_at <= ${windowCutoff} then 1 else sign_in_failures.failures + 1 end,
          window_started_at = case when sign_in_failures.window_started_at <= ${windowCutoff} then ${now} else sign_in_failures.window_started_at end
        returning failures, blocked_until`.execute(db);
      const row = result.rows[0];
      return { failures: Number(row?.failures ?? 1), blockedUntil: row?.blockedUntil ?? null };
    },
    async block(key: string, until: string): Promise<void> {
      await db.updateTable('signInFailures').set({ blockedUntil: until }).where('key', '=', key).execute();
    },
    /** Takes back one counted attempt (a successful sign-in is no failure). */
    async forgiveAttempt(key: string): Promise<void> {
      await db.updateTable('signInFailures').set((eb) => ({ failures: eb('failures', '-', 1) })).where('key', '=', key).where('failures', '>', 0).execute();
    },
    async clearFailures(key: string): Promise<void> {
      await db.deleteFrom('signInFailures').where('key', '=', key).execute();
    },

    async insertDevice(row: TrustedDevicesTable): Promise<void> {
      await db.insertInto('trustedDevices').values(row).execute();
    },
    /** A trusted device with the email of the account it belongs to. */
    async device(id: string): Promise<(TrustedDevicesTable & { email: string }) | undefined> {
      return db
        .selectFrom('trustedDevices as d')
        .innerJoin('users as u', 'u.id', 'd.userId')
        .select(['d.id', 'd.userId', 'd.createdAt', 'd.expiresAt', 'u.email'])
        .where('d.id', '=', id)
        .executeTakeFirst();
    },
    async deleteDevice(id: string): Promise<void> {
      await db.deleteFrom('trustedDevices').where('id', '=', id).execute();
    },
    async deleteDevicesOf(userId: string): Promise<void> {
      await db.deleteFrom('trustedDevices').where('userId', '=', userId).execute();
    },
    async deleteExpiredDevicesOf(userId: string, now: string): Promise<void> {
      await db.deleteFrom('trustedDevices').where('userId', '=', userId).where('expiresAt', '<=', now).execute();
    },
    async deviceCount(userId: string): Promise<number> {
      const row = await db.selectFrom('trustedDevices').select((eb) => eb.fn.countAll().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The stored hash of an active user's calendar-feed token (none for an unknown or disabled user). */
    async feedTokenHash(userId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('calendarFeeds as f')
        .innerJoin('users as u', 'u.id', 'f.userId')
        .select('f.tokenHash')
        .where('f.userId', '=', userId)
        .where('u.disabledAt', 'is', null)
        .executeTakeFirst();
      return row?.tokenHash;
    },
    async saveFeedTokenHash(userId: string, tokenHash: string, updatedAt: string): Promise<void> {
      await db
        .insertInto('calendarFeeds')
        .values({ userId, tokenHash, updatedAt })
        .onConflict((oc) => oc.column('userId').doUpdateSet({ tokenHash, updatedAt }))
        .execute();
    },

    async setting(key: string): Promise<string | undefined> {
      return (await db.selectFrom('instanceSettings').select('value').where('key', '=', key).executeTakeFirst())?.value;
    },
    async saveSetting(key: string, value: string, updatedAt: string): Promise<void> {
      await db
        .insertInto('instanceSettings')
        .values({ key, value, updatedAt })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt }))
        .execute();
    },

    async insertInvitation(invitation: StoredInvitation): Promise<void> {
      await db.insertInto('invitations').values(invitation).execute();
    },
    async invitation(id: string): Promise<StoredInvitation | undefined> {
      const row = await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toInvitation(row);
    },
    /** Marks an unused invitation used; false when it was already (a second sign-up with the same link). */
    async useInvitation(id: string, usedAt: string): Promise<boolean> {
      const result = await db.updateTable('invitations').set({ usedAt }).where('id', '=', id).where('usedAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Marks every unused invitation for an address used (the person has an account now, whichever link they used). */
    async closeInvitationsFor(email: string, usedAt: string): Promise<void> {
      await db.updateTable('invitations').set({ usedAt }).where('email', '=', email).where('usedAt', 'is', null).execute();
    },
    async openInvitations(now: string): Promise<StoredInvitation[]> {
      const rows = await db.selectFrom('invitations').selectAll().where('usedAt', 'is', null).where('revokedAt', 'is', null).where('expiresAt', '>', now).orderBy('createdAt', 'desc').execute();
      return rows.map(toInvitation);
    },

    async saveGrant(grant: Omit<CoachGrantsTable, 'showNames'> & { showNames?: boolean }): Promise<void> {
      const row = { ...grant, showNames: toFlag(grant.showNames ?? false) };
      await db
        .insertInto('coachGrants')
        .values(row)
        .onConflict((oc) => oc.columns(['explorerId', 'coachId']).doUpdateSet({ scope: row.scope, showNames: row.showNames }))
        .execute();
    },
    async deleteGrant(explorerId: string, coachId: string): Promise<boolean> {
      const result = await db.deleteFrom('coachGrants').where('explorerId', '=', explorerId).where('coachId', '=', coachId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** The coaches an explorer shares with. */
    async grantsBy(explorerId: string): Promise<GrantRow[]> {
      return grantRows('coachId', (q) => q.where('g.explorerId', '=', explorerId));
    },
    /** The explorers who share with a coach; disabled explorers are left out. */
    async grantsTo(coachId: string): Promise<GrantRow[]> {
      return grantRows('explorerId', (q) => q.where('g.coachId', '=', coachId).where('u.disabledAt', 'is', null));
    },
    /** One explorer's grant to one coach, with the explorer's name; none when the explorer is disabled. */
    async grantOf(explorerId: string, coachId: string): Promise<GrantRow | undefined> {
      const [row] = await grantRows('explorerId', (q) => q.where('g.coachId', '=', coachId).where('g.explorerId', '=', explorerId).where('u.disabledAt', 'is', null));
      return row;
    },
    /** Records that a day's reminder is being sent; false when another worker already has. */
    async claimReminder(row: ReminderLogTable): Promise<boolean> {
      const inserted = await db.insertInto('reminderLog').values(row).onConflict((oc) => oc.columns(['userId', 'day']).doNothing()).returning('userId').execute();
      return inserted.length === 1;
    },
    async reminderSent(userId: string, day: string): Promise<boolean> {
      return (await db.selectFrom('reminderLog').select('userId').where('userId', '=', userId).where('day', '=', day).executeTakeFirst()) !== undefined;
    },
    async releaseReminder(userId: string, day: string): Promise<void> {
      await db.deleteFrom('reminderLog').where('userId', '=', userId).where('day', '=', day).execute();
    },
    async reminders(): Promise<ReminderLogTable[]> {
      return db.selectFrom('reminderLog').selectAll().orderBy('day').orderBy('userId').execute();
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
