/**
 * Splits the coaching corpus (data/coaching/questions.jsonl, emails.jsonl) once into a development
 * split (70%) and a sealed evaluation split (30%), at random with a fixed, recorded seed, so the same
 * input always gives the same split. Run: `npm run build && node dist/scripts/split-coaching-corpus.js`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED = 20261201;
const EVAL_SHARE = 0.3;

/** A small seeded generator (mulberry32): deterministic on every platform. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function split(dir: string, name: string, random: () => number): { dev: number; eval: number } {
  const lines = readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter((l) => l.trim());
  const order = lines.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const evalSet = new Set(order.slice(0, Math.round(lines.length * EVAL_SHARE)));
  const pick = (inEval: boolean) => lines.filter((_, i) => evalSet.has(i) === inEval);
  writeFileSync(join(dir, `${name}.dev.jsonl`), `${pick(false).join('\n')}\n`);
  writeFileSync(join(dir, `${name}.eval.jsonl`), `${pick(true).join('\n')}\n`);
  return { dev: lines.length - evalSet.size, eval: evalSet.size };
}

const dir = join(process.cwd(), 'data', 'coaching');
const random = generator(SEED);
for (const name of ['questions', 'emails']) {
  const sizes = split(dir, name, random);
  process.stdout.write(`${name}: ${sizes.dev} development, ${sizes.eval} evaluation (seed ${SEED})\n`);
}
