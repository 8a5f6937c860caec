import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/inroads.js');

function run(home: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INROADS_DATABASE_URL: '', INROADS_HOME: '' },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('inroads week', () => {
  let home: string;
  beforeAll(() => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build (npm test does this for you).');
    home = mkdtempSync(join(tmpdir(), 'inroads-week-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('sets targets and reviews the week at a chosen moment, as text and as JSON', () => {
    const contact = JSON.parse(run(home, ['contacts', 'add', '--name', 'Quiet Person', '--json']).stdout);
    const interview = JSON.parse(run(home, ['interviews', 'add', '--contact', contact.id, '--json']).stdout);
    expect(run(home, ['interviews', 'move', interview.id, 'requested', '--at', '2026-03-02T10:00:00Z']).code).toBe(0);

    const json = run(home, ['week', '--requests', '1', '--conversations', '0', '--people', '0', '--at', '2026-03-06T16:00:00Z', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const week = JSON.parse(json.stdout);
    expect(week).toMatchObject({
      at: '2026-03-06T16:00:00.000Z',
      week: { start: '2026-03-02', end: '2026-03-08', lastWorkingDay: '2026-03-06', reviewDue: true },
      targets: { requests: 1, conversations: 0, people: 0 },
      progress: { requests: { done: 1, target: 1, met: true } },
      onTarget: true,
      streak: 1,
    });
    expect(week.stalled.requests).toEqual([expect.objectContaining({ name: 'Quiet Person', businessDays: 4 })]);

    const text = run(home, ['week', '--at', '2026-03-06T16:00:00Z']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Week of 2026-03-02 to 2026-03-08 — time for the weekly review');
    expect(text.stdout).toContain('Requests sent        1 of 1  (on target)');
    expect(text.stdout).toContain('Streak: 1 week on target');
    expect(text.stdout).toContain('No reply from Quiet Person after 4 business days');

    // The targets stay; the next week starts from nothing.
    const next = JSON.parse(run(home, ['week', '--at', '2026-03-10T09:00:00Z', '--json']).stdout);
    expect(next).toMatchObject({ targets: { requests: 1 }, progress: { requests: { done: 0 } }, onTarget: false, streak: 1 });
  });

  it('refuses a moment or a target it cannot read, naming it', () => {
    const badAt = run(home, ['week', '--at', 'yesterday']);
    expect(badAt.code).toBe(1);
    expect(badAt.stderr).toContain('at');
    const badTarget = run(home, ['week', '--requests', 'lots']);
    expect(badTarget.code).toBe(1);
    expect(badTarget.stderr).toContain('requests');
  });
});
