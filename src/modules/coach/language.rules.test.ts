import { describe, expect, it } from 'vitest';
import { lemma, lemmatise, negated, questionClause, questionType, sentenceSpans, spanOf } from './language.rules.js';

describe('the language toolkit of the coaching checks', () => {
  it.each([
    ['earns', 'earn'],
    ['earned', 'earn'],
    ['earning', 'earn'],
    ['hiring', 'hire'],
    ['hired', 'hire'],
    ['vacancies', 'vacancy'],
    ['salaries', 'salary'],
    ['was', 'be'],
    ['paid', 'pay'],
    ['children', 'child'],
    ['planning', 'plan'],
    ['founded', 'found'],
    ['found', 'find'],
    ['business', 'business'],
    ['headquarters', 'headquarters'],
    ['u', 'you'],
    ['ur', 'your'],
  ])('the lemma of “%s” is “%s”', (word, expected) => {
    expect(lemma(word)).toBe(expected);
  });

  it('expands contractions and keeps possessives apart', () => {
    expect(lemmatise("What's the company's plan? I'm not sure, they don't say.").lemmas).toBe("what be the company 's plan i be not sure they do not say");
    expect(lemmatise('I won’t send my day-to-day notes').lemmas).toBe('i will not send my day to day note');
  });

  it('maps a match on the lemmas back to the words of the text', () => {
    const text = 'Honestly, how much do you earn these days?';
    const l = lemmatise(text);
    const at = l.lemmas.indexOf('how much do you earn');
    const span = spanOf(l, at, 'how much do you earn'.length);
    expect(span && text.slice(span.start, span.end)).toBe('how much do you earn');
  });

  it('splits sentences at . ! ? and line breaks, but not after titles or before lower case', () => {
    const text = 'Dr. Okafor suggested I write. Is that ok?\nThanks e.g. for this!';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Dr. Okafor suggested I write.', 'Is that ok?', 'Thanks e.g. for this!']);
  });

  it.each([
    ['Do you enjoy the work?', 'yes-no'],
    ['Is there a dress code?', 'yes-no'],
    ['You like your work?', 'yes-no'],
    ['I’d like to know if the hours are flexible.', 'yes-no'],
    ['How many people are on your team?', 'one-fact'],
    ['Where did you study?', 'one-fact'],
    ['When did you start?', 'one-fact'],
    ['Where do you see the field going?', 'open'],
    ['How much did the course help you?', 'open'],
    ['What do you enjoy most?', 'open'],
    ['How long did it take, and what helped most?', 'open'],
    ['Could you walk me through a typical project?', 'invitation'],
    ['Would you mind sharing how you prepared?', 'invitation'],
    ['Do you have any advice for a career changer?', 'invitation'],
    ['Is there anyone else I should talk to?', 'invitation'],
    ['Are there any books you would recommend?', 'invitation'],
    ['I was wondering if you could tell me how you started.', 'invitation'],
    ['Tell me about your first year.', 'invitation'],
    ['I studied history.', 'statement'],
  ])('“%s” is a %s question', (text, type) => {
    expect(questionType(questionClause(text).clause)).toBe(type);
  });

  it('finds the question after a lead-in or a statement', () => {
    expect(questionClause('Quick one: is the work mostly remote?').clause).toBe('is the work mostly remote?');
    expect(questionClause('Coming from teaching, I am unsure how it carries over — how did you explain your background?').clause).toBe('how did you explain your background?');
    // A sentence that is a question from its first word is kept whole.
    expect(questionClause('Who else should I meet, and may I mention you?').clause).toBe('Who else should I meet, and may I mention you?');
  });

  it.each([
    ["I'm not looking for a job, only advice.", 'look for a job', true],
    ['I am looking for a job.', 'look for a job', false],
    ["Not to be pushy, but are you hiring?", 'hire', false],
    ["I'm not sure whether you are hiring.", 'hire', false],
    ['This is no request for a referral.', 'referral', true],
    ["I know you're not a recruiter, but could you refer me?", 'refer me', false],
  ])('in “%s”, “%s” denied: %s', (text, words, expected) => {
    const l = lemmatise(text);
    expect(negated(l, l.lemmas.indexOf(words))).toBe(expected);
  });
});
