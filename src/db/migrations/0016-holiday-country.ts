import { type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: where the user works, for public holidays. `country` is an ISO 3166-1 code
 * ('' when not chosen) and `region` a subdivision code such as 'SCT' or 'BY' ('' for
 * the whole country). The user's own days off stay in `holidays`.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('profile').addColumn('country', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('profile').addColumn('region', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('profile').dropColumn('region').execute();
  await db.schema.alterTable('profile').dropColumn('country').execute();
}
