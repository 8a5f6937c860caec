import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../fixtures/databases.js';

const BIN = resolve('bin/inroads.js');

/** Issue 21: running accounts from the command line, on either database. */
describe.each(dialects)('inroads users (account administration) on %s', (dialect) => {
  let home: string;
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build (npm test does this for you).');
    home = mkdtempSync(join(tmpdir(), 'inroads-users-'));
    if (dialect === 'postgres') database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    rmSync(home, { recursive: true, force: true });
    await database?.dispose();
  });

  const run = (args: string[], input?: string, env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
      env: { ...process.env, INROADS_DATABASE_URL: database?.url ?? '', INROADS_HOME: '', INROADS_PUBLIC_URL: '', INROADS_SMTP_URL: '', ...env },
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const list = () => JSON.parse(run(['users', 'list', '--json']).stdout).items as Array<{ id: string; email: string; role: string; disabledAt: string | null; mustChangePassword: boolean; lockedUntil: string | null }>;
  const find = (email: string) => list().find((u) => u.email === email);

  it('flags first passwords it sets (unless told the password is the operator’s own)', () => {
    const admin = run(['users', 'add', 'ada@example.org', '--name', 'Ada Admin', '--role', 'admin']);
    expect(admin.stdout).toMatch(/They choose their own password when they first sign in/);
    expect(run(['users', 'add', 'lee@example.org', '--name', 'Lee Park', '--password-stdin'], 'a long and quiet passphrase\n').code).toBe(0);
    expect(run(['users', 'add', 'own@example.org', '--name', 'Own Choice', '--role', 'admin', '--password-stdin', '--no-must-change'], 'my own long passphrase\n').code).toBe(0);
    expect([find('ada@example.org')?.mustChangePassword, find('lee@example.org')?.mustChangePassword, find('own@example.org')?.mustChangePassword]).toEqual([true, true, false]);
    expect(run(['users', 'list']).stdout).toMatch(/lee@example\.org\s+Lee Park\s+explorer\s+active, first password/);
  });

  it('disables and enables again; re-adding the address says the account exists and what to do', () => {
    expect(run(['users', 'disable', 'lee@example.org']).code).toBe(0);
    const readd = run(['users', 'add', 'lee@example.org', '--name', 'Lee Again']);
    expect(readd.code).toBe(1);
    expect(readd.stderr).toMatch(/already an account for lee@example\.org, disabled since .*inroads users enable/);
    const enabled = run(['users', 'enable', 'LEE@example.org']);
    expect(enabled.stdout).toMatch(/Enabled lee@example\.org; they can sign in again/);
    expect(find('lee@example.org')?.disabledAt).toBeNull();
    expect(run(['users', 'enable', 'nobody@example.org']).code).toBe(1);
  });

  it('prints a one-time reset link, with the public address in front when it is known', () => {
    const plain = run(['users', 'reset-password', 'lee@example.org']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^ {2}\/reset\?token=[\w-]{32}$/m);
    expect(plain.stdout).toMatch(/Not emailed/);
    const full = JSON.parse(run(['users', 'reset-password', 'lee@example.org', '--json'], undefined, { INROADS_PUBLIC_URL: 'https://inroads.uni.example' }).stdout);
    expect(full).toMatchObject({ email: 'lee@example.org', emailed: false, link: expect.stringMatching(/^https:\/\/inroads\.uni\.example\/reset\?token=[\w-]{32}$/) });
    expect(run(['users', 'reset-password', 'nobody@example.org']).code).toBe(1);
  });

  it('changes roles, keeping one active admin', () => {
    expect(run(['users', 'role', 'lee@example.org', 'coach']).stdout).toMatch(/lee@example\.org is now a coach/);
    expect(run(['users', 'role', 'lee@example.org', 'owner']).code).toBe(2);
    expect(run(['users', 'role', 'own@example.org', 'explorer']).code).toBe(0);
    const last = run(['users', 'role', 'ada@example.org', 'coach']);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/only active admin/);
    expect(run(['users', 'disable', 'ada@example.org']).stderr).toMatch(/only active admin/);
  });

  it('unlocks an account', () => {
    const unlocked = run(['users', 'unlock', 'lee@example.org']);
    expect(unlocked.stdout).toMatch(/Unlocked lee@example\.org/);
    expect(find('lee@example.org')?.lockedUntil).toBeNull();
  });

  it('deletes an account and its workspace, only once confirmed', () => {
    const lee = find('lee@example.org');
    if (dialect === 'sqlite') {
      mkdirSync(join(home, 'users'), { recursive: true });
      writeFileSync(join(home, 'users', `${lee?.id}.db`), 'a workspace');
    }
    const unconfirmed = run(['users', 'delete', 'lee@example.org']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    expect(find('lee@example.org')).toBeDefined();
    const deleted = run(['users', 'delete', 'lee@example.org', '--yes']);
    expect(deleted.stdout).toMatch(/Deleted lee@example\.org and everything in their workspace/);
    expect(find('lee@example.org')).toBeUndefined();
    if (dialect === 'sqlite') expect(existsSync(join(home, 'users', `${lee?.id}.db`))).toBe(false);
    expect(run(['users', 'delete', 'ada@example.org', '--yes']).stderr).toMatch(/only active admin/);
  });
});
