import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web app's contract with the server sits in one typed `<feature>.api.ts` per feature: components
 * never build a URL, mutations refresh what they change by query key, and response types come from
 * `src/shared/schemas` rather than being written again by hand.
 */
const root = join(import.meta.dirname, '..', 'src', 'web');

// Folders still on their way to their own api file (their helper's branch moves them; remove on merge).
const allowed = ['features/people/', 'features/interviews/'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sources(root)
  .map((path) => ({ path: relative(root, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }))
  .filter((f) => !allowed.some((folder) => f.path.startsWith(folder)));

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
