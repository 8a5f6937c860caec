import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { fromFlag } from '../../db/values.js';
import type { RankingCandidate } from './ranking.rules.js';

export function createCoachRepository(db: Kysely<Database>) {
  return {
    /** People never asked for a conversation, with what the ranking weighs. */
    async unaskedCandidates(filters: { explorationId?: string | undefined; organizationId?: string | undefined }): Promise<RankingCandidate[]> {
      let q = db
        .selectFrom('contacts as c')
        .leftJoin('organizations as o', 'o.id', 'c.organizationId')
        .select(['c.id', 'c.name', 'c.relationship', 'c.seniority', 'c.isHr', 'c.responsiveness', 'c.organizationId', 'o.name as organizationName', 'o.motivation', 'o.posting', 'o.advocacy'])
        .select((eb) => eb.selectFrom('interactions as x').select((e) => e.fn.max('x.occurredAt').as('m')).whereRef('x.contactId', '=', 'c.id').as('lastInteractionAt'))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('interviews as i').select('i.id').whereRef('i.contactId', '=', 'c.id').where('i.status', '!=', 'idea'))));
      if (filters.organizationId) q = q.where('c.organizationId', '=', filters.organizationId);
      if (filters.explorationId) {
        const explorationId = filters.explorationId;
        q = q.where('c.organizationId', 'in', db.selectFrom('explorationOrganizations').select('organizationId').where('explorationId', '=', explorationId));
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
  };
}
