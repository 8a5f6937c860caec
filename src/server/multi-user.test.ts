import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/fixtures/databases.js';
import { anonymous, browserFor, cookieValue, createMultiUserApp, MU_HOST, MU_ORIGIN, PASSWORD, signedIn, type Browser, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import { settableClock } from '../shared/clock.js';
import { createUser } from '../modules/accounts/accounts.usecases.js';

const clock = settableClock('2026-03-10T10:00:00.000Z');

describe.each(dialects)('multi-user mode on %s', (dialect) => {
  let t: MultiUserTestApp;
  let admin: Browser;
  let alice: Browser;
  let bob: Browser;
  let coach: Browser;

  beforeAll(async () => {
    t = await createMultiUserApp(dialect, clock);
    admin = await signedIn(t, 'admin@uni.example', 'admin');
    alice = await signedIn(t, 'alice@uni.example');
    bob = await signedIn(t, 'bob@uni.example');
    coach = await signedIn(t, 'coach@uni.example', 'coach');
  });
  afterAll(async () => t?.dispose());

  it('signs in with an HttpOnly session cookie and a CSRF cookie, and answers 401 without one', async () => {
    const response = await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'alice@uni.example', password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((c) => c.name === 'inroads_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.cookies.find((c) => c.name === 'inroads_csrf')?.httpOnly).toBeFalsy();
    expect((await anonymous(t.app, 'GET', '/api/v1/contacts')).statusCode).toBe(401);
    expect((await anonymous(t.app, 'GET', '/api/v1/auth/status')).json()).toMatchObject({ mode: 'multi-user', registration: 'invitation', user: null });
    expect((await alice.call('GET', '/api/v1/auth/status')).json().user).toMatchObject({ email: 'alice@uni.example', role: 'explorer' });
  });

  it('refuses a change without the session’s CSRF value, or from another origin', async () => {
    const withoutHeader = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { host: MU_HOST, cookie: `inroads_session=${alice.token}` }, payload: { name: 'X' } });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().error.code).toBe('security.csrf');
    const otherOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { host: MU_HOST, origin: 'http://evil.example', cookie: `inroads_session=${alice.token}`, 'x-csrf-token': 'x' },
      payload: { name: 'X' },
    });
    expect(otherOrigin.statusCode).toBe(403);
    const badHost = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { host: 'evil.example', cookie: `inroads_session=${alice.token}` } });
    expect(badHost.statusCode).toBe(403);
    // A signed-out sign-in still needs the custom header (login CSRF).
    const bare = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { host: MU_HOST }, payload: { email: 'alice@uni.example', password: PASSWORD } });
    expect(bare.statusCode).toBe(403);
  });

  it('keeps each person’s records to themselves: another’s record reads as missing, and writes to it change nothing', async () => {
    const created = await alice.call('POST', '/api/v1/contacts', { name: 'Maya Costa', notes: 'alumni mentor' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const asBob = await bob.call('GET', `/api/v1/contacts/${id}`);
    const missing = await bob.call('GET', '/api/v1/contacts/01900000-0000-7000-8000-000000000000');
    expect(asBob.statusCode).toBe(404);
    expect(asBob.json().error.code).toBe(missing.json().error.code);
    expect((await bob.call('PATCH', `/api/v1/contacts/${id}`, { name: 'Hacked' })).statusCode).toBe(404);
    expect((await bob.call('DELETE', `/api/v1/contacts/${id}`)).statusCode).toBe(404);
    expect((await alice.call('GET', `/api/v1/contacts/${id}`)).json().name).toBe('Maya Costa');
    expect((await bob.call('GET', '/api/v1/contacts')).json().total).toBe(0);
    expect((await bob.call('GET', '/api/v1/search?q=alumni')).json().items).toEqual([]);
    expect((await alice.call('GET', '/api/v1/search?q=alumni')).json().items).toHaveLength(1);
  });

  it('invitation-only by default; an invitation admits its address once, with its role; open registration admits anyone', async () => {
    const closed = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'carol@uni.example', name: 'Carol', password: PASSWORD });
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.code).toBe('accounts.registration_closed');
    const invitation = await admin.call('POST', '/api/v1/admin/invitations', { email: 'carol@uni.example', role: 'coach' });
    expect(invitation.statusCode).toBe(201);
    const token = new URL(invitation.json().path, 'http://x').searchParams.get('invitation');
    const wrongEmail = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'dave@uni.example', name: 'Dave', password: PASSWORD, invitation: token });
    expect(wrongEmail.json().error.details.field).toBe('email');
    const joined = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'carol@uni.example', name: 'Carol', password: PASSWORD, invitation: token });
    expect(joined.statusCode).toBe(201);
    expect(joined.json().user.role).toBe('coach');
    expect(cookieValue(joined, 'inroads_session')).toBeTruthy();
    const again = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'carol@uni.example', name: 'Carol', password: PASSWORD, invitation: token });
    expect(again.json().error.code).toBe('accounts.invitation_invalid');
    const weak = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'erin@uni.example', name: 'Erin', password: 'password1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('password');

    expect((await admin.call('PUT', '/api/v1/admin/settings', { registration: 'open' })).json()).toEqual({ registration: 'open' });
    const open = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'erin@uni.example', name: 'Erin', password: PASSWORD });
    expect(open.statusCode).toBe(201);
    expect(open.json().user.role).toBe('explorer');
    await admin.call('PUT', '/api/v1/admin/settings', { registration: 'invitation' });
  });

  it('shows a coach exactly what was shared, until it is revoked', async () => {
    await alice.call('POST', '/api/v1/interviews', { contactId: (await alice.call('GET', '/api/v1/contacts')).json().items[0].id, status: 'held', heldAt: '2026-03-05T15:00:00Z', notes: 'Talked about research ops' });
    expect((await coach.call('GET', '/api/v1/coaching/explorers')).json().items).toEqual([]);
    expect((await coach.call('GET', `/api/v1/coaching/explorers/${alice.id}`)).statusCode).toBe(404);

    const notCoach = await alice.call('POST', '/api/v1/account/sharing', { coachEmail: 'bob@uni.example', scope: 'progress' });
    expect(notCoach.statusCode).toBe(400);
    expect(notCoach.json().error.details.field).toBe('coachEmail');
    const shared = await alice.call('POST', '/api/v1/account/sharing', { coachEmail: 'coach@uni.example', scope: 'progress' });
    expect(shared.json().items).toMatchObject([{ coach: { email: 'coach@uni.example' }, scope: 'progress' }]);

    const dashboard = (await coach.call('GET', '/api/v1/coaching/explorers')).json();
    expect(dashboard.items).toHaveLength(1);
    expect(dashboard.items[0]).toMatchObject({ explorer: { id: alice.id }, scope: 'progress', summary: { interviews: 1, heldThisMonth: 1 } });
    // The held conversation has no thank-you yet: it is on the agenda, and overdue after the 24 hours are up.
    const progress = (await coach.call('GET', `/api/v1/coaching/explorers/${alice.id}`)).json();
    // Progress only: the person is a label unless Alice lets the coach see names.
    expect(progress.interviews).toMatchObject([{ status: 'held', contact: { name: 'Person 1' } }]);
    expect(JSON.stringify(progress)).not.toContain('Maya');
    expect(progress.agenda.some((a: { kind: string }) => a.kind === 'thank-you')).toBe(true);
    expect(progress.summary.overdueThankYous).toBe(1);
    expect(JSON.stringify(progress)).not.toContain('research ops');
    expect((await coach.call('GET', `/api/v1/coaching/explorers/${alice.id}/notes`)).statusCode).toBe(404);

    await alice.call('POST', '/api/v1/account/sharing', { coachEmail: 'coach@uni.example', scope: 'notes' });
    const notes = await coach.call('GET', `/api/v1/coaching/explorers/${alice.id}/notes`);
    expect(notes.statusCode).toBe(200);
    expect(notes.json().items[0].notes).toBe('Talked about research ops');
    // Explorers and admins are no coaches: the coaching routes do not exist for them.
    expect((await bob.call('GET', '/api/v1/coaching/explorers')).statusCode).toBe(404);
    expect((await admin.call('GET', `/api/v1/coaching/explorers/${alice.id}`)).statusCode).toBe(404);

    const revoked = await alice.call('DELETE', `/api/v1/account/sharing/${coach.id}`);
    expect(revoked.json().items).toEqual([]);
    expect((await coach.call('GET', `/api/v1/coaching/explorers/${alice.id}`)).statusCode).toBe(404);
    expect((await coach.call('GET', `/api/v1/coaching/explorers/${alice.id}/notes`)).statusCode).toBe(404);
    expect((await coach.call('GET', '/api/v1/coaching/explorers')).json().items).toEqual([]);
  });

  it('lets an admin create, list and disable accounts; a disabled account’s session ends at once', async () => {
    expect((await alice.call('GET', '/api/v1/admin/users')).statusCode).toBe(404);
    const created = await admin.call('POST', '/api/v1/admin/users', { email: 'frank@uni.example', name: 'Frank', role: 'explorer' });
    expect(created.statusCode).toBe(201);
    const password = created.json().password;
    expect(password.length).toBeGreaterThanOrEqual(20);
    const signIn = await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'frank@uni.example', password });
    expect(signIn.statusCode).toBe(200);
    const frank = browserFor(t.app, created.json().user.id, 'frank@uni.example', cookieValue(signIn, 'inroads_session') ?? '');
    // (Signed in: until Frank chooses his own password, his account is all he may reach; see account-admin.test.ts.)
    expect((await frank.call('GET', '/api/v1/account')).statusCode).toBe(200);
    const list = (await admin.call('GET', '/api/v1/admin/users')).json().items.map((u: { email: string }) => u.email);
    expect(list).toContain('frank@uni.example');
    expect((await admin.call('POST', `/api/v1/admin/users/${frank.id}/disable`)).json().user.disabledAt).toBeTruthy();
    expect((await frank.call('GET', '/api/v1/contacts')).statusCode).toBe(401);
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'frank@uni.example', password })).statusCode).toBe(401);
    expect((await admin.call('POST', `/api/v1/admin/users/${admin.id}/disable`)).statusCode).toBe(409);
  });

  it('rotates the session at sign-in, ends it at sign-out, and ends the others at a password change', async () => {
    const second = await signedIn(t, 'gina@uni.example');
    const again = await second.call('POST', '/api/v1/auth/sign-in', { email: 'gina@uni.example', password: PASSWORD });
    const rotated = cookieValue(again, 'inroads_session') ?? '';
    expect(rotated).not.toBe(second.token);
    expect((await second.call('GET', '/api/v1/account')).statusCode).toBe(401);
    const gina = browserFor(t.app, second.id, second.email, rotated);
    const other = browserFor(t.app, second.id, second.email, cookieValue(await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'gina@uni.example', password: PASSWORD }), 'inroads_session') ?? '');
    const changed = await gina.call('POST', '/api/v1/account/password', { currentPassword: PASSWORD, newPassword: 'a much longer passphrase now' });
    expect(changed.statusCode).toBe(200);
    expect((await other.call('GET', '/api/v1/account')).statusCode).toBe(401);
    const fresh = browserFor(t.app, second.id, second.email, cookieValue(changed, 'inroads_session') ?? '');
    expect((await fresh.call('GET', '/api/v1/account')).json().user.email).toBe('gina@uni.example');
    expect((await fresh.call('POST', '/api/v1/auth/sign-out')).statusCode).toBe(204);
    expect((await fresh.call('GET', '/api/v1/account')).statusCode).toBe(401);
  });

  it('answers 429 after repeated failures for an account, and keeps refusing the right password while blocked', async () => {
    await signedIn(t, 'hank@uni.example');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'hank@uni.example', password: `wrong guess ${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'hank@uni.example', password: 'again wrong' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'hank@uni.example', password: PASSWORD })).statusCode).toBe(429);
    clock.set('2026-03-10T10:31:00.000Z');
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'hank@uni.example', password: PASSWORD })).statusCode).toBe(200);
    clock.set('2026-03-10T10:00:00.000Z');
  });

  it('counts simultaneous guesses before checking any, so no more than five are ever tried', async () => {
    clock.set('2026-03-10T13:00:00.000Z');
    await signedIn(t, 'ivan@uni.example');
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'ivan@uni.example', password: `guess number ${i}` })));
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
    clock.set('2026-03-10T10:00:00.000Z');
  });

  it('limits guessing the current password from an open session like signing in', async () => {
    const kim = await signedIn(t, 'kim@uni.example');
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await kim.call('POST', '/api/v1/account/password', { currentPassword: `guess ${i}`, newPassword: 'a brand new passphrase' })).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('serves each person’s calendar feed at an address naming them, checked in their own workspace', async () => {
    const path = (await alice.call('GET', '/api/v1/calendar')).json().path as string;
    expect(path).toMatch(new RegExp(`^/calendar/${alice.id}/[A-Za-z0-9_-]+\\.ics$`));
    const feed = await t.app.inject({ method: 'GET', url: path, headers: { host: MU_HOST } });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    const wrongOwner = await t.app.inject({ method: 'GET', url: path.replace(alice.id, bob.id), headers: { host: MU_HOST } });
    expect(wrongOwner.statusCode).toBe(404);
  });

  it('checks a feed address against the accounts database before opening any workspace, and answers alike for an unknown id and a wrong token', async () => {
    const path = (await alice.call('GET', '/api/v1/calendar')).json().path as string;
    // Someone with an account who has never signed in has no workspace yet; a feed request must not make one.
    const { user: newcomer } = await createUser({ ctx: t.control, input: { email: 'newcomer@uni.example', name: 'Newcomer', role: 'explorer', password: PASSWORD } });
    const opened: string[] = [];
    const open = t.workspaces.open.bind(t.workspaces);
    t.workspaces.open = async (userId) => {
      opened.push(userId);
      return open(userId);
    };
    try {
      const token = 'A'.repeat(32);
      const get = (url: string, method: 'GET' | 'HEAD' = 'GET') => t.app.inject({ method, url, headers: { host: MU_HOST } });
      const wrongToken = await get(path.replace(/[^/]+\.ics$/, `${token}.ics`));
      const unknownUser = await get(`/calendar/01900000-0000-7000-8000-000000000000/${token}.ics`);
      const noWorkspace = await get(`/calendar/${newcomer.id}/${token}.ics`);
      const othersToken = await get(path.replace(alice.id, newcomer.id));
      const headWrong = await get(path.replace(/[^/]+\.ics$/, `${token}.ics`), 'HEAD');
      const answers = [wrongToken, unknownUser, noWorkspace, othersToken, headWrong];
      expect(answers.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
      const shape = (r: (typeof answers)[number]) => ({ code: r.json().error.code, type: r.headers['content-type'], length: r.body.replace(/\/calendar\/[^"]+/, '').length });
      expect(new Set([wrongToken, unknownUser, noWorkspace, othersToken].map((r) => JSON.stringify(shape(r)))).size).toBe(1);
      expect(opened).toEqual([]);

      // The right address opens its owner's workspace, and HEAD answers like GET without the body.
      const feed = await get(path);
      const head = await get(path, 'HEAD');
      expect([feed.statusCode, head.statusCode, head.body]).toEqual([200, 200, '']);
      for (const name of ['content-type', 'cache-control', 'content-length']) expect([name, head.headers[name]]).toEqual([name, feed.headers[name]]);
      expect(opened).toEqual([alice.id, alice.id]);

      // A new address works at once and the old one stops.
      const renewed = (await alice.call('POST', '/api/v1/calendar/regenerate')).json().path as string;
      expect((await get(path)).statusCode).toBe(404);
      expect((await get(renewed)).statusCode).toBe(200);
    } finally {
      t.workspaces.open = open;
    }
  });

  it('lets a feed address made before the accounts database kept its hash work again once its owner signs in; a disabled owner’s feed is gone', async () => {
    const { user } = await createUser({ ctx: t.control, input: { email: 'olden@uni.example', name: 'Olden', role: 'explorer', password: PASSWORD } });
    // A workspace with a feed token from an earlier version: nothing about it in the accounts database.
    const token = 'Oldfeedtoken_0123456789abcdef';
    await t.workspaces.use(user.id, (ctx) => ctx.repos.followups.saveSetting('calendar_feed_token', token, '2026-01-01T00:00:00.000Z'));
    const path = `/calendar/${user.id}/${token}.ics`;
    const get = () => t.app.inject({ method: 'GET', url: path, headers: { host: MU_HOST } });
    expect((await get()).statusCode).toBe(404);
    const signIn = await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'olden@uni.example', password: PASSWORD });
    const olden = browserFor(t.app, user.id, 'olden@uni.example', cookieValue(signIn, 'inroads_session') ?? '');
    expect((await olden.call('GET', '/api/v1/contacts')).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(200);
    await admin.call('POST', `/api/v1/admin/users/${user.id}/disable`);
    expect((await get()).statusCode).toBe(404);
  });
});

describe('a flood of sign-ins from one address', () => {
  it('is refused with 429 for everyone at that address once 20 have failed, before the password is even checked', async () => {
    const t = await createMultiUserApp('sqlite', settableClock('2026-03-10T10:00:00.000Z'));
    try {
      await signedIn(t, 'jo@uni.example');
      const codes: number[] = [];
      for (let i = 0; i < 22; i++) codes.push((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: `guess${i}@uni.example`, password: 'nope nope nope' })).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(codes.slice(20)).toEqual([429, 429]);
      // Even the right password for a real account is refused from that address while the block lasts.
      const right = await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'jo@uni.example', password: PASSWORD });
      expect(right.statusCode).toBe(429);
      expect(right.json().error.details.by).toBe('address');
    } finally {
      await t.dispose();
    }
  });
});

describe.each(dialects)('strangers’ guesses on %s', (dialect) => {
  let t: MultiUserTestApp;
  const at = settableClock('2026-03-10T10:00:00.000Z');
  beforeAll(async () => {
    t = await createMultiUserApp(dialect, at);
  });
  afterAll(async () => t?.dispose());
  const signInWith = (email: string, password: string, device?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { host: MU_HOST, origin: MU_ORIGIN, 'x-csrf-token': 'none', ...(device ? { cookie: `inroads_device=${device}` } : {}) },
      payload: { email, password },
    });

  it('cannot lock out a browser that has signed in to the account before, nor block it with its whole address', async () => {
    const owner = await signedIn(t, 'owner@uni.example');
    const first = await signInWith(owner.email, PASSWORD);
    const cookie = first.cookies.find((c) => c.name === 'inroads_device');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.maxAge).toBeGreaterThan(90 * 86_400);
    const device = cookie?.value ?? '';
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await signInWith(owner.email, `stranger guess ${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signInWith(owner.email, PASSWORD)).statusCode).toBe(429);
    expect((await signInWith(owner.email, PASSWORD, 'forged-device-cookie')).statusCode).toBe(429);
    const trusted = await signInWith(owner.email, PASSWORD, device);
    expect(trusted.statusCode).toBe(200);
    const renewed = cookieValue(trusted, 'inroads_device') ?? '';
    expect(renewed).not.toBe(device);

    // Twenty failures from the address (every request here comes from one) block it for everyone without the owner's cookie.
    for (let i = 0; i < 20; i++) if ((await signInWith(`nobody${i}@uni.example`, 'nope nope nope')).statusCode === 429) break;
    const blocked = await signInWith(owner.email, PASSWORD);
    expect([blocked.statusCode, blocked.json().error.details.by]).toEqual([429, 'address']);
    expect((await signInWith(owner.email, PASSWORD, 'forged-device-cookie')).statusCode).toBe(429);
    expect((await signInWith(owner.email, PASSWORD, 'F'.repeat(43))).statusCode).toBe(429);
    expect((await signInWith(owner.email, PASSWORD, renewed)).statusCode).toBe(200);
  });

  it('throttles registration by address like sign-in, with the same 429 and Retry-After', async () => {
    at.set('2026-03-10T12:00:00.000Z');
    const codes = [];
    for (let i = 0; i < 21; i++) codes.push((await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: `walk-in${i}@uni.example`, name: 'Walk In', password: PASSWORD })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 403)).toBe(true);
    const refused = await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'walk-in@uni.example', name: 'Walk In', password: PASSWORD });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'accounts.rate_limited', details: { by: 'register' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('multi-user cookies behind https', () => {
  it('are Secure and __Host- prefixed when the public address is https', async () => {
    const t = await createMultiUserApp('sqlite', clock, { publicUrl: 'https://inroads.uni.example' });
    try {
      await signedIn(t, 'ivy@uni.example').catch(() => undefined);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { host: 'inroads.uni.example', origin: 'https://inroads.uni.example', 'x-csrf-token': 'none' },
        payload: { email: 'ivy@uni.example', password: PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      const session = response.cookies.find((c) => c.name === '__Host-inroads_session');
      expect(session).toMatchObject({ secure: true, httpOnly: true, path: '/' });
      expect(response.cookies.find((c) => c.name === '__Host-inroads_csrf')?.secure).toBe(true);
    } finally {
      await t.dispose();
    }
  });
});
