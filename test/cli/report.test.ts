import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/factory.js';
import { createUser } from '../../src/modules/accounts/accounts.usecases.js';
import { createContact } from '../../src/modules/contacts/contacts.usecases.js';
import { createInterview } from '../../src/modules/interviews/interviews.usecases.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { postgresUserWorkspaces, sqliteUserWorkspaces } from '../../src/server/user-workspaces.js';
import { systemClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { createContactInput } from '../../src/shared/schemas/contacts.js';
import { createInterviewInput } from '../../src/shared/schemas/interviews.js';
import { createTestDatabase, dialects, type TestDatabase } from '../fixtures/databases.js';

const BIN = resolve('bin/inroads.js');

/** Issue 21: the cohort report from the command line, read from the students' workspaces as the server reads them. */
describe.each(dialects)('inroads report on %s', (dialect) => {
  let home: string;
  let database: TestDatabase | null = null;

  beforeAll(async () => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build (npm test does this for you).');
    home = mkdtempSync(join(tmpdir(), 'inroads-report-'));
    if (dialect === 'postgres') database = await createTestDatabase('postgres');
    const url = database?.url ?? join(home, 'inroads.db');
    const handle = await openDatabase({ url });
    const pool = dialect === 'postgres' ? new Pool({ connectionString: url, max: 2 }) : null;
    const workspaces = pool ? postgresUserWorkspaces(pool, systemClock) : sqliteUserWorkspaces(join(home, 'users'), systemClock);
    try {
      const control = createAppContext(handle, systemClock);
      const cohortId = newId();
      const at = new Date().toISOString();
      await handle.db.insertInto('cohorts').values({ id: cohortId, name: 'MSc Finance 2027', createdAt: at, updatedAt: at }).execute();
      // Two students in the cohort and six in none, each of those with two requests in the last hours.
      for (let i = 0; i < 8; i++) {
        const { user } = await createUser({ ctx: control, input: { email: `s${i}@uni.example`, name: `S${i}`, role: 'explorer', password: 'correct horse battery staple' } });
        if (i < 2) await handle.db.updateTable('users').set({ cohortId }).where('id', '=', user.id).execute();
        else {
          await workspaces.use(user.id, async (ctx) => {
            const { contact } = await createContact({ ctx, input: createContactInput.parse({ name: 'Pat' }) });
            for (const hours of [1, 2]) {
              await createInterview({ ctx, input: createInterviewInput.parse({ contactId: contact.id, status: 'requested', requestedAt: new Date(Date.now() - hours * 3_600_000).toISOString() }) });
            }
          });
        }
      }
    } finally {
      await workspaces.close();
      await pool?.end();
      await handle.close();
    }
  }, 60_000);
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

  it('prints every group, small counts as <5, and the last 8 weeks', () => {
    const out = run(['report']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Cohort report, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(UTC\)/);
    expect(out.stdout).toMatch(/All students\s+hidden\s+hidden\s+12\s+<5\s+<5/);
    expect(out.stdout).toMatch(/MSc Finance 2027\s+<5\s+hidden\s+hidden\s+hidden\s+hidden/);
    expect(out.stdout).toMatch(/The last 8 weeks, All students:/);
    expect(JSON.parse(run(['report', '--json']).stdout).rows).toHaveLength(3);
  });

  it('gives one cohort as CSV, by name, and says when there is no such cohort or the days are backwards', () => {
    const csv = run(['report', '--cohort', 'msc finance 2027', '--csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^"MSc Finance 2027","<5","hidden"/);
    const none = run(['report', '--cohort', 'none', '--json']);
    expect(JSON.parse(none.stdout).rows.map((r: { group: { kind: string } }) => r.group.kind)).toEqual(['all', 'none']);
    const missing = run(['report', '--cohort', 'Nobody']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no cohort named "Nobody"/);
    const backwards = run(['report', '--period', 'range', '--from', '2026-11-30', '--to', '2026-11-01']);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toMatch(/to: must not be before the first day/);
  });
});
