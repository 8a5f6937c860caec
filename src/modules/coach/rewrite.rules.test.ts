import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asQuestion } from '../decisions/decision.rules.js';
import { checkQuestion } from './question.rules.js';
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
  // Text-speak, statements asked as questions, and yes/no questions inside a sentence.
  ['do u enjoy ur job??', 'What do you enjoy about your job?'],
  ['You like your work?', 'What do you like about your work?'],
  ['It is difficult to find work in this field?', 'In your experience, what makes it difficult to find work in this field?'],
  ['Is possible to do this job without a degree?', 'In your experience, what makes it possible to do this job without a degree?'],
  ['May I ask if you like living in London?', 'What do you like about living in London?'],
  ['I’m curious whether you enjoy the client side of it.', 'What do you enjoy about the client side of it?'],
  ["I'd like to know if the hours are flexible.", 'In your experience, what makes the hours flexible?'],
  // Shapes with a better open form of their own.
  ['Did you enjoy university?', 'What did you enjoy about university?'],
  ['So, did you always want to be a lawyer?', 'What first made you want to be a lawyer?'],
  ["Did you need a master's to get in?", "Looking back, how much did a master's help you get in?"],
  ['Did it take long to learn the software?', 'How long did it take to learn the software, and what helped?'],
  ['Is it true that most analysts burn out?', 'What are your thoughts on whether most analysts burn out?'],
  ['Has the job changed much since you started?', 'How has the job changed since you started?'],
  ['Have you managed people before?', 'Could you tell me about a time you managed people?'],
];

/** The whole suggestion the question checker writes, lead-ins and all. */
const SUGGESTED: Array<[string, string]> = [
  ['Do you like your job?', 'Ask it so that it invites a story, for example: “What do you like about your job?”'],
  ['Thanks so much for your time. Is the work stressful?', 'Ask it so that it invites a story, for example: “In your experience, what makes the work stressful?”'],
  ['I was just wondering, do you enjoy managing people?', 'Ask it so that it invites a story, for example: “What do you enjoy about managing people?”'],
  ['Quick one: is the work mostly remote?', 'Ask it so that it invites a story, for example: “In your experience, what makes the work mostly remote?”'],
  ['How long have you been at the company?', 'Ask it so that it invites a story, for example: “How long have you been at the company, and what is the story behind that?”'],
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
  ['- whether the team sponsors visas', 'Could you tell me whether the team sponsors visas?'],
  ['how people get their first client', 'Could you tell me how people get their first client?'],
  ['Find out more about the certification route', 'Could you tell me about the certification route?'],
  ['pay progression after the first two years.', 'Could you tell me about pay progression after the first two years?'],
];

describe('the rewrites the coaching suggests', () => {
  it.each(OPEN)('opens “%s” as “%s”', (closed, open) => {
    expect(openQuestion(closed)).toBe(open);
  });

  it.each(ASK)('asks about “%s” as “%s”', (note, question) => {
    expect(askAbout(note)).toBe(question);
  });

  it.each(SUGGESTED)('suggests for “%s”: %s', (question, suggestion) => {
    const finding = checkQuestion(question, 'peer').find((f) => f.rule === 'closed-question');
    expect(finding?.suggestion).toBe(suggestion);
  });

  it('writes open questions the checker itself finds open, and board questions it does not flag', () => {
    for (const [closed] of OPEN) {
      const open = openQuestion(closed);
      expect(checkQuestion(open, 'peer').map((f) => f.rule), `${closed} → ${open}`).not.toContain('closed-question');
    }
    for (const [note, question] of ASK) {
      // A note already written as a yes/no question is kept as the user wrote it.
      if (!question || question.endsWith('expected?')) continue;
      expect(checkQuestion(asQuestion(note), 'peer'), question).toEqual([]);
    }
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
