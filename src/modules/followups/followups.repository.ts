import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { fromFlag, fromJson } from '../../db/values.js';
import type { Prep } from '../../shared/schemas/interviews.js';
import type { AgendaInterview, AgendaPerson, AgendaReferral, ItemState } from './followups.rules.js';

/** Interview states that can still produce agenda items. */
const ACTIVE = ['requested', 'scheduled', 'held', 'thanked', 'keeping-in-touch'];
/** Prep checklist items that make an interview "prepared" (the coaching checklist refines this). */
export const PREP_KEYS = ['company', 'values', 'why-care', 'person', 'goal', 'next-steps', 'pitch', 'questions', 'logistics'];

function prepComplete(prep: Prep): boolean {
  return PREP_KEYS.every((key) => prep.checklist[key] === true);
}

const personColumns = [
  'c.id',
  'c.name',
  'c.organizationId',
  'o.name as organizationName',
  'c.seniority',
  'c.relationship',
  'c.isHr',
] as const;
const toPerson = (r: { id: string; name: string; organizationId: string | null; organizationName: string | null; seniority: string | null; relationship: string; isHr: number }): AgendaPerson => ({
  id: r.id,
  name: r.name,
  organizationId: r.organizationId,
  organizationName: r.organizationName,
  seniority: r.seniority,
  relationship: r.relationship,
  isHR: fromFlag(r.isHr),
});

export function createFollowupsRepository(db: Kysely<Database>) {
  return {
    async activeInterviews(): Promise<AgendaInterview[]> {
      const rows = await db
        .selectFrom('interviews')
        .select(['id', 'contactId', 'status', 'requestedAt', 'repliedAt', 'scheduledAt', 'heldAt', 'thankedAt', 'takeaways', 'prep', 'followUpPermission'])
        .where('status', 'in', ACTIVE)
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
        prepComplete: r.status === 'scheduled' ? prepComplete(fromJson(r.prep, { checklist: {}, research: '', questionIds: [] })) : true,
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

    /** People at these organisations who have never been asked for a conversation. */
    async unaskedAt(organizationIds: string[]): Promise<AgendaPerson[]> {
      if (organizationIds.length === 0) return [];
      const out: AgendaPerson[] = [];
      for (let i = 0; i < organizationIds.length; i += 500) {
        const rows = await db
          .selectFrom('contacts as c')
          .leftJoin('organizations as o', 'o.id', 'c.organizationId')
          .select(personColumns)
          .where('c.organizationId', 'in', organizationIds.slice(i, i + 500))
          .where((eb) =>
            eb.not(eb.exists(eb.selectFrom('interviews as i').select('i.id').whereRef('i.contactId', '=', 'c.id').where('i.status', '!=', 'idea'))),
          )
          .execute();
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

    async requestHistory(contactId: string) {
      return db.selectFrom('interviews').select(['status', 'requestedAt', 'repliedAt']).where('contactId', '=', contactId).execute();
    },

    async setResponsiveness(contactId: string, responsiveness: string): Promise<void> {
      await db.updateTable('contacts').set({ responsiveness }).where('id', '=', contactId).where('responsiveness', '!=', responsiveness).execute();
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
