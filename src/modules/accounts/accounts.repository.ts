import type { Kysely } from 'kysely';
import type { Database, SessionsTable, SignInFailuresTable, UsersTable } from '../../db/database.js';
import type { Role, User } from '../../shared/schemas/accounts.js';

const toUser = (r: UsersTable): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  disabledAt: r.disabledAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** Users, sessions and failed sign-ins: the only SQL about accounts. */
export function createAccountsRepository(db: Kysely<Database>) {
  return {
    async insertUser(row: UsersTable): Promise<void> {
      await db.insertInto('users').values(row).execute();
    },
    async userByEmail(email: string): Promise<(User & { passwordHash: string }) | undefined> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row && { ...toUser(row), passwordHash: row.passwordHash };
    },
    async userById(id: string): Promise<(User & { passwordHash: string }) | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { ...toUser(row), passwordHash: row.passwordHash };
    },
    async users(): Promise<User[]> {
      return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
    },
    async updateUser(id: string, patch: Partial<UsersTable>): Promise<void> {
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
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

    async failures(key: string): Promise<SignInFailuresTable | undefined> {
      return db.selectFrom('signInFailures').selectAll().where('key', '=', key).executeTakeFirst();
    },
    async saveFailures(row: SignInFailuresTable): Promise<void> {
      await db
        .insertInto('signInFailures')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ windowStartedAt: row.windowStartedAt, failures: row.failures, blockedUntil: row.blockedUntil }))
        .execute();
    },
    async clearFailures(key: string): Promise<void> {
      await db.deleteFrom('signInFailures').where('key', '=', key).execute();
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
