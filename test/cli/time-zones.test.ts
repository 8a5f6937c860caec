import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/inroads.js');
const run = (home: string, args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, '--home', home, ...args], { encoding: 'utf8', env: { ...process.env, INROADS_DATABASE_URL: '', INROADS_HOME: '' }, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('time zones on the command line', () => {
  let home: string;
  beforeAll(() => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build.');
    home = mkdtempSync(join(tmpdir(), 'inroads-cli-tz-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('adds an organisation with where it is and a person with their zone, and names the field of a bad zone', () => {
    const org = run(home, ['organizations', 'add', 'Spree Analytics', '--location', 'Berlin, Germany', '--json']);
    expect(org.code, org.stderr).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ location: 'Berlin, Germany' });
    const person = run(home, ['contacts', 'add', '--name', 'Berta Brandt', '--time-zone', 'Europe/Berlin', '--json']);
    expect(person.code, person.stderr).toBe(0);
    expect(JSON.parse(person.stdout)).toMatchObject({ timeZone: 'Europe/Berlin' });
    const bad = run(home, ['contacts', 'add', '--name', 'Nobody', '--time-zone', 'Mars/Base']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('timeZone');
  });
});
