import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: the other person's time zone (an IANA name, null when not known), and where an
 * organisation is (free text such as "Berlin, Germany"), from which a person's zone is suggested.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('time_zone', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('location', 'text').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('location').execute();
  await db.schema.alterTable('contacts').dropColumn('time_zone').execute();
}
