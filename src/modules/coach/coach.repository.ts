import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import { literal, scoreFrom } from '../../db/score-sql.js';
import { fromFlag } from '../../db/values.js';
import { MAX_FIT, MAX_WARMTH, ROLE_FIT, SCORE, WARMTH, type RankingCandidate } from './ranking.rules.js';

const n = literal;

/**
 * The ranking's score without its one interaction-dependent part (recent contact),
 * written in SQL from the same weights and tables as rankSuggestions.
 */
const baseScore: RawBuilder<number> = sql<number>`(
  (${n(MAX_WARMTH)} - ${scoreFrom('c.relationship', WARMTH, MAX_WARMTH)}) * ${n(SCORE.warmth)}
  + case when c.is_hr = 1 then ${n(SCORE.hr)}
         when c.seniority is null then ${n(SCORE.unknownSeniority)}
         else (${n(MAX_FIT)} - ${scoreFrom('c.seniority', ROLE_FIT, MAX_FIT)}) * ${n(SCORE.fit)} end
  + case when o.id is not null then o.motivation * ${n(SCORE.motivation)} + o.posting * ${n(SCORE.posting)} + case when o.advocacy = 1 then ${n(SCORE.advocacy)} else 0 end else 0 end
  + case c.responsiveness when 'booster' then ${n(SCORE.booster)} when 'curmudgeon' then ${n(SCORE.curmudgeon)} else 0 end
)`;

export function createCoachRepository(db: Kysely<Database>) {
  const unasked = (filters: { explorationId?: string | undefined; organizationId?: string | undefined }) => {
    let q = db
      .selectFrom('contacts as c')
      .leftJoin('organizations as o', 'o.id', 'c.organizationId')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('interviews as i').select('i.id').whereRef('i.contactId', '=', 'c.id').where('i.status', '!=', 'idea'))));
    if (filters.organizationId) q = q.where('c.organizationId', '=', filters.organizationId);
    if (filters.explorationId) {
      const explorationId = filters.explorationId;
      // In the exploration: through their organisation, or themselves (a referral with no organisation yet).
      q = q.where((eb) =>
        eb.or([
          eb('c.organizationId', 'in', eb.selectFrom('explorationOrganizations').select('organizationId').where('explorationId', '=', explorationId)),
          eb('c.id', 'in', eb.selectFrom('contactExplorations').select('contactId').where('explorationId', '=', explorationId)),
        ]),
      );
    }
    return q;
  };

  return {
    /**
     * People never asked for a conversation who could be among the best `top`:
     * everyone within the recent-contact bonus of the `top`-th best score without
     * it. Ranking these gives exactly the same first `top` as ranking everyone,
     * without reading every person's interactions.
     */
    async unaskedCandidates(filters: { explorationId?: string | undefined; organizationId?: string | undefined }, top?: number): Promise<RankingCandidate[]> {
      let q = unasked(filters)
        .select(['c.id', 'c.name', 'c.relationship', 'c.seniority', 'c.isHr', 'c.responsiveness', 'c.organizationId', 'o.name as organizationName', 'o.motivation', 'o.posting', 'o.advocacy'])
        .select((eb) => eb.selectFrom('interactions as x').select((e) => e.fn.max('x.occurredAt').as('m')).whereRef('x.contactId', '=', 'c.id').as('lastInteractionAt'));
      if (top) {
        const cut = await unasked(filters).select(baseScore.as('base')).orderBy(baseScore, 'desc').limit(1).offset(top - 1).executeTakeFirst();
        if (cut) q = q.where(baseScore, '>=', n(Number(cut.base) - SCORE.recent));
      }
      const rows = await q.execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        relationship: r.relationship,
        seniority: r.seniority,
        isHR: fromFlag(r.isHr),
        responsiveness: r.responsiveness,
        organizationId: r.organizationId,
        organizationName: r.organizationName,
        motivation: r.motivation === null ? null : Number(r.motivation),
        posting: r.posting === null ? null : Number(r.posting),
        advocacy: fromFlag(r.advocacy),
        lastInteractionAt: (r.lastInteractionAt as string | null) ?? null,
      }));
    },

    /** The ranking's base score as SQL computes it, for a test that holds SQL and rules together. */
    async baseScores(): Promise<Map<string, number>> {
      const rows = await unasked({}).select(['c.id', baseScore.as('base')]).execute();
      return new Map(rows.map((r) => [r.id, Number(r.base)]));
    },
  };
}
