import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, testApp } from '../../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import type { App } from '../../server/types.js';

/**
 * Whom the agenda may suggest next at each organisation: read in SQL by one statement
 * of per-organisation queries whose SQL is built once per number of organisations.
 */
describe.each(dialects)('the best unasked people at each organisation on %s', (dialect) => {
  let w: TestWorkspace;
  let app: App;
  const orgs: Record<string, string> = {};
  const people: Record<string, string> = {};
  const post = async (url: string, payload: object) => {
    const res = await asBrowser(app, { method: 'POST', url, payload });
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
    app = await testApp(w);
    for (const name of ['Acme', 'Birch', 'Cedar']) orgs[name] = (await post('/api/v1/organizations', { name })).id;
    const person = async (key: string, org: string, fields: object) =>
      (people[key] = (await post('/api/v1/contacts', { name: key, organizationId: orgs[org], ...fields })).id);
    // Acme: HR comes last whatever the warmth; then warmth, role fit and name decide.
    await person('Zed Friend Recruiter', 'Acme', { relationship: 'friend', title: 'Recruiter' });
    await person('Amy Cold Peer', 'Acme', { relationship: 'cold', seniority: 'peer' });
    await person('Bob Alumni Exec', 'Acme', { relationship: 'alumni', seniority: 'executive' });
    await person('Cat Alumni Above', 'Acme', { relationship: 'alumni', seniority: 'one-step-above' });
    await person('Dan Friend', 'Acme', { relationship: 'friend' });
    await person('Eve Friend Asked', 'Acme', { relationship: 'friend' });
    // Birch: one person, already asked; one with only an idea (still unasked).
    await person('Fay Asked', 'Birch', { relationship: 'classmate' });
    await person('Gus Idea', 'Birch', { relationship: 'cold' });
    await person('Hal Cedar', 'Cedar', { relationship: 'referral' });
    for (const key of ['Eve Friend Asked', 'Fay Asked']) {
      const interview = await post('/api/v1/interviews', { contactId: people[key] });
      await post(`/api/v1/interviews/${interview.id}/transitions`, { to: 'requested' });
    }
    await post('/api/v1/interviews', { contactId: people['Gus Idea'] });
  });
  afterAll(async () => {
    await app?.close();
    await w?.dispose();
  });

  const names = async (orgNames: string[]) => {
    const found = await w.ctx.repos.followups.unaskedAt(orgNames.map((n) => orgs[n] as string));
    const byOrg: Record<string, string[]> = {};
    for (const p of found) (byOrg[p.organizationName ?? ''] ??= []).push(p.name);
    return byOrg;
  };

  it('keeps the first three in ranking order, leaves out the asked, and puts HR last', async () => {
    const found = await names(['Acme']);
    expect(found.Acme).toEqual(['Dan Friend', 'Cat Alumni Above', 'Bob Alumni Exec']);
  });

  it('answers for several organisations at once, and again with other values of the same count', async () => {
    const three = await names(['Acme', 'Birch', 'Cedar']);
    expect(three.Birch).toEqual(['Gus Idea']);
    expect(three.Cedar).toEqual(['Hal Cedar']);
    expect(three.Acme).toHaveLength(3);
    // Same number of organisations (the SQL is reused), other organisations: the new values are used.
    expect(await names(['Cedar', 'Birch', 'Cedar'])).toEqual({ Cedar: ['Hal Cedar', 'Hal Cedar'], Birch: ['Gus Idea'] });
    expect(await names(['Birch'])).toEqual({ Birch: ['Gus Idea'] });
  });

  it('reads past the first batch of organisations', async () => {
    const many = Array.from({ length: 450 }, (_, i) => (i % 3 === 0 ? 'Cedar' : i % 3 === 1 ? 'Birch' : 'Acme'));
    const found = await w.ctx.repos.followups.unaskedAt(many.map((n) => orgs[n] as string));
    expect(found).toHaveLength(150 * 1 + 150 * 1 + 150 * 3);
  });
});
