import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/factory.js';
import { createUser } from '../../src/modules/accounts/accounts.usecases.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { freePort } from '../../src/server/start.js';
import { systemClock } from '../../src/shared/clock.js';
import { createTestDatabase, type TestDatabase } from '../fixtures/databases.js';
import { startTestProvider, type TestProvider } from '../oidc/provider.js';

const BIN = resolve('bin/inroads.js');
const PASSWORD = 'correct horse battery staple';

async function until<T>(what: string | (() => string), check: () => Promise<T | undefined> | T | undefined, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One `inroads serve --multi-user` process on the shared database. */
class Instance {
  readonly origin: string;
  readonly output: string[] = [];
  private readonly child: ChildProcess;
  constructor(port: number, databaseUrl: string, home: string, smtpPort: number, env: Record<string, string> = {}) {
    this.origin = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [BIN, '--home', home, '--database', databaseUrl, 'serve', '--multi-user', '--port', String(port)], {
      env: { ...process.env, INROADS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, INROADS_MAIL_FROM: 'Inroads <inroads@uni.example>', INROADS_JOB_POLL_SECONDS: '0.5', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d: Buffer) => this.output.push(d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => this.output.push(d.toString()));
  }
  ready = () => until(() => `${this.origin} to start (it said: ${this.output.join('')})`, () => (this.output.join('').includes('Press Ctrl+C') ? true : undefined), 60);
  /** A request as the web app sends it, with the session cookie and its CSRF value. */
  async call(method: string, path: string, session?: { token: string; csrf: string }, body?: unknown, cookie?: string): Promise<{ status: number; body: unknown; cookies: Record<string, string> }> {
    const headers: Record<string, string> = { origin: this.origin, 'x-csrf-token': session?.csrf ?? 'none' };
    if (session) headers.cookie = `inroads_session=${session.token}; inroads_csrf=${session.csrf}`;
    else if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.origin}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const cookies: Record<string, string> = {};
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, cookies };
  }
  stop = () =>
    new Promise<void>((done) => {
      if (this.child.exitCode !== null) return done();
      this.child.once('exit', () => done());
      this.child.kill('SIGTERM');
    });
}

describe('two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let control: DatabaseHandle;
  let home: string;
  let smtp: SMTPServer;
  const mail: Array<{ to: string; text: string }> = [];
  let a: Instance;
  let b: Instance;
  // Both instances sign people in with one identity provider, behind one public address (as behind a load balancer).
  let provider: TestProvider;
  const PUBLIC_URL = 'http://inroads.test';

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    control = await openDatabase({ url: database.url });
    const ctx = createAppContext(control, systemClock);
    for (const [email, name, role] of [
      ['admin@uni.example', 'Ada Admin', 'admin'],
      ['eve@uni.example', 'Eve Explorer', 'explorer'],
      ['finn@uni.example', 'Finn Explorer', 'explorer'],
      ['gus@uni.example', 'Gus Explorer', 'explorer'],
    ] as const) {
      await createUser({ ctx, input: { email, name, role, password: PASSWORD } });
    }
    // A local SMTP server that keeps what it receives.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mail.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: Buffer.concat(chunks).toString() });
          callback();
        });
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((done) => smtp.listen(smtpPort, '127.0.0.1', done));
    home = mkdtempSync(join(tmpdir(), 'inroads-two-'));
    provider = await startTestProvider({ redirectUris: [`${PUBLIC_URL}/sso/callback`] });
    provider.addPerson({ sub: 'campus-eve', email: 'eve@uni.example', email_verified: true, name: 'Eve Explorer' });
    const sso = {
      INROADS_PUBLIC_URL: PUBLIC_URL,
      INROADS_OIDC_ISSUER: provider.issuer,
      INROADS_OIDC_CLIENT_ID: provider.clientId,
      INROADS_OIDC_CLIENT_SECRET: provider.clientSecret,
      INROADS_OIDC_NAME: 'Campus Login',
    };
    a = new Instance(await freePort(), database.url, join(home, 'a'), smtpPort, sso);
    b = new Instance(await freePort(), database.url, join(home, 'b'), smtpPort, sso);
    await Promise.all([a.ready(), b.ready()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await new Promise<void>((done) => (smtp ? smtp.close(() => done()) : done()));
    await provider?.close();
    await control?.close();
    await database?.dispose();
    rmSync(home, { recursive: true, force: true });
  });

  const signIn = async (instance: Instance, email: string) => {
    const response = await instance.call('POST', '/api/v1/auth/sign-in', undefined, { email, password: PASSWORD });
    expect(response.status).toBe(200);
    return { token: response.cookies.inroads_session ?? '', csrf: response.cookies.inroads_csrf ?? '' };
  };

  it('shares sessions: signed in on one, recognised on the other, and signed out on both at once', async () => {
    const session = await signIn(a, 'eve@uni.example');
    expect(((await b.call('GET', '/api/v1/account', session)).body as { user: { email: string } }).user.email).toBe('eve@uni.example');
    const other = await signIn(b, 'finn@uni.example');
    expect((await b.call('POST', '/api/v1/auth/sign-out', other)).status).toBe(204);
    expect((await a.call('GET', '/api/v1/account', other)).status).toBe(401);
  });

  it('starts without asking for a first admin (there is one), and logs sign-ins as JSON lines without the password', async () => {
    await signIn(a, 'eve@uni.example');
    const said = await until('the sign-in in the log', () => (a.output.join('').includes('"event":"auth.sign_in"') ? a.output.join('') : undefined));
    expect(said).toContain('Inroads is running for many users.');
    expect(said).not.toContain('Add the first admin');
    const line = said.split('\n').find((l) => l.includes('"event":"auth.sign_in"')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ level: 30, email: 'eve@uni.example', msg: 'signed in' });
    expect(said).not.toContain(PASSWORD);
  });

  it('keeps the agenda consistent: written through one, read and changed through the other', async () => {
    const session = await signIn(a, 'eve@uni.example');
    const contact = (await a.call('POST', '/api/v1/contacts', session, { name: 'Maya Costa' })).body as { id: string };
    const yesterday = new Date(Date.now() - 26 * 3600_000).toISOString();
    const interview = (await a.call('POST', '/api/v1/interviews', session, { contactId: contact.id, status: 'held', heldAt: yesterday })).body as { id: string };
    const agendaOnB = (await b.call('GET', '/api/v1/agenda', session)).body as { items: Array<{ key: string; kind: string; interviewId: string }> };
    const thanks = agendaOnB.items.find((i) => i.kind === 'thank-you' && i.interviewId === interview.id);
    expect(thanks).toBeDefined();
    expect((await b.call('PUT', `/api/v1/agenda/items/${encodeURIComponent(thanks?.key ?? '')}/state`, session, { state: 'done' })).status).toBe(200);
    const agendaOnA = (await a.call('GET', '/api/v1/agenda?include=all', session)).body as { items: Array<{ key: string; state: string }> };
    expect(agendaOnA.items.find((i) => i.key === thanks?.key)?.state).toBe('done');
  });

  it('runs background jobs once: reminders queued on one are worked by either, and each person gets one email', async () => {
    const people = ['eve@uni.example', 'finn@uni.example', 'gus@uni.example'];
    for (const email of people) {
      const session = await signIn(email === 'gus@uni.example' ? b : a, email);
      if (email !== 'eve@uni.example') {
        const contact = (await b.call('POST', '/api/v1/contacts', session, { name: `Contact of ${email}` })).body as { id: string };
        await b.call('POST', '/api/v1/interviews', session, { contactId: contact.id, status: 'held', heldAt: new Date(Date.now() - 26 * 3600_000).toISOString() });
      }
      expect((await a.call('PATCH', '/api/v1/account', session, { reminderEmails: true })).status).toBe(200);
    }
    const admin = await signIn(b, 'admin@uni.example');
    // Two rounds, asked of different instances: still one email a person. ("Anyway": whatever the hour where they are,
    // since this test runs at any time of day.)
    const first = await a.call('POST', '/api/v1/admin/reminders/run', admin, { anyway: true });
    const second = await b.call('POST', '/api/v1/admin/reminders/run', admin, { anyway: true });
    expect([first.status, second.status]).toEqual([202, 202]);
    const ids = [first, second].map((r) => (r.body as { round: { id: string } }).round.id);
    await until('three reminder emails', () => (mail.length >= 3 ? true : undefined));
    // Both rounds finish, each counting all three people; between them, three emails went out.
    type Round = { id: string; finishedAt: string | null; people: number; sent: number; alreadySent: number; nothingDue: number };
    const rounds = await until('both rounds to finish', async () => {
      const items = ((await a.call('GET', '/api/v1/admin/reminders/rounds', admin)).body as { items: Round[] }).items.filter((r) => ids.includes(r.id));
      return items.length === 2 && items.every((r) => r.finishedAt !== null) ? items : undefined;
    });
    for (const round of rounds) expect(round.people).toBe(3);
    expect(rounds.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect(rounds.reduce((sum, r) => sum + r.sent + r.alreadySent + r.nothingDue, 0)).toBe(6);
    // Give any duplicate time to arrive: none may.
    await new Promise((r) => setTimeout(r, 3000));
    expect(mail.map((m) => m.to).sort()).toEqual(people);
    const finn = mail.find((m) => m.to === 'finn@uni.example')?.text ?? '';
    expect(finn).toMatch(/Subject: Inroads: .* to do today/);
    expect(finn).toContain('Contact of finn@uni.example');
    const log = await createAppContext(control, systemClock).repos.accounts.reminders();
    expect(log.map((l) => l.userId).length).toBe(3);
  });

  it('takes a reset link made on one instance, emailed, and used on the other: once, ending the sessions on both', async () => {
    const admin = await signIn(a, 'admin@uni.example');
    const before = await signIn(a, 'gus@uni.example');
    const users = (await a.call('GET', '/api/v1/admin/users', admin)).body as { items: Array<{ id: string; email: string }> };
    const gus = users.items.find((u) => u.email === 'gus@uni.example');
    const made = await a.call('POST', `/api/v1/admin/users/${gus?.id}/password-reset`, admin);
    expect(made.status).toBe(201);
    const { path, emailed } = made.body as { path: string; emailed: boolean };
    expect(emailed).toBe(true);
    await until('the reset email', () => (mail.some((m) => m.to === 'gus@uni.example' && m.text.includes('Choose a new Inroads password')) ? true : undefined));
    const token = new URL(path, a.origin).searchParams.get('token') ?? '';
    // (The mail is quoted-printable: its lines may be folded, so it is unfolded before looking for the link.)
    const text = (mail.filter((m) => m.to === 'gus@uni.example').at(-1)?.text ?? '').replace(/=\r?\n/g, '');
    expect(text).toContain(token);
    const reset = await b.call('POST', '/api/v1/auth/reset', undefined, { token, newPassword: 'quiet rivers run all night' });
    expect(reset.status).toBe(200);
    expect((await a.call('GET', '/api/v1/account', before)).status).toBe(401);
    expect(((await a.call('POST', '/api/v1/auth/reset', undefined, { token, newPassword: 'and once more for luck' })).body as { error: { code: string } }).error.code).toBe('accounts.reset_invalid');
    expect((await a.call('POST', '/api/v1/auth/sign-in', undefined, { email: 'gus@uni.example', password: 'quiet rivers run all night' })).status).toBe(200);
  });
  it('finishes a single sign-on on the other instance: started on A, completed on B, once, with no code in either log', async () => {
    expect(a.output.join('')).toContain('Single sign-on: Campus Login');
    const started = await a.call('POST', '/api/v1/auth/sso/start', undefined, {});
    expect(started.status).toBe(200);
    const key = started.cookies.inroads_sso ?? '';
    expect(key).not.toBe('');
    // The browser goes to the provider, signs in there, and is sent back to the public address, which reaches B this time.
    const back = await provider.signIn((started.body as { url: string }).url, 'eve@uni.example');
    expect(`${back.origin}${back.pathname}`).toBe(`${PUBLIC_URL}/sso/callback`);
    const code = back.searchParams.get('code') ?? '';
    const finished = await b.call('POST', '/api/v1/auth/sso/finish', undefined, { response: back.search }, `inroads_sso=${key}`);
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    expect((finished.body as { user: { email: string } }).user.email).toBe('eve@uni.example');
    const session = { token: finished.cookies.inroads_session ?? '', csrf: finished.cookies.inroads_csrf ?? '' };
    expect(((await a.call('GET', '/api/v1/account', session)).body as { user: { email: string } }).user.email).toBe('eve@uni.example');
    // The sign-in was used up on B: the same answer replayed on A is refused.
    const replayed = await a.call('POST', '/api/v1/auth/sso/finish', undefined, { response: back.search }, `inroads_sso=${key}`);
    expect((replayed.body as { error: { code: string } }).error.code).toBe('sso.login_expired');
    const logged = await until('the single sign-on in B’s log', () => (b.output.join('').includes('"method":"oidc"') ? b.output.join('') : undefined));
    const line = logged.split('\n').find((l) => l.includes('"method":"oidc"')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ event: 'auth.sign_in', email: 'eve@uni.example', level: 30 });
    for (const output of [a.output.join(''), b.output.join('')]) {
      expect(output).not.toContain(code);
      expect(output).not.toContain(key);
      expect(output).not.toContain(provider.clientSecret);
    }
  });
});
