import type { SnippetSegment } from '../../shared/schemas/search.js';

const WORD = /[\p{L}\p{N}]+/gu;
const fold = (word: string) => word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * A short window of `text` around the first word that starts with one of the
 * query terms, as segments with every matching word flagged. Pure, and the same
 * on both databases. Returns null when nothing in the text matches.
 */
export function highlight(text: string, terms: readonly string[], maxWords = 18): SnippetSegment[] | null {
  const folded = terms.map(fold);
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, match: folded.some((t) => fold(m[0]).startsWith(t)) }));
  const first = words.findIndex((w) => w.match);
  if (first === -1) return null;
  const from = Math.max(0, first - 5);
  const to = Math.min(words.length, from + maxWords);
  const startAt = words[from]?.start ?? 0;
  const endAt = words[to - 1]?.end ?? text.length;
  const segments: SnippetSegment[] = [];
  let cursor = startAt;
  const push = (value: string, match: boolean) => {
    if (!value) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += value;
    else segments.push({ text: value, match });
  };
  if (from > 0) push('…', false);
  for (const word of words.slice(from, to)) {
    push(text.slice(cursor, word.start).replace(/\s+/g, ' '), false);
    push(text.slice(word.start, word.end), word.match);
    cursor = word.end;
  }
  if (endAt < text.length) push('…', false);
  return segments;
}

/** The snippet shown for a hit: from the body when it matches, else from the name. */
export function snippetFor(name: string, body: string, terms: readonly string[]): SnippetSegment[] {
  return highlight(body, terms) ?? highlight(name, terms) ?? [{ text: body.slice(0, 120), match: false }];
}
