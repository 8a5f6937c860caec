import { askAbout } from '../coach/rewrite.rules.js';
import { keyQuestions, type KeyQuestion } from '../../shared/schemas/explorations.js';
import type { Debrief, InterviewNote } from '../../shared/schemas/conversation.js';
import type { DecisionBoard, Evidence } from '../../shared/schemas/decisions.js';

export interface BoardInterview {
  id: string;
  contactName: string;
  organizationName: string | null;
  status: string;
  heldAt: string | null;
  createdAt: string;
  takeaways: string | null;
  debrief: Debrief | null;
}

export interface BoardInput {
  exploration: { id: string; title: string; leanings: Record<KeyQuestion, number | null>; conclusion: string | null };
  interviews: readonly BoardInterview[];
  notes: readonly InterviewNote[];
}

/** A question to ask next about each key question, when the evidence is thin or split. */
const PROMPTS: Record<KeyQuestion, string> = {
  success: 'What do the people who do well in this work have in common?',
  fit: 'What kind of person enjoys this work, and who tends to leave it?',
  desire: 'What does an ordinary week in this work look like, hour by hour?',
  prospects: 'Where do people in this role usually go next, and how long does it take?',
};

const THIN = 2;

/** Where a suggested question belongs in the question bank. */
const CATEGORY: Record<KeyQuestion, 'advice' | 'fit' | 'day-in-the-life' | 'career-path'> = {
  success: 'advice',
  fit: 'fit',
  desire: 'day-in-the-life',
  prospects: 'career-path',
};

/** Turns a line of "what else I need to know" into a grammatical question to ask someone. */
export function asQuestion(line: string): string {
  return askAbout(line);
}

const sign = (n: number | null | undefined) => (n === null || n === undefined || n === 0 ? 0 : n > 0 ? 1 : -1);
const when = (i: BoardInterview) => i.heldAt ?? i.createdAt;

/**
 * The user's own leanings after each debrief decide when there are any: one way,
 * the other, or mixed when they point both ways (or average to zero). Without
 * them, the tagged evidence decides, and near-even evidence is mixed.
 */
export function verdictOf(leanings: number[], forCount: number, againstCount: number): DecisionBoard['questions'][number]['verdict'] {
  if (leanings.length > 0) {
    const signs = new Set(leanings.map(sign).filter((s) => s !== 0));
    const total = leanings.reduce((a, b) => a + b, 0);
    if (signs.size > 1 || total === 0) return 'mixed';
    return total > 0 ? 'leaning-yes' : 'leaning-no';
  }
  if (forCount + againstCount === 0) return 'unanswered';
  if (forCount > 0 && againstCount > 0 && Math.abs(forCount - againstCount) <= 1) return 'mixed';
  if (forCount === againstCount) return 'mixed';
  return forCount > againstCount ? 'leaning-yes' : 'leaning-no';
}

/**
 * The decision board: for each of the four key questions, the evidence for and
 * against drawn from every interview's notes and debrief, how the leaning moved
 * from one conversation to the next, and what to ask next. Pure.
 */
export function decisionBoard(input: BoardInput): DecisionBoard {
  const interviews = [...input.interviews].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0));
  const byId = new Map(interviews.map((i) => [i.id, i]));
  const evidenceOf = (note: InterviewNote, stance: 'for' | 'against' | null): Evidence | null => {
    const interview = byId.get(note.interviewId);
    if (!interview) return null;
    return { noteId: note.id, interviewId: interview.id, contactName: interview.contactName, date: when(interview), text: note.body, stance };
  };
  const questions = keyQuestions.map(({ key, question }) => {
    const items = new Map<string, Evidence>();
    for (const note of input.notes) {
      if (note.keyQuestion !== key || !note.body.trim()) continue;
      const e = evidenceOf(note, note.stance);
      if (e) items.set(note.id, e);
    }
    // Notes a debrief cites for this question count too; without a stance of their own they lean as the debrief did.
    for (const interview of interviews) {
      const cited = interview.debrief?.evidence[key] ?? [];
      const leaning = sign(interview.debrief?.leanings[key]);
      for (const id of cited) {
        if (items.has(id)) continue;
        const note = input.notes.find((n) => n.id === id);
        const e = note && evidenceOf(note, note.stance ?? (leaning > 0 ? 'for' : leaning < 0 ? 'against' : null));
        if (e) items.set(id, e);
      }
    }
    const all = [...items.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const history = interviews
      .filter((i) => i.debrief && i.debrief.leanings[key] !== null && i.debrief.leanings[key] !== undefined)
      .map((i) => ({ interviewId: i.id, contactName: i.contactName, date: when(i), leaning: i.debrief?.leanings[key] ?? 0 }));
    const average = history.length ? Math.round((history.reduce((sum, h) => sum + h.leaning, 0) / history.length) * 10) / 10 : null;
    const forCount = all.filter((e) => e.stance === 'for').length;
    const againstCount = all.filter((e) => e.stance === 'against').length;
    const verdict = verdictOf(history.map((h) => h.leaning), forCount, againstCount);
    return {
      key,
      question,
      current: input.exploration.leanings[key],
      average,
      verdict,
      for: all.filter((e) => e.stance === 'for'),
      against: all.filter((e) => e.stance === 'against'),
      other: all.filter((e) => e.stance === null),
      history,
    };
  });

  const openQuestions = interviews.flatMap((i) =>
    (i.debrief?.unknowns ?? '')
      .split(/\r?\n|(?<=\?)\s+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => ({ text: line, interviewId: i.id, contactName: i.contactName })),
  );
  const suggested: DecisionBoard['suggestedQuestions'] = [];
  const seen = new Set<string>();
  for (const open of openQuestions) {
    const text = asQuestion(open.text);
    if (text && !seen.has(text.toLowerCase())) {
      seen.add(text.toLowerCase());
      suggested.push({ text, reason: `Still open after talking to ${open.contactName}.`, keyQuestion: null, category: 'insights' });
    }
  }
  for (const q of questions) {
    const evidence = q.for.length + q.against.length;
    if (evidence < THIN || q.verdict === 'mixed') {
      suggested.push({
        text: PROMPTS[q.key],
        reason: q.verdict === 'mixed' ? `The answers to “${q.question}” disagree so far.` : `Little evidence yet on “${q.question}”.`,
        keyQuestion: q.key,
        category: CATEGORY[q.key],
      });
    }
  }
  const held = interviews.filter((i) => i.heldAt);
  return {
    exploration: { id: input.exploration.id, title: input.exploration.title, conclusion: input.exploration.conclusion },
    interviews: held.map((i) => ({ id: i.id, contactName: i.contactName, organizationName: i.organizationName, date: when(i), takeaways: i.takeaways, debriefed: i.debrief !== null })),
    questions,
    openQuestions,
    suggestedQuestions: suggested,
  };
}
