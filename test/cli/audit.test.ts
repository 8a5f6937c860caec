import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/factory.js';
import { recordGrantChange, recordView } from '../../src/modules/sharing/audit.usecases.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { settableClock } from '../../src/shared/clock.js';
import { createTestDatabase, dialects, type TestDatabase } from '../fixtures/databases.js';

const BIN = resolve('bin/inroads.js');
const sam = { id: '0190a0b0-0000-7000-8000-00000000a001', name: 'Sam Adviser', email: 'sam@uni.example' };
const eve = { id: '0190a0b0-0000-7000-8000-00000000b001', name: 'Eve Explorer', email: 'eve@uni.example' };

/** Issue 21: the administrator's copy of the audit of sharing, from the command line. */
describe.each(dialects)('inroads audit export on %s', (dialect) => {
  let home: string;
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build (npm test does this for you).');
    home = mkdtempSync(join(tmpdir(), 'inroads-audit-'));
    if (dialect === 'postgres') database = await createTestDatabase('postgres');
    const handle = await openDatabase({ url: database?.url ?? join(home, 'inroads.db') });
    const clock = settableClock('2026-12-01T09:00:00.000Z');
    const control = createAppContext(handle, clock);
    await recordGrantChange({ control, explorer: eve, coach: sam, action: 'shared', scope: 'progress', showNames: false });
    clock.set('2026-12-02T10:14:00.000Z');
    await recordView({ control, coach: sam, explorer: eve, scope: 'progress', showNames: false });
    await handle.close();
  });
  afterAll(async () => {
    rmSync(home, { recursive: true, force: true });
    await database?.dispose();
  });

  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
      encoding: 'utf8',
      env: { ...process.env, INROADS_DATABASE_URL: database?.url ?? '', INROADS_HOME: '' },
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('prints every entry as CSV, oldest first, or those from a day on', () => {
    const all = run(['audit', 'export']);
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"2026-12-01T09:00:00.000Z",.*"shared","student","progress","no","Sam Adviser"/);
    expect(lines[2]).toMatch(/^"2026-12-02T10:14:00.000Z",.*"viewed","coach","progress","no","Sam Adviser","sam@uni.example","Eve Explorer"/);
    expect(run(['audit', 'export', '--since', '2026-12-02']).stdout.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('writes to a file, and refuses a date it cannot read', () => {
    const file = join(home, 'audit.csv');
    const written = run(['audit', 'export', file]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('Wrote 2 entries');
    expect(readFileSync(file, 'utf8')).toContain('"viewed"');
    const wrong = run(['audit', 'export', '--since', 'last week']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('since');
  });
});
