import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { expectCode } from '../../../test/fixtures/errors.js';
import { createExploration, updateExploration } from '../explorations/explorations.usecases.js';
import { listOrganizations } from '../organizations/organizations.usecases.js';
import { listContacts, updateContact } from './contacts.usecases.js';

describe.each(dialects)('people on %s', (dialect) => {
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
});
