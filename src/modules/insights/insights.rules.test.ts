import { describe, expect, it } from 'vitest';
import { insights, referralGraph, weekOf, type InsightInterview } from './insights.rules.js';

const base: InsightInterview = { status: 'idea', requestedAt: null, repliedAt: null, scheduledAt: null, heldAt: null, thankedAt: null };
const now = new Date('2026-03-12T12:00:00Z'); // a Thursday

describe('insights', () => {
  const interviews: InsightInterview[] = [
    base,
    { ...base, status: 'requested', requestedAt: '2026-03-10T09:00:00Z' },
    { ...base, status: 'no-reply', requestedAt: '2026-02-01T09:00:00Z' },
    { ...base, status: 'scheduled', requestedAt: '2026-03-02T09:00:00Z', repliedAt: '2026-03-02T15:00:00Z', scheduledAt: '2026-03-20T09:00:00Z' },
    { ...base, status: 'held', requestedAt: '2026-02-20T09:00:00Z', repliedAt: '2026-02-24T09:00:00Z', scheduledAt: '2026-03-03T09:00:00Z', heldAt: '2026-03-03T09:30:00Z' },
    { ...base, status: 'thanked', requestedAt: '2026-02-16T09:00:00Z', repliedAt: '2026-02-17T09:00:00Z', heldAt: '2026-03-11T09:30:00Z', thankedAt: '2026-03-11T18:00:00Z' },
    { ...base, status: 'declined', requestedAt: '2026-02-10T09:00:00Z' },
  ];
  const result = insights(interviews, { booster: 2, obligate: 1, curmudgeon: 1, unknown: 2 }, now, 4);

  it('counts answers among requests (a decline is an answer) and the time to reply', () => {
    expect(result.requests).toEqual({ sent: 6, answered: 4, rate: 0.667 });
    expect(result.timeToReply.medianDays).toBe(1);
    expect(result.timeToReply.buckets).toEqual([
      { label: 'Same day', count: 1 },
      { label: '1–2 days', count: 1 },
      { label: '3–6 days', count: 1 },
      { label: '7 days or more', count: 0 },
    ]);
  });

  it('counts conversations per week, Monday to Sunday, ending with the current week', () => {
    expect(weekOf('2026-03-15T23:00:00Z')).toBe('2026-03-09');
    expect(result.perWeek).toEqual([
      { week: '2026-02-16', held: 0, requested: 2 },
      { week: '2026-02-23', held: 0, requested: 0 },
      { week: '2026-03-02', held: 1, requested: 1 },
      { week: '2026-03-09', held: 1, requested: 1 },
    ]);
  });

  it('follows the funnel through the lifecycle, and counts every state', () => {
    expect(result.funnel.map((f) => [f.stage, f.count])).toEqual([
      ['all', 7],
      ['requested', 6],
      ['answered', 4],
      ['scheduled', 3],
      ['held', 2],
      ['thanked', 1],
      ['keeping-in-touch', 0],
    ]);
    expect(result.byStatus.find((s) => s.status === 'no-reply')?.count).toBe(1);
    expect(result.responsiveness.booster).toBe(2);
  });

  it('has nothing to divide by in an empty workspace', () => {
    const empty = insights([], { booster: 0, obligate: 0, curmudgeon: 0, unknown: 0 }, now);
    expect(empty.requests.rate).toBeNull();
    expect(empty.timeToReply.medianDays).toBeNull();
    expect(empty.perWeek).toHaveLength(12);
  });
});

const person = (id: string, conversations = 0) => ({ id, name: id.toUpperCase(), organization: null, conversations });

describe('the referral graph', () => {
  it('measures chain depth and credits introducers with every conversation further down', () => {
    const graph = referralGraph(
      [person('a', 1), person('b', 1), person('c', 1), person('d', 0), person('e', 1), person('x')],
      [
        { from: 'a', to: 'b', status: 'interviewed' },
        { from: 'b', to: 'c', status: 'interviewed' },
        { from: 'b', to: 'd', status: 'suggested' },
        { from: 'e', to: 'd', status: 'contacted' },
      ],
    );
    expect(Object.fromEntries(graph.nodes.map((n) => [n.id, n.depth]))).toEqual({ a: 0, e: 0, b: 1, c: 2, d: 1 }); // d is one step from e, its shortest chain
    expect(graph.maxDepth).toBe(2);
    expect(graph.topIntroducers.map((t) => [t.id, t.introductions, t.conversations])).toEqual([
      ['a', 1, 2],
      ['b', 2, 1],
      ['e', 1, 0],
    ]);
  });

  it('survives a cycle in hand-entered data', () => {
    const graph = referralGraph([person('a', 1), person('b', 1)], [
      { from: 'a', to: 'b', status: 'suggested' },
      { from: 'b', to: 'a', status: 'suggested' },
    ]);
    expect(graph.nodes).toHaveLength(2);
    expect(graph.topIntroducers.map((t) => t.conversations)).toEqual([1, 1]);
  });
});
