import { describe, expect, it } from 'vitest';
import { aNote, testId } from '../../../test/fixtures/builders.js';
import type { Debrief, InterviewNote } from '../../shared/schemas/conversation.js';
import { asQuestion, decisionBoard, verdictOf, type BoardInterview } from './decision.rules.js';

const id = testId;
const note = (n: number, interview: number, body: string, extra: Partial<InterviewNote> = {}) => aNote(body, { id: id(100 + n), interviewId: id(interview), ...extra });
const debrief = (leanings: Partial<Debrief['leanings']>, extra: Partial<Debrief> = {}): Debrief => ({
  fit: null,
  unknowns: null,
  whoElse: null,
  leanings: { success: null, fit: null, desire: null, prospects: null, ...leanings },
  evidence: {},
  completedAt: '2026-03-02T10:00:00.000Z',
  ...extra,
});
const interview = (n: number, heldAt: string, d: Debrief | null, name = `Person ${n}`): BoardInterview => ({
  id: id(n),
  contactName: name,
  organizationName: null,
  status: 'held',
  heldAt,
  createdAt: '2026-02-01T10:00:00.000Z',
  takeaways: null,
  debrief: d,
});
const exploration = { id: id(0), title: 'UX research', leanings: { success: 1, fit: null, desire: null, prospects: null }, conclusion: null };

describe('the decision board', () => {
  it('gathers evidence for and against each key question from every interview, in date order', () => {
    const board = decisionBoard({
      exploration,
      interviews: [interview(2, '2026-03-09T10:00:00Z', null, 'Ben'), interview(1, '2026-03-02T10:00:00Z', null, 'Ana')],
      notes: [
        note(1, 1, 'Research skills from my degree transfer directly', { keyQuestion: 'success', stance: 'for' }),
        note(2, 2, 'Most hires have two years of industry experience', { keyQuestion: 'success', stance: 'against' }),
        note(3, 2, 'A new hire typically shadows for a month', { keyQuestion: 'success', stance: 'for' }),
        note(4, 1, 'Untagged note'),
      ],
    });
    const success = board.questions.find((q) => q.key === 'success');
    expect(success?.for.map((e) => [e.contactName, e.text])).toEqual([
      ['Ana', 'Research skills from my degree transfer directly'],
      ['Ben', 'A new hire typically shadows for a month'],
    ]);
    expect(success?.against.map((e) => e.contactName)).toEqual(['Ben']);
    expect(success?.current).toBe(1);
    expect(board.questions.find((q) => q.key === 'fit')?.verdict).toBe('unanswered');
    expect(board.interviews.map((i) => i.contactName)).toEqual(['Ana', 'Ben']);
  });

  it('follows the leaning over time from each debrief, and cited notes lean as their debrief did', () => {
    const board = decisionBoard({
      exploration,
      interviews: [
        interview(1, '2026-03-02T10:00:00Z', debrief({ desire: 2 }, { evidence: { desire: [id(101)] } })),
        interview(2, '2026-03-09T10:00:00Z', debrief({ desire: 1 })),
        interview(3, '2026-03-16T10:00:00Z', debrief({ desire: 2 })),
      ],
      notes: [note(1, 1, 'I lost track of time in the design critique they described')],
    });
    const desire = board.questions.find((q) => q.key === 'desire');
    expect(desire?.history.map((h) => h.leaning)).toEqual([2, 1, 2]);
    expect(desire?.average).toBe(1.7);
    expect(desire?.verdict).toBe('leaning-yes');
    expect(desire?.for.map((e) => e.noteId)).toEqual([id(101)]);
  });

  it('calls split answers mixed and turns what is still unknown into questions for the next interviews', () => {
    const board = decisionBoard({
      exploration,
      interviews: [
        interview(1, '2026-03-02T10:00:00Z', debrief({ prospects: 2 }, { unknowns: 'How common remote roles are\nWhat the pay looks like after five years?' })),
        interview(2, '2026-03-09T10:00:00Z', debrief({ prospects: -1 })),
      ],
      notes: [],
    });
    expect(board.questions.find((q) => q.key === 'prospects')?.verdict).toBe('mixed');
    expect(board.openQuestions.map((q) => q.text)).toEqual(['How common remote roles are', 'What the pay looks like after five years?']);
    const texts = board.suggestedQuestions.map((q) => q.text);
    expect(texts).toContain('Could you tell me how common remote roles are?');
    expect(texts).toContain('Could you tell me what the pay looks like after five years?');
    expect(board.suggestedQuestions.find((q) => q.keyQuestion === 'prospects')).toMatchObject({ reason: expect.stringMatching(/disagree/), category: 'career-path' });
    expect(board.suggestedQuestions[0]?.category).toBe('insights');
    // Thin evidence elsewhere also earns a suggestion.
    expect(board.suggestedQuestions.filter((q) => q.keyQuestion).map((q) => q.keyQuestion)).toEqual(['success', 'fit', 'desire', 'prospects']);
  });

  it('lets the debriefs decide the verdict when there are any, the evidence otherwise', () => {
    expect(verdictOf([1, 1, 2], 1, 2)).toBe('leaning-yes');
    expect(verdictOf([1, -1], 3, 0)).toBe('mixed');
    expect(verdictOf([-2], 0, 0)).toBe('leaning-no');
    expect(verdictOf([0], 0, 0)).toBe('mixed');
    expect(verdictOf([], 0, 0)).toBe('unanswered');
    expect(verdictOf([], 3, 2)).toBe('mixed');
    expect(verdictOf([], 3, 0)).toBe('leaning-yes');
    expect(verdictOf([], 0, 2)).toBe('leaning-no');
  });

  it.each([
    ['- career paths in the public sector.', 'Could you tell me about career paths in the public sector?'],
    ['Is a portfolio expected?', 'Is a portfolio expected?'],
    ['is a portfolio expected', 'Is a portfolio expected?'],
    ['How common remote roles are', 'Could you tell me how common remote roles are?'],
    ['What the pay looks like after five years?', 'Could you tell me what the pay looks like after five years?'],
    ['whether agencies hire juniors', 'Could you tell me whether agencies hire juniors?'],
    ['if I need a degree', 'Could you tell me whether I need a degree?'],
    ['Need to know if the hours are flexible', 'Could you tell me whether the hours are flexible?'],
    ["I don't know how people move in-house", 'Could you tell me how people move in-house?'],
    ['UX research a good career', 'Could you tell me whether UX research is a good career?'],
    ['how do people get promoted', 'How do people get promoted?'],
    ['  ', ''],
  ])('words the open point “%s” as the question “%s”', (line, question) => {
    expect(asQuestion(line)).toBe(question);
  });
});
