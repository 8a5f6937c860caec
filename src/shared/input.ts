/**
 * Checks on raw input that hold for every field, before any schema sees it.
 *
 * PostgreSQL cannot store the NUL character (U+0000) in text at all, and SQLite
 * keeps it but cuts strings at it in places; it is never meant in a name or a
 * note. So input holding one is refused with the field named, the same way on
 * both databases (importers can call `hasNul` on each cell).
 */

/** Bodies nested deeper than this are refused: no Inroads request comes close, and deep values overflow the stack of whoever walks them. */
export const MAX_DEPTH = 32;

export const NUL_MESSAGE = 'contains a NUL character (U+0000), which Inroads cannot store';
export const DEPTH_MESSAGE = `is nested more than ${MAX_DEPTH} levels deep`;
export const RESERVED_MESSAGE = 'is a reserved name, not accepted as a field';

/** Keys that could reach an object's prototype if a parsed value were ever merged into another. */
const RESERVED_KEYS = new Set(['__proto__', 'prototype']);

export const hasNul = (value: string): boolean => value.includes('\u0000');

export interface InputProblem {
  /** The dotted path of the offending value ('' for the whole value). */
  path: string[];
  message: string;
}

/**
 * The first string (or object key) holding a NUL character, key named `__proto__`
 * or `prototype`, or value nested deeper than MAX_DEPTH, in a parsed JSON value;
 * null when there is none.
 * Walks iteratively, so any input is safe to give it.
 */
export function findUnstorable(value: unknown): InputProblem | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (stack.length) {
    const next = stack.pop();
    if (!next) break;
    const { value: current, path } = next;
    if (typeof current === 'string') {
      if (hasNul(current)) return { path, message: NUL_MESSAGE };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= MAX_DEPTH) return { path, message: DEPTH_MESSAGE };
    const entries: Array<[string, unknown]> = Array.isArray(current) ? current.map((item, i) => [String(i), item]) : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i] as [string, unknown];
      if (hasNul(key)) return { path: [...path, key.replaceAll('\u0000', '\\0')], message: NUL_MESSAGE };
      if (RESERVED_KEYS.has(key)) return { path: [...path, key], message: RESERVED_MESSAGE };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}
