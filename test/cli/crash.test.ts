import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInFile } from '../../bench/import.js';

const BIN = resolve('bin/inroads.js');
const ROWS = 20_000;

/** Starts an import and kills it (SIGKILL, no chance to clean up) after `afterMs`, or lets it finish. */
function importKilledAfter(home: string, file: string, afterMs: number | null): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, '--home', home, 'import', 'linkedin', file], { stdio: 'ignore' });
    const timer = afterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      done(code);
    });
  });
}

function inspect(home: string): { integrity: unknown; contacts: number } {
  const db = new BetterSqlite3(join(home, 'inroads.db'));
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const tables = db.prepare("select count(*) as n from sqlite_master where name = 'contacts'").get() as { n: number };
    const contacts = tables.n ? (db.prepare('select count(*) as n from contacts').get() as { n: number }).n : 0;
    return { integrity, contacts };
  } finally {
    db.close();
  }
}

describe('an import killed at random moments', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inroads-crash-'));
    file = join(dir, 'Connections.csv');
    writeFileSync(file, linkedInFile(ROWS));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the database intact and either untouched or complete', async () => {
    // Fixed moments spread over start-up, parsing, the write transaction and the commit.
    const random = Array.from({ length: 3 }, () => 100 + Math.floor(Math.random() * 2500));
    const moments = [150, 400, 700, 1000, 1300, 1600, 2000, 2600, ...random, null];
    const outcomes: number[] = [];
    for (const [i, moment] of moments.entries()) {
      const home = join(dir, `home-${i}`);
      const code = await importKilledAfter(home, file, moment);
      let state: { integrity: unknown; contacts: number } = { integrity: 'ok', contacts: 0 };
      try {
        state = inspect(home);
      } catch {
        // Killed before the database file existed: nothing was written, which is allowed.
      }
      expect(state.integrity, `killed after ${moment} ms`).toBe('ok');
      expect([0, ROWS], `killed after ${moment} ms`).toContain(state.contacts);
      if (moment === null) expect(code).toBe(0);
      outcomes.push(state.contacts);
    }
    expect(outcomes.at(-1)).toBe(ROWS);
  }, 180_000);
});
