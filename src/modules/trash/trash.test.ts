import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, TEST_NOW, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { DATA_TABLES } from '../../db/tables.js';
import { settableClock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { createNoteInput } from '../../shared/schemas/conversation.js';
import { createLeadInput, createReferralInput } from '../../shared/schemas/index.js';
import { deleteContact } from '../contacts/contacts.usecases.js';
import { addNote } from '../conversation/conversation.usecases.js';
import { createExploration } from '../explorations/explorations.usecases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { deleteInterview } from '../interviews/interviews.usecases.js';
import { createLead } from '../leads/leads.usecases.js';
import { deleteOrganization } from '../organizations/organizations.usecases.js';
import { createReferral } from '../referrals/referrals.usecases.js';
import { search } from '../search/search.usecases.js';
import { purgeTrash, restoreFromTrash } from './trash.usecases.js';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe.each(dialects)('the trash on %s', (dialect) => {
  let w: TestWorkspace;
  const clock = settableClock(TEST_NOW);
  beforeAll(async () => {
    w = await createTestWorkspace(dialect, clock);
  });
  afterAll(async () => w?.dispose());

  /** Every row of every data table (search documents included), in a stable order. */
  async function everything(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const table of DATA_TABLES) {
      const rows = await w.handle.db.selectFrom(table).selectAll().execute();
      out[table] = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))).sort();
    }
    return out;
  }

  /** A person with everything that can hang off one: tags, an interview with notes and an exploration, interactions, referrals both ways. */
  async function aBusyPerson(name: string) {
    const ctx = w.ctx;
    const { exploration } = await createExploration({ ctx, input: { title: `${name} path`, kind: 'role', transition: 'change-career', status: 'active' } });
    const org = await anOrganization(ctx, { name: `${name} Org`, explorationIds: [exploration.id], motivation: 2 });
    const referrer = await aContact(ctx, { name: `${name} Referrer` });
    const person = await aContact(ctx, { name, organizationId: org.id, tags: ['mentor', 'design'], referredById: referrer.id });
    const referred = await aContact(ctx, { name: `${name} Referred`, referredById: person.id });
    const interview = await anInterview(ctx, { contactId: person.id, explorationIds: [exploration.id], objective: 'Learn the craft' });
    await addNote({ ctx, interviewId: interview.id, input: createNoteInput.parse({ body: `${name} says portfolios matter` }) });
    await createInteraction({ ctx, input: { contactId: person.id, interviewId: interview.id, kind: 'email-sent', summary: 'Asked for 20 minutes' } });
    await createReferral({ ctx, input: createReferralInput.parse({ fromContactId: person.id, toContactId: referred.id, interviewId: interview.id }) });
    await createReferral({ ctx, input: createReferralInput.parse({ fromContactId: referrer.id, toContactId: person.id }) });
    // Someone else's referral that came out of this person's interview.
    await createReferral({ ctx, input: createReferralInput.parse({ fromContactId: referrer.id, toContactId: referred.id, interviewId: interview.id }) });
    // A lead heard in this person's conversation: it outlives a delete, which only clears its links.
    const { lead } = await createLead({ ctx, input: createLeadInput.parse({ title: `${name} team is growing`, interviewId: interview.id, nextStep: 'Watch the careers page', nextStepAt: '2026-03-20T09:00:00.000Z' }) });
    return { exploration, org, referrer, person, referred, interview, lead };
  }

  it('deleting a person and restoring them gives back every row, dependents and links included', async () => {
    const { person, lead } = await aBusyPerson('Noor Haddad');
    const before = await everything();
    const deleted = await deleteContact({ ctx: w.ctx, id: person.id });
    expect(await w.ctx.repos.leads.get(lead.id)).toMatchObject({ title: 'Noor Haddad team is growing', contactId: null, interviewId: null });
    expect(deleted.undoUntil).toBe('2026-03-17T10:00:00.000Z');
    const gone = await everything();
    expect(gone.contacts?.some((r) => r.includes(person.id))).toBe(false);
    expect(gone.interviewNotes?.some((r) => r.includes('Noor Haddad says'))).toBe(false);
    expect((await search({ ctx: w.ctx, query: 'Noor Haddad' })).items.map((h) => h.id)).not.toContain(person.id);

    const restored = await restoreFromTrash({ ctx: w.ctx, id: deleted.trashId });
    expect(restored).toEqual({ restored: true, type: 'contact', id: person.id, label: 'Noor Haddad' });
    expect(await everything()).toEqual(before);
    expect((await search({ ctx: w.ctx, query: 'portfolios' })).items.map((h) => h.type)).toContain('interview');
    await expectCode(restoreFromTrash({ ctx: w.ctx, id: deleted.trashId }), 'trash.not_found');
  });

  it('deleting an organisation and restoring it puts its people back at it', async () => {
    const { org, person } = await aBusyPerson('Ines Duarte');
    const before = await everything();
    const deleted = await deleteOrganization({ ctx: w.ctx, id: org.id });
    expect((await w.ctx.repos.contacts.get(person.id))?.organizationId).toBeNull();
    await restoreFromTrash({ ctx: w.ctx, id: deleted.trashId });
    expect(await everything()).toEqual(before);
    expect((await search({ ctx: w.ctx, query: 'Ines Duarte Org' })).items.map((h) => h.id)).toContain(org.id);
  });

  it('deleting an interview and restoring it brings back its notes and the links to it', async () => {
    const { interview } = await aBusyPerson('Tomas Berg');
    const before = await everything();
    const deleted = await deleteInterview({ ctx: w.ctx, id: interview.id });
    expect((await everything()).interviewNotes?.some((r) => r.includes('Tomas Berg says'))).toBe(false);
    await restoreFromTrash({ ctx: w.ctx, id: deleted.trashId });
    expect(await everything()).toEqual(before);
  });

  it('restores what it still can when something it pointed at was deleted for good meanwhile', async () => {
    const { person, referred, org } = await aBusyPerson('Maya Lind');
    const first = await deleteContact({ ctx: w.ctx, id: person.id });
    await deleteContact({ ctx: w.ctx, id: referred.id });
    await deleteOrganization({ ctx: w.ctx, id: org.id });
    await restoreFromTrash({ ctx: w.ctx, id: first.trashId });
    const back = await w.ctx.repos.contacts.get(person.id);
    expect(back).toMatchObject({ name: 'Maya Lind', organizationId: null, tags: ['design', 'mentor'] });
    const referrals = await w.ctx.repos.referrals.list({ contactId: person.id }, { field: 'createdAt', direction: 'asc' }, { limit: 10, offset: 0 });
    expect(referrals.items.map((r) => r.from.name)).toEqual(['Maya Lind Referrer']);
  });

  it('keeps deleted items for seven days, then forgets them', async () => {
    const someone = await aContact(w.ctx, { name: 'Short Stay' });
    const deleted = await deleteContact({ ctx: w.ctx, id: someone.id });
    clock.set('2026-03-17T09:59:00.000Z');
    expect((await purgeTrash({ ctx: w.ctx })).purged).toBe(0);
    expect(await w.ctx.repos.trash.get(deleted.trashId)).toBeDefined();
    clock.set('2026-03-17T10:01:00.000Z');
    const { purged } = await purgeTrash({ ctx: w.ctx });
    expect(purged).toBeGreaterThan(0);
    expect(await w.ctx.repos.trash.count()).toBe(0);
    await expectCode(restoreFromTrash({ ctx: w.ctx, id: deleted.trashId }), 'trash.not_found');
    expect(await w.ctx.repos.contacts.get(someone.id)).toBeUndefined();
    clock.set(TEST_NOW);
  });
});
