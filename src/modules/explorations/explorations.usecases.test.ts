import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { addNote, saveDebrief } from '../conversation/conversation.usecases.js';
import { getDecisionBoard } from '../decisions/decision.usecases.js';
import { getContact, listContacts, updateContact } from '../contacts/contacts.usecases.js';
import { getInterview } from '../interviews/interviews.usecases.js';
import { getOrganization } from '../organizations/organizations.usecases.js';
import { previewTemplate } from '../templates/templates.usecases.js';
import {
  createExploration,
  deleteExploration,
  getActiveExploration,
  getExploration,
  listDeletedExplorations,
  restoreExploration,
  setActiveExploration,
} from './explorations.usecases.js';

const start = (ctx: TestWorkspace['ctx'], title: string) =>
  createExploration({ ctx, input: { title, kind: 'role', transition: 'change-career', status: 'active' } }).then((r) => r.exploration);

describe.each(dialects)('explorations connect people, organisations and interviews on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('makes the first exploration the active one, and lets the user choose another', async () => {
    expect((await getActiveExploration({ ctx: w.ctx })).exploration).toBeNull();
    const first = await start(w.ctx, 'UX research');
    expect((await getActiveExploration({ ctx: w.ctx })).exploration?.id).toBe(first.id);
    const second = await start(w.ctx, 'Service design');
    expect((await getActiveExploration({ ctx: w.ctx })).exploration?.id).toBe(first.id);
    await setActiveExploration({ ctx: w.ctx, explorationId: second.id });
    expect((await getActiveExploration({ ctx: w.ctx })).exploration?.title).toBe('Service design');
    await expect(setActiveExploration({ ctx: w.ctx, explorationId: '01900000-0000-7000-8000-0000000fffff' })).rejects.toMatchObject({
      code: 'validation.failed',
      details: [{ field: 'explorationId' }],
    });
    expect((await getActiveExploration({ ctx: w.ctx })).exploration?.id).toBe(second.id);
    await setActiveExploration({ ctx: w.ctx, explorationId: first.id });
  });

  it('adds a person to an exploration directly and lists them with its people', async () => {
    const exploration = await start(w.ctx, 'Policy work');
    const person = await aContact(w.ctx, { name: 'Direct Person', explorationIds: [exploration.id] });
    expect(person.explorationIds).toEqual([exploration.id]);
    const listed = await listContacts({ ctx: w.ctx, filters: { explorationId: exploration.id }, sort: { field: 'name', direction: 'asc' }, page: { limit: 10, offset: 0 } });
    expect(listed.items.map((c) => c.name)).toEqual(['Direct Person']);
    await updateContact({ ctx: w.ctx, id: person.id, input: { explorationIds: [] } });
    expect((await getContact({ ctx: w.ctx, id: person.id })).contact.explorationIds).toEqual([]);
    await expect(aContact(w.ctx, { name: 'Nowhere', explorationIds: ['01900000-0000-7000-8000-0000000fffff'] })).rejects.toMatchObject({
      details: [{ field: 'explorationIds' }],
    });
  });

  it('adds a person with their organisation by name, finding or adding it in the same exploration', async () => {
    const exploration = await start(w.ctx, 'Data journalism');
    const first = await aContact(w.ctx, { name: 'First Reporter', organizationName: 'Daily Ledger', explorationIds: [exploration.id] });
    const second = await aContact(w.ctx, { name: 'Second Reporter', organizationName: ' daily ledger ', explorationIds: [exploration.id] });
    expect(first.organization?.name).toBe('Daily Ledger');
    expect(second.organizationId).toBe(first.organizationId);
    expect((await getOrganization({ ctx: w.ctx, id: first.organizationId ?? '' })).organization.explorationIds).toEqual([exploration.id]);
    // An organisation that already exists joins the exploration too.
    const existing = await anOrganization(w.ctx, { name: 'Civic Desk' });
    await aContact(w.ctx, { name: 'Third Reporter', organizationName: 'Civic Desk', explorationIds: [exploration.id] });
    expect((await getOrganization({ ctx: w.ctx, id: existing.id })).organization.explorationIds).toEqual([exploration.id]);
  });

  it('files a conversation with a person under their explorations, so the decision board counts it with its evidence', async () => {
    const exploration = await start(w.ctx, 'Learning design');
    const org = await anOrganization(w.ctx, { name: 'Target Org', explorationIds: [exploration.id] });
    const atOrg = await aContact(w.ctx, { name: 'Org Person', organizationId: org.id });
    const added = await aContact(w.ctx, { name: 'Added Person', explorationIds: [exploration.id] });
    const viaOrg = await anInterview(w.ctx, { contactId: atOrg.id, status: 'held', heldAt: '2026-03-09T15:00:00Z' });
    const direct = await anInterview(w.ctx, { contactId: added.id });
    expect(viaOrg.explorationIds).toEqual([exploration.id]);
    expect(direct.explorationIds).toEqual([exploration.id]);
    // Someone in no exploration: the conversation joins the active one.
    const active = (await getActiveExploration({ ctx: w.ctx })).exploration;
    const loner = await aContact(w.ctx, { name: 'Unattached Person' });
    expect((await anInterview(w.ctx, { contactId: loner.id })).explorationIds).toEqual([active?.id]);
    // Saying "none" is respected.
    expect((await anInterview(w.ctx, { contactId: added.id, explorationIds: [] })).explorationIds).toEqual([]);

    const { note } = await addNote({ ctx: w.ctx, interviewId: viaOrg.id, input: { body: 'Teachers make calm researchers', keyQuestion: 'fit', stance: 'for' } });
    await saveDebrief({
      ctx: w.ctx,
      interviewId: viaOrg.id,
      input: { learned: 'It suits me', leanings: { success: 1, fit: 2, desire: 1, prospects: 0 }, evidence: { fit: [note.id] } },
    });
    const board = await getDecisionBoard({ ctx: w.ctx, explorationId: exploration.id });
    expect(board.interviews.map((i) => i.contactName)).toEqual(['Org Person']);
    expect(board.questions.find((q) => q.key === 'fit')?.for.map((e) => e.text)).toEqual(['Teachers make calm researchers']);
  });

  it('fills {{exploration.title}} from the person’s exploration, or the active one', async () => {
    const active = (await getActiveExploration({ ctx: w.ctx })).exploration;
    const other = await start(w.ctx, 'Museum education');
    const inOther = await aContact(w.ctx, { name: 'Museum Person', explorationIds: [other.id] });
    const nowhere = await aContact(w.ctx, { name: 'Unfiled Person' });
    const body = 'I am exploring {{exploration.title}}.';
    expect((await previewTemplate({ ctx: w.ctx, body, contactId: inOther.id })).body).toBe('I am exploring Museum education.');
    expect((await previewTemplate({ ctx: w.ctx, body, contactId: nowhere.id })).body).toBe(`I am exploring ${active?.title}.`);
  });

  it('deletes an exploration into a bin and restores it with its links', async () => {
    const doomed = await start(w.ctx, 'Doomed path');
    await setActiveExploration({ ctx: w.ctx, explorationId: doomed.id });
    const org = await anOrganization(w.ctx, { name: 'Bin Org', explorationIds: [doomed.id] });
    const person = await aContact(w.ctx, { name: 'Bin Person', explorationIds: [doomed.id] });
    const interview = await anInterview(w.ctx, { contactId: person.id, explorationIds: [doomed.id] });

    await deleteExploration({ ctx: w.ctx, id: doomed.id });
    await expect(getExploration({ ctx: w.ctx, id: doomed.id })).rejects.toMatchObject({ code: 'explorations.not_found' });
    expect((await getOrganization({ ctx: w.ctx, id: org.id })).organization.explorationIds).toEqual([]);
    expect((await getInterview({ ctx: w.ctx, id: interview.id })).interview.explorationIds).toEqual([]);
    // Another exploration still being explored takes over as the active one.
    const successor = (await getActiveExploration({ ctx: w.ctx })).exploration;
    expect(successor).not.toBeNull();
    expect(successor?.id).not.toBe(doomed.id);
    expect((await listDeletedExplorations({ ctx: w.ctx })).items.map((d) => d.title)).toEqual(['Doomed path']);

    const { exploration } = await restoreExploration({ ctx: w.ctx, id: doomed.id });
    expect(exploration).toEqual(doomed);
    expect((await getOrganization({ ctx: w.ctx, id: org.id })).organization.explorationIds).toEqual([doomed.id]);
    expect((await getContact({ ctx: w.ctx, id: person.id })).contact.explorationIds).toEqual([doomed.id]);
    expect((await getInterview({ ctx: w.ctx, id: interview.id })).interview.explorationIds).toEqual([doomed.id]);
    expect((await listDeletedExplorations({ ctx: w.ctx })).items).toEqual([]);
    // Pressing Undo twice finds it back already.
    expect((await restoreExploration({ ctx: w.ctx, id: doomed.id })).exploration.id).toBe(doomed.id);
    await expect(restoreExploration({ ctx: w.ctx, id: '01900000-0000-7000-8000-0000000fffff' })).rejects.toMatchObject({ code: 'explorations.not_found' });
  });

  it('restores an exploration whose person was deleted meanwhile, without the missing link', async () => {
    const path = await start(w.ctx, 'Short-lived');
    const person = await aContact(w.ctx, { name: 'Gone Person', explorationIds: [path.id] });
    await deleteExploration({ ctx: w.ctx, id: path.id });
    await w.ctx.repos.contacts.delete(person.id);
    const { exploration } = await restoreExploration({ ctx: w.ctx, id: path.id });
    expect(exploration.title).toBe('Short-lived');
    const people = await listContacts({ ctx: w.ctx, filters: { explorationId: path.id }, sort: { field: 'name', direction: 'asc' }, page: { limit: 10, offset: 0 } });
    expect(people.total).toBe(0);
  });
});
