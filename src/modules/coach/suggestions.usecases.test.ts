import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { createExploration } from '../explorations/explorations.usecases.js';
import { createExplorationInput } from '../../shared/schemas/index.js';
import { prng } from '../../shared/random.js';
import { relationships, seniorities } from '../../shared/schemas/contacts.js';
import { rankSuggestions } from './ranking.rules.js';
import { suggestions } from './suggestions.usecases.js';

describe.each(dialects)('whom to ask next over many people on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
    const random = prng(42);
    const orgs = [];
    for (let n = 0; n < 6; n++) orgs.push(await anOrganization(w.ctx, { name: `Org ${n}`, motivation: n % 4, posting: 1 + (n % 3), advocacy: n % 2 === 0 }));
    for (let n = 0; n < 120; n++) {
      const person = await aContact(w.ctx, {
        name: `Person ${String(n).padStart(3, '0')}`,
        relationship: random.pick([...relationships]),
        seniority: random.next() < 0.2 ? null : random.pick([...seniorities]),
        title: random.next() < 0.1 ? 'Recruiter' : 'Researcher',
        organizationId: random.next() < 0.2 ? null : random.pick(orgs).id,
      });
      if (random.next() < 0.3) {
        await createInteraction({ ctx: w.ctx, input: { contactId: person.id, kind: 'note', occurredAt: '2026-03-01T10:00:00Z', summary: 'Met at a meetup' } });
      }
    }
  }, 60_000);
  afterAll(async () => w?.dispose());

  it('scores people in SQL exactly as the ranking does (recent contact aside)', async () => {
    const everyone = await w.ctx.repos.coach.unaskedCandidates({});
    const sqlScores = await w.ctx.repos.coach.baseScores();
    const ruleScores = rankSuggestions(everyone.map((c) => ({ ...c, lastInteractionAt: null })), '2026-03-10T10:00:00Z');
    expect(ruleScores).toHaveLength(120);
    for (const s of ruleScores) expect(sqlScores.get(s.contactId), s.name).toBe(s.score);
  });

  it('reads only the people who could make the top, and finds the same top as ranking everyone', async () => {
    const everyone = await w.ctx.repos.coach.unaskedCandidates({});
    for (const limit of [1, 5, 10, 30]) {
      const preselected = await w.ctx.repos.coach.unaskedCandidates({}, limit);
      expect(preselected.length).toBeLessThanOrEqual(everyone.length);
      const full = rankSuggestions(everyone, w.ctx.clock.now().toISOString()).slice(0, limit);
      const { items } = await suggestions({ ctx: w.ctx, limit });
      expect(items.map((i) => [i.contactId, i.score])).toEqual(full.map((i) => [i.contactId, i.score]));
    }
    expect((await w.ctx.repos.coach.unaskedCandidates({}, 5)).length).toBeLessThan(everyone.length);
  });
});

describe.each(dialects)('whom to ask next in one exploration on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  }, 60_000);
  afterAll(async () => w?.dispose());

  it('includes a person who joined the exploration with no organisation (a referral), and leaves out people of other explorations', async () => {
    const { exploration } = await createExploration({ ctx: w.ctx, input: createExplorationInput.parse({ title: 'UX research', kind: 'field', transition: 'change-career' }) });
    const { exploration: other } = await createExploration({ ctx: w.ctx, input: createExplorationInput.parse({ title: 'Teaching abroad', kind: 'field', transition: 'change-career' }) });
    await aContact(w.ctx, { name: 'Ines Duarte', relationship: 'referral', explorationIds: [exploration.id] });
    await aContact(w.ctx, { name: 'Someone Else', relationship: 'friend', explorationIds: [other.id] });
    const { items } = await suggestions({ ctx: w.ctx, explorationId: exploration.id });
    expect(items.map((i) => i.name)).toEqual(['Ines Duarte']);
  });
});
