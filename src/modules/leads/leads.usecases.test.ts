import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../../test/fixtures/builders.js';
import { rejection } from '../../../test/fixtures/errors.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createLeadInput, updateLeadInput } from '../../shared/schemas/leads.js';
import { createExploration } from '../explorations/explorations.usecases.js';
import { getAgenda } from '../followups/followups.usecases.js';
import { search } from '../search/search.usecases.js';
import { createLead, deleteLead, getLead, listLeads, updateLead } from './leads.usecases.js';


const byTitle = { field: 'title', direction: 'asc' } as const;
const all = { limit: 50, offset: 0 };

describe.each(dialects)('leads on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('takes the person and the organisation from the conversation a lead was heard in', async () => {
    const ctx = w.ctx;
    const { exploration } = await createExploration({ ctx, input: { title: 'Product design', kind: 'role', transition: 'change-career', status: 'active' } });
    const org = await anOrganization(ctx, { name: 'Kestrel Labs', explorationIds: [exploration.id] });
    const person = await aContact(ctx, { name: 'Ana Ruiz', organizationId: org.id });
    const interview = await anInterview(ctx, { contactId: person.id });
    const { lead } = await createLead({
      ctx,
      input: createLeadInput.parse({ title: 'A design lead role opens in May', interviewId: interview.id, nextStep: 'Watch the careers page', nextStepAt: '2026-03-12T09:00:00+01:00' }),
    });
    expect(lead).toMatchObject({
      kind: 'role',
      status: 'heard',
      interviewId: interview.id,
      contactId: person.id,
      organizationId: org.id,
      contact: { id: person.id, name: 'Ana Ruiz' },
      organization: { id: org.id, name: 'Kestrel Labs' },
      mayNamePerson: false,
      nextStepAt: '2026-03-12T08:00:00.000Z',
    });
    expect((await getLead({ ctx, id: lead.id })).lead).toEqual(lead);

    // Listed by organisation, by person, by conversation and by exploration (through the organisation).
    for (const filters of [{ organizationId: org.id }, { contactId: person.id }, { interviewId: interview.id }, { explorationId: exploration.id }]) {
      expect((await listLeads({ ctx, filters, sort: byTitle, page: all })).items.map((l) => l.id)).toEqual([lead.id]);
    }
    const other = await createExploration({ ctx, input: { title: 'Policy', kind: 'field', transition: 'change-career', status: 'active' } });
    expect((await listLeads({ ctx, filters: { explorationId: other.exploration.id }, sort: byTitle, page: all })).total).toBe(0);
  });

  it('moves a lead along, keeps its next step on the agenda until it is closed, and finds it by search', async () => {
    const ctx = w.ctx;
    const org = await anOrganization(ctx, { name: 'Harbour Trust' });
    const { lead } = await createLead({
      ctx,
      input: createLeadInput.parse({ title: 'Harbour volunteer day', kind: 'event', organizationId: org.id, details: 'Open to outsiders, sign up on the trust site', nextStep: 'Sign up for the volunteer day', nextStepAt: '2026-03-11T09:00:00.000Z' }),
    });
    const agenda = await getAgenda({ ctx });
    const item = agenda.items.find((i) => i.key === `lead:${lead.id}`);
    expect(item).toMatchObject({ kind: 'lead', due: '2026-03-11T09:00:00.000Z', organizationId: org.id, title: 'Lead: Harbour volunteer day' });
    expect(item?.action).toContain('Sign up for the volunteer day');

    expect((await search({ ctx, query: 'volunteer outsiders' })).items).toEqual([expect.objectContaining({ type: 'lead', id: lead.id, title: 'Lead · Harbour volunteer day' })]);

    const moved = await updateLead({ ctx, id: lead.id, input: updateLeadInput.parse({ status: 'pursuing', mayNamePerson: true }) });
    expect(moved.lead).toMatchObject({ status: 'pursuing', mayNamePerson: true, nextStep: 'Sign up for the volunteer day' });
    expect((await listLeads({ ctx, filters: { status: ['pursuing'] }, sort: byTitle, page: all })).items.map((l) => l.id)).toEqual([lead.id]);

    await updateLead({ ctx, id: lead.id, input: { status: 'closed' } });
    expect((await getAgenda({ ctx })).items.some((i) => i.key === `lead:${lead.id}`)).toBe(false);

    await deleteLead({ ctx, id: lead.id });
    expect((await rejection(getLead({ ctx, id: lead.id }))).code).toBe('leads.not_found');
    expect((await search({ ctx, query: 'volunteer' })).items).toEqual([]);
  });

  it('refuses a dated next step without words, and links to records that do not exist, naming the field', async () => {
    const ctx = w.ctx;
    const undated = await rejection(createLead({ ctx, input: createLeadInput.parse({ title: 'Something', nextStepAt: '2026-03-12T09:00:00Z' }) }));
    expect(undated.code).toBe('validation.failed');
    expect(undated.details).toMatchObject([{ field: 'nextStep' }]);
    const missing = await rejection(createLead({ ctx, input: createLeadInput.parse({ title: 'Something', interviewId: '01900000-0000-7000-8000-00000000dead' }) }));
    expect(missing.details).toMatchObject([{ field: 'interviewId' }]);
    const { lead } = await createLead({ ctx, input: createLeadInput.parse({ title: 'Meet the data team lead', kind: 'person', nextStep: 'Ask for an introduction', nextStepAt: '2026-03-13T09:00:00Z' }) });
    const cleared = await rejection(updateLead({ ctx, id: lead.id, input: { nextStep: null } }));
    expect(cleared.details).toMatchObject([{ field: 'nextStep' }]);
    expect((await updateLead({ ctx, id: lead.id, input: { nextStep: null, nextStepAt: null } })).lead).toMatchObject({ nextStep: null, nextStepAt: null });
    expect(await ctx.repos.leads.get(lead.id)).toMatchObject({ contact: null, organization: null });
  });
});
