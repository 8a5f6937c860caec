import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, isErrorCode } from '../shared/error-codes.js';
import { AppError, notFound } from '../shared/errors.js';
import { deny } from './security.js';

/**
 * The catalogue is the only place a code is made. TypeScript holds every call
 * site to it (the `@ts-expect-error` lines below stop compiling, and so fail
 * `npm run typecheck`, the day the types let an unknown code or a wrong status
 * through); this test reads the source as text, so that a cast, an `any` or a
 * helper that builds codes its own way cannot slip past either.
 */

const ROOT = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The index of the quote that closes the string, template or `${…}`-holding template opening at `i`. */
function endOfString(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j;
    else if (quote === '`' && text[j] === '$' && text[j + 1] === '{') j = closing(text, j + 1);
  }
  throw new Error(`an unclosed string at ${i}`);
}

/** The index of the bracket that closes the one at `open`, skipping strings and templates. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') i = endOfString(text, i);
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`an unclosed bracket at ${open}`);
}

/** The top-level, comma-separated arguments of the call whose parenthesis is at `open`. */
function argumentsAt(text: string, open: number): string[] {
  const end = closing(text, open);
  const out: string[] = [];
  let start = open + 1;
  for (let i = open + 1; i < end; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') i = endOfString(text, i);
    else if (c === '(' || c === '{' || c === '[') i = closing(text, i);
    else if (c === ',') {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start, end).trim());
  return out;
}

/** The codes an argument can be: each quoted string in it (`x ? 'a' : 'b'` gives both); none when it is not written out. */
const literals = (arg: string | undefined): string[] => [...(arg ?? '').matchAll(/'([^'\\]*)'/g)].map((m) => m[1] ?? '');
const asNotFound = (entity: string | undefined) => entity?.replace(/'$/, ".not_found'");
const statusOf = (arg: string | undefined): number | null => (/^\d+\b/.exec(arg ?? '') ? Number.parseInt(arg ?? '', 10) : null);

interface Made {
  where: string;
  code: string;
  /** null when the status is not written as a number (checked by type instead). */
  status: number | null;
}

/** The one code built from a value: `notFound(entity, id)` makes `<entity>.not_found` (its callers' entities are read instead). */
const DYNAMIC = new Map([['shared/errors.ts', /^code$/]]);

/**
 * Every code one source file makes: by `new AppError(…)`, `notFound(…)`, `required(…)`,
 * `deny(…)`, `errorBody(…)` and the error handler's tables, and every code it compares with.
 */
function scanSource(text: string, name: string): { made: Made[]; unreadable: string[] } {
  const made: Made[] = [];
  const unreadable: string[] = [];
  const lineOf = (index: number) => `${name}:${text.slice(0, index).split('\n').length}`;
  const calls = (pattern: RegExp, take: (args: string[], where: string) => void) => {
    for (const match of text.matchAll(pattern)) take(argumentsAt(text, (match.index ?? 0) + match[0].length - 1), lineOf(match.index ?? 0));
  };
  const record = (where: string, codeArg: string | undefined, status: number | null, dynamic?: RegExp) => {
    const codes = literals(codeArg);
    if (codes.length === 0 && !dynamic?.test(codeArg ?? '')) unreadable.push(`${where}: ${codeArg}`);
    for (const code of codes) made.push({ where, code, status });
  };
  calls(/\bnew AppError(<[^>]*>)?\(/g, ([code, status], where) => record(where, code, statusOf(status), DYNAMIC.get(name)));
  calls(/\bdeny(<[^>]*>)?\(/g, ([, status, code], where) => record(where, code, statusOf(status), name === 'server/security.ts' ? /^code: C$/ : undefined));
  calls(/\berrorBody\(/g, ([code], where) => record(where, code, null, name === 'server/errors.ts' ? /^(out\.)?code(: ErrorCode)?$/ : undefined));
  // The shared notFound and required (multi-user.ts has a notFound of its own, for requests).
  if (/import \{[^}]*\bnotFound\b[^}]*\} from '[./]*(shared\/)?errors\.js'/.test(text) || name === 'shared/errors.ts') {
    calls(/\bnotFound\(/g, ([entity], where) => record(where, asNotFound(entity), 404, /^entity(: NotFoundEntity)?$/));
  }
  if (/import \{[^}]*\brequired\b[^}]*\} from '\.\.\/references\.js'/.test(text) || name === 'modules/references.ts') {
    calls(/\brequired(<[^>]*>)?\(/g, ([, entity], where) => record(where, asNotFound(entity), 404, /^entity: NotFoundEntity$/));
  }
  // The error handler's own answers: `{ status: 415, code: '…' }` and `[408, '…', message]`.
  for (const match of text.matchAll(/status: (\d+|[\w.]+), code: ('[^']*')/g)) record(lineOf(match.index ?? 0), match[2], statusOf(match[1]));
  for (const match of text.matchAll(/\[(\d{3}), ('[a-z_.]+'), /g)) record(lineOf(match.index ?? 0), match[2], statusOf(match[1]));
  // Codes compared with: a typo there never matches, silently.
  for (const match of text.matchAll(/\.code (?:===|!==) '([a-z_]+\.[a-z_.]+|usage)'/g)) made.push({ where: lineOf(match.index ?? 0), code: match[1] ?? '', status: null });
  return { made, unreadable };
}

function scan(files: string[]): { made: Made[]; unreadable: string[] } {
  const each = files.map((file) => scanSource(readFileSync(file, 'utf8'), relative(ROOT, file)));
  return { made: each.flatMap((e) => e.made), unreadable: each.flatMap((e) => e.unreadable) };
}

const problems = (made: Made[]) =>
  made.flatMap(({ where, code, status }) => {
    if (!isErrorCode(code)) return [`${where}: ${code} is not in the catalogue`];
    if (status !== null && status !== ERROR_CODES[code].status) return [`${where}: ${code} is given status ${status}; the catalogue says ${ERROR_CODES[code].status}`];
    return [];
  });

describe('the error-code catalogue', () => {
  const { made, unreadable } = scan(sourceFiles(ROOT));

  it('holds every code the source makes, with the status it is made with', () => {
    // (The scan must be finding the call sites at all.)
    expect(made.length).toBeGreaterThan(150);
    for (const code of ['contacts.not_found', 'notes.not_found', 'request.unsupported_media_type', 'security.csrf', 'accounts.rate_limited', 'usage', 'validation.failed'] as const) {
      expect(made.map((m) => m.code), code).toContain(code);
    }
    expect(problems(made)).toEqual([]);
  });

  it('has no entry that nothing makes', () => {
    const used = new Set(made.map((m) => m.code));
    expect(Object.keys(ERROR_CODES).filter((code) => !used.has(code))).toEqual([]);
  });

  it('finds no code it cannot read (a code built from a value must be taught to this test)', () => {
    expect(unreadable).toEqual([]);
    // What it cannot read, it says: a code built from a value, or passed through a helper of one's own.
    expect(scanSource('throw new AppError(`contacts.${reason}`, 409, `Not ${"now"}`);\nconst fail = (code) => new AppError(code, 400);', 'sample.ts').unreadable).toEqual([
      'sample.ts:1: `contacts.${reason}`',
      'sample.ts:2: code',
    ]);
  });

  it('notices a code missing from the catalogue, or made with another status', () => {
    const sample = [
      "throw new AppError('contacts.missing', 404, 'x');",
      "throw new AppError(\n  'contacts.not_found',\n  400,\n  'x',\n);",
      "return deny(reply, 401, 'security.csrf', 'x');",
      "return { status: 415, code: 'request.unsupported', message: 'x' };",
      "if (error.code === 'db.damged') return;",
    ];
    const found = sample.flatMap((text, i) => scanSource(text, `sample-${i}.ts`).made);
    expect(problems(found)).toEqual([
      'sample-0.ts:1: contacts.missing is not in the catalogue',
      'sample-1.ts:1: contacts.not_found is given status 400; the catalogue says 404',
      'sample-2.ts:1: security.csrf is given status 401; the catalogue says 403',
      'sample-3.ts:1: request.unsupported is not in the catalogue',
      'sample-4.ts:1: db.damged is not in the catalogue',
    ]);
  });

  it('has a status and a plain message for every code, and codes of one shape', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
      expect(entry.message.length, code).toBeGreaterThan(10);
      if ('exit' in entry) expect([1, 2], code).toContain(entry.status);
      else expect(entry.status >= 400 && entry.status < 600, code).toBe(true);
    }
  });

  it('keeps the catalogue’s status, and its message when none is given', () => {
    const error = new AppError('trash.already_restored', 409);
    expect([error.status, error.message]).toEqual([409, ERROR_CODES['trash.already_restored'].message]);
    expect(notFound('contacts', 'abc')).toMatchObject({ code: 'contacts.not_found', status: 404, details: { id: 'abc' } });
  });

  it('refuses, by type, an unknown code or another status', () => {
    // Each line must fail to compile; if one compiles, `npm run typecheck` fails on its unused directive.
    const refused = [
      // @ts-expect-error: not a code in the catalogue
      () => new AppError('contacts.missing', 404, 'x'),
      // @ts-expect-error: the catalogue says 404
      () => new AppError('contacts.not_found', 400, 'x'),
      // @ts-expect-error: no `people.not_found` in the catalogue
      () => notFound('people', 'x'),
      // @ts-expect-error: the catalogue says 403
      () => deny(undefined as never, 401, 'security.csrf', 'x'),
      // @ts-expect-error: a choice of codes whose statuses differ (500 and 2) has no one status
      (ok: boolean) => new AppError(ok ? 'backup.failed' : 'usage', 500, 'x'),
    ];
    expect(refused).toHaveLength(5);
    // A choice of codes that share their status is fine.
    expect(((ok: boolean) => new AppError(ok ? 'backup.failed' : 'backup.integrity', 500))(true).status).toBe(500);
    const code: ErrorCode = 'validation.failed';
    expect(isErrorCode(code)).toBe(true);
  });
});
