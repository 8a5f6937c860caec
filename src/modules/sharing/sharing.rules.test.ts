import { describe, expect, it } from 'vitest';
import { testId } from '../../../test/fixtures/builders.js';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { agendaKinds } from '../../shared/schemas/agenda.js';
import { ACCESS_WINDOW_MINUTES, coachAgendaItem, coachInterview, nameScrubber, pseudonyms, sameVisit, sharedAgendaItem } from './sharing.rules.js';

const item = (extra: Partial<AgendaItem>): AgendaItem => ({
  key: `schedule:${testId(1)}`,
  kind: 'schedule',
  due: '2026-03-10T10:00:00.000Z',
  overdue: false,
  title: 'Ben replied: schedule it',
  reason: 'Ben answered your request.',
  action: 'Offer two or three times.',
  contactId: testId(2),
  interviewId: testId(1),
  organizationId: null,
  referralId: null,
  suggestedContactId: null,
  suggestedFormat: null,
  state: 'open',
  snoozedUntil: null,
  ...extra,
});

describe('what a coach sees of an agenda item', () => {
  it('never carries mail: no quoted reply, no bounced address, no subject of a message sent elsewhere', () => {
    expect(sharedAgendaItem(item({ quote: 'My salary is …' }))).toMatchObject({ quote: null, reason: 'A reply to a request arrived.' });
    const bounce = sharedAgendaItem(item({ kind: 'fix-address', key: `fix-address:${testId(2)}`, email: 'ben@old.example', reason: 'Mail to ben@old.example came back undelivered.' }));
    expect(JSON.stringify(bounce)).not.toContain('ben@old.example');
    const sent = sharedAgendaItem(item({ kind: 'mark-requested', mailMessageId: testId(3), reason: 'You wrote to Ben ("Private subject")' }));
    expect(JSON.stringify(sent)).not.toContain('Private subject');
    expect(sent.mailMessageId).toBeNull();
  });

  it('leaves the other kinds as they are', () => {
    const other = item({ kind: 'thank-you', key: `thank-you:${testId(1)}`, reason: 'A thank-you within a day.' });
    expect(sharedAgendaItem(other)).toBe(other);
  });
});

const BEN = testId(2);
const ADA = testId(3);
const REFERRED = testId(9);
const ACME = testId(20);
const conversations = [
  { id: testId(101), contact: { id: ADA, name: 'Ada Quist' }, organization: { id: ACME, name: 'Acme Analytics' } },
  { id: testId(102), contact: { id: BEN, name: 'Ben Rivera' }, organization: { id: ACME, name: 'Acme Analytics' } },
];
const PRIVATE = ['Ben', 'Rivera', 'Ada', 'Quist', 'Acme', 'ben@acme.example', 'Salary talk'];
const privateIn = (value: unknown) => PRIVATE.filter((word) => JSON.stringify(value).includes(word));

describe('what a coach sees without names (progress only, names not allowed)', () => {
  const names = pseudonyms({ interviews: conversations, agenda: [{ contactId: REFERRED, suggestedContactId: null, organizationId: null }] });

  it('numbers the people of the conversations in the order they were added, then the people met only on the agenda', () => {
    expect([names.person(BEN), names.person(ADA), names.person(REFERRED)]).toEqual(['Person 1', 'Person 2', 'Person 3']);
    expect(names.organization(ACME)).toBe('Organisation 1');
    expect(names.person(null)).toBe('a person');
    // The notes page numbers from the conversations alone: the same people keep the same numbers.
    expect(pseudonyms({ interviews: conversations }).person(ADA)).toBe('Person 2');
  });

  it('shows each conversation with a label for the person and the organisation', () => {
    expect(coachInterview(conversations[1]!, names)).toEqual({ id: testId(102), contact: { id: BEN, name: 'Person 1' }, organization: { id: ACME, name: 'Organisation 1' } });
    expect(coachInterview(conversations[1]!, null)).toBe(conversations[1]);
  });

  it.each(agendaKinds)('tells a %s item without the names in its title, reason or action (or a lead’s own words)', (kind) => {
    const named = item({
      kind,
      key: `${kind}:${BEN}`,
      contactId: BEN,
      organizationId: ACME,
      suggestedContactId: kind === 'reach-next' ? ADA : null,
      title: `Thank Ben Rivera at Acme Analytics: Salary talk`,
      reason: 'Ben Rivera (ben@acme.example) from Acme, with Ada Quist.',
      action: 'Write to Ben about the Salary talk.',
      quote: 'Ben here',
      email: 'ben@acme.example',
    });
    const shown = coachAgendaItem(named, names);
    expect(privateIn(shown)).toEqual([]);
    expect(shown).toMatchObject({ kind, key: named.key, contactId: BEN, quote: null, email: null, mailMessageId: null });
    if (!['lead', 'reach-next'].includes(kind)) expect(shown.title).toContain('Person 1');
  });

  it('keeps the names when the student allows them (mail still stays out)', () => {
    const named = item({ kind: 'thank-you', title: 'Thank Ben Rivera' });
    expect(coachAgendaItem(named, null)).toEqual(named);
    expect(coachAgendaItem(item({ quote: 'My salary is …' }), null).quote).toBeNull();
  });

  it('takes the names and addresses out of the notes, and leaves the rest as written', () => {
    const scrub = nameScrubber({ people: conversations.map((c) => c.contact), organizations: [conversations[0]!.organization] }, names);
    expect(scrub('Ben said ACME ANALYTICS hires in spring; ask ben rivera again (ben@acme.example). Ada Quist knows Benedict; mail ada@acme.example.')).toBe(
      'Person 1 said Organisation 1 hires in spring; ask Person 1 again (an email address). Person 2 knows Benedict; mail an email address.',
    );
    expect(scrub(null)).toBeNull();
    expect(scrub('Rivers and quistful adages')).toBe('Rivers and quistful adages');
  });
});

describe('an access log entry', () => {
  it('takes in the same coach’s looks within the window, and no later ones', () => {
    const at = '2026-12-02T10:14:00.000Z';
    expect(sameVisit(at, '2026-12-02T10:14:00.000Z')).toBe(true);
    expect(sameVisit(at, new Date(Date.parse(at) + ACCESS_WINDOW_MINUTES * 60_000).toISOString())).toBe(true);
    expect(sameVisit(at, new Date(Date.parse(at) + ACCESS_WINDOW_MINUTES * 60_000 + 1000).toISOString())).toBe(false);
    expect(sameVisit(at, '2026-12-02T10:00:00.000Z')).toBe(false);
  });
});
