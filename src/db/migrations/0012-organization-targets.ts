import { sql, type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: whether an organisation is on the user's target list. Organisations the user
 * adds are; employers that arrive with imported people are not, until the user ranks them
 * (sets motivation, posting or an alumni link). Every existing organisation stays a target.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('is_target', 'integer', (c) => c.notNull().defaultTo(sql`1`))
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('is_target').execute();
}
