import { checkEmail } from '../src/modules/coach/email.rules.js';
import { checkQuestion } from '../src/modules/coach/question.rules.js';

const EMAIL = `Subject: A question about your path into research

Hi Maya,

Ben Walsh suggested I get in touch. I have taught secondary-school science for eight years, and over the last two I have been running small studies with students and parents to redesign how our department teaches. That work is the part of my job I enjoy most, and it has led me to explore a move into UX research, particularly in education technology, where my classroom experience might be useful.

Your move from teaching into research at Brightpath is exactly the path I am trying to understand: what the first year was like, which skills carried over, and what you would do differently. Would you have 20 minutes in the next couple of weeks for a short call? I am looking for advice, not a job, and I will keep to the time.

Thank you,
Sam`;

function median(run: () => void, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** Median cost of the checkers on a realistic request of about 150 words. */
export function benchCoach(): string[] {
  const words = EMAIL.split(/\s+/).length;
  const email = median(() => checkEmail(EMAIL), 3000);
  const question = median(() => checkQuestion('Could you walk me through how your team decides what to research next?', 'peer'), 3000);
  return [
    `| email checker, ${words}-word request | median ${(email * 1000).toFixed(0)} µs | target ≤ 1 ms |`,
    `| question checker | median ${(question * 1000).toFixed(0)} µs | |`,
  ];
}
