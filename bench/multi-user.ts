import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { embeddedPostgres, embeddedPostgresUrl } from '../test/fixtures/embedded-postgres.js';
import { Pool } from 'pg';
import { openDatabase } from '../src/db/factory.js';
import { issueSession } from '../src/modules/accounts/accounts.usecases.js';
import { hashPassword } from '../src/modules/accounts/passwords.js';
import { createAppContext } from '../src/modules/repositories.js';
import { csrfFor } from '../src/server/multi-user.js';
import { postgresUserWorkspaces } from '../src/server/user-workspaces.js';
import { systemClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { generateWorkspace } from './generate.js';
import { linkedInFile } from './import.js';
import { freePort } from '../src/server/start.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

export interface MultiUserBenchOptions {
  users: number;
  contacts: number;
  connections: number;
  duration: number;
  /** Rows of the LinkedIn file one user imports while the others are measured. */
  importRows: number;
}

/**
 * Users importing a LinkedIn file of `rows` connections, one after another (each import
 * a real one, into a different user's workspace), until `running()` turns false.
 */
async function importLoop(origin: string, tokens: string[], rows: number, running: () => boolean): Promise<{ imports: number; seconds: number[] }> {
  const file = Buffer.from(linkedInFile(rows));
  const seconds: number[] = [];
  for (let n = 0; running() && n < tokens.length; n++) {
    const token = tokens[tokens.length - 1 - n] ?? '';
    const start = performance.now();
    const response = await fetch(`${origin}/api/v1/imports/linkedin`, {
      method: 'POST',
      headers: { cookie: `inroads_session=${token}`, origin, 'x-csrf-token': csrfFor(token), 'content-type': 'application/octet-stream' },
      body: file,
    });
    const report = (await response.json()) as { counts?: { new: number } };
    if (response.status !== 200 || report.counts?.new !== rows) throw new Error(`the import answered ${response.status}: ${JSON.stringify(report).slice(0, 300)}`);
    seconds.push((performance.now() - start) / 1000);
  }
  return { imports: seconds.length, seconds };
}

/** 20 connections of wrong passwords for one account from one address, by autocannon in a separate process. */
function signInFlood(url: string, origin: string, connections: number, duration: number): Promise<Result> {
  return new Promise((done, fail) => {
    const args = [resolve('node_modules/autocannon/autocannon.js'), '-c', String(connections), '-d', String(duration), '-m', 'POST', '-j'];
    for (const header of ['content-type=application/json', 'x-csrf-token=none', `origin=${origin}`]) args.push('-H', header);
    args.push('-b', JSON.stringify({ email: 'victim@uni.example', password: 'a wrong guess' }), url);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      try {
        done(JSON.parse(out) as Result);
      } catch {
        fail(new Error(`the sign-in flood exited with ${code}: ${out.slice(0, 200)}`));
      }
    });
  });
}

/** An embedded PostgreSQL server for the bench (from the npm registry, like the tests'). */
async function startPostgres(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const server = embeddedPostgres(dir, port, { postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=512MB', '-c', 'synchronous_commit=on'] });
  await server.initialise();
  await server.start();
  await server.createDatabase('inroads');
  return { url: embeddedPostgresUrl(port, 'inroads'), stop: () => server.stop() };
}

/**
 * Many users at once on PostgreSQL: `users` accounts, each with `contacts` people
 * (and organisations, interviews, follow-ups) in a schema of their own. Then
 * `connections` clients, each request as a random user, for `duration` s; and a
 * sign-in flood beside the same load, to see that it is refused (429) without
 * slowing everyone else down.
 */
export async function benchMultiUser(options: MultiUserBenchOptions): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'inroads-bench-mu-'));
  const database = await startPostgres(dir);
  let server: ChildProcess | null = null;
  try {
    const seedStart = performance.now();
    const control = await openDatabase({ url: database.url });
    const ctx = createAppContext(control, systemClock);
    const passwordHash = await hashPassword('correct horse battery staple');
    const now = new Date().toISOString();
    const tokens: string[] = [];
    const userIds: string[] = [];
    for (let i = 0; i < options.users; i++) {
      const id = newId();
      await ctx.repos.accounts.insertUser({ id, email: `student${i}@uni.example`, name: `Student ${i}`, role: 'explorer', passwordHash, disabledAt: null, createdAt: now, updatedAt: now });
      // A session as signing in makes one (without hashing a password a thousand times).
      tokens.push(await issueSession(ctx, id, null));
      userIds.push(id);
    }
    await ctx.repos.accounts.insertUser({ id: newId(), email: 'victim@uni.example', name: 'Victim', role: 'explorer', passwordHash, disabledAt: null, createdAt: now, updatedAt: now });
    await control.close();

    // Each user's workspace: its schema, migrated, then filled (four at a time).
    const pool = new Pool({ connectionString: database.url, max: 8 });
    const workspaces = postgresUserWorkspaces(pool, systemClock, 16);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < userIds.length) {
          const n = next++;
          await workspaces.use(userIds[n] ?? '', (userCtx) => generateWorkspace(userCtx, { contacts: options.contacts, interactions: Math.round(options.contacts / 2), organizations: 40, interviews: 30, seed: n + 1 }));
          if ((n + 1) % 100 === 0) log(`  seeded ${n + 1} of ${userIds.length} workspaces (${((performance.now() - seedStart) / 1000).toFixed(0)} s)`);
        }
      }),
    );
    await workspaces.close();
    await pool.query('analyze');
    await pool.end();
    const seedSeconds = (performance.now() - seedStart) / 1000;
    log(`Seeded ${options.users} users × ${options.contacts} contacts on PostgreSQL in ${seedSeconds.toFixed(0)} s.`);

    const port = await freePort();
    const home = join(dir, 'home');
    server = await new Promise<ChildProcess>((done, fail) => {
      const child = spawn(process.execPath, [resolve('bin/inroads.js'), '--home', home, '--database', database.url, 'serve', '--multi-user', '--port', String(port)], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, INROADS_SMTP_URL: '' },
      });
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Press Ctrl+C')) done(child);
      });
      child.once('exit', (code) => fail(new Error(`the server exited with ${code}: ${out}`)));
    });
    const origin = `http://127.0.0.1:${port}`;
    const paths = ['/api/v1/contacts?limit=50&sort=name', '/api/v1/agenda?at=2026-03-10T10:00:00Z', '/api/v1/search?q=research', '/api/v1/interviews?limit=20', '/api/v1/contacts?limit=20&offset=400&sort=-updatedAt'];

    /** The everyday load: every request as a different user (round robin), across a mix of pages. */
    const load = (connections: number, duration: number) => {
      let i = 0;
      return autocannon({
        url: origin,
        connections,
        duration,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const n = i++;
              return { ...req, path: paths[n % paths.length] ?? '/', headers: { ...req.headers, cookie: `inroads_session=${tokens[(n * 7919) % tokens.length]}` } };
            },
          },
        ],
      });
    };

    // Warm up: every workspace opened once (its schema checked), as a running service would have them.
    for (let n = 0; n < tokens.length; n += 25) {
      await Promise.all(tokens.slice(n, n + 25).map((token) => fetch(`${origin}/api/v1/contacts?limit=1`, { headers: { cookie: `inroads_session=${token}` } }).then((r) => r.arrayBuffer())));
    }
    log(`Load: ${options.connections} connections for ${options.duration} s, each request as one of ${options.users} users…`);
    const main = await load(options.connections, options.duration);
    const quietSeconds = Math.max(5, Math.round(options.duration / 3));
    log(`Quiet baseline and a sign-in flood beside it (${quietSeconds} s each)…`);
    const quiet = await load(20, quietSeconds);
    // The flood runs in a process of its own, so it does not slow the client that measures everyone else.
    const [busy, flood] = await Promise.all([load(20, quietSeconds), signInFlood(`${origin}/api/v1/auth/sign-in`, origin, 20, quietSeconds)]);
    // Long enough to hold a whole import or more: imports follow one another for the whole window.
    const importSeconds = Math.max(30, quietSeconds);
    log(`Quiet again, then beside ${options.importRows.toLocaleString('en')}-row LinkedIn imports (${importSeconds} s each)…`);
    const quietAgain = await load(20, importSeconds);
    let importing = true;
    const imports = importLoop(origin, tokens, options.importRows, () => importing);
    const beside = await load(20, importSeconds);
    importing = false;
    const done = await imports;
    const statuses = flood.statusCodeStats ?? {};
    const count = (code: string) => statuses[code]?.count ?? 0;
    const errors = main.errors + main.non2xx;
    return [
      `| ${options.users.toLocaleString('en')} users × ${options.contacts.toLocaleString('en')} contacts on PostgreSQL, ${options.connections} connections, ${options.duration} s | ${main.requests.average.toFixed(0)} req/s | ${errors} errors | p50 ${main.latency.p50} ms, p99 ${main.latency.p99} ms |`,
      `| 20 connections, quiet | ${quiet.requests.average.toFixed(0)} req/s | ${quiet.errors + quiet.non2xx} errors | p99 ${quiet.latency.p99} ms |`,
      `| 20 connections beside a sign-in flood (20 connections of wrong passwords) | ${busy.requests.average.toFixed(0)} req/s | ${busy.errors + busy.non2xx} errors | p99 ${busy.latency.p99} ms = ${(busy.latency.p99 / Math.max(1, quiet.latency.p99)).toFixed(2)}× quiet |`,
      `| the flood itself | ${flood.requests.total} sign-ins | ${count('429')} refused with 429, ${count('401')} with 401 | |`,
      `| 20 connections, quiet (again, before the import) | ${quietAgain.requests.average.toFixed(0)} req/s | ${quietAgain.errors + quietAgain.non2xx} errors | p99 ${quietAgain.latency.p99} ms |`,
      `| 20 connections beside one user's ${options.importRows.toLocaleString('en')}-row LinkedIn import (${done.imports} import${done.imports === 1 ? '' : 's'} started, ${done.seconds.map((x) => x.toFixed(1)).join(', ')} s each) | ${beside.requests.average.toFixed(0)} req/s | ${beside.errors + beside.non2xx} errors | p99 ${beside.latency.p99} ms = ${(beside.latency.p99 / Math.max(1, quietAgain.latency.p99)).toFixed(2)}× quiet |`,
      `Seeded in ${seedSeconds.toFixed(0)} s. Targets: 0 errors; with the flood, 429s and the others' p99 within 2× of quiet; beside an import, the others' p99 within 2× of quiet.`,
    ];
  } finally {
    // The server goes first, so it never sees its database vanish.
    const running = server;
    if (running && running.exitCode === null) await new Promise((done) => (running.once('exit', done), running.kill('SIGTERM')));
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
