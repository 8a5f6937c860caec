import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver comes with npm's own dependency tree (it is what npm uses to check `engines`).
const semver = createRequire(import.meta.url)('semver') as { minVersion(range: string): { version: string } | null; satisfies(version: string, range: string): boolean };
const root = new URL('../', import.meta.url);
const json = <T>(file: string) => JSON.parse(readFileSync(new URL(file, root), 'utf8')) as T;

describe('the Node version the README names', () => {
  const { engines } = json<{ engines: { node: string } }>('package.json');
  const oldest = semver.minVersion(engines.node)?.version ?? '';

  it('is the one package.json declares', () => {
    const [major, minor] = oldest.split('.');
    expect(readFileSync(new URL('README.md', root), 'utf8')).toContain(`Needs Node.js ${major}.${minor} or newer`);
  });

  it('is supported by every package the lockfile installs, so a clean install prints no EBADENGINE warning', () => {
    const { packages } = json<{ packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> }>('package-lock.json');
    const unsupported = Object.entries(packages)
      .filter(([path, entry]) => path !== '' && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path}@${entry.version ?? '?'} needs Node ${(entry.engines as { node: string }).node}`);
    expect(unsupported).toEqual([]);
  });
});
