import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { seedDemoWorkspace } from './demo.seed.js';

describe.each(dialects)('the demo workspace on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
    await seedDemoWorkspace({ ctx: w.ctx });
  }, 60_000);
  afterAll(async () => w?.dispose());

  it('files every conversation under its organisation’s exploration, and the UX-research conversations under UX research', async () => {
    const { repos } = w.ctx;
    const explorations = (await repos.explorations.list({}, { field: 'title', direction: 'asc' }, { limit: 10, offset: 0 })).items;
    const ux = explorations.find((x) => x.title.startsWith('UX research'));
    const { items } = await repos.interviews.list({}, { field: 'createdAt', direction: 'asc' }, { limit: 100, offset: 0 });
    expect(items.length).toBeGreaterThan(10);
    const notes = await repos.conversation.notes(items.map((i) => i.id));
    for (const interview of items) {
      const organization = interview.organization ? await repos.organizations.get(interview.organization.id) : undefined;
      expect(interview.explorationIds, interview.contact.name).toEqual(organization?.explorationIds);
      // Every note and takeaway written in the demo is about UX research.
      if (interview.takeaways || notes.some((n) => n.interviewId === interview.id)) expect(interview.explorationIds).toEqual([ux?.id]);
    }
    // The climate exploration still has conversations of its own, not yet held.
    expect(items.some((i) => i.explorationIds[0] !== ux?.id)).toBe(true);
  });
});
