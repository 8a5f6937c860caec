import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { scoreFrom } from '../../db/score-sql.js';
import { shapedQuery } from '../../db/shaped.js';
import { fromFlag, fromJson } from '../../db/values.js';
import { prepProgress } from '../../shared/prep.js';
import type { Prep } from '../../shared/schemas/interviews.js';
import { ROLE_FIT, WARMTH } from '../coach/ranking.rules.js';
import { DEFAULT_CHECK_IN_DAYS, type AgendaInterview, type AgendaLead, type AgendaPerson, type AgendaReferral, type ItemState } from './followups.rules.js';

const PAST = ['thanked', 'keeping-in-touch'];
/** How many people the agenda may suggest approaching next at one organisation. */
const CANDIDATES_PER_ORGANIZATION = 3;


/** The interview is prepared when every item of the preparation checklist is ticked. */
const prepComplete = (prep: Prep): boolean => prepProgress(prep.checklist).complete;

const personColumns = [
  'c.id',
  'c.name',
  'c.organizationId',
  'o.name as organizationName',
  'c.seniority',
  'c.relationship',
  'c.isHr',
  'c.responsiveness',
] as const;
const toPerson = (r: {
  id: string;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
  seniority: string | null;
  relationship: string;
  isHr: number;
  responsiveness: string;
}): AgendaPerson => ({
  responsiveness: r.responsiveness,
  id: r.id,
  name: r.name,
  organizationId: r.organizationId,
  organizationName: r.organizationName,
  seniority: r.seniority,
  relationship: r.relationship,
  isHR: fromFlag(r.isHr),
});

export function createFollowupsRepository(db: Kysely<Database>) {
  // The best few unasked people at each of many organisations: one small query per
  // organisation, all in one statement; each walks the `contacts_next_candidates` index
  // in ranking order and stops after the first few.
  const best = (organizationId: string, n: number) =>
    db
      .selectFrom(
        db
          .selectFrom('contacts as c')
          .leftJoin('organizations as o', 'o.id', 'c.organizationId')
          .select(personColumns)
          .where('c.organizationId', '=', organizationId)
          .where((eb) =>
            eb.not(eb.exists(eb.selectFrom('interviews as i').select('i.id').whereRef('i.contactId', '=', 'c.id').where('i.status', '!=', 'idea'))),
          )
          .orderBy('c.isHr')
          .orderBy(scoreFrom('c.relationship', WARMTH, 9))
          .orderBy(scoreFrom('c.seniority', ROLE_FIT, 2.5))
          .orderBy('c.sortName')
          .limit(CANDIDATES_PER_ORGANIZATION)
          .as(`best${n}`),
      )
      .selectAll();
  const bestAt = shapedQuery(db, (organizationIds: string[]) => {
    const [first, ...rest] = organizationIds.map(best);
    if (!first) throw new Error('bestAt needs at least one organisation');
    return rest.reduce((query, next) => query.unionAll(next), first);
  });
  return {
    /** Requests, scheduled and held interviews: every one of them can produce agenda items. */
    async pendingInterviews(): Promise<AgendaInterview[]> {
      const rows = await db
        .selectFrom('interviews')
        .select(['id', 'contactId', 'status', 'requestedAt', 'repliedAt', 'scheduledAt', 'heldAt', 'thankedAt', 'takeaways', 'prep', 'followUpPermission'])
        .where('status', 'in', ['requested', 'scheduled', 'held'])
        .execute();
      return rows.map((r) => ({
        id: r.id,
        contactId: r.contactId,
        status: r.status,
        requestedAt: r.requestedAt,
        repliedAt: r.repliedAt,
        scheduledAt: r.scheduledAt,
        heldAt: r.heldAt,
        thankedAt: r.thankedAt,
        hasTakeaways: Boolean(r.takeaways?.trim()),
        prepComplete: prepComplete(fromJson(r.prep, { checklist: {}, research: '', questionIds: [] })),
        followUpPermission: r.followUpPermission === null ? null : Number(r.followUpPermission),
      }));
    },

    /**
     * Past conversations (thanked, keeping in touch) that could matter before `horizon`:
     * those missing takeaways (with their person's other past conversations, so the
     * latest is known), and each person's latest one when it is old enough for a
     * check-in at the shortest interval anyone agreed to. Every read uses an index;
     * the rules then decide exactly.
     */
    async pastInterviews(horizon: string): Promise<AgendaInterview[]> {
      const shortest = await db
        .selectFrom('interviews')
        .select((eb) => eb.fn.min('followUpPermission').as('days'))
        .where('status', 'in', PAST)
        .where('followUpPermission', 'is not', null)
        .executeTakeFirst();
      const days = Math.min(DEFAULT_CHECK_IN_DAYS, Number(shortest?.days ?? DEFAULT_CHECK_IN_DAYS));
      const cutoff = new Date(new Date(horizon).getTime() - (days - 1) * 86_400_000).toISOString();
      const columns = ['i.id', 'i.contactId', 'i.status', 'i.heldAt', 'i.thankedAt', 'i.followUpPermission', 'i.takeaways'] as const;

      const oldEnough = await db
        .selectFrom('interviews as i')
        .select(columns)
        .where('i.status', 'in', PAST)
        .where('i.heldAt', '<', cutoff)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('interviews as j')
                .select('j.id')
                .whereRef('j.contactId', '=', 'i.contactId')
                .where('j.status', 'in', PAST)
                .where((inner) => inner.or([inner('j.heldAt', '>', inner.ref('i.heldAt')), inner.and([inner('j.heldAt', '=', inner.ref('i.heldAt')), inner('j.id', '>', inner.ref('i.id'))])])),
            ),
          ),
        )
        .execute();
      const undebriefed = await db
        .selectFrom('interviews as i')
        .select(['i.contactId'])
        .where('i.status', 'in', PAST)
        .where('i.takeaways', 'is', null)
        .execute();
      const people = [...new Set(undebriefed.map((r) => r.contactId))];
      const theirs = [];
      for (let k = 0; k < people.length; k += 500) {
        theirs.push(
          ...(await db
            .selectFrom('interviews as i')
            .select(columns)
            .where('i.contactId', 'in', people.slice(k, k + 500))
            .where('i.status', 'in', PAST)
            .execute()),
        );
      }
      const byId = new Map([...oldEnough, ...theirs].map((r) => [r.id, r]));
      return [...byId.values()].map((r) => ({
        id: r.id,
        contactId: r.contactId,
        status: r.status,
        requestedAt: null,
        repliedAt: null,
        scheduledAt: null,
        heldAt: r.heldAt,
        thankedAt: r.thankedAt,
        hasTakeaways: Boolean(r.takeaways?.trim()),
        prepComplete: true,
        followUpPermission: r.followUpPermission === null ? null : Number(r.followUpPermission),
      }));
    },

    async openReferrals(): Promise<AgendaReferral[]> {
      return db
        .selectFrom('referrals')
        .select(['id', 'fromContactId', 'toContactId', 'status', 'reportedBackAt', 'createdAt', 'updatedAt'])
        .where((eb) => eb.or([eb('status', '=', 'suggested'), eb.and([eb('status', '=', 'interviewed'), eb('reportedBackAt', 'is', null)])]))
        .execute();
    },

    /** Leads not closed whose next step has a date. */
    async openLeads(): Promise<AgendaLead[]> {
      const rows = await db
        .selectFrom('leads')
        .select(['id', 'title', 'status', 'nextStep', 'nextStepAt', 'contactId', 'interviewId', 'organizationId', 'mayNamePerson'])
        .where('status', '!=', 'closed')
        .where('nextStepAt', 'is not', null)
        .execute();
      return rows.map((r) => ({ ...r, nextStepAt: r.nextStepAt ?? '', mayNamePerson: fromFlag(r.mayNamePerson) }));
    },

    async people(ids: string[]): Promise<Map<string, AgendaPerson>> {
      const out = new Map<string, AgendaPerson>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('contacts as c')
          .leftJoin('organizations as o', 'o.id', 'c.organizationId')
          .select(personColumns)
          .where('c.id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const r of rows) out.set(r.id, toPerson(r));
      }
      return out;
    },

    /**
     * The best few people at each organisation who have never been asked for a
     * conversation, ordered in SQL by the same warmth and role-fit tables the rules use.
     */
    async unaskedAt(organizationIds: string[]): Promise<AgendaPerson[]> {
      if (organizationIds.length === 0) return [];
      const out: AgendaPerson[] = [];
      for (let i = 0; i < organizationIds.length; i += 200) {
        const rows = await bestAt(organizationIds.slice(i, i + 200));
        out.push(...rows.map(toPerson));
      }
      return out;
    },

    async lastInteractions(contactIds: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (let i = 0; i < contactIds.length; i += 500) {
        const rows = await db
          .selectFrom('interactions')
          .select((eb) => ['contactId', eb.fn.max('occurredAt').as('last')])
          .where('contactId', 'in', contactIds.slice(i, i + 500))
          .groupBy('contactId')
          .execute();
        for (const r of rows) if (r.last) out.set(r.contactId, String(r.last));
      }
      return out;
    },

    async states(): Promise<Map<string, ItemState>> {
      const rows = await db.selectFrom('agendaItemStates').selectAll().execute();
      return new Map(rows.map((r) => [r.key, { state: r.state as ItemState['state'], snoozedUntil: r.snoozedUntil }]));
    },

    async setState(key: string, state: ItemState['state'], snoozedUntil: string | null, at: string): Promise<void> {
      if (state === 'open') {
        await db.deleteFrom('agendaItemStates').where('key', '=', key).execute();
        return;
      }
      await db
        .insertInto('agendaItemStates')
        .values({ key, state, snoozedUntil, updatedAt: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ state, snoozedUntil, updatedAt: at }))
        .execute();
    },

    async setting(key: string): Promise<string | undefined> {
      return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
    },

    async saveSetting(key: string, value: string, at: string): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value, updatedAt: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: at }))
        .execute();
    },
  };
}

export type FollowupsRepository = ReturnType<typeof createFollowupsRepository>;
