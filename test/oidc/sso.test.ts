import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/accounts/accounts.usecases.js';
import type { IdentityProvider } from '../../src/modules/sso/sso.usecases.js';
import { connectOidc } from '../../src/server/oidc.js';
import type { Clock } from '../../src/shared/clock.js';
import { SSO_CALLBACK_PATH } from '../../src/shared/schemas/sso.js';
import { dialects } from '../fixtures/databases.js';
import { anonymous, browserFor, cookieValue, createMultiUserApp, MU_HOST, MU_ORIGIN, PASSWORD, signedIn, type Browser, type MultiUserTestApp } from '../fixtures/multi-user.js';
import { startTestProvider, type TestProvider } from './provider.js';

/** The system's time, moved by `offset` (the provider issues tokens at the real time; the server may be told it is later). */
function movableClock(): Clock & { offset: number } {
  const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };
  return clock;
}

function capture() {
  const raw: string[] = [];
  const lines: Array<Record<string, unknown>> = [];
  return {
    raw,
    lines,
    stream: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  };
}

const REDIRECT = new URL(SSO_CALLBACK_PATH, MU_ORIGIN).href;

/** Starting and finishing a sign-in the way the web app does: the start sets the browser's cookie, the callback page posts the provider's answer. */
function ssoBrowser(t: MultiUserTestApp, provider: TestProvider) {
  const start = async (invitation?: string) => {
    const response = await anonymous(t.app, 'POST', '/api/v1/auth/sso/start', invitation ? { invitation } : {});
    return { response, url: response.statusCode === 200 ? (response.json().url as string) : '', key: cookieValue(response, 'inroads_sso') ?? '' };
  };
  const finish = (key: string, answer: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/finish',
      headers: { host: MU_HOST, origin: MU_ORIGIN, 'x-csrf-token': 'none', ...(key ? { cookie: `inroads_sso=${key}` } : {}) },
      payload: { response: answer },
    });
  /** The whole round: Inroads → the provider's login → back to Inroads. */
  const signIn = async (email: string, invitation?: string) => {
    const started = await start(invitation);
    expect(started.response.statusCode, started.response.body).toBe(200);
    const back = await provider.signIn(started.url, email);
    expect(back.href.startsWith(REDIRECT)).toBe(true);
    return { response: await finish(started.key, back.search), back };
  };
  return { start, finish, signIn };
}

describe.each(dialects)('single sign-on with a real OpenID provider on %s', (dialect) => {
  const log = capture();
  const clock = movableClock();
  let provider: TestProvider;
  let sso: IdentityProvider;
  let t: MultiUserTestApp;
  let admin: Browser;
  let flow: ReturnType<typeof ssoBrowser>;

  beforeAll(async () => {
    provider = await startTestProvider({ redirectUris: [REDIRECT] });
    sso = await connectOidc({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: 'Campus Login', only: false }, REDIRECT);
    t = await createMultiUserApp(dialect, clock, { sso, logger: { level: 'info', stream: log.stream } });
    admin = await signedIn(t, 'admin@uni.example', 'admin');
    flow = ssoBrowser(t, provider);
    for (const [sub, email, verified, name] of [
      ['p-eve', 'Eve@Uni.example', true, 'Eve Explorer'],
      ['p-nia', 'nia@uni.example', true, 'Nia from the provider'],
      ['p-omar', 'omar@uni.example', true, 'Omar Osei'],
      ['p-dan', 'dan@uni.example', true, 'Dan Disabled'],
      ['p-una', 'una@uni.example', false, 'Una Unverified'],
      ['p-zed', 'zed@uni.example', true, 'Zed Stranger'],
      ['p-ivy', 'ivy@uni.example', true, 'Ivy Impostor'],
    ] as const) {
      provider.addPerson({ sub, email, email_verified: verified, name });
    }
    await createUser({ ctx: t.control, input: { email: 'eve@uni.example', name: 'Eve Explorer', role: 'explorer', password: PASSWORD } });
  });
  afterAll(async () => {
    await t?.dispose();
    await provider?.close();
  });

  it('says it offers single sign-on, and under which name', async () => {
    expect((await anonymous(t.app, 'GET', '/api/v1/auth/sso')).json()).toEqual({ enabled: true, name: 'Campus Login', only: false });
  });

  it('signs in an existing account by its verified email (any case), with a session like a password sign-in, logged without the code', async () => {
    const { response, back } = await flow.signIn('eve@uni.example');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ user: { email: 'eve@uni.example', role: 'explorer' }, joined: false });
    const session = cookieValue(response, 'inroads_session') ?? '';
    expect(cookieValue(response, 'inroads_device')).toBeTruthy();
    const eve = browserFor(t.app, response.json().user.id, 'eve@uni.example', session);
    expect((await eve.call('GET', '/api/v1/account')).json().user.email).toBe('eve@uni.example');
    expect((await eve.call('GET', '/api/v1/contacts')).statusCode).toBe(200);
    const line = log.lines.filter((l) => l.event === 'auth.sign_in').at(-1);
    expect(line).toMatchObject({ method: 'oidc', userId: eve.id, email: 'eve@uni.example', level: 30 });
    // The callback page's address carries the code: it is never written to the log, nor is the session.
    await t.app.inject({ method: 'GET', url: `${SSO_CALLBACK_PATH}${back.search}`, headers: { host: MU_HOST } });
    const code = back.searchParams.get('code') ?? '';
    expect(code.length).toBeGreaterThan(10);
    const everything = log.raw.join('');
    expect(everything).toContain(SSO_CALLBACK_PATH);
    expect(everything).not.toContain(code);
    expect(everything).not.toContain(session);
  });

  it('can finish a sign-in once, only in the browser that started it', async () => {
    const started = await flow.start();
    const back = await provider.signIn(started.url, 'eve@uni.example');
    const elsewhere = await flow.finish('', back.search);
    expect(elsewhere.json().error.code).toBe('sso.login_expired');
    const other = await flow.start();
    expect((await flow.finish(other.key, back.search)).json().error).toMatchObject({ code: 'sso.failed', details: { reason: 'state' } });
    // (The first browser's sign-in is still waiting, and is used once.)
    expect((await flow.finish(started.key, back.search)).statusCode).toBe(200);
    expect((await flow.finish(started.key, back.search)).json().error.code).toBe('sso.login_expired');
  });

  it('refuses an answer whose state is not the one this browser was sent with', async () => {
    const started = await flow.start();
    const back = await provider.signIn(started.url, 'eve@uni.example');
    back.searchParams.set('state', 'a-state-from-somewhere-else');
    const refused = await flow.finish(started.key, back.search);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'sso.failed', details: { reason: 'state' } });
    expect(cookieValue(refused, 'inroads_session')).toBeFalsy();
  });

  it('lets a first-timer join through an invitation link: the account gets the invitation’s role, and the invitation is accepted', async () => {
    const invited = await admin.call('POST', '/api/v1/admin/invitations', { email: 'nia@uni.example', role: 'coach' });
    const token = new URL(invited.json().path, MU_ORIGIN).searchParams.get('invitation') ?? '';
    const { response } = await flow.signIn('nia@uni.example', token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ user: { email: 'nia@uni.example', role: 'coach', name: 'Nia from the provider', mustChangePassword: false }, joined: true });
    const nia = browserFor(t.app, response.json().user.id, 'nia@uni.example', cookieValue(response, 'inroads_session') ?? '');
    expect((await nia.call('GET', '/api/v1/coaching/explorers')).statusCode).toBe(200);
    const row = await t.handle.db.selectFrom('invitations').select(['usedAt', 'acceptedBy']).where('email', '=', 'nia@uni.example').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ acceptedBy: nia.id, usedAt: expect.any(String) });
    expect((await admin.call('GET', '/api/v1/admin/invitations')).json().items.map((i: { email: string }) => i.email)).not.toContain('nia@uni.example');
    // The link is spent; the person signs in through the provider from now on.
    expect((await flow.start(token)).response.json().error.code).toBe('accounts.invitation_invalid');
    const again = await flow.signIn('nia@uni.example');
    expect(again.response.json()).toMatchObject({ user: { id: nia.id }, joined: false });
    expect(log.lines.filter((l) => l.event === 'auth.sign_in' && l.joined === true).at(-1)).toMatchObject({ userId: nia.id, method: 'oidc' });
  });

  it('lets a person with an open invitation join without its link, and refuses an invitation link signed in as someone else', async () => {
    const forOmar = await admin.call('POST', '/api/v1/admin/invitations', { email: 'omar@uni.example', role: 'explorer' });
    const token = new URL(forOmar.json().path, MU_ORIGIN).searchParams.get('invitation') ?? '';
    const wrongPerson = await flow.signIn('zed@uni.example', token);
    expect(wrongPerson.response.json().error).toMatchObject({ code: 'accounts.invitation_email', message: expect.stringContaining('zed@uni.example') });
    const { response } = await flow.signIn('omar@uni.example');
    expect(response.json()).toMatchObject({ user: { email: 'omar@uni.example', role: 'explorer', name: 'Omar Osei' }, joined: true });
  });

  it('does not let a withdrawn invitation in, with its link or without', async () => {
    provider.addPerson({ sub: 'p-rex', email: 'rex@uni.example', email_verified: true, name: 'Rex Revoked' });
    const invited = await admin.call('POST', '/api/v1/admin/invitations', { email: 'rex@uni.example', role: 'explorer' });
    const token = new URL(invited.json().path, MU_ORIGIN).searchParams.get('invitation') ?? '';
    const started = await flow.start(token);
    await t.handle.db.updateTable('invitations').set({ revokedAt: new Date().toISOString() }).where('email', '=', 'rex@uni.example').execute();
    // Withdrawn while the person was at the provider: refused on the way back.
    const back = await provider.signIn(started.url, 'rex@uni.example');
    expect((await flow.finish(started.key, back.search)).json().error.code).toBe('accounts.invitation_invalid');
    expect((await flow.start(token)).response.json().error.code).toBe('accounts.invitation_invalid');
    expect((await flow.signIn('rex@uni.example')).response.json().error.code).toBe('sso.no_account');
    expect(await t.control.repos.accounts.userByEmail('rex@uni.example')).toBeUndefined();
  });

  it('refuses an unknown email with no invitation, with a message that says what to do', async () => {
    const { response } = await flow.signIn('zed@uni.example');
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'sso.no_account', message: expect.stringMatching(/zed@uni\.example.*invitation/) });
    expect(cookieValue(response, 'inroads_session')).toBeFalsy();
    expect(await t.control.repos.accounts.userByEmail('zed@uni.example')).toBeUndefined();
    expect(log.lines.filter((l) => l.event === 'auth.sign_in_failed').at(-1)).toMatchObject({ method: 'oidc', code: 'sso.no_account', level: 40 });
  });

  it('refuses a disabled account', async () => {
    const dan = await signedIn(t, 'dan@uni.example');
    expect((await admin.call('POST', `/api/v1/admin/users/${dan.id}/disable`)).statusCode).toBe(200);
    const { response } = await flow.signIn('dan@uni.example');
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'sso.account_disabled', message: expect.stringMatching(/disabled/) });
    expect(cookieValue(response, 'inroads_session')).toBeFalsy();
  });

  it('refuses an email the provider has not verified, even for an invited address', async () => {
    await admin.call('POST', '/api/v1/admin/invitations', { email: 'una@uni.example', role: 'explorer' });
    const { response } = await flow.signIn('una@uni.example');
    expect(response.json().error.code).toBe('sso.email_unverified');
    expect(await t.control.repos.accounts.userByEmail('una@uni.example')).toBeUndefined();
  });

  it('refuses an ID token issued for another client (wrong audience), signed with the provider’s own key', async () => {
    provider.alterNextIdToken((claims) => ({ ...claims, aud: 'another-app' }));
    const { response } = await flow.signIn('eve@uni.example');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'sso.failed', details: { reason: 'aud' } });
    expect(cookieValue(response, 'inroads_session')).toBeFalsy();
    // The same person, with the token as issued, gets in.
    expect((await flow.signIn('eve@uni.example')).response.statusCode).toBe(200);
  });

  it('refuses an ID token that has expired by the server’s clock (it lives an hour; the server is two hours ahead)', async () => {
    clock.offset = 2 * 3600_000;
    try {
      const { response } = await flow.signIn('eve@uni.example');
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'sso.failed', details: { reason: 'exp' } });
    } finally {
      clock.offset = 0;
    }
    expect((await flow.signIn('eve@uni.example')).response.statusCode).toBe(200);
  });

  it('follows the person, not the address: a changed email at the provider still signs in the same account; another person with the account’s email does not', async () => {
    const first = await flow.signIn('omar@uni.example');
    const omarId = first.response.json().user.id as string;
    provider.people.delete('omar@uni.example');
    provider.addPerson({ sub: 'p-omar', email: 'omar.osei@alumni.example', email_verified: true, name: 'Omar Osei' });
    const moved = await flow.signIn('omar.osei@alumni.example');
    expect(moved.response.json()).toMatchObject({ user: { id: omarId, email: 'omar@uni.example' } });
    // Someone else at the provider now has the old address: it is not theirs to sign in with.
    provider.people.delete('ivy@uni.example');
    provider.addPerson({ sub: 'p-ivy', email: 'omar@uni.example', email_verified: true, name: 'Ivy Impostor' });
    const impostor = await flow.signIn('omar@uni.example');
    expect(impostor.response.statusCode).toBe(403);
    expect(impostor.response.json().error.code).toBe('sso.subject_mismatch');
  });

  it('keeps passwords working beside single sign-on when it is not the only way in', async () => {
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'eve@uni.example', password: PASSWORD })).statusCode).toBe(200);
  });
});

describe('single-sign-on-only mode', () => {
  let provider: TestProvider;
  let t: MultiUserTestApp;
  let admin: Browser;

  beforeAll(async () => {
    provider = await startTestProvider({ redirectUris: [REDIRECT] });
    const sso = await connectOidc({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: 'Campus Login', only: true }, REDIRECT);
    t = await createMultiUserApp('sqlite', movableClock(), { sso });
    // (The first admin comes from the command line, with a password; they sign in through the provider.)
    await createUser({ ctx: t.control, input: { email: 'admin@uni.example', name: 'Ada Admin', role: 'admin', password: PASSWORD }, mustChangePassword: true });
    provider.addPerson({ sub: 'p-ada', email: 'admin@uni.example', email_verified: true, name: 'Ada Admin' });
    const { response } = await ssoBrowser(t, provider).signIn('admin@uni.example');
    if (response.statusCode !== 200) throw new Error(`the admin could not sign in: ${response.body}`);
    admin = browserFor(t.app, response.json().user.id, 'admin@uni.example', cookieValue(response, 'inroads_session') ?? '');
  });
  afterAll(async () => {
    await t?.dispose();
    await provider?.close();
  });

  it('says so, and refuses password sign-in, sign-up, reset links and password changes', async () => {
    expect((await anonymous(t.app, 'GET', '/api/v1/auth/sso')).json()).toEqual({ enabled: true, name: 'Campus Login', only: true });
    const refused = await anonymous(t.app, 'POST', '/api/v1/auth/sign-in', { email: 'admin@uni.example', password: PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'sso.only', message: expect.stringContaining('Campus Login') });
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/register', { email: 'x@uni.example', name: 'X', password: 'a long enough passphrase' })).json().error.code).toBe('sso.only');
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/reset', { token: 'whatever', newPassword: 'a long enough passphrase' })).json().error.code).toBe('sso.only');
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/reset-link', { token: 'whatever' })).json().error.code).toBe('sso.only');
    expect((await admin.call('POST', `/api/v1/admin/users/${admin.id}/password-reset`)).json().error.code).toBe('sso.only');
    expect((await admin.call('POST', '/api/v1/account/password', { currentPassword: PASSWORD, newPassword: 'another long passphrase' })).json().error.code).toBe('sso.only');
  });

  it('does not hold a person to changing a first password they can no longer use', async () => {
    const account = (await admin.call('GET', '/api/v1/account')).json();
    expect(account.user.mustChangePassword).toBe(false);
    expect((await admin.call('GET', '/api/v1/admin/users')).statusCode).toBe(200);
  });
});

describe('a provider that gives the email only at its userinfo endpoint', () => {
  let provider: TestProvider;
  let t: MultiUserTestApp;

  beforeAll(async () => {
    provider = await startTestProvider({ redirectUris: [REDIRECT], emailInIdToken: false });
    const sso = await connectOidc({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: 'Campus Login', only: false }, REDIRECT);
    t = await createMultiUserApp('sqlite', movableClock(), { sso });
    await createUser({ ctx: t.control, input: { email: 'eve@uni.example', name: 'Eve Explorer', role: 'explorer', password: PASSWORD } });
    provider.addPerson({ sub: 'p-eve', email: 'eve@uni.example', email_verified: true, name: 'Eve Explorer' });
    provider.addPerson({ sub: 'p-una', email: 'una@uni.example', email_verified: false, name: 'Una Unverified' });
  });
  afterAll(async () => {
    await t?.dispose();
    await provider?.close();
  });

  it('reads the verified email there, for the subject the ID token names', async () => {
    provider.alterNextIdToken((claims) => {
      // (Proof that the ID token itself carries no email here.)
      expect(claims.email).toBeUndefined();
      return claims;
    });
    const { response } = await ssoBrowser(t, provider).signIn('eve@uni.example');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user.email).toBe('eve@uni.example');
    await createUser({ ctx: t.control, input: { email: 'una@uni.example', name: 'Una', role: 'explorer', password: PASSWORD } });
    expect((await ssoBrowser(t, provider).signIn('una@uni.example')).response.json().error.code).toBe('sso.email_unverified');
  });
});

describe('a server without single sign-on', () => {
  let t: MultiUserTestApp;
  beforeAll(async () => {
    t = await createMultiUserApp('sqlite', movableClock());
  });
  afterAll(async () => t?.dispose());

  it('says it has none, and answers the sign-in routes with a coded 404', async () => {
    expect((await anonymous(t.app, 'GET', '/api/v1/auth/sso')).json()).toEqual({ enabled: false, name: null, only: false });
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sso/start', {})).json().error.code).toBe('sso.not_configured');
    expect((await anonymous(t.app, 'POST', '/api/v1/auth/sso/finish', { response: '?code=x&state=y' })).json().error.code).toBe('sso.not_configured');
  });
});
