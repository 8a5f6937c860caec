import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, sourceFiles, withoutComments } from '../../test/fixtures/source.js';

/**
 * One contract per feature: the shapes a route accepts and returns live in src/shared/schemas,
 * where the routes, the CLI and the web app all read them; the CLI reaches the data through use
 * cases only, never through a route or a repository.
 */

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');


const inSrc = (file: string) => relative(srcDir, file).split('\\').join('/');

/** `z.object(` (or `z .object (`) written in `source`, outside comments. */
export function objectSchemaCount(source: string): number {
  return [...withoutComments(source).matchAll(/\bz\s*\.\s*object\s*\(/g)].length;
}

/** The modules `file` imports that are a feature's routes or repository. */
export function routeOrRepositoryImports(source: string): string[] {
  return importSpecifiers(source).filter((specifier) => /\.(routes|repository)(\.js|\.ts)?$/.test(specifier));
}

describe('the contract of each feature lives in src/shared/schemas', () => {
  it('counts object schemas and route or repository imports, and ignores comments', () => {
    const source = [
      "import { a } from '../modules/contacts/contacts.routes.js';",
      "import type { B } from '../modules/contacts/contacts.repository.js';",
      "import { c } from '../modules/contacts/contacts.usecases.js';",
      '// const old = z.object({ gone: z.string() });',
      'const query = z.object({ q: z.string() });',
      'const body = z\n  .object({ text: z.string() });',
      'const notZod = zz.object({});',
    ].join('\n');
    expect(objectSchemaCount(source)).toBe(2);
    expect(routeOrRepositoryImports(source)).toEqual(['../modules/contacts/contacts.routes.js', '../modules/contacts/contacts.repository.js']);
  });

  it('has no z.object outside src/shared (tests aside): routes, server and CLI use the shared schemas', () => {
    const offenders = sourceFiles(srcDir)
      .filter((file) => !inSrc(file).startsWith('shared/'))
      .map((file) => ({ file: inSrc(file), count: objectSchemaCount(readFileSync(file, 'utf8')) }))
      .filter(({ count }) => count > 0)
      .map(({ file, count }) => `${file}: ${count}`);
    expect(offenders, 'move these schemas into src/shared/schemas/<feature>.ts').toEqual([]);
  });

  it('has routes files that build no schema of their own (they do not import zod)', () => {
    const routes = sourceFiles(join(srcDir, 'modules')).filter((file) => file.endsWith('.routes.ts'));
    expect(routes.length).toBeGreaterThan(15);
    const offenders = routes.filter((file) => importSpecifiers(readFileSync(file, 'utf8')).includes('zod')).map(inSrc);
    expect(offenders).toEqual([]);
  });
});

describe('the CLI', () => {
  it('calls use cases only: no file in src/cli imports a routes or repository module', () => {
    const files = sourceFiles(join(srcDir, 'cli'));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) => routeOrRepositoryImports(readFileSync(file, 'utf8')).map((specifier) => `${inSrc(file)} → ${specifier}`));
    expect(offenders).toEqual([]);
  });
});
