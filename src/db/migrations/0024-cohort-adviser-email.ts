import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: a cohort upload may name as a student's adviser someone invited in the same
 * file, who has no account yet. The invitation keeps that adviser's address, so whoever
 * joins first (the student or the adviser) is linked to the other once both are in.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('adviser_email', 'text').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('adviser_email').execute();
}
