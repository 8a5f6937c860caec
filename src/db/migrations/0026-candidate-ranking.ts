import { sql, type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: an index in the order the agenda suggests whom to approach next at an
 * organisation (HR last, then warmth, then role fit, then name), so the best few
 * unasked people at each organisation are read from the index's first entries
 * instead of ranking everyone there. The two score expressions copy the coaching
 * ranking's tables as they were when this was written; should those tables change,
 * the query still orders correctly and simply stops using this index.
 */
const WARMTH = `case "relationship" when 'family' then 0 when 'friend' then 0 when 'former-colleague' then 1 when 'classmate' then 1 when 'referral' then 2 when 'alumni' then 3 when 'linkedin-connection' then 4 when 'cold' then 5 else 9 end`;
const FIT = `case "seniority" when 'one-step-above' then 0 when 'peer' then 1 when 'senior' then 2 when 'junior' then 3 when 'executive' then 4 else 2.5 end`;

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await sql`create index contacts_next_candidates on contacts (organization_id, is_hr, (${sql.raw(WARMTH)}), (${sql.raw(FIT)}), sort_name)`.execute(db);
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('contacts_next_candidates').ifExists().execute();
}
