import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/server/start.js';
import { damagedDatabase } from '../fixtures/damaged.js';

const BIN = resolve('bin/inroads.js');
const env = { ...process.env, INROADS_DATABASE_URL: '', INROADS_HOME: '', CI: '1' };

function run(home: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, '--home', home, ...args], { encoding: 'utf8', env, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `inroads serve` in the background; resolves once it says it is running. */
function serve(home: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [BIN, '--home', home, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start: ${output}`)), 30_000);
    child.stdout?.on('data', () => {
      if (output.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        done({ child, output: () => output });
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      fail(new Error(`serve exited: ${output}`));
    });
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });

describe('one local server per home', () => {
  let home: string;
  beforeAll(() => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build (npm test does this for you).');
    home = mkdtempSync(join(tmpdir(), 'inroads-local-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('refuses a second `serve` on the same home, saying where the first runs; `inroads open` finds the first', async () => {
    const port = await freePort();
    const first = await serve(home, port);
    try {
      const second = spawnSync(process.execPath, [BIN, '--home', home, 'serve', '--port', String(await freePort())], { encoding: 'utf8', env, timeout: 30_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('already running');
      expect(second.stderr).toContain(`http://127.0.0.1:${port}/`);
      expect(second.stderr).toContain(`bin/inroads.js --home ${home} open`);
      // `open` without --port takes the running server's address, whatever the default port is.
      const open = run(home, ['open', '--no-browser', '--json']);
      expect(open.code, open.stderr).toBe(0);
      const url = new URL(JSON.parse(open.stdout).url);
      expect(url.origin).toBe(`http://127.0.0.1:${port}`);
      const signIn = await fetch(url, { redirect: 'manual' });
      expect(signIn.status).toBe(303);
    } finally {
      await stopped(first.child);
    }
    // Stopped, the home is free again.
    const again = await serve(home, await freePort());
    await stopped(again.child);
  }, 90_000);

  it('checks the whole database with `db check`: 0 when sound, 1 with the problems when damaged', async () => {
    const sound = run(home, ['db', 'check']);
    expect(sound.code, sound.stderr).toBe(0);
    expect(sound.stdout).toContain('is sound');
    const damagedHome = mkdtempSync(join(tmpdir(), 'inroads-damaged-'));
    try {
      await damagedDatabase(join(damagedHome, 'inroads.db'));
      const check = run(damagedHome, ['db', 'check', '--json']);
      expect(check.code).toBe(1);
      const report = JSON.parse(check.stdout) as { ok: boolean; problems: string[] };
      expect(report.ok).toBe(false);
      expect(report.problems.length).toBeGreaterThan(0);
      // And the server will not start on it.
      const start = spawnSync(process.execPath, [BIN, '--home', damagedHome, 'serve', '--port', String(await freePort())], { encoding: 'utf8', env, timeout: 30_000 });
      expect(start.status).toBe(1);
      expect(start.stderr).toContain('is damaged');
      expect(start.stderr).toContain('inroads backup FILE');
    } finally {
      rmSync(damagedHome, { recursive: true, force: true });
    }
  }, 90_000);

  it('names the latest backup `inroads backup` made when it refuses a damaged database', async () => {
    const damagedHome = mkdtempSync(join(tmpdir(), 'inroads-damaged-'));
    try {
      const older = join(damagedHome, 'older.db');
      const latest = join(damagedHome, 'latest backup.db');
      for (const file of [older, latest]) {
        const backup = run(damagedHome, ['backup', file]);
        expect(backup.code, backup.stderr).toBe(0);
      }
      await damagedDatabase(join(damagedHome, 'inroads.db'));
      const start = spawnSync(process.execPath, [BIN, '--home', damagedHome, 'serve', '--port', String(await freePort())], { encoding: 'utf8', env, timeout: 30_000 });
      expect(start.status).toBe(1);
      expect(start.stderr).toContain('is damaged');
      expect(start.stderr).toContain(`Your latest backup is ${latest} (made `);
      expect(start.stderr).toContain(`inroads --database '${latest}'`);
      // The backup named is sound, and opens as the message says.
      const check = run(damagedHome, ['--database', latest, 'db', 'check']);
      expect(check.code, check.stderr).toBe(0);
    } finally {
      rmSync(damagedHome, { recursive: true, force: true });
    }
  }, 90_000);
});
