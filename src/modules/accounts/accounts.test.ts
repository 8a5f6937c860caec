import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createAppContext } from '../repositories.js';
import { AppError } from '../../shared/errors.js';
import { createUserInput } from '../../shared/schemas/accounts.js';
import type { Clock } from '../../shared/clock.js';
import { attemptVerdict, THROTTLE, throttleAddress } from './accounts.rules.js';
import { authenticate, changePassword, createInvitation, createUser, disableUser, listUsers, register, saveInstanceSettings, signIn, signOut } from './accounts.usecases.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type * as Passwords from './passwords.js';

// The real hashing, watched: registration must not pay for argon2 before it knows the account can be made.
vi.mock('./passwords.js', async (original) => {
  const real = await original<typeof Passwords>();
  return { ...real, hashPassword: vi.fn<typeof real.hashPassword>(real.hashPassword) };
});

const GOOD = 'correct horse battery staple 42';

describe('the password policy', () => {
  it('asks for length only: 8 or more characters, long passphrases and any Unicode welcome', () => {
    expect(passwordProblem('short1!')).toMatch(/at least 8/);
    expect(passwordProblem('abcdefgh-lowercase-only')).toBeNull();
    expect(passwordProblem('x'.repeat(64))).toBeNull();
    expect(passwordProblem('y'.repeat(128))).toBeNull();
    expect(passwordProblem('z'.repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem('мой пароль — длинный')).toBeNull();
    expect(passwordProblem('🙂🙂🙂🙂🙂🙂🙂')).toMatch(/at least 8/);
  });

  it('refuses common passwords from the bundled list, and the person’s own email or name', () => {
    for (const common of ['password', 'Password1', '12345678', 'qwertyuiop', 'iloveyou']) expect(passwordProblem(common), common).toMatch(/most common/);
    expect(passwordProblem('sam.rivera@example.org', { email: 'sam.rivera@example.org' })).toMatch(/email address or name/);
    expect(passwordProblem('Sam Rivera', { name: 'Sam Rivera' })).toMatch(/email address or name/);
  });
});

describe('sign-in throttling rules', () => {
  it('counts IPv4 addresses one by one and IPv6 addresses by their /64', () => {
    expect(throttleAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('2001:db8:85a3:0042:1000:8a2e:0370:7334')).toBe('2001:db8:85a3:42::/64');
    expect(throttleAddress('2001:db8:85a3:42:ffff::1')).toBe(throttleAddress('2001:db8:85a3:42::9'));
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });

  const at = new Date('2026-03-10T10:00:00Z');
  it('lets five attempts in a window be checked, blocks after the fifth fails, and refuses the sixth at once', () => {
    expect(attemptVerdict({ failures: 4, blockedUntil: null }, THROTTLE.account, at)).toEqual({ refuse: null, blockOnFailure: null });
    expect(attemptVerdict({ failures: 5, blockedUntil: null }, THROTTLE.account, at)).toEqual({ refuse: null, blockOnFailure: '2026-03-10T10:15:00.000Z' });
    expect(attemptVerdict({ failures: 6, blockedUntil: null }, THROTTLE.account, at)).toEqual({ refuse: '2026-03-10T10:15:00.000Z', blockOnFailure: '2026-03-10T10:15:00.000Z' });
  });
  it('refuses while a block lasts, whatever the count, and not after it ends', () => {
    expect(attemptVerdict({ failures: 1, blockedUntil: '2026-03-10T10:05:00.000Z' }, THROTTLE.account, at).refuse).toBe('2026-03-10T10:05:00.000Z');
    expect(attemptVerdict({ failures: 1, blockedUntil: '2026-03-10T09:59:00.000Z' }, THROTTLE.account, at).refuse).toBeNull();
    expect(attemptVerdict({ failures: 20, blockedUntil: null }, THROTTLE.address, at)).toEqual({ refuse: null, blockOnFailure: '2026-03-10T10:15:00.000Z' });
  });
});

describe.each(dialects)('accounts and sessions on %s', (dialect) => {
  let w: TestWorkspace;
  let time = new Date('2026-03-10T10:00:00Z');
  const clock: Clock = { now: () => time };
  beforeAll(async () => {
    w = await createTestWorkspace(dialect, clock);
  });
  afterAll(async () => w?.dispose());
  const ctx = () => createAppContext(w.handle, clock);
  const add = (email: string, extra: Partial<{ name: string; role: string; password: string }> = {}) =>
    createUser({ ctx: ctx(), input: createUserInput.parse({ email, name: 'Sam Rivera', password: GOOD, ...extra }) });

  it('stores argon2id at OWASP’s parameters, never the password', async () => {
    const { user } = await add('Sam@Example.org');
    expect(user).toMatchObject({ email: 'sam@example.org', role: 'explorer', disabledAt: null });
    const stored = await w.ctx.repos.accounts.userById(user.id);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored?.passwordHash).not.toContain(GOOD);
    await expect(add('sam@example.org')).rejects.toMatchObject({ code: 'accounts.email_taken', status: 409 });
    await expect(add('weak@example.org', { password: 'password1' })).rejects.toMatchObject({ code: 'validation.failed', details: [{ field: 'password' }] });
    expect((await listUsers({ ctx: ctx() })).items.map((u) => u.email)).toContain('sam@example.org');
  });

  it('starts a new session at every sign-in, ends it at sign-out, and says the same for a wrong password and an unknown email', async () => {
    const first = await signIn({ ctx: ctx(), email: 'SAM@example.org', password: GOOD, address: '10.0.0.1' });
    expect(await authenticate({ ctx: ctx(), token: first.token })).toMatchObject({ email: 'sam@example.org' });
    // Signing in again from the same browser replaces its session.
    const second = await signIn({ ctx: ctx(), email: 'sam@example.org', password: GOOD, address: '10.0.0.1', previousToken: first.token });
    expect(second.token).not.toBe(first.token);
    expect(await authenticate({ ctx: ctx(), token: first.token })).toBeNull();
    await signOut({ ctx: ctx(), token: second.token });
    expect(await authenticate({ ctx: ctx(), token: second.token })).toBeNull();
    const wrong = await signIn({ ctx: ctx(), email: 'sam@example.org', password: 'not it at all', address: '10.0.0.9' }).catch((e: unknown) => e);
    const unknown = await signIn({ ctx: ctx(), email: 'nobody@example.org', password: GOOD, address: '10.0.0.9' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect([(wrong as AppError).status, (wrong as AppError).message]).toEqual([(unknown as AppError).status, (unknown as AppError).message]);
  });

  it('ends sessions idle for a week or older than thirty days', async () => {
    const { token } = await signIn({ ctx: ctx(), email: 'sam@example.org', password: GOOD, address: null });
    time = new Date('2026-03-16T10:00:00Z');
    expect(await authenticate({ ctx: ctx(), token })).not.toBeNull();
    time = new Date('2026-03-24T10:00:01Z');
    expect(await authenticate({ ctx: ctx(), token })).toBeNull();
    time = new Date('2026-03-10T10:00:00Z');
  });

  it('rate-limits guessing by account and by address with 429, even for the right password', async () => {
    await add('lee@example.org', { name: 'Lee Park' });
    for (let n = 0; n < THROTTLE.account.failures; n++) {
      await expect(signIn({ ctx: ctx(), email: 'lee@example.org', password: `wrong guess ${n}`, address: `10.1.0.${n}` })).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn({ ctx: ctx(), email: 'lee@example.org', password: GOOD, address: '10.1.0.99' })).rejects.toMatchObject({ code: 'accounts.rate_limited', status: 429 });
    time = new Date('2026-03-10T10:16:00Z');
    await expect(signIn({ ctx: ctx(), email: 'lee@example.org', password: GOOD, address: '10.1.0.99' })).resolves.toMatchObject({ user: { email: 'lee@example.org' } });
    // One address guessing across many accounts is blocked too.
    for (let n = 0; n < THROTTLE.address.failures; n++) {
      await signIn({ ctx: ctx(), email: `guess${n}@example.org`, password: 'whatever it is', address: '10.2.0.1' }).catch(() => undefined);
    }
    await expect(signIn({ ctx: ctx(), email: 'sam@example.org', password: GOOD, address: '10.2.0.1' })).rejects.toMatchObject({ status: 429 });
    await expect(signIn({ ctx: ctx(), email: 'sam@example.org', password: GOOD, address: '10.2.0.2' })).resolves.toBeDefined();
    time = new Date('2026-03-10T10:00:00Z');
  });

  it('ends every session when the password changes (keeping a new one for this browser) or the account is disabled', async () => {
    const a = await signIn({ ctx: ctx(), email: 'sam@example.org', password: GOOD, address: null });
    const b = await signIn({ ctx: ctx(), email: 'sam@example.org', password: GOOD, address: null });
    await expect(changePassword({ ctx: ctx(), userId: a.user.id, currentPassword: 'nope nope nope', newPassword: 'a brand new passphrase', address: null })).rejects.toMatchObject({ details: [{ field: 'currentPassword' }] });
    const { token } = await changePassword({ ctx: ctx(), userId: a.user.id, currentPassword: GOOD, newPassword: 'a brand new passphrase', address: null });
    expect(await authenticate({ ctx: ctx(), token: a.token })).toBeNull();
    expect(await authenticate({ ctx: ctx(), token: b.token })).toBeNull();
    expect(await authenticate({ ctx: ctx(), token })).toMatchObject({ id: a.user.id });
    const { user } = await disableUser({ ctx: ctx(), email: 'SAM@example.org' });
    expect(user.disabledAt).not.toBeNull();
    expect(await authenticate({ ctx: ctx(), token })).toBeNull();
    expect(await w.ctx.repos.accounts.sessionCount(a.user.id)).toBe(0);
    await expect(signIn({ ctx: ctx(), email: 'sam@example.org', password: 'a brand new passphrase', address: null })).rejects.toMatchObject({ status: 401 });
  });

  it('checks the registration mode and the invitation before hashing any password, and counts failed registrations by address', async () => {
    time = new Date('2026-03-11T09:00:00Z');
    const input = { email: 'newcomer@example.org', name: 'New Comer', password: GOOD };
    const { user: admin } = await add('admin-reg@example.org', { role: 'admin' });
    const { path } = await createInvitation({ ctx: ctx(), email: 'invited@example.org', role: 'explorer', createdBy: admin.id });
    const invitation = new URL(path, 'http://x').searchParams.get('invitation') ?? '';
    vi.mocked(hashPassword).mockClear();
    await expect(register({ ctx: ctx(), input, address: '10.5.0.1' })).rejects.toMatchObject({ code: 'accounts.registration_closed', status: 403 });
    await expect(register({ ctx: ctx(), input: { ...input, invitation: 'not-a-real-invitation' }, address: '10.5.0.1' })).rejects.toMatchObject({ code: 'accounts.invitation_invalid' });
    await expect(register({ ctx: ctx(), input: { ...input, invitation }, address: '10.5.0.1' })).rejects.toMatchObject({ code: 'accounts.invitation_email' });
    expect(hashPassword).not.toHaveBeenCalled();
    // The right invitation does its work (and is forgiven, not counted).
    await expect(register({ ctx: ctx(), input: { ...input, email: 'invited@example.org', invitation }, address: '10.5.0.1' })).resolves.toMatchObject({ user: { role: 'explorer' } });
    expect(hashPassword).toHaveBeenCalledTimes(1);

    // Three failures so far from 10.5.0.1; the limit is reached, then every registration from there is refused, even a good one.
    for (let n = 3; n < THROTTLE.register.failures; n++) await expect(register({ ctx: ctx(), input, address: '10.5.0.1' })).rejects.toMatchObject({ status: 403 });
    await saveInstanceSettings({ ctx: ctx(), input: { registration: 'open' } });
    await expect(register({ ctx: ctx(), input, address: '10.5.0.1' })).rejects.toMatchObject({ code: 'accounts.rate_limited', status: 429, details: { by: 'register' } });
    await expect(register({ ctx: ctx(), input, address: '10.5.0.2' })).resolves.toMatchObject({ user: { email: 'newcomer@example.org' } });
    await saveInstanceSettings({ ctx: ctx(), input: { registration: 'invitation' } });
    time = new Date('2026-03-10T10:00:00Z');
  });

  it('lets a browser that signed in to an account before through while strangers’ guesses have it blocked (device cookies)', async () => {
    time = new Date('2026-03-12T09:00:00Z');
    await add('owner@example.org', { name: 'Olive Owner' });
    await add('neighbour@example.org', { name: 'Nia Neighbour' });
    const { deviceToken } = await signIn({ ctx: ctx(), email: 'owner@example.org', password: GOOD, address: '10.6.0.1' });
    const { deviceToken: othersDevice } = await signIn({ ctx: ctx(), email: 'neighbour@example.org', password: GOOD, address: '10.6.0.9' });
    for (let n = 0; n < THROTTLE.account.failures; n++) {
      await expect(signIn({ ctx: ctx(), email: 'owner@example.org', password: `stranger guess ${n}`, address: `10.7.0.${n}` })).rejects.toMatchObject({ status: 401 });
    }
    // The account is blocked for everyone else: no cookie, a made-up one, or another account's.
    await expect(signIn({ ctx: ctx(), email: 'owner@example.org', password: GOOD, address: '10.6.0.1' })).rejects.toMatchObject({ status: 429, details: { by: 'account' } });
    await expect(signIn({ ctx: ctx(), email: 'owner@example.org', password: GOOD, address: '10.6.0.1', deviceToken: 'made-up-device-token' })).rejects.toMatchObject({ status: 429 });
    await expect(signIn({ ctx: ctx(), email: 'owner@example.org', password: GOOD, address: '10.6.0.1', deviceToken: othersDevice })).rejects.toMatchObject({ status: 429 });
    // The owner's browser gets in, and its device token is replaced by a new one.
    const again = await signIn({ ctx: ctx(), email: 'owner@example.org', password: GOOD, address: '10.6.0.1', deviceToken });
    expect(again.user.email).toBe('owner@example.org');
    expect(again.deviceToken).not.toBe(deviceToken);
    await expect(signIn({ ctx: ctx(), email: 'owner@example.org', password: GOOD, address: '10.6.0.1', deviceToken })).rejects.toMatchObject({ status: 429 });

    // Guessing from a trusted browser is limited too, on its own count: it blocks that browser, not the others.
    const trusted = again.deviceToken;
    for (let n = 0; n < THROTTLE.device.failures; n++) {
      await expect(signIn({ ctx: ctx(), email: 'owner@example.org', password: `typo ${n}`, address: '10.6.0.1', deviceToken: trusted })).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn({ ctx: ctx(), email: 'owner@example.org', password: GOOD, address: '10.6.0.1', deviceToken: trusted })).rejects.toMatchObject({ status: 429, details: { by: 'device' } });
    const second = await signIn({ ctx: ctx(), email: 'neighbour@example.org', password: GOOD, address: '10.6.0.9', deviceToken: othersDevice });
    expect(second.user.email).toBe('neighbour@example.org');

    // A device token is only good for half a year.
    time = new Date(time.getTime() + 181 * 86_400_000);
    await expect(signIn({ ctx: ctx(), email: 'neighbour@example.org', password: 'wrong again', address: '10.6.0.9', deviceToken: second.deviceToken })).rejects.toMatchObject({ status: 401 });
    time = new Date('2026-03-10T10:00:00Z');
  });

  it('stops trusting every browser’s device cookie when the password changes, except the new one of the browser that changed it', async () => {
    time = new Date('2026-03-13T09:00:00Z');
    const { user } = await add('mover@example.org', { name: 'Mo Mover' });
    const elsewhere = await signIn({ ctx: ctx(), email: 'mover@example.org', password: GOOD, address: '10.8.0.1' });
    const here = await signIn({ ctx: ctx(), email: 'mover@example.org', password: GOOD, address: '10.8.0.2' });
    const changed = await changePassword({ ctx: ctx(), userId: user.id, currentPassword: GOOD, newPassword: 'a brand new passphrase', address: '10.8.0.2' });
    for (let n = 0; n < THROTTLE.account.failures; n++) await signIn({ ctx: ctx(), email: 'mover@example.org', password: `guess ${n}`, address: '10.9.0.1' }).catch(() => undefined);
    for (const stale of [elsewhere.deviceToken, here.deviceToken]) {
      await expect(signIn({ ctx: ctx(), email: 'mover@example.org', password: 'a brand new passphrase', address: '10.8.0.1', deviceToken: stale })).rejects.toMatchObject({ status: 429 });
    }
    await expect(signIn({ ctx: ctx(), email: 'mover@example.org', password: 'a brand new passphrase', address: '10.8.0.2', deviceToken: changed.deviceToken })).resolves.toBeDefined();
    time = new Date('2026-03-10T10:00:00Z');
  });
});
