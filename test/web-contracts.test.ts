import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web app's contract with the server sits in one typed `<feature>.api.ts` per feature: components
 * never build a URL, mutations refresh what they change by query key, and response types come from
 * `src/shared/schemas` rather than being written again by hand.
 */
const root = join(import.meta.dirname, '..', 'src', 'web');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sources(root).map((path) => ({ path: relative(root, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }));

function hits(pattern: RegExp, which: (path: string) => boolean): string[] {
  return files.filter((f) => which(f.path)).flatMap((f) => f.text.split('\n').flatMap((line, n) => (pattern.test(line) ? [`${f.path}:${n + 1}: ${line.trim()}`] : [])));
}

describe('the web app talks to the server through its api files', () => {
  it('only *.api.ts files name an API address: no component or hook builds one', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(hits(/\/api\/v1/, (path) => !path.endsWith('.api.ts'))).toEqual([]);
  });

  it('every invalidation names the keys it refreshes', () => {
    expect(hits(/invalidateQueries\(\s*\)/, () => true)).toEqual([]);
  });

  it('no response type is written by hand in a call', () => {
    expect(hits(/\bapi\.(get|post|put|patch|delete)<\s*\{/, () => true)).toEqual([]);
  });
});

/** The modules a file imports for their values (`import type` and all-`type` name lists are left out), resolved to files. */
function valueImports(path: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?([^'";]*?)\s*from\s+'([^']+)';/gms)) {
    const [, typeOnly, clause = '', target = ''] = m;
    if (typeOnly) continue;
    const names = /^\{([^}]*)\}$/s.exec(clause.trim())?.[1];
    if (names !== undefined && names.split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    out.push(target.startsWith('.') ? join(path, '..', target).replace(/\.js$/, '') : target);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)';/gm)) out.push((m[1] ?? '').startsWith('.') ? join(path, '..', m[1] ?? '').replace(/\.js$/, '') : (m[1] ?? ''));
  return out;
}

describe('the web bundle stays small', () => {
  it('nothing the web app loads imports zod: the shared values it needs live in src/shared/vocabulary, not in the schemas', () => {
    const seen = new Set<string>();
    const carriers: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const target of valueImports(file, text)) {
        if (target === 'zod' || target.startsWith('zod/')) carriers.push(relative(join(root, '..', '..'), file));
        else if (target.startsWith('/') && !/\.(css|svg|png)$/.test(target)) {
          const resolved = [`${target}.ts`, `${target}.tsx`].find((candidate) => existsSync(candidate));
          if (!resolved) throw new Error(`${file} imports ${target}, which is not a file here`);
          visit(resolved);
        }
      }
    };
    for (const f of files) visit(join(root, f.path));
    expect([...seen].some((file) => file.includes('/shared/'))).toBe(true);
    expect(carriers).toEqual([]);
  });
});
