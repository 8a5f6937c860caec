import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/fixtures/databases.js';
import { anonymous, createMultiUserApp, PASSWORD, signedIn, type Browser, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import { settableClock } from '../shared/clock.js';
import { logLevelFrom, loggableUrl } from './logging.js';

const clock = settableClock('2026-03-10T10:00:00.000Z');

/** What the server logged: every line pino wrote, parsed. */
function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  return {
    lines,
    raw,
    stream: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
    events: (name: string) => lines.filter((l) => l.event === name),
  };
}

describe.each(dialects)('the shared server’s log on %s', (dialect) => {
  const log = capture();
  let t: MultiUserTestApp;
  let admin: Browser;
  let alice: Browser;
  let coach: Browser;

  beforeAll(async () => {
    t = await createMultiUserApp(dialect, clock, { logger: { level: 'info', stream: log.stream } });
    // A route that fails the way a bug would, to see a 500's id in the answer and the log (added before the app starts).
    t.app.get('/api/v1/test-only/explode', async () => {
      throw new Error('the database went away');
    });
    admin = await signedIn(t, 'admin@uni.example', 'admin');
    alice = await signedIn(t, 'alice@uni.example');
    coach = await signedIn(t, 'coach@uni.example', 'coach');
  });
  afterAll(async () => t?.dispose());

  it('logs each sign-in with the account’s id and address, and a failed one with the address tried, never the password', async () => {
    const signIns = log.events('auth.sign_in');
    expect(signIns.find((l) => l.email === 'alice@uni.example')).toMatchObject({ level: 30, userId: alice.id, msg: 'signed in' });
    const wrong = 'not-the-right-password-9137';
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'alice@uni.example', password: wrong })).statusCode).toBe(401);
    expect(log.events('auth.sign_in_failed').at(-1)).toMatchObject({ email: 'alice@uni.example', code: 'accounts.invalid_credentials' });
    const everything = log.raw.join('');
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(PASSWORD);
    // Nor any session token or its cookie.
    for (const b of [admin, alice, coach]) expect(everything).not.toContain(b.token);
  });

  it('logs requests without headers, cookies or the tokens an address carries', async () => {
    await alice.call('GET', '/api/v1/contacts?limit=5');
    const request = log.lines.find((l) => (l.req as { url?: string } | undefined)?.url === '/api/v1/contacts?limit=5');
    expect(request).toMatchObject({ msg: 'request completed', res: { statusCode: 200 }, responseTime: expect.any(Number) });
    expect(request?.req).not.toHaveProperty('headers');
    // One line per request, when it is answered.
    expect(log.lines.filter((l) => l.msg === 'incoming request')).toEqual([]);
    await anonymous(t.app, 'GET', '/join?invitation=secret-invitation-value-42');
    await anonymous(t.app, 'GET', '/calendar/someone/secret-feed-value-42.ics');
    expect(log.raw.join('')).not.toContain('secret-invitation-value-42');
    expect(log.raw.join('')).not.toContain('secret-feed-value-42');
  });

  it('logs invitations issued and accepted', async () => {
    const invitation = await admin.call('POST', '/api/v1/admin/invitations', { email: 'carol@uni.example', role: 'explorer' });
    expect(invitation.statusCode).toBe(201);
    expect(log.events('invitation.issued').at(-1)).toMatchObject({ email: 'carol@uni.example', role: 'explorer', by: admin.id });
    const token = new URL(invitation.json().path, 'http://x').searchParams.get('invitation') ?? '';
    const joined = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'carol@uni.example', name: 'Carol', password: PASSWORD, invitation: token });
    expect(joined.statusCode).toBe(201);
    expect(log.events('invitation.accepted').at(-1)).toMatchObject({ email: 'carol@uni.example', userId: joined.json().user.id });
    expect(log.raw.join('')).not.toContain(token);
  });

  it('logs each time a coach looks at a student’s shared progress or notes', async () => {
    expect((await alice.call('POST', '/api/v1/account/sharing', { coachEmail: 'coach@uni.example', scope: 'notes' })).statusCode).toBe(200);
    expect((await coach.call('GET', `/api/v1/coaching/explorers/${alice.id}`)).statusCode).toBe(200);
    expect((await coach.call('GET', `/api/v1/coaching/explorers/${alice.id}/notes`)).statusCode).toBe(200);
    expect(log.events('coaching.view').map((l) => [l.coachId, l.explorerId, l.scope])).toEqual([
      [coach.id, alice.id, 'progress'],
      [coach.id, alice.id, 'notes'],
    ]);
  });

  it('gives every 5xx answer an id, and logs the error under the same id', async () => {
    const response = await alice.call('GET', '/api/v1/test-only/explode');
    expect(response.statusCode).toBe(500);
    const { error } = response.json() as { error: { code: string; id?: string } };
    expect(error.code).toBe('internal');
    expect(error.id).toMatch(/^[0-9a-f]{16}$/);
    const line = log.lines.find((l) => l.errorId === error.id);
    expect(line).toMatchObject({ level: 50, reqId: error.id, code: 'internal', err: { message: 'the database went away' } });
    // A 4xx is the caller's to fix: no id.
    expect((await alice.call('GET', '/api/v1/contacts/01900000-0000-7000-8000-000000000000')).json().error).not.toHaveProperty('id');
  });
});

describe('log settings', () => {
  it('takes INROADS_LOG_LEVEL, defaulting to info, and refuses a level pino does not know', () => {
    expect(logLevelFrom(undefined)).toBe('info');
    expect(logLevelFrom(' WARN ')).toBe('warn');
    expect(() => logLevelFrom('loud')).toThrow(/INROADS_LOG_LEVEL/);
  });

  it('cuts secrets out of logged addresses and leaves the rest', () => {
    expect(loggableUrl('/calendar/0190abc/s3cr3t.ics')).toBe('/calendar/0190abc/[redacted].ics');
    expect(loggableUrl('/join?invitation=abc&x=1')).toBe('/join?invitation=[redacted]&x=1');
    expect(loggableUrl('/?token=abc')).toBe('/?token=[redacted]');
    expect(loggableUrl('/api/v1/contacts?limit=5&sort=-name')).toBe('/api/v1/contacts?limit=5&sort=-name');
  });
});
