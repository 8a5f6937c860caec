import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { damagedDatabase } from '../../test/fixtures/damaged.js';
import { settableClock } from '../shared/clock.js';
import { lockPath, runningServer } from './home-lock.js';
import { AUTH_COOKIE } from './security.js';
import { loadOrCreateSecret } from './secret.js';
import { demoDatabasePath, startMultiUserServer, startServer, type RunningServer } from './start.js';

const homes: string[] = [];
const servers: RunningServer[] = [];
const newHome = () => {
  const home = mkdtempSync(join(tmpdir(), 'inroads-start-'));
  homes.push(home);
  return home;
};
const start = async (home: string, options: Parameters<typeof startServer>[1] = {}, database?: string) => {
  const server = await startServer(loadConfig({ home, port: 0, database, env: {} }), options);
  servers.push(server);
  return server;
};
const stop = async (server: RunningServer) => {
  servers.splice(servers.indexOf(server), 1);
  await server.close();
};
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** Calls the running server's API with the launch secret. */
async function api<T>(server: RunningServer, home: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, server.url), {
    method,
    headers: { authorization: `Bearer ${loadOrCreateSecret(home)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the demo workspace, started as `inroads demo`', () => {
  it('reports demo: true, so the banner shows, and goes back to the own workspace', async () => {
    const home = newHome();
    const server = await start(home, { demo: true });
    expect(server.handle.location).toBe(demoDatabasePath(home));
    expect(await api(server, home, 'GET', '/api/v1/workspace')).toMatchObject({ demo: true, canSwitch: true });
    const own = await api<{ demo: boolean; location: string }>(server, home, 'POST', '/api/v1/workspace/switch', { to: 'own' });
    expect(own).toMatchObject({ demo: false, location: join(home, 'inroads.db') });
    expect(await api(server, home, 'POST', '/api/v1/workspace/switch', { to: 'demo' })).toMatchObject({ demo: true });
  });

  it('also when the demo file is given as the database', async () => {
    const home = newHome();
    const server = await start(home, {}, demoDatabasePath(home));
    expect(await api(server, home, 'GET', '/api/v1/workspace')).toMatchObject({ demo: true, canSwitch: true });
  });
});

describe('a server on a settable clock', () => {
  it('uses that clock for the agenda and for the sign-in cookie', async () => {
    const home = newHome();
    const clock = settableClock('2026-05-04T09:00:00Z');
    const server = await start(home, { clock });
    expect((await api<{ at: string }>(server, home, 'GET', '/api/v1/agenda')).at).toBe('2026-05-04T09:00:00.000Z');
    const signIn = await fetch(server.url, { redirect: 'manual' });
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith(`${AUTH_COOKIE}=`))?.split(';')[0] ?? '';
    clock.set('2026-05-07T09:00:00Z');
    expect((await api<{ at: string }>(server, home, 'GET', '/api/v1/agenda')).at).toBe('2026-05-07T09:00:00.000Z');
    // Three days on (by the server's clock) the browser's value is replaced as it is used.
    const used = await fetch(new URL('/api/v1/workspace', server.url), { headers: { cookie } });
    expect(used.status).toBe(200);
    expect(used.headers.getSetCookie().some((c) => c.startsWith(`${AUTH_COOKIE}=`))).toBe(true);
  });
});

describe('the files in the home', () => {
  it('are readable by their owner only in a new home', async () => {
    const home = newHome();
    chmodSync(home, 0o755);
    const server = await start(home);
    await api(server, home, 'POST', '/api/v1/organizations', { name: 'Written' });
    expect(mode(home)).toBe(0o700);
    for (const file of ['inroads.db', 'inroads.db-wal', 'inroads.db-shm', 'secret', 'server.lock']) {
      expect(existsSync(join(home, file)), file).toBe(true);
      expect(mode(join(home, file)), file).toBe(0o600);
    }
    await api(server, home, 'POST', '/api/v1/workspace/switch', { to: 'demo' });
    expect(mode(join(home, 'demo'))).toBe(0o700);
    for (const file of ['inroads.db', 'inroads.db-wal']) expect(mode(join(home, 'demo', file)), file).toBe(0o600);
  });

  it('are fixed at start in a home an older version left readable by everyone', async () => {
    const home = newHome();
    const first = await start(home);
    await stop(first);
    mkdirSync(join(home, 'demo'), { recursive: true });
    writeFileSync(join(home, 'demo', 'inroads.db'), '');
    writeFileSync(join(home, 'notes.txt'), 'not ours');
    for (const file of ['inroads.db', 'secret', 'demo/inroads.db', 'notes.txt']) chmodSync(join(home, file), 0o644);
    chmodSync(join(home, 'demo'), 0o755);
    chmodSync(home, 0o755);
    await start(home);
    expect(mode(home)).toBe(0o700);
    expect(mode(join(home, 'demo'))).toBe(0o700);
    for (const file of ['inroads.db', 'inroads.db-wal', 'secret', 'demo/inroads.db']) expect(mode(join(home, file)), file).toBe(0o600);
    // What Inroads did not make is left as it was.
    expect(mode(join(home, 'notes.txt'))).toBe(0o644);
  });
});

describe('two servers on one home', () => {
  it('refuses the second, saying where the first runs, and starts again once the first has stopped', async () => {
    const home = newHome();
    const first = await start(home);
    const firstUrl = new URL(first.url);
    await expect(start(home)).rejects.toMatchObject({
      code: 'server.already_running',
      message: expect.stringContaining(`${firstUrl.origin}/`),
    });
    expect(runningServer(home)).toMatchObject({ pid: process.pid, url: `${firstUrl.origin}/`, mode: 'local' });
    // The first is untouched by the attempt.
    expect(await api(first, home, 'GET', '/api/v1/health')).toMatchObject({ ok: true });
    await stop(first);
    expect(existsSync(lockPath(home))).toBe(false);
    expect(runningServer(home)).toBeNull();
    await start(home);
  });

  it('refuses a second shared server on the same SQLite home, and a local one beside it', async () => {
    const home = newHome();
    const shared = await startMultiUserServer(loadConfig({ home, port: 0, env: {} }));
    try {
      expect(runningServer(home)).toMatchObject({ mode: 'multi-user', url: shared.url });
      await expect(startMultiUserServer(loadConfig({ home, port: 0, env: {} }))).rejects.toMatchObject({ code: 'server.already_running', message: expect.stringContaining(shared.url) });
      await expect(start(home)).rejects.toMatchObject({ code: 'server.already_running' });
    } finally {
      await shared.close();
    }
    expect(runningServer(home)).toBeNull();
  });

  it('takes over a lock left by a server that is no longer running', async () => {
    const home = newHome();
    mkdirSync(home, { recursive: true });
    // A pid that cannot be running: larger than any the kernel hands out.
    writeFileSync(lockPath(home), JSON.stringify({ pid: 2 ** 30, url: 'http://127.0.0.1:1/', mode: 'local', startedAt: '2026-01-01T00:00:00Z' }));
    expect(runningServer(home)).toBeNull();
    const server = await start(home);
    expect(runningServer(home)?.url).toBe(`${new URL(server.url).origin}/`);
  });
});

describe('a database that is damaged or not Inroads’s', () => {
  it('is refused at start with a message that says how to get the data back', async () => {
    const home = newHome();
    const database = join(home, 'inroads.db');
    await damagedDatabase(database);
    const error = await start(home).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('db.damaged');
    expect(error?.message).toContain(database);
    expect(error?.message).toContain('inroads backup FILE');
    expect(error?.message).toContain('inroads --database FILE');
    // Nothing holds the home after the refusal.
    expect(runningServer(home)).toBeNull();
  });

  it('refuses another program’s SQLite file without changing a byte of it (not even its journal mode)', async () => {
    const home = newHome();
    const foreign = join(home, 'other.db');
    const other = new BetterSqlite3(foreign);
    other.exec("create table notes (body text); insert into notes values ('mine')");
    other.close();
    const before = readFileSync(foreign);
    await expect(start(home, {}, foreign)).rejects.toMatchObject({ code: 'db.foreign' });
    expect(readFileSync(foreign).equals(before)).toBe(true);
    expect(existsSync(`${foreign}-wal`)).toBe(false);
    const check = new BetterSqlite3(foreign, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('refuses a file that is not a database at all, leaving it as it was', async () => {
    const home = newHome();
    const notes = join(home, 'notes.txt');
    writeFileSync(notes, 'Call Maya on Tuesday\n'.repeat(200));
    const before = readFileSync(notes);
    await expect(start(home, {}, notes)).rejects.toMatchObject({ code: 'db.damaged', message: expect.stringContaining('cannot be read as an Inroads database') });
    expect(readFileSync(notes).equals(before)).toBe(true);
    expect(existsSync(`${notes}-wal`)).toBe(false);
  });

  it('opens a sound Inroads database as before', async () => {
    const home = newHome();
    const first = await start(home);
    await api(first, home, 'POST', '/api/v1/organizations', { name: 'Kept' });
    await stop(first);
    const again = await start(home);
    expect(again.handle.quickCheck).toBe('passed');
    expect((await api<{ total: number }>(again, home, 'GET', '/api/v1/organizations')).total).toBe(1);
  });
});
