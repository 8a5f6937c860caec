import { describe, expect, it } from 'vitest';
import { leadProblems, leadSearchBody } from './leads.rules.js';

describe('what a lead needs to be saved', () => {
  const cases: Array<[string, { nextStep: string | null; nextStepAt: string | null }, string[]]> = [
    ['no next step at all is fine', { nextStep: null, nextStepAt: null }, []],
    ['a next step without a date is fine', { nextStep: 'Ask Ana about the team', nextStepAt: null }, []],
    ['a dated next step is fine', { nextStep: 'Ask Ana about the team', nextStepAt: '2026-03-12T09:00:00Z' }, []],
    ['a date needs words', { nextStep: null, nextStepAt: '2026-03-12T09:00:00Z' }, ['nextStep']],
    ['blank words do not count', { nextStep: '   ', nextStepAt: '2026-03-12T09:00:00Z' }, ['nextStep']],
  ];
  it.each(cases)('%s', (_name, lead, fields) => {
    expect(leadProblems(lead).map((p) => p.field)).toEqual(fields);
  });

  it('is searchable by its kind, organisation, person, details and next step', () => {
    expect(
      leadSearchBody({ kind: 'event', organization: { id: 'o', name: 'Harbour Trust' }, contact: null, details: 'Open day', nextStep: ' ' }),
    ).toBe('event · Harbour Trust · Open day');
  });
});
