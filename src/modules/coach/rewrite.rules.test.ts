import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askAbout, openQuestion } from './rewrite.rules.js';

/** Closed questions and the open question the checker suggests instead: each must read as English. */
const OPEN: Array<[string, string]> = [
  ['Is UX research a good career?', 'In your experience, what makes UX research a good career?'],
  ['Is it a good place to work?', 'In your experience, what makes it a good place to work?'],
  ['Are the hours long?', 'In your experience, what makes the hours long?'],
  ['Was it hard to switch?', 'In your experience, what made it hard to switch?'],
  ['Are you happy in your role?', 'In your experience, what makes you happy in your role?'],
  ['Is it worth doing a master’s?', 'In your experience, what makes it worth doing a master’s?'],
  ['Is the team growing?', 'How is the team growing?'],
  ['Is there a lot of travel?', 'What can you tell me about travel?'],
  ['Are there opportunities to move abroad?', 'What can you tell me about opportunities to move abroad?'],
  ['Do you like your job?', 'What do you like about your job?'],
  ['Do you enjoy working with clients?', 'What do you enjoy about working with clients?'],
  ['Do you find the work rewarding?', 'What do you find rewarding about the work?'],
  ['Do you feel valued?', 'What makes you feel valued, or not?'],
  ['Do you think I should learn Figma?', 'What are your thoughts on whether I should learn Figma?'],
  ['Do you think that agencies hire juniors?', 'What are your thoughts on whether agencies hire juniors?'],
  ['Do you have any advice for me?', 'What advice do you have for me?'],
  ['Do you have a mentor?', 'Could you tell me about your mentor?'],
  ['Do you work from home?', 'What is it like to work from home?'],
  ['Did you study psychology?', 'What led you to study psychology, and how did it go?'],
  ['Do you see yourself staying?', 'How do you see yourself staying?'],
  ['Have you ever regretted the switch?', 'Could you tell me about a time you regretted the switch?'],
  ['Have you been promoted?', 'Could you tell me about a time you were promoted?'],
  ['Have you always worked in research?', 'What came before you worked in research?'],
  ['Has the field changed?', 'How has the field changed?'],
  ['Does the team use Agile?', 'How does the team use Agile?'],
  ['Would you recommend this career?', 'What would make you recommend this career, or not?'],
  ['Should I learn to code?', 'What are your thoughts on whether I should learn to code?'],
  ['Do I need a degree?', 'What are your thoughts on whether I need a degree?'],
  ['Am I too old to switch?', 'What are your thoughts on whether I am too old to switch?'],
  ['Will AI replace designers?', 'What are your thoughts on whether AI will replace designers?'],
  ['How many people are on your team?', 'How many people are on your team, and what is the story behind that?'],
  ['When did you start?', 'When did you start, and what is the story behind that?'],
  ['So, is the pay fair?', 'In your experience, what makes the pay fair?'],
];

/** Notes of what is still unknown, and the question the decision board suggests asking. */
const ASK: Array<[string, string]> = [
  ['- career paths in the public sector.', 'Could you tell me about career paths in the public sector?'],
  ['Is a portfolio expected?', 'Is a portfolio expected?'],
  ['is a portfolio expected', 'Is a portfolio expected?'],
  ['whether agencies hire juniors', 'Could you tell me whether agencies hire juniors?'],
  ['if the hours are flexible', 'Could you tell me whether the hours are flexible?'],
  ['how long it takes to get promoted', 'Could you tell me how long it takes to get promoted?'],
  ['how do people get promoted', 'How do people get promoted?'],
  ['what juniors earn', 'Could you tell me what juniors earn?'],
  ['Need to know if I need a degree', 'Could you tell me whether I need a degree?'],
  ['I still need to find out what a typical week looks like', 'Could you tell me what a typical week looks like?'],
  ['Not sure whether I would enjoy the research side', 'Could you tell me whether I would enjoy the research side?'],
  ["I don't know how people move from agencies in-house", 'Could you tell me how people move from agencies in-house?'],
  ['I could work part-time', 'Could you tell me whether I could work part-time?'],
  ['UX research salaries outside London', 'Could you tell me about UX research salaries outside London?'],
  ['Salary ranges for juniors', 'Could you tell me about salary ranges for juniors?'],
  ['UX research a good career', 'Could you tell me whether UX research is a good career?'],
  ['What the pay looks like after five years?', 'Could you tell me what the pay looks like after five years?'],
  ['What do juniors earn?', 'What do juniors earn?'],
  ['  ', ''],
];

describe('the rewrites the coaching suggests', () => {
  it.each(OPEN)('opens “%s” as “%s”', (closed, open) => {
    expect(openQuestion(closed)).toBe(open);
  });

  it.each(ASK)('asks about “%s” as “%s”', (note, question) => {
    expect(askAbout(note)).toBe(question);
  });

  it('never writes the broken forms the checkers used to write', () => {
    for (const [input] of [...OPEN, ...ASK]) {
      const out = input.trim() ? (OPEN.some(([c]) => c === input) ? openQuestion(input) : askAbout(input)) : '';
      expect(out).not.toMatch(/tell me about (is|are|do|does|did|can|should|if|whether|how|what)\b/i);
      expect(out).not.toMatch(/\?\?|\s\?/);
    }
  });

  it('always writes one question: a capital first, one question mark last', () => {
    const word = fc.constantFrom('is', 'are', 'do', 'you', 'I', 'the', 'team', 'UX', 'research', 'like', 'have', 'any', 'there', 'a', 'good', 'career', 'whether', 'how', 'what', 'need', 'to', 'know', 'working', 'did', 'will');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 9 }), (words) => {
        const text = words.join(' ');
        for (const out of [openQuestion(`${text}?`), askAbout(text)]) {
          if (!out) continue;
          expect(out).toMatch(/^[A-Z][^?]*\?$/);
          expect(out).not.toMatch(/\s{2}|\s\?/);
        }
      }),
    );
  });
});
