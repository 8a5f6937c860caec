import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase, openSqlite } from '../src/db/factory.js';
import { createAppContext } from '../src/modules/repositories.js';
import { systemClock } from '../src/shared/clock.js';
import { prng } from '../src/shared/random.js';
import { generateWorkspace } from './generate.js';
import { benchCoach } from './coach.js';
import { benchCoaching } from './coaching.js';
import { benchImport } from './import.js';
import { benchMultiUser } from './multi-user.js';
import { benchMail } from './mail.js';
import { benchMailSync } from './mail-sync.js';
import { benchBrowser } from './browser.js';
import { captureSql, rawSqlTimes, type RawTimes } from './raw-sql.js';
import { loadAtStart, performanceSection, writeReadme } from './readme.js';
import { freePort } from '../src/server/start.js';

const { values: flags } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    interactions: { type: 'string', default: '300000' },
    organizations: { type: 'string', default: '2000' },
    interviews: { type: 'string', default: '20000' },
    'import-rows': { type: 'string', default: '30000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    users: { type: 'string', default: '1000' },
    'user-contacts': { type: 'string', default: '1000' },
    'mu-connections': { type: 'string', default: '50' },
    'mu-duration': { type: 'string', default: '30' },
    'mail-messages': { type: 'string', default: '10000' },
    'mail-known': { type: 'string', default: '500' },
    /** all, or one part: single (one workspace on SQLite, its API and its pages in Chromium), import, multi-user, coaching (checker accuracy on the corpus, and cost), mail (the mail client against Dovecot). */
    /** A folder that keeps the multi-user bench's seeded database between runs (seeded the first time). */
    'mu-keep': { type: 'string' },
    /** Only the multi-user bench's main load. */
    'mu-main-only': { type: 'boolean', default: false },
    /** Requests from the first N users only (to compare with all of them: what many schemas cost the database). */
    'mu-active-users': { type: 'string' },
    /** all, or one part: single (one workspace on SQLite), import, multi-user, coaching (checker accuracy on the corpus, and cost). */
    only: { type: 'string', default: 'all' },
    /** A SQLite workspace seeded before (by this bench, at the same sizes), measured instead of seeding one: it is copied first. */
    db: { type: 'string' },
    /** Also write the output, with the machine it ran on, into README.md's performance section. */
    readme: { type: 'boolean', default: false },
  },
});
const startLoad = loadAtStart();
const runs = (part: string) => flags.only === 'all' || flags.only === part;
const sizes = {
  contacts: Number(flags.contacts),
  interactions: Number(flags.interactions),
  organizations: Number(flags.organizations),
  interviews: Number(flags.interviews),
};
const duration = Number(flags.duration);
const connections = Number(flags.connections);
const log = (line: string) => process.stderr.write(`${line}\n`);

function startProcess(args: string[], ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolveChild, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) resolveChild(child);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Closed-loop latency sample: `workers` concurrent clients, each waiting for its answer. */
async function sampleLatency(urls: string[], headers: Record<string, string>, workers: number, total: number) {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) {
        const url = urls[next++ % urls.length] ?? '';
        const start = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
        times.push(performance.now() - start);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/**
 * The agenda's data is kept until the next commit to the workspace: this samples the request that
 * follows a change (a write that commits, not measured), which reads everything again.
 */
async function sampleAfterWrite(app: string, path: string, headers: Record<string, string>, total: number) {
  const times: number[] = [];
  for (let i = 0; i < total; i++) {
    const write = await fetch(`${app}/api/v1/week/targets`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ requests: 5 + (i % 2) }) });
    await write.arrayBuffer();
    if (write.status !== 200) throw new Error(`the write before the agenda answered ${write.status}`);
    const start = performance.now();
    const res = await fetch(`${app}${path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/** One row of the raw-SQL table: the API's service time (one client, p50) over the same SQL run directly. */
const rawRow = (name: string, r: RawTimes, api: { p50: number }, target: number) =>
  `| ${name.padEnd(8)} | ${r.statements.toFixed(1).padStart(10)} | ${r.p50.toFixed(2).padStart(7)} | ${api.p50.toFixed(2).padStart(8)} | ${(api.p50 / r.p50).toFixed(2).padStart(8)}× | ≤ ${target}×  |`;

const home = mkdtempSync(join(tmpdir(), 'inroads-bench-'));
const children: ChildProcess[] = [];
try {
  const lines: string[] = [];
  if (runs('single')) {
    log(`${flags.db ? `Copying ${flags.db} (seeded before) instead of seeding` : 'Seeding'} ${sizes.contacts} contacts, ${sizes.interactions} interactions, ${sizes.interviews} interviews, ${sizes.organizations} organisations…`);
    const seedStart = performance.now();
    if (flags.db) copyFileSync(resolve(flags.db), join(home, 'inroads.db'));
    else {
      const handle = await openDatabase({ url: join(home, 'inroads.db') });
      await generateWorkspace(createAppContext(handle, systemClock), sizes);
      handle.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
      handle.sqlite?.exec('analyze');
      await handle.close();
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    log(`Seeded in ${seedSeconds.toFixed(1)} s.`);

    const appPort = await freePort();
    const barePort = await freePort();
    children.push(await startProcess([resolve('bin/inroads.js'), '--home', home, 'serve', '--port', String(appPort)], /Press Ctrl\+C/));
    children.push(await startProcess([resolve('dist/bench/bare.js'), String(barePort)], /listening/));
    const secret = readFileSync(join(home, 'secret'), 'utf8').trim();
    const headers = { authorization: `Bearer ${secret}`, host: `127.0.0.1:${appPort}` };
    const app = `http://127.0.0.1:${appPort}`;

    const random = prng(7);
    const maxOffset = Math.max(0, sizes.contacts - 50);
    const listPaths = Array.from({ length: 500 }, () => `/api/v1/contacts?limit=50&sort=name&offset=${Math.floor(random.next() * maxOffset)}`);
    const terms = ['maya', 'research', 'okafor', 'port', 'hiring strat', 'priya pat', 'design', 'climate work', 'kim', 'synth'];
    const searchPaths = terms.map((t) => `/api/v1/search?q=${encodeURIComponent(t)}`);
    // The generated workspace is dated around 2026-03-10: ask for the agenda as of then.
    const agendaPaths = ['/api/v1/agenda?at=2026-03-10T10:00:00Z'];

    const measure = async (name: string, url: string, paths: string[] | undefined, extraHeaders: Record<string, string> = {}) => {
      let i = 0;
      const result = await autocannon({
        url,
        connections,
        duration,
        headers: extraHeaders,
        ...(paths ? { requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }) }] } : {}),
      });
      if (result.errors > 0 || result.non2xx > 0) throw new Error(`${name}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
      return result;
    };

    log(`Measuring (autocannon, ${connections} connections, ${duration} s each)…`);
    const bare = await measure('bare', `http://127.0.0.1:${barePort}/`, undefined);
    const list = await measure('list', app, listPaths, headers);
    const found = await measure('search', app, searchPaths, headers);
    const agenda = await measure('agenda', app, agendaPaths, headers);
    const searchLatency = await sampleLatency(searchPaths.map((p) => `${app}${p}`), headers, connections, 3000);
    const listLatency = await sampleLatency(listPaths.map((p) => `${app}${p}`), headers, connections, 3000);
    const searchAlone = await sampleLatency(searchPaths.map((p) => `${app}${p}`), headers, 1, 500);
    const listAlone = await sampleLatency(listPaths.map((p) => `${app}${p}`), headers, 1, 500);
    const agendaAlone = await sampleLatency(agendaPaths.map((p) => `${app}${p}`), headers, 1, 300);
    const agendaChanged = await sampleAfterWrite(app, agendaPaths[0] ?? '', headers, 60);

    // The floor of the same work: each request's own SQL (captured from the app), run straight on better-sqlite3.
    log('Raw SQL baselines: the SQL of each request, captured from the app, then run directly on better-sqlite3…');
    const file = join(home, 'inroads.db');
    const captured = { list: await captureSql(file, listPaths), search: await captureSql(file, searchPaths), agenda: await captureSql(file, agendaPaths) };
    const direct = openSqlite(file);
    const raw = { list: rawSqlTimes(direct, captured.list), search: rawSqlTimes(direct, captured.search), agenda: rawSqlTimes(direct, captured.agenda) };
    direct.close();

    const row = (name: string, r: typeof bare, p95?: number) =>
      `| ${name.padEnd(38)} | ${r.requests.average.toFixed(0).padStart(7)} | ${(r.requests.average / bare.requests.average).toFixed(2).padStart(5)} | ${String(r.latency.p50).padStart(4)} | ${p95 === undefined ? '   –' : p95.toFixed(1).padStart(5)} | ${String(r.latency.p99).padStart(4)} |`;

    lines.push(
      '',
      `Inroads benchmark — ${sizes.contacts} contacts, ${sizes.interactions} interactions, ${sizes.interviews} interviews, ${sizes.organizations} organisations on SQLite (seeded in ${seedSeconds.toFixed(1)} s)`,
      '',
      '| measurement                            |   req/s | ratio |  p50 |   p95 |  p99 |',
      '|----------------------------------------|---------|-------|------|-------|------|',
      row('bare Fastify route (baseline)', bare),
      row('GET /api/v1/contacts (50, sorted)', list, listLatency.p95),
      row('GET /api/v1/search', found, searchLatency.p95),
      row('GET /api/v1/agenda (20k interviews)', agenda),
      '',
      `Latencies in ms. Autocannon: ${connections} connections, ${duration} s. p95 from a closed-loop sample of 3,000 requests with ${connections} concurrent clients`,
      `(list p50/p95/p99 ${listLatency.p50.toFixed(1)}/${listLatency.p95.toFixed(1)}/${listLatency.p99.toFixed(1)} ms; search ${searchLatency.p50.toFixed(1)}/${searchLatency.p95.toFixed(1)}/${searchLatency.p99.toFixed(1)} ms).`,
      `One client at a time (service time), p50/p95/p99: list ${listAlone.p50.toFixed(1)}/${listAlone.p95.toFixed(1)}/${listAlone.p99.toFixed(1)} ms; search ${searchAlone.p50.toFixed(1)}/${searchAlone.p95.toFixed(1)}/${searchAlone.p99.toFixed(1)} ms; agenda ${agendaAlone.p50.toFixed(1)}/${agendaAlone.p95.toFixed(1)}/${agendaAlone.p99.toFixed(1)} ms.`,
      `Targets (issue 19): one client, agenda p99 ≤ 25 ms and search p95 ≤ 15 ms; with ${connections} connections, list p99 ≤ 4× its one-client p99.`,
      '',
      '| request  | statements | raw p50 |  API p50 | API ÷ raw | target |',
      '|----------|------------|---------|----------|-----------|--------|',
      rawRow('list', raw.list, listAlone, 1.5),
      rawRow('search', raw.search, searchAlone, 1.5),
      rawRow('agenda', raw.agenda, agendaAlone, 2),
      rawRow('agenda*', raw.agenda, agendaChanged, 2),
      '',
      `* The agenda keeps what it read until the next commit to the workspace; "agenda*" is the request right after a change (each one follows a write),`,
      `which reads everything again: p50/p95/p99 ${agendaChanged.p50.toFixed(1)}/${agendaChanged.p95.toFixed(1)}/${agendaChanged.p99.toFixed(1)} ms.`,
      `Raw: the statements each request ran (captured from an in-process app's Kysely log: same SQL, parameters and order), prepared on better-sqlite3`,
      `and run one request after another in a tight loop for 2 s (${raw.list.runs}, ${raw.search.runs}, ${raw.agenda.runs} runs), every row read; ms per request.`,
      'API: one client at a time over HTTP (the service time above). The bare route is context only.',
      '',
    );
    log('Measuring the People page and Today in Chromium…');
    lines.push(...(await benchBrowser({ app, signInUrl: `${app}/?token=${secret}`, webRoot: resolve('web-dist') })));
  }
  if (runs('import')) lines.push('', '| import | time | ratio |', '|---|---|---|', ...(await benchImport(Number(flags['import-rows']))), 'Target: the import within 1.5× of the baseline.');
  if (runs('single')) lines.push('', '| coaching | cost | |', '|---|---|---|', ...benchCoach());
  if (runs('coaching')) lines.push(...benchCoaching());
  if (runs('multi-user')) {
    const users = Number(flags.users);
    const contacts = Number(flags['user-contacts']);
    log(`Multi-user: seeding ${users} users with ${contacts} contacts each on an embedded PostgreSQL…`);
    lines.push('', '| multi-user | throughput | errors | latency |', '|---|---|---|---|', ...(await benchMultiUser({ users, contacts, connections: Number(flags['mu-connections']), duration: Number(flags['mu-duration']), importRows: Number(flags['import-rows']), keep: flags['mu-keep'], mainOnly: flags['mu-main-only'], activeUsers: flags['mu-active-users'] ? Number(flags['mu-active-users']) : undefined })));
  }
  if (runs('mail')) lines.push(...(await benchMail({ messages: Number(flags['mail-messages']), known: Number(flags['mail-known']) })));
  if (runs('mail')) lines.push(...(await benchMailSync({ messages: Number(flags['mail-messages']), known: Number(flags['mail-known']) })));
  process.stdout.write(`${lines.join('\n')}\n`);
  if (flags.readme) {
    const args = process.argv.slice(2).filter((a) => a !== '--readme');
    writeReadme(resolve('README.md'), performanceSection(lines, ['npm run bench --', ...args, '--readme'].join(' ').replace(/ --$/, ''), startLoad));
    log('README.md: the performance section is rewritten from this run.');
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
}
