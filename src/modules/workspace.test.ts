import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../test/fixtures/databases.js';
import { AppError } from '../shared/errors.js';
import { createExploration, updateExploration } from './explorations/explorations.usecases.js';
import { deleteContact, listContacts, updateContact } from './contacts/contacts.usecases.js';
import { createInteraction } from './interactions/interactions.usecases.js';
import { getInterview, transitionInterview, updateInterview } from './interviews/interviews.usecases.js';
import { deleteOrganization, listOrganizations, updateOrganization } from './organizations/organizations.usecases.js';
import { getProfile, updateProfile } from './profile/profile.usecases.js';
import { createReferral } from './referrals/referrals.usecases.js';
import { search } from './search/search.usecases.js';
import { contactTimeline } from './timeline/timeline.usecases.js';

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected ${code}`);
}

describe.each(dialects)('the workspace on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('adds a person, deriving the display name and the HR flag', async () => {
    const org = await anOrganization(w.ctx, { name: 'Acme Health' });
    const c = await aContact(w.ctx, {
      name: undefined,
      givenName: 'Hana',
      familyName: 'Recruiter',
      title: 'Talent Acquisition Partner',
      organizationId: org.id,
      tags: ['hr', 'acme', 'hr'],
      emails: [{ value: 'hana@acme.example', label: 'work' }],
    });
    expect(c).toMatchObject({
      name: 'Hana Recruiter',
      isHR: true,
      isHRManual: false,
      organization: { id: org.id, name: 'Acme Health' },
      tags: ['acme', 'hr'],
      emails: [{ value: 'hana@acme.example', label: 'work' }],
      relationship: 'cold',
      responsiveness: 'unknown',
      createdAt: '2026-03-10T10:00:00.000Z',
    });
    const overridden = await updateContact({ ctx: w.ctx, id: c.id, input: { isHR: false } });
    expect(overridden.contact).toMatchObject({ isHR: false, isHRManual: true });
    const derived = await updateContact({ ctx: w.ctx, id: c.id, input: { isHR: null } });
    expect(derived.contact).toMatchObject({ isHR: true, isHRManual: false });
  });

  it('refuses a person whose organisation does not exist, naming the field, and writes nothing', async () => {
    const before = await listContacts({ ctx: w.ctx, filters: {}, sort: { field: 'name', direction: 'asc' }, page: { limit: 500, offset: 0 } });
    const error = await expectCode(aContact(w.ctx, { organizationId: '01900000-0000-7000-8000-000000000000' }), 'validation.failed');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^organizationId:/);
    const after = await listContacts({ ctx: w.ctx, filters: {}, sort: { field: 'name', direction: 'asc' }, page: { limit: 500, offset: 0 } });
    expect(after.total).toBe(before.total);
  });

  it('lists people with filters, sorting and pagination identical on both databases', async () => {
    const org = await anOrganization(w.ctx, { name: 'Filter Co' });
    const names = ['zed Zulu', 'Émile Alpha', 'bob Bravo', 'Ann Charlie'];
    for (const [i, name] of names.entries()) {
      await aContact(w.ctx, { name, organizationId: org.id, relationship: i % 2 === 0 ? 'friend' : 'alumni', tags: i < 2 ? ['pick'] : [] });
    }
    const page1 = await listContacts({
      ctx: w.ctx,
      filters: { organizationId: org.id },
      sort: { field: 'name', direction: 'asc' },
      page: { limit: 3, offset: 0 },
    });
    expect(page1.total).toBe(4);
    expect(page1.items.map((c) => c.name)).toEqual(['Ann Charlie', 'bob Bravo', 'Émile Alpha']);
    const page2 = await listContacts({ ctx: w.ctx, filters: { organizationId: org.id }, sort: { field: 'name', direction: 'asc' }, page: { limit: 3, offset: 3 } });
    expect(page2.items.map((c) => c.name)).toEqual(['zed Zulu']);
    const friends = await listContacts({ ctx: w.ctx, filters: { organizationId: org.id, relationship: ['friend'] }, sort: { field: 'name', direction: 'desc' }, page: { limit: 10, offset: 0 } });
    expect(friends.items.map((c) => c.name)).toEqual(['zed Zulu', 'bob Bravo']);
    const tagged = await listContacts({ ctx: w.ctx, filters: { tag: 'pick' }, sort: { field: 'name', direction: 'asc' }, page: { limit: 10, offset: 0 } });
    expect(tagged.items.map((c) => c.name)).toEqual(['Émile Alpha', 'zed Zulu']);
  });

  it('filters people and organisations by exploration', async () => {
    const { exploration } = await createExploration({
      ctx: w.ctx,
      input: { title: 'Service design', kind: 'role', transition: 'change-career', status: 'active' },
    });
    const org = await anOrganization(w.ctx, { name: 'Linked Org', explorationIds: [exploration.id] });
    const atOrg = await aContact(w.ctx, { name: 'Org Person', organizationId: org.id });
    const viaInterview = await aContact(w.ctx, { name: 'Interview Person' });
    await anInterview(w.ctx, { contactId: viaInterview.id, explorationIds: [exploration.id] });
    const people = await listContacts({ ctx: w.ctx, filters: { explorationId: exploration.id }, sort: { field: 'name', direction: 'asc' }, page: { limit: 10, offset: 0 } });
    expect(people.items.map((c) => c.id).sort()).toEqual([atOrg.id, viaInterview.id].sort());
    const orgs = await listOrganizations({ ctx: w.ctx, filters: { explorationId: exploration.id }, sort: { field: 'rank', direction: 'asc' }, page: { limit: 10, offset: 0 } });
    expect(orgs.items.map((o) => o.name)).toEqual(['Linked Org']);
    const updated = await updateExploration({ ctx: w.ctx, id: exploration.id, input: { leanings: { fit: 2 }, status: 'paused' } });
    expect(updated.exploration).toMatchObject({ status: 'paused', leanings: { success: null, fit: 2, desire: null, prospects: null } });
  });

  it('ranks the target list by motivation, then posting, then advocacy', async () => {
    const low = await anOrganization(w.ctx, { name: 'Rank Low', motivation: 1, posting: 3 });
    const mid = await anOrganization(w.ctx, { name: 'Rank Mid', motivation: 3, posting: 1, advocacy: true });
    const top = await anOrganization(w.ctx, { name: 'Rank Top', motivation: 3, posting: 2 });
    const list = await listOrganizations({ ctx: w.ctx, filters: {}, sort: { field: 'rank', direction: 'asc' }, page: { limit: 100, offset: 0 } });
    const order = list.items.map((o) => o.id).filter((id) => [low.id, mid.id, top.id].includes(id));
    expect(order).toEqual([top.id, mid.id, low.id]);
    expect(list.items.map((o) => o.rank)).toEqual(list.items.map((_, i) => i + 1));
  });

  it('moves an interview through its lifecycle and refuses an illegal move without writing', async () => {
    const person = await aContact(w.ctx, { name: 'Lifecycle Person' });
    const interview = await anInterview(w.ctx, { contactId: person.id });
    expect(interview.status).toBe('idea');
    const requested = await transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'requested', at: '2026-03-06T15:00:00+01:00' } });
    expect(requested.interview).toMatchObject({ status: 'requested', requestedAt: '2026-03-06T14:00:00.000Z' });
    const error = await expectCode(transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'thanked' } }), 'interviews.illegal_transition');
    expect(error.status).toBe(409);
    expect((await getInterview({ ctx: w.ctx, id: interview.id })).interview).toEqual(requested.interview);
    await transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'scheduled', scheduledAt: '2026-03-12T09:30:00Z' } });
    await transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'held' } });
    const thanked = await transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'thanked', thankYouFormat: 'handwritten' } });
    expect(thanked.interview).toMatchObject({
      status: 'thanked',
      scheduledAt: '2026-03-12T09:30:00.000Z',
      heldAt: '2026-03-10T10:00:00.000Z',
      thankYouFormat: 'handwritten',
      contact: { id: person.id, name: 'Lifecycle Person' },
    });
    await expectCode(updateInterview({ ctx: w.ctx, id: interview.id, input: { notes: 'x', prep: { checklist: {}, research: '', questionIds: ['01900000-0000-7000-8000-000000000000'] } } }), 'validation.failed');
    expect((await getInterview({ ctx: w.ctx, id: interview.id })).interview.notes).toBeNull();
  });

  it('builds a timeline of interactions, interviews and referrals in date order', async () => {
    const a = await aContact(w.ctx, { name: 'Timeline A' });
    const b = await aContact(w.ctx, { name: 'Timeline B' });
    const interview = await anInterview(w.ctx, { contactId: a.id, status: 'held', heldAt: '2026-03-05T10:00:00Z' });
    await createInteraction({ ctx: w.ctx, input: { contactId: a.id, kind: 'email-sent', occurredAt: '2026-03-01T09:00:00Z', summary: 'Asked for 20 minutes' } });
    await createInteraction({ ctx: w.ctx, input: { contactId: a.id, kind: 'thank-you', occurredAt: '2026-03-06T09:00:00Z', summary: 'Thanks!' } });
    const { referral } = await createReferral({ ctx: w.ctx, input: { fromContactId: a.id, toContactId: b.id, interviewId: interview.id, status: 'suggested' } });
    expect(referral).toMatchObject({ from: { name: 'Timeline A' }, to: { name: 'Timeline B' } });
    await expectCode(createReferral({ ctx: w.ctx, input: { fromContactId: a.id, toContactId: b.id, status: 'suggested' } }), 'referrals.duplicate');
    const timeline = await contactTimeline({ ctx: w.ctx, contactId: a.id, order: 'asc' });
    expect(timeline.items.map((e) => e.type)).toEqual(['interaction', 'interview', 'interaction', 'referral']);
    const referred = await contactTimeline({ ctx: w.ctx, contactId: b.id });
    expect(referred.items[0]).toMatchObject({ type: 'referral', direction: 'received' });
  });

  it('searches with prefixes, ranks name matches first and returns highlighted snippets', async () => {
    const org = await anOrganization(w.ctx, { name: 'Quillfeather Analytics', industry: 'Market research' });
    const person = await aContact(w.ctx, { name: 'Quentin Quillfeather', title: 'Research Lead' });
    await aContact(w.ctx, { name: 'Other Person', notes: 'Met at the Quillfeather offsite' });
    const interview = await anInterview(w.ctx, { contactId: person.id, notes: 'Talked about longitudinal diary studies and synthesis.' });
    const result = await search({ ctx: w.ctx, query: 'quillf' });
    expect(result.items.map((h) => h.title)).toContain('Quentin Quillfeather');
    expect(result.items.map((h) => h.title)).toContain('Quillfeather Analytics');
    const last = result.items.findIndex((h) => h.title === 'Other Person');
    expect(last).toBeGreaterThan(result.items.findIndex((h) => h.title === 'Quentin Quillfeather'));
    const notes = await search({ ctx: w.ctx, query: 'diary synth', types: ['interview'] });
    expect(notes.items).toHaveLength(1);
    expect(notes.items[0]).toMatchObject({ type: 'interview', id: interview.id, contactId: person.id, title: 'Interview with Quentin Quillfeather' });
    expect(notes.items[0]?.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual(expect.arrayContaining(['diary']));
    expect((await search({ ctx: w.ctx, query: '"); drop table contacts; --' })).items).toEqual([]);

    await updateOrganization({ ctx: w.ctx, id: org.id, input: { name: 'Zephyrine Insights' } });
    expect((await search({ ctx: w.ctx, query: 'zephyr' })).items.map((h) => h.type)).toEqual(['organization']);
    await deleteOrganization({ ctx: w.ctx, id: org.id });
    expect((await search({ ctx: w.ctx, query: 'zephyr' })).items).toEqual([]);
    await deleteContact({ ctx: w.ctx, id: person.id });
    expect((await search({ ctx: w.ctx, query: 'diary' })).items).toEqual([]);
  });

  it('keeps one profile with a time zone, working days and holidays', async () => {
    expect((await getProfile({ ctx: w.ctx })).profile).toMatchObject({ timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], updatedAt: null });
    const { profile } = await updateProfile({
      ctx: w.ctx,
      input: { name: 'Sam', timeZone: 'America/New_York', workingDays: [5, 1, 2], holidays: ['2026-12-25', '2026-07-04', '2026-12-25'] },
    });
    expect(profile).toMatchObject({ name: 'Sam', workingDays: [1, 2, 5], holidays: ['2026-07-04', '2026-12-25'] });
  });
});
