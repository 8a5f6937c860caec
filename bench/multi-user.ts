import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { embeddedPostgres, embeddedPostgresUrl } from '../test/fixtures/embedded-postgres.js';
import { Client, Pool } from 'pg';
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
  /**
   * A folder that keeps the seeded database between runs: seeded (and kept) when empty, measured as it is
   * otherwise (for comparing two builds on the same data; the imports measured add rows to the last users').
   */
  keep?: string | undefined;
  /** Requests come from the first this many users only (all of them by default): to see what spreading them over many schemas costs. */
  activeUsers?: number | undefined;
  /** Only the main load (no quiet, flood or import phases). */
  mainOnly?: boolean | undefined;
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

/**
 * What the database and the server have done so far: statements committed in the bench's database (every
 * statement outside a transaction is one commit, so a search_path set before a query counts too), and the
 * server process's CPU time (user and system, from /proc).
 */
/** A process's CPU time so far (user and system, ms), from /proc; 0 when it cannot be read. */
function cpuMsOf(pid: number): number {
  try {
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command's closing parenthesis), in clock ticks of 10 ms.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
  } catch {
    return 0;
  }
}

/** The CPU time of the bench's PostgreSQL server so far: its postmaster (from postmaster.pid) and every backend it started. */
function postgresCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuMsOf(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (parent === postmaster) total += cpuMsOf(Number(entry));
    } catch {
      // (the process ended meanwhile)
    }
  }
  return total;
}

async function costSoFar(url: string, pid: number | undefined, dataDir: string): Promise<{ statements: number; cpuMs: number; postgresMs: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Statistics are sent to the collector after each transaction ends: give them a moment, then read fresh values.
    await new Promise((done) => setTimeout(done, 1000));
    await client.query('select pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = current_database()');
    return { statements: Number(rows[0]?.n ?? 0), cpuMs: pid ? cpuMsOf(pid) : 0, postgresMs: postgresCpuMs(dataDir) };
  } finally {
    await client.end();
  }
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

/** An embedded PostgreSQL server for the bench (from the npm registry, like the tests'); `existing` starts one seeded before. */
async function startPostgres(dir: string, existing = false): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const server = embeddedPostgres(dir, port, { persistent: true, postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=512MB', '-c', 'synchronous_commit=on'] });
  if (!existing) await server.initialise();
  await server.start();
  if (!existing) await server.createDatabase('inroads');
  return { url: embeddedPostgresUrl(port, 'inroads'), stop: () => server.stop() };
}

/** What a kept, seeded database needs to be measured again: its size and each user's session. */
interface Seeded {
  users: number;
  contacts: number;
  tokens: string[];
  seedSeconds: number;
  /** Users (from the last) whose workspace an earlier run imported into: not counted on again for new rows. */
  imported?: number;
}

/** `users` accounts with a session each, and their workspaces filled; the sessions' tokens, in order. */
async function seed(url: string, options: MultiUserBenchOptions): Promise<{ tokens: string[]; seedSeconds: number }> {
  const seedStart = performance.now();
  const control = await openDatabase({ url: url });
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
  const pool = new Pool({ connectionString: url, max: 8 });
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
  return { tokens, seedSeconds };
}

/**
 * Many users at once on PostgreSQL: `users` accounts, each with `contacts` people
 * (and organisations, interviews, follow-ups) in a schema of their own. Then
 * `connections` clients, each request as a random user, for `duration` s; and a
 * sign-in flood beside the same load, to see that it is refused (429) without
 * slowing everyone else down.
 */
export async function benchMultiUser(options: MultiUserBenchOptions): Promise<string[]> {
  const dir = options.keep ? resolve(options.keep) : mkdtempSync(join(tmpdir(), 'inroads-bench-mu-'));
  mkdirSync(dir, { recursive: true });
  const seedFile = join(dir, 'seeded.json');
  const kept = existsSync(seedFile) ? (JSON.parse(readFileSync(seedFile, 'utf8')) as Seeded) : null;
  if (kept && (kept.users !== options.users || kept.contacts !== options.contacts)) {
    throw new Error(`${dir} holds ${kept.users} users × ${kept.contacts} contacts, not ${options.users} × ${options.contacts}`);
  }
  const database = await startPostgres(dir, kept !== null);
  let server: ChildProcess | null = null;
  try {
    const { tokens, seedSeconds } = kept ?? (await seed(database.url, options));
    if (options.keep && !kept) writeFileSync(seedFile, JSON.stringify({ users: options.users, contacts: options.contacts, tokens, seedSeconds } satisfies Seeded));
    if (kept) log(`Measuring the database seeded before in ${dir}.`);
    const port = await freePort();
    const home = join(dir, 'home');
    server = await new Promise<ChildProcess>((done, fail) => {
      // INROADS_BENCH_PROFILE=DIR: the server writes a CPU profile (.cpuprofile) into DIR when it stops.
      const profile = process.env.INROADS_BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.INROADS_BENCH_PROFILE)] : [];
      const child = spawn(process.execPath, [...profile, resolve('bin/inroads.js'), '--home', home, '--database', database.url, 'serve', '--multi-user', '--port', String(port)], {
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
              return { ...req, path: paths[n % paths.length] ?? '/', headers: { ...req.headers, cookie: `inroads_session=${tokens[(n * 7919) % (options.activeUsers ?? tokens.length)]}` } };
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
    const before = await costSoFar(database.url, server.pid, join(dir, 'data'));
    const main = await load(options.connections, options.duration);
    const after = await costSoFar(database.url, server.pid, join(dir, 'data'));
    const requests = Math.max(1, main.requests.total);
    const mainLine = `| ${options.users.toLocaleString('en')} users × ${options.contacts.toLocaleString('en')} contacts on PostgreSQL${options.activeUsers ? ` (requests from ${options.activeUsers} of them)` : ''}, ${options.connections} connections, ${options.duration} s | ${main.requests.average.toFixed(0)} req/s | ${main.errors + main.non2xx} errors | p50 ${main.latency.p50} ms, p99 ${main.latency.p99} ms |`;
    const costLine =
      `Per request (less sensitive to a busy machine than the rates): ${((after.statements - before.statements) / requests).toFixed(1)} PostgreSQL statements ` +
      `(commits counted by pg_stat_database), ${((after.cpuMs - before.cpuMs) / requests).toFixed(2)} ms of the server process's CPU, ` +
      `${((after.postgresMs - before.postgresMs) / requests).toFixed(2)} ms of PostgreSQL's (all its processes).`;
    if (options.mainOnly) return [mainLine, costLine, 'Target: ≥ 600 req/s, p99 ≤ 150 ms, 0 errors.'];
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
    const imported = kept?.imported ?? 0;
    const imports = importLoop(origin, tokens.slice(0, tokens.length - imported), options.importRows, () => importing);
    const beside = await load(20, importSeconds);
    importing = false;
    const done = await imports;
    if (options.keep) writeFileSync(seedFile, JSON.stringify({ ...(kept ?? { users: options.users, contacts: options.contacts, tokens, seedSeconds }), imported: imported + done.imports } satisfies Seeded));
    const statuses = flood.statusCodeStats ?? {};
    const count = (code: string) => statuses[code]?.count ?? 0;
    return [
      mainLine,
      costLine,
      `| 20 connections, quiet | ${quiet.requests.average.toFixed(0)} req/s | ${quiet.errors + quiet.non2xx} errors | p99 ${quiet.latency.p99} ms |`,
      `| 20 connections beside a sign-in flood (20 connections of wrong passwords) | ${busy.requests.average.toFixed(0)} req/s | ${busy.errors + busy.non2xx} errors | p99 ${busy.latency.p99} ms = ${(busy.latency.p99 / Math.max(1, quiet.latency.p99)).toFixed(2)}× quiet |`,
      `| the flood itself | ${flood.requests.total} sign-ins | ${count('429')} refused with 429, ${count('401')} with 401 | |`,
      `| 20 connections, quiet (again, before the import) | ${quietAgain.requests.average.toFixed(0)} req/s | ${quietAgain.errors + quietAgain.non2xx} errors | p99 ${quietAgain.latency.p99} ms |`,
      `| 20 connections beside one user's ${options.importRows.toLocaleString('en')}-row LinkedIn import (${done.imports} import${done.imports === 1 ? '' : 's'} started, ${done.seconds.map((x) => x.toFixed(1)).join(', ')} s each) | ${beside.requests.average.toFixed(0)} req/s | ${beside.errors + beside.non2xx} errors | p99 ${beside.latency.p99} ms = ${(beside.latency.p99 / Math.max(1, quietAgain.latency.p99)).toFixed(2)}× quiet |`,
      `Seeded in ${seedSeconds.toFixed(0)} s. Targets: ≥ 600 req/s with p99 ≤ 150 ms and 0 errors at ${options.connections} connections; with the flood, 429s and the others' p99 within 2× of quiet; beside an import, the others' p99 within 2× of quiet.`,
    ];
  } finally {
    // The server goes first, so it never sees its database vanish.
    const running = server;
    if (running && running.exitCode === null) await new Promise((done) => (running.once('exit', done), running.kill('SIGTERM')));
    await database.stop();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}
