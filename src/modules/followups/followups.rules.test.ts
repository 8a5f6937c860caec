import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { businessDeadline, type WorkCalendar } from '../../shared/business-days.js';
import { rankSuggestions } from '../coach/ranking.rules.js';
import { computeAgenda, pastNeedingAttention, type AgendaInput, type AgendaInterview, type AgendaLead, type AgendaPerson } from './followups.rules.js';

const london: WorkCalendar = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25', '2026-12-28'] };
const newYork: WorkCalendar = { timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], holidays: [] };

describe('business-day deadlines (3B7)', () => {
  const cases: Array<[string, WorkCalendar, string, number, string]> = [
    ['a Monday-morning request waits until Thursday', london, '2026-03-02T10:00:00Z', 3, '2026-03-05T09:00:00.000Z'],
    ['…and follows up the Wednesday after', london, '2026-03-02T10:00:00Z', 7, '2026-03-11T09:00:00.000Z'],
    ['a Friday-afternoon request starts counting on Monday', london, '2026-03-06T15:00:00Z', 3, '2026-03-12T09:00:00.000Z'],
    ['a Friday-morning request counts Friday', london, '2026-03-06T09:00:00Z', 3, '2026-03-11T09:00:00.000Z'],
    ['a Saturday request starts counting on Monday', london, '2026-03-07T09:00:00Z', 3, '2026-03-12T09:00:00.000Z'],
    ['noon exactly counts as afternoon', london, '2026-03-02T12:00:00Z', 3, '2026-03-06T09:00:00.000Z'],
    ['holidays are skipped', london, '2026-12-21T10:00:00Z', 3, '2026-12-24T09:00:00.000Z'],
    ['holidays and weekends are skipped over a long wait', london, '2026-12-21T10:00:00Z', 7, '2027-01-01T09:00:00.000Z'],
    ['the user’s time zone decides “before noon”', newYork, '2026-03-02T16:30:00Z', 3, '2026-03-05T14:00:00.000Z'],
    ['12:30 in New York is afternoon, so counting starts on Tuesday', newYork, '2026-03-02T17:30:00Z', 3, '2026-03-06T14:00:00.000Z'],
    ['a deadline across the spring DST change stays at 09:00 local', newYork, '2026-03-05T14:00:00Z', 3, '2026-03-10T13:00:00.000Z'],
    ['a deadline across the autumn DST change stays at 09:00 local', london, '2026-10-22T08:00:00Z', 3, '2026-10-27T09:00:00.000Z'],
    ['a custom working week (Sunday–Thursday)', { timeZone: 'Asia/Jerusalem', workingDays: [7, 1, 2, 3, 4], holidays: [] }, '2026-03-05T06:00:00Z', 3, '2026-03-10T07:00:00.000Z'],
  ];
  it.each(cases)('%s', (_name, calendar, sentAt, days, due) => {
    expect(businessDeadline(sentAt, days, calendar)).toBe(due);
  });
});

const person = (id: string, extra: Partial<AgendaPerson> = {}): AgendaPerson => ({
  id,
  name: `Person ${id.slice(-2)}`,
  organizationId: '00000000-0000-7000-8000-0000000000a1',
  organizationName: 'Acme',
  seniority: 'peer',
  relationship: 'friend',
  isHR: false,
  ...extra,
});
const ids = {
  ana: '00000000-0000-7000-8000-000000000001',
  ben: '00000000-0000-7000-8000-000000000002',
  cy: '00000000-0000-7000-8000-000000000003',
  hr: '00000000-0000-7000-8000-000000000004',
  iv1: '00000000-0000-7000-8000-000000000101',
  iv2: '00000000-0000-7000-8000-000000000102',
  ref: '00000000-0000-7000-8000-000000000201',
};
const interview = (extra: Partial<AgendaInterview>): AgendaInterview => ({
  id: ids.iv1,
  contactId: ids.ana,
  status: 'requested',
  requestedAt: null,
  repliedAt: null,
  scheduledAt: null,
  heldAt: null,
  thankedAt: null,
  hasTakeaways: false,
  prepComplete: false,
  followUpPermission: null,
  ...extra,
});
const input = (extra: Partial<AgendaInput>): AgendaInput => ({
  now: '2026-03-10T10:00:00.000Z',
  calendar: london,
  people: new Map([ids.ana, ids.ben, ids.cy, ids.hr].map((id) => [id, person(id, id === ids.hr ? { isHR: true } : {})])),
  interviews: [],
  referrals: [],
  lastInteractionAt: new Map(),
  nextCandidates: new Map(),
  states: new Map(),
  ...extra,
});
const kinds = (items: AgendaItem[]) => items.map((i) => i.kind);

describe('the agenda', () => {
  const requested = interview({ requestedAt: '2026-03-02T10:00:00Z' });

  it('an unanswered request suggests the next person at the organisation, then a follow-up', () => {
    const people = [person(ids.hr, { isHR: true, relationship: 'friend' }), person(ids.cy, { relationship: 'cold' }), person(ids.ben, { relationship: 'alumni' })];
    // The use case hands the engine candidates ordered by the coaching ranking.
    const order = rankSuggestions(
      people.map((p) => ({ ...p, responsiveness: 'unknown', motivation: null, posting: null, advocacy: false, lastInteractionAt: null })),
      '2026-03-10T10:00:00Z',
    ).map((s) => s.contactId);
    const candidates = order.map((id) => people.find((p) => p.id === id) as AgendaPerson);
    const items = computeAgenda(input({ interviews: [requested], nextCandidates: new Map([['00000000-0000-7000-8000-0000000000a1', candidates]]) }));
    expect(kinds(items)).toEqual(['reach-next', 'follow-up']);
    const [reach, follow] = items;
    expect(reach).toMatchObject({ due: '2026-03-05T09:00:00.000Z', overdue: true, suggestedContactId: ids.ben, interviewId: ids.iv1, contactId: ids.ana, state: 'open' });
    expect(reach?.title).toBe('Reach out to Person 02 at Acme');
    expect(follow).toMatchObject({ due: '2026-03-11T09:00:00.000Z', overdue: false });
  });

  it('a reply cancels the pending chases', () => {
    expect(computeAgenda(input({ interviews: [{ ...requested, repliedAt: '2026-03-04T10:00:00Z' }] }))).toEqual([]);
    expect(kinds(computeAgenda(input({ interviews: [{ ...requested, status: 'scheduled', repliedAt: '2026-03-04T10:00:00Z', scheduledAt: '2026-03-20T10:00:00Z', prepComplete: true }] })))).toEqual(['confirm']);
  });

  it('a scheduled interview asks for preparation and confirmation the day before', () => {
    const items = computeAgenda(input({ interviews: [interview({ status: 'scheduled', scheduledAt: '2026-03-12T14:00:00Z' })] }));
    expect(items.map((i) => [i.kind, i.due])).toEqual([
      ['confirm', '2026-03-11T09:00:00.000Z'],
      ['prepare', '2026-03-11T09:00:00.000Z'],
    ]);
  });

  it('a held interview needs a thank-you within 24 hours — handwritten for executives — and a debrief', () => {
    const people = input({}).people as Map<string, AgendaPerson>;
    people.set(ids.ana, person(ids.ana, { seniority: 'executive' }));
    const items = computeAgenda(input({ people, interviews: [interview({ status: 'held', heldAt: '2026-03-09T15:00:00Z' })] }));
    expect(kinds(items)).toEqual(['debrief', 'thank-you']);
    expect(items.find((i) => i.kind === 'thank-you')).toMatchObject({ due: '2026-03-10T15:00:00.000Z', suggestedFormat: 'handwritten' });
    const peer = computeAgenda(input({ interviews: [interview({ status: 'held', heldAt: '2026-03-09T15:00:00Z', hasTakeaways: true })] }));
    expect(peer.map((i) => [i.kind, i.suggestedFormat])).toEqual([['thank-you', 'email']]);
  });

  it('check-ins fall due at the agreed interval and restart whenever contact is logged', () => {
    const thanked = interview({ status: 'thanked', heldAt: '2026-01-10T10:00:00Z', thankedAt: '2026-01-10T18:00:00Z', hasTakeaways: true, followUpPermission: 30 });
    const before = computeAgenda(input({ interviews: [thanked], lastInteractionAt: new Map([[ids.ana, '2026-02-01T10:00:00Z']]) }));
    expect(before.map((i) => [i.kind, i.due, i.overdue])).toEqual([['check-in', '2026-03-03T09:00:00.000Z', true]]);
    const after = computeAgenda(input({ interviews: [thanked], lastInteractionAt: new Map([[ids.ana, '2026-03-05T10:00:00Z']]) }));
    // 30 days later is after the clocks change: still 09:00 in London (08:00 UTC).
    expect(after.map((i) => [i.kind, i.due, i.overdue])).toEqual([['check-in', '2026-04-04T08:00:00.000Z', false]]);
    expect(after[0]?.key).not.toBe(before[0]?.key);
    const standard = computeAgenda(input({ interviews: [{ ...thanked, followUpPermission: null }], lastInteractionAt: new Map() }));
    expect(standard[0]?.due).toBe('2026-04-10T08:00:00.000Z');
  });

  it('referrals ask to contact the new person and to report back to the one who referred', () => {
    const referral = { id: ids.ref, fromContactId: ids.ana, toContactId: ids.ben, reportedBackAt: null, createdAt: '2026-03-06T16:00:00Z', updatedAt: '2026-03-06T16:00:00Z' };
    const suggested = computeAgenda(input({ referrals: [{ ...referral, status: 'suggested' }] }));
    expect(suggested.map((i) => [i.kind, i.contactId, i.due])).toEqual([['contact-referral', ids.ben, '2026-03-10T09:00:00.000Z']]);
    const interviewed = computeAgenda(input({ referrals: [{ ...referral, status: 'interviewed' }], interviews: [interview({ id: ids.iv2, contactId: ids.ben, status: 'thanked', heldAt: '2026-03-09T10:00:00Z', thankedAt: '2026-03-09T18:00:00Z', hasTakeaways: true })] }));
    expect(interviewed.filter((i) => i.kind === 'report-back').map((i) => [i.contactId, i.due])).toEqual([[ids.ana, '2026-03-11T09:00:00.000Z']]);
    expect(computeAgenda(input({ referrals: [{ ...referral, status: 'contacted' }] }))).toEqual([]);
  });

  it('snoozed, dismissed and done items keep their state; a snooze that has passed brings the item back', () => {
    const key = `reach-next:${ids.iv1}`;
    const snoozed = computeAgenda(input({ interviews: [requested], states: new Map([[key, { state: 'snoozed', snoozedUntil: '2026-03-12T09:00:00.000Z' }]]) }));
    expect(snoozed.find((i) => i.key === key)).toMatchObject({ state: 'snoozed', snoozedUntil: '2026-03-12T09:00:00.000Z' });
    const woke = computeAgenda(input({ interviews: [requested], states: new Map([[key, { state: 'snoozed', snoozedUntil: '2026-03-09T09:00:00.000Z' }]]) }));
    expect(woke.find((i) => i.key === key)).toMatchObject({ state: 'open', due: '2026-03-09T09:00:00.000Z', overdue: true, snoozedUntil: null });
    for (const state of ['done', 'dismissed'] as const) {
      expect(computeAgenda(input({ interviews: [requested], states: new Map([[key, { state, snoozedUntil: null }]]) })).find((i) => i.key === key)?.state).toBe(state);
    }
  });

  it('never produces the same item twice, and recomputing gives the same keys', () => {
    const all = input({
      interviews: [requested, interview({ id: ids.iv2, contactId: ids.ben, status: 'held', heldAt: '2026-03-09T10:00:00Z' })],
      referrals: [{ id: ids.ref, fromContactId: ids.ana, toContactId: ids.cy, status: 'suggested', reportedBackAt: null, createdAt: '2026-03-06T10:00:00Z', updatedAt: '2026-03-06T10:00:00Z' }],
    });
    const first = computeAgenda(all).map((i) => i.key);
    expect(new Set(first).size).toBe(first.length);
    expect(computeAgenda(all).map((i) => i.key)).toEqual(first);
  });
});

const past = (id: string, contactId: string, heldAt: string, extra: Partial<AgendaInterview> = {}) =>
  interview({ id, contactId, status: 'keeping-in-touch', heldAt, thankedAt: heldAt, hasTakeaways: true, followUpPermission: 90, ...extra });

describe('which past conversations the agenda reads', () => {

  it('skips conversations whose check-in cannot fall due before the horizon', () => {
    const recent = past(ids.iv1, ids.ana, '2026-03-01T10:00:00Z');
    const old = past(ids.iv2, ids.ben, '2025-11-01T10:00:00Z');
    expect(pastNeedingAttention([recent, old], '2026-03-17T10:00:00Z').map((i) => i.id)).toEqual([ids.iv2]);
  });

  it("keeps a person's latest conversation beside an older one that still needs a debrief", () => {
    const older = past(ids.iv1, ids.ana, '2025-06-01T10:00:00Z', { hasTakeaways: false });
    const latest = past(ids.iv2, ids.ana, '2026-03-01T10:00:00Z');
    const chosen = pastNeedingAttention([older, latest], '2026-03-17T10:00:00Z');
    expect(chosen.map((i) => i.id).sort()).toEqual([ids.iv1, ids.iv2]);
    const items = computeAgenda(input({ interviews: chosen }));
    expect(items.map((i) => [i.kind, i.interviewId])).toEqual([
      ['debrief', ids.iv1],
      ['check-in', ids.iv2],
    ]);
  });
});

const lead = (extra: Partial<AgendaLead> = {}): AgendaLead => ({
  id: '00000000-0000-7000-8000-0000000000f1',
  title: 'Design role opens in May',
  status: 'heard',
  nextStep: 'Check the careers page',
  nextStepAt: '2026-03-12T09:00:00.000Z',
  contactId: '00000000-0000-7000-8000-000000000001',
  interviewId: '00000000-0000-7000-8000-0000000000b1',
  organizationId: null,
  mayNamePerson: false,
  ...extra,
});

describe("a lead's next step on the agenda", () => {
  const base: AgendaInput = {
    now: '2026-03-10T10:00:00.000Z',
    calendar: london,
    people: new Map([['00000000-0000-7000-8000-000000000001', person('00000000-0000-7000-8000-000000000001', { name: 'Ana Ruiz' })]]),
    interviews: [],
    referrals: [],
    lastInteractionAt: new Map(),
    nextCandidates: new Map(),
    states: new Map(),
  };
  const cases: Array<[string, AgendaLead, Partial<AgendaItem> | null, string | null]> = [
    ['is due on the date the user gave, at the organisation of the person it came from', lead(), { due: '2026-03-12T09:00:00.000Z', overdue: false, organizationId: '00000000-0000-7000-8000-0000000000a1' }, 'Leave Ana Ruiz'],
    ['says the person may be named when they agreed', lead({ mayNamePerson: true }), { contactId: '00000000-0000-7000-8000-000000000001' }, 'Ana Ruiz said you may mention them'],
    ['points to the usual way in when no person is linked', lead({ contactId: null, organizationId: '00000000-0000-7000-8000-0000000000c9' }), { organizationId: '00000000-0000-7000-8000-0000000000c9', contactId: null }, 'usual way in'],
    ['is overdue once its date has passed', lead({ nextStepAt: '2026-03-09T09:00:00.000Z', status: 'pursuing' }), { overdue: true }, null],
    ['leaves the agenda when the lead is closed', lead({ status: 'closed' }), null, null],
  ];
  it.each(cases)('%s', (_name, given, expected, action) => {
    const items = computeAgenda({ ...base, leads: [given] });
    if (expected === null) {
      expect(items).toEqual([]);
      return;
    }
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ key: `lead:${given.id}`, kind: 'lead', title: 'Lead: Design role opens in May', interviewId: given.interviewId, ...expected });
    expect(items[0]?.action.startsWith(given.nextStep ?? '')).toBe(true);
    if (action) expect(items[0]?.action).toContain(action);
  });
});
