import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Seniority } from '../src/shared/schemas/contacts.js';

export interface LabelledQuestion {
  id: string;
  audience: Seniority;
  text: string;
  rules: string[];
}
export interface LabelledEmail {
  id: string;
  text: string;
  rules: string[];
}
export type Split = 'dev' | 'eval';

/** The repository root, from dist/bench or bench (compiled or run by vitest). */
function root(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      readFileSync(join(dir, 'data', 'coaching', 'README.md'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('data/coaching not found');
}

function load<T>(name: string): T[] {
  return readFileSync(join(root(), 'data', 'coaching', `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export const questionSplit = (split: Split) => load<LabelledQuestion>(`questions.${split}`);
export const emailSplit = (split: Split) => load<LabelledEmail>(`emails.${split}`);

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export interface Mistake {
  id: string;
  text: string;
  expected: string[];
  got: string[];
}

/** Precision, recall and F1 per rule and over all rules (micro-averaged), and the texts that went wrong. */
export function evaluate<T extends { id: string; text: string; rules: string[] }>(
  items: T[],
  ruleIds: readonly string[],
  check: (item: T) => string[],
): { perRule: Record<string, Score>; overall: Score; mistakes: Mistake[] } {
  const counts = Object.fromEntries(ruleIds.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: Mistake[] = [];
  for (const item of items) {
    const got = [...new Set(check(item))];
    for (const rule of ruleIds) {
      const c = counts[rule];
      if (!c) continue;
      const want = item.rules.includes(rule);
      const has = got.includes(rule);
      if (want && has) c.tp++;
      else if (has) c.fp++;
      else if (want) c.fn++;
    }
    if ([...got].sort().join() !== [...item.rules].sort().join()) mistakes.push({ id: item.id, text: item.text, expected: item.rules, got });
  }
  const perRule = Object.fromEntries(Object.entries(counts).map(([r, c]) => [r, score(c.tp, c.fp, c.fn)]));
  const sum = Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { perRule, overall: score(sum.tp, sum.fp, sum.fn), mistakes };
}
