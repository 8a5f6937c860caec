import { describe, expect, it } from 'vitest';
import { testId } from '../../../test/fixtures/builders.js';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { sharedAgendaItem } from './sharing.rules.js';

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
