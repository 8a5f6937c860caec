import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { performanceSection, README_END, README_START, writeReadme } from '../bench/readme.js';

describe('the README performance section the bench writes', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const readme = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'inroads-readme-'));
    dirs.push(dir);
    const file = join(dir, 'README.md');
    writeFileSync(file, text);
    return file;
  };

  it('replaces only what is between the markers, with the command, the machine and the output', () => {
    const file = readme(`# Inroads\n\n## Quick start\n\nnpx inroads\n\n${README_START}\nold figures\n${README_END}\n\n## After\n`);
    writeReadme(file, performanceSection(['| list | 3 ms |'], 'npm run bench -- --readme', 0.4));
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Inroads\n\n## Quick start\n\nnpx inroads\n\n')).toBe(true);
    expect(text.endsWith(`${README_END}\n\n## After\n`)).toBe(true);
    expect(text).not.toContain('old figures');
    expect(text).toContain('| list | 3 ms |');
    expect(text).toContain('with `npm run bench -- --readme` on ');
    expect(text).toMatch(/cores, \d+ GiB, .* Node v\d+/);
  });

  it('refuses a README without the markers, and leaves it as it was', () => {
    const file = readme('# Inroads\n\n## Quick start\n');
    expect(() => writeReadme(file, performanceSection([], 'npm run bench', 0))).toThrow(/markers/);
    expect(readFileSync(file, 'utf8')).toBe('# Inroads\n\n## Quick start\n');
  });

  it('finds the markers in the project README, once each', () => {
    const text = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(text.split(README_START)).toHaveLength(2);
    expect(text.split(README_END)).toHaveLength(2);
    expect(text.indexOf('## Quick start')).toBeLessThan(text.indexOf(README_START));
  });
});
