import { describe, expect, it } from 'vitest';
import { rankSuggestions, type RankingCandidate } from './ranking.rules.js';

const base: RankingCandidate = {
  id: '00000000-0000-7000-8000-000000000000',
  name: 'Someone',
  relationship: 'cold',
  seniority: 'peer',
  isHR: false,
  responsiveness: 'unknown',
  organizationId: null,
  organizationName: null,
  motivation: null,
  posting: null,
  advocacy: false,
  lastInteractionAt: null,
};
const person = (name: string, extra: Partial<RankingCandidate>): RankingCandidate => ({ ...base, id: `00000000-0000-7000-8000-${String(name.length).padStart(12, '0')}`, name, ...extra });
const order = (people: RankingCandidate[]) => rankSuggestions(people, '2026-03-10T10:00:00Z').map((s) => s.name);

describe('whom to ask next', () => {
  it('asks people already known before referrals, alumni, LinkedIn connections and strangers', () => {
    expect(
      order([
        person('Cold', { relationship: 'cold' }),
        person('LinkedIn', { relationship: 'linkedin-connection' }),
        person('Alumna', { relationship: 'alumni' }),
        person('Referred', { relationship: 'referral' }),
        person('Friend', { relationship: 'friend' }),
      ]),
    ).toEqual(['Friend', 'Referred', 'Alumna', 'LinkedIn', 'Cold']);
  });

  it('prefers the target role or one step above, puts HR last and down-weights executives', () => {
    expect(
      order([
        person('HR', { relationship: 'alumni', isHR: true }),
        person('Exec', { relationship: 'alumni', seniority: 'executive' }),
        person('Peer', { relationship: 'alumni', seniority: 'peer' }),
        person('Above', { relationship: 'alumni', seniority: 'one-step-above' }),
      ]),
    ).toEqual(['Above', 'Peer', 'Exec', 'HR']);
  });

  it('breaks ties by the organisation’s rank, then by responsiveness, and explains itself', () => {
    const ranked = rankSuggestions(
      [
        person('Low', { relationship: 'alumni', organizationId: 'o1', organizationName: 'Low Co', motivation: 0, posting: 1 }),
        person('High', { relationship: 'alumni', organizationId: 'o2', organizationName: 'High Co', motivation: 3, posting: 3, advocacy: true }),
        person('Silent', { relationship: 'alumni', organizationId: 'o2', organizationName: 'High Co', motivation: 3, posting: 3, advocacy: true, responsiveness: 'curmudgeon' }),
      ],
      '2026-03-10T10:00:00Z',
    );
    expect(ranked.map((s) => s.name)).toEqual(['High', 'Silent', 'Low']);
    expect(ranked[0]?.reasons.join(' ')).toContain('High Co is high on your target list, with a posting for your target role, where you have an alumni link.');
    expect(ranked[1]?.reasons).toContain('Did not reply last time, even after a follow-up.');
  });
});

describe('the reasons read as sentences', () => {
  it.each([
    [{ motivation: 0, posting: 3, advocacy: false }, 'Acme has a posting for your target role.'],
    [{ motivation: 0, posting: 1, advocacy: true }, 'Acme is where you have an alumni link.'],
    [{ motivation: 0, posting: 3, advocacy: true }, 'Acme has a posting for your target role, and you have an alumni link there.'],
    [{ motivation: 2, posting: 1, advocacy: false }, 'Acme is high on your target list.'],
  ])('about the organisation %j', (org, sentence) => {
    const [suggestion] = rankSuggestions([person('P', { organizationId: 'o1', organizationName: 'Acme', ...org })], '2026-03-10T10:00:00Z');
    expect(suggestion?.reasons).toContain(sentence);
  });

  it('about the person’s role', () => {
    const [above] = rankSuggestions([person('A', { seniority: 'one-step-above' })], '2026-03-10T10:00:00Z');
    expect(above?.reasons).toContain('They are one step above your target role — close to the hiring decisions, and they still remember your stage.');
  });
});

describe('how you know them, in a sentence', () => {
  it.each([
    ['referral', 'Someone referred them to you, so you can say who sent you.'],
    ['friend', 'You know them as a friend — friends and family are the most likely to say yes.'],
    ['cold', 'You know them as a cold contact: expect fewer replies.'],
  ] as const)('%s', (relationship, sentence) => {
    const [suggestion] = rankSuggestions([person('P', { relationship })], '2026-03-10T10:00:00Z');
    expect(suggestion?.reasons[0]).toBe(sentence);
  });
});
