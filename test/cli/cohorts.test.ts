import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../fixtures/databases.js';

const BIN = resolve('bin/inroads.js');

/** Issue 21, item 3: a whole cohort invited from the command line, all or nothing. */
describe.each(dialects)('inroads users invite --csv on %s', (dialect) => {
  let home: string;
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build (npm test does this for you).');
    home = mkdtempSync(join(tmpdir(), 'inroads-cohort-cli-'));
    if (dialect === 'postgres') database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    rmSync(home, { recursive: true, force: true });
    await database?.dispose();
  });

  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
      encoding: 'utf8',
      env: { ...process.env, INROADS_DATABASE_URL: database?.url ?? '', INROADS_HOME: '', INROADS_PUBLIC_URL: '', INROADS_SMTP_URL: '' },
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const file = (name: string, text: string) => {
    const path = join(home, name);
    writeFileSync(path, text);
    return path;
  };
  const invitations = () => JSON.parse(run(['users', 'invitations', '--json']).stdout).items as Array<{ email: string; state: string; cohort: { name: string } | null }>;

  it('invites a cohort from a good file and lists every link once, with its line', () => {
    expect(run(['users', 'add', 'kim@uni.example', '--name', 'Kim Coach', '--role', 'coach']).code).toBe(0);
    const good = file('good.csv', 'EMAIL,Name,Role,Cohort,Adviser\nsam@uni.example,Sam Adviser,coach,MSc Finance 2027,\nasha@uni.example,Asha Patel,,MSc Finance 2027,sam@uni.example\nben@uni.example,Ben Okafor,student,MSc Finance 2027,kim@uni.example\n');
    const result = run(['users', 'invite', '--csv', good, '--public-url', 'https://inroads.uni.example']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Invited 3 people; new cohorts: MSc Finance 2027.');
    expect(result.stdout).toMatch(/line 3: asha@uni\.example \(explorer, MSc Finance 2027\)\s+https:\/\/inroads\.uni\.example\/join\?invitation=[\w-]{32}\n/);
    expect(result.stdout).toContain('Links not emailed');
    expect(invitations().map((i) => [i.email, i.state, i.cohort?.name])).toEqual(
      expect.arrayContaining([
        ['sam@uni.example', 'pending', 'MSc Finance 2027'],
        ['asha@uni.example', 'pending', 'MSc Finance 2027'],
        ['ben@uni.example', 'pending', 'MSc Finance 2027'],
      ]),
    );
  });

  it('refuses a file with bad rows, naming each line and field, and writes nothing', () => {
    const before = invitations();
    const bad = file('bad.csv', 'email,name,role,cohort,adviser\nnew@uni.example,New Person,,Another Cohort,\nnot-an-address,Bad Row,,,\nother@uni.example,,,,\nnew@uni.example,Twice,,,\n');
    const result = run(['users', 'invite', '--csv', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  line 3: email is not an email address\n');
    expect(result.stderr).toContain('  line 4: name is missing\n');
    expect(result.stderr).toContain('  line 5: email new@uni.example is already on line 2 of this file\n');
    expect(result.stderr).toMatch(/inroads: Nobody was invited: the file has 3 problems/);
    expect(result.stdout).toBe('');
    expect(invitations()).toEqual(before);
    // Accounts: an address that already has one, an adviser who is no coach.
    const taken = run(['users', 'invite', '--csv', file('taken.csv', 'email,name,adviser\nkim@uni.example,Kim Again,\nnew@uni.example,New Person,asha@uni.example\n')]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('  line 2: email kim@uni.example already has an account\n');
    expect(taken.stderr).toContain('  line 3: adviser asha@uni.example has no account and is not invited as a coach in this file\n');
    expect(invitations()).toEqual(before);
  });

  it('revokes an invitation, and says so when there is none to revoke', () => {
    expect(run(['users', 'revoke-invitation', 'ASHA@uni.example']).stdout).toContain('Revoked the invitation for asha@uni.example');
    expect(invitations().find((i) => i.email === 'asha@uni.example')?.state).toBe('revoked');
    expect(run(['users', 'invitations']).stdout).toMatch(/asha@uni\.example\s+explorer\s+MSc Finance 2027\s+revoked/);
    const again = run(['users', 'revoke-invitation', 'asha@uni.example']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no open invitation for asha@uni\.example/);
  });
});
