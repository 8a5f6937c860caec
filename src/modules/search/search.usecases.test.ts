import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { deleteContact } from '../contacts/contacts.usecases.js';
import { deleteOrganization, updateOrganization } from '../organizations/organizations.usecases.js';
import { search } from './search.usecases.js';

describe.each(dialects)('search on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

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
});
