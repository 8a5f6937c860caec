import { checkEmail } from '../src/modules/coach/email.rules.js';
import { checkQuestion } from '../src/modules/coach/question.rules.js';
import { emailRuleIds, questionRuleIds } from '../src/shared/schemas/coach.js';
import { emailSplit, evaluate, questionSplit, type Score, type Split } from './coaching-corpus.js';

const f = (n: number) => n.toFixed(2);
const row = (name: string, s: Score) => `| ${name} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.tp} | ${s.fp} | ${s.fn} |`;

/** Per-text cost over a corpus: every text checked `rounds` times; median and slowest of the per-text medians, in µs. */
function cost<T>(items: T[], run: (item: T) => unknown, rounds = 25): { median: number; max: number } {
  for (const item of items) run(item); // warm up
  const perText = items.map((item) => {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      run(item);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)] ?? 0;
  });
  perText.sort((a, b) => a - b);
  return { median: (perText[Math.floor(perText.length / 2)] ?? 0) * 1000, max: (perText[perText.length - 1] ?? 0) * 1000 };
}

/** Precision, recall and F1 per rule of both checkers on the development and the sealed evaluation split, and the per-text cost. */
export function benchCoaching(): string[] {
  const lines: string[] = [];
  for (const split of ['dev', 'eval'] as Split[]) {
    const questions = questionSplit(split);
    const emails = emailSplit(split);
    const q = evaluate(questions, questionRuleIds, (x) => checkQuestion(x.text, x.audience).map((r) => r.rule));
    const e = evaluate(emails, emailRuleIds, (x) => checkEmail(x.text).map((r) => r.rule));
    lines.push(
      '',
      `| coaching, ${split === 'dev' ? 'development' : 'evaluation'} split (${questions.length} questions, ${emails.length} emails) | precision | recall | F1 | tp | fp | fn |`,
      '|---|---|---|---|---|---|---|',
      row('**questions, all rules**', q.overall),
      ...Object.entries(q.perRule).map(([rule, s]) => row(`question: ${rule}`, s)),
      row('**emails, all rules**', e.overall),
      ...Object.entries(e.perRule).map(([rule, s]) => row(`email: ${rule}`, s)),
    );
  }
  const questions = [...questionSplit('dev'), ...questionSplit('eval')];
  const emails = [...emailSplit('dev'), ...emailSplit('eval')];
  const qc = cost(questions, (x) => checkQuestion(x.text, x.audience));
  const ec = cost(emails, (x) => checkEmail(x.text));
  lines.push(
    '',
    '| coaching, cost per text | median | slowest text | target |',
    '|---|---|---|---|',
    `| question checker (${questions.length} questions) | ${qc.median.toFixed(0)} µs | ${qc.max.toFixed(0)} µs | ≤ 1 ms |`,
    `| email checker (${emails.length} emails) | ${ec.median.toFixed(0)} µs | ${ec.max.toFixed(0)} µs | ≤ 1 ms |`,
  );
  return lines;
}
