import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createExploration } from '../explorations/explorations.usecases.js';
import { search } from '../search/search.usecases.js';
import { findOrCreateOrganization, getOrganization, listOrganizations, organizationsByName } from './organizations.usecases.js';

const notTarget = { target: false, motivation: 2, posting: 3, advocacy: true, explorationIds: [] };
const target = { target: true, motivation: 0, posting: 1, advocacy: false, explorationIds: [] };

describe.each(dialects)('organisations on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  const count = async (ctx = w.ctx) => (await listOrganizations({ ctx, filters: {}, sort: { field: 'name', direction: 'asc' }, page: { limit: 1, offset: 0 } })).total;
  const exploration = async (title: string) =>
    (await createExploration({ ctx: w.ctx, input: { title, kind: 'role', transition: 'change-career', status: 'active' } })).exploration.id;

  it('ranks the target list by motivation, then posting, then advocacy', async () => {
    const low = await anOrganization(w.ctx, { name: 'Rank Low', motivation: 1, posting: 3 });
    const mid = await anOrganization(w.ctx, { name: 'Rank Mid', motivation: 3, posting: 1, advocacy: true });
    const top = await anOrganization(w.ctx, { name: 'Rank Top', motivation: 3, posting: 2 });
    const list = await listOrganizations({ ctx: w.ctx, filters: {}, sort: { field: 'rank', direction: 'asc' }, page: { limit: 100, offset: 0 } });
    const order = list.items.map((o) => o.id).filter((id) => [low.id, mid.id, top.id].includes(id));
    expect(order).toEqual([top.id, mid.id, low.id]);
    expect(list.items.map((o) => o.rank)).toEqual(list.items.map((_, i) => i + 1));
  });

  it('finds an organisation by name whatever the case, spaces or accents, and adds a new one once with the caller’s defaults', async () => {
    const before = await count();
    const id = await findOrCreateOrganization({ ctx: w.ctx, name: '  Émile Works ', defaults: notTarget });
    expect(id).not.toBeNull();
    const { organization } = await getOrganization({ ctx: w.ctx, id: id! });
    expect(organization).toMatchObject({ name: 'Émile Works', target: false, rank: null, motivation: 2, posting: 3, advocacy: true, explorationIds: [] });
    expect(await findOrCreateOrganization({ ctx: w.ctx, name: 'emile works', defaults: target })).toBe(id);
    expect(await count()).toBe(before + 1);
    expect((await getOrganization({ ctx: w.ctx, id: id! })).organization.target).toBe(false);

    const targetId = await findOrCreateOrganization({ ctx: w.ctx, name: 'Target Works', defaults: target });
    expect((await getOrganization({ ctx: w.ctx, id: targetId! })).organization).toMatchObject({ target: true, motivation: 0, posting: 1, advocacy: false });
    expect((await search({ ctx: w.ctx, query: 'target works' })).items.map((h) => h.id)).toEqual([targetId]);
  });

  it('treats a blank name as no organisation and adds nothing', async () => {
    const before = await count();
    expect(await findOrCreateOrganization({ ctx: w.ctx, name: '   ', defaults: target })).toBeNull();
    expect(await findOrCreateOrganization({ ctx: w.ctx, name: null, defaults: target })).toBeNull();
    expect(await findOrCreateOrganization({ ctx: w.ctx, name: undefined, defaults: target })).toBeNull();
    expect(await count()).toBe(before);
  });

  it('starts a new organisation in the given explorations and adds an existing one to them, keeping the ones it had', async () => {
    const first = await exploration('Product research');
    const second = await exploration('Policy work');
    const id = await findOrCreateOrganization({ ctx: w.ctx, name: 'Joined Works', defaults: { ...target, explorationIds: [first] } });
    expect((await getOrganization({ ctx: w.ctx, id: id! })).organization.explorationIds).toEqual([first]);
    expect(await findOrCreateOrganization({ ctx: w.ctx, name: 'JOINED WORKS', defaults: { ...target, explorationIds: [second, first] } })).toBe(id);
    expect([...(await getOrganization({ ctx: w.ctx, id: id! })).organization.explorationIds].sort()).toEqual([first, second].sort());
  });

  it('resolves many names at once: known ones by name, each new one once, written and searchable on flush', async () => {
    const known = await anOrganization(w.ctx, { name: 'Batch Known' });
    const before = await count();
    const ids = await w.ctx.transaction(async (tx) => {
      const organizations = await organizationsByName({ ctx: tx, defaults: { target: false, motivation: 0, posting: 1, advocacy: false } });
      const resolved = {
        known: organizations.idFor('batch known'),
        fresh: organizations.idFor('Batch Fresh'),
        again: organizations.idFor('BATCH FRESH'),
        blank: organizations.idFor('  '),
        none: organizations.idFor(null),
      };
      expect(await count(tx)).toBe(before);
      await organizations.flush();
      await organizations.flush();
      return resolved;
    });
    expect(ids).toMatchObject({ known: known.id, again: ids.fresh, blank: null, none: null });
    expect(await count()).toBe(before + 1);
    expect((await getOrganization({ ctx: w.ctx, id: ids.fresh! })).organization).toMatchObject({ name: 'Batch Fresh', target: false, rank: null, motivation: 0, posting: 1, advocacy: false });
    expect((await search({ ctx: w.ctx, query: 'batch fresh' })).items.map((h) => h.id)).toEqual([ids.fresh]);
  });
});
