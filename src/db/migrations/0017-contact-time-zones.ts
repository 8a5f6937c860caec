import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/** Frozen: the other person's time zone (an IANA name), or null when not known. */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('time_zone', 'text').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('time_zone').execute();
}
