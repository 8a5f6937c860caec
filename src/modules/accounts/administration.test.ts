import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import type { Clock } from '../../shared/clock.js';
import { createUserInput, type Role } from '../../shared/schemas/accounts.js';
import type { OutgoingMail } from '../reminders/reminders.usecases.js';
import { createAppContext } from '../repositories.js';
import { THROTTLE } from './accounts.rules.js';
import {
  authenticate,
  changePassword,
  createInvitation,
  createPasswordReset,
  createUser,
  deleteUser,
  disableUser,
  enableUser,
  invitationLink,
  listUsers,
  openInvitations,
  register,
  resetLink,
  resetPassword,
  setUserRole,
  signIn,
  unlockUser,
} from './accounts.usecases.js';

const GOOD = 'correct horse battery staple 42';
const tokenOf = (path: string, name: string) => new URL(path, 'http://x').searchParams.get(name) ?? '';

/** Issue 21: an admin can bring a locked-out person back, and run accounts from the admin page and the command line. */
describe.each(dialects)('account administration on %s', (dialect) => {
  let w: TestWorkspace;
  let time = new Date('2026-03-10T10:00:00Z');
  const clock: Clock = { now: () => time };
  beforeAll(async () => {
    w = await createTestWorkspace(dialect, clock);
  });
  afterAll(async () => w?.dispose());
  const ctx = () => createAppContext(w.handle, clock);
  const add = (email: string, role: Role = 'explorer', mustChangePassword = false) =>
    createUser({ ctx: ctx(), input: createUserInput.parse({ email, name: 'Sam Rivera', password: GOOD, role }), mustChangePassword });

  it('enables a disabled account again; re-adding or re-inviting its address says it exists and what to do', async () => {
    const { user: admin } = await add('boss@example.org', 'admin');
    const { user } = await add('back@example.org');
    await disableUser({ ctx: ctx(), id: user.id });
    await expect(signIn({ ctx: ctx(), email: 'back@example.org', password: GOOD, address: null })).rejects.toMatchObject({ status: 401 });
    const readd = await add('back@example.org').catch((e: unknown) => e);
    expect(readd).toMatchObject({ code: 'accounts.email_taken', status: 409, details: { field: 'email', account: { id: user.id, disabled: true } } });
    expect((readd as Error).message).toMatch(/disabled since 2026-03-10.*Enable it/);
    const reinvite = await createInvitation({ ctx: ctx(), email: 'back@example.org', role: 'explorer', createdBy: admin.id }).catch((e: unknown) => e);
    expect((reinvite as Error).message).toMatch(/Enable it/);
    const { user: enabled } = await enableUser({ ctx: ctx(), email: 'BACK@example.org' });
    expect(enabled.disabledAt).toBeNull();
    await expect(signIn({ ctx: ctx(), email: 'back@example.org', password: GOOD, address: null })).resolves.toMatchObject({ user: { id: user.id } });
    // An active account's address: the message offers a reset link.
    expect(((await add('back@example.org').catch((e: unknown) => e)) as Error).message).toMatch(/password reset link/);
    await expect(enableUser({ ctx: ctx(), email: 'nobody@example.org' })).rejects.toMatchObject({ code: 'accounts.not_found' });
  });

  it('keeps one active admin: the last can be neither demoted, disabled nor deleted', async () => {
    const { user: boss } = await signIn({ ctx: ctx(), email: 'boss@example.org', password: GOOD, address: null });
    const remove = vi.fn<(id: string) => Promise<void>>(async () => undefined);
    await expect(setUserRole({ ctx: ctx(), id: boss.id, role: 'coach' })).rejects.toMatchObject({ code: 'accounts.last_admin', status: 409 });
    await expect(disableUser({ ctx: ctx(), id: boss.id })).rejects.toMatchObject({ code: 'accounts.last_admin' });
    await expect(deleteUser({ ctx: ctx(), id: boss.id, removeWorkspace: remove })).rejects.toMatchObject({ code: 'accounts.last_admin' });
    expect(remove).not.toHaveBeenCalled();
    const { user: second } = await setUserRole({ ctx: ctx(), email: 'back@example.org', role: 'admin' });
    expect(second.role).toBe('admin');
    await expect(setUserRole({ ctx: ctx(), id: boss.id, role: 'coach' })).resolves.toMatchObject({ user: { role: 'coach' } });
    await expect(setUserRole({ ctx: ctx(), id: second.id, role: 'explorer' })).rejects.toMatchObject({ code: 'accounts.last_admin' });
    await setUserRole({ ctx: ctx(), id: boss.id, role: 'admin' });
    expect((await listUsers({ ctx: ctx() })).items.filter((u) => u.role === 'admin')).toHaveLength(2);
  });

  it('unlocks an account blocked after too many failed sign-ins, and lists it as locked meanwhile', async () => {
    await add('locked@example.org');
    for (let n = 0; n < THROTTLE.account.failures; n++) await signIn({ ctx: ctx(), email: 'locked@example.org', password: `wrong ${n}`, address: `10.9.0.${n}` }).catch(() => undefined);
    await expect(signIn({ ctx: ctx(), email: 'locked@example.org', password: GOOD, address: '10.9.1.1' })).rejects.toMatchObject({ code: 'accounts.rate_limited' });
    const listed = (await listUsers({ ctx: ctx() })).items.find((u) => u.email === 'locked@example.org');
    expect(listed?.lockedUntil).toBe('2026-03-10T10:15:00.000Z');
    await expect(unlockUser({ ctx: ctx(), email: 'locked@example.org' })).resolves.toMatchObject({ user: { lockedUntil: null } });
    expect((await listUsers({ ctx: ctx() })).items.find((u) => u.email === 'locked@example.org')?.lockedUntil).toBeNull();
    await expect(signIn({ ctx: ctx(), email: 'locked@example.org', password: GOOD, address: '10.9.1.1' })).resolves.toMatchObject({ user: { email: 'locked@example.org' } });
  });

  it('makes a one-hour, single-use reset link, stores only its hash, and using it signs out every other session', async () => {
    const sent: OutgoingMail[] = [];
    const { user } = await add('forgot@example.org');
    const other = await signIn({ ctx: ctx(), email: 'forgot@example.org', password: GOOD, address: null });
    const older = await createPasswordReset({ ctx: ctx(), email: 'forgot@example.org' });
    expect(older).toMatchObject({ email: 'forgot@example.org', expiresAt: '2026-03-10T11:00:00.000Z', emailed: false });
    const reset = await createPasswordReset({ ctx: ctx(), id: user.id, send: async (mail) => void sent.push(mail), appUrl: 'https://inroads.uni.example' });
    const token = tokenOf(reset.path, 'token');
    expect(reset.path).toMatch(/^\/reset\?token=[\w-]{32}$/);
    expect(reset.emailed).toBe(true);
    expect(sent).toEqual([expect.objectContaining({ to: 'forgot@example.org', text: expect.stringContaining(`https://inroads.uni.example/reset?token=${token}`) })]);
    // Only a hash is stored: the token itself is nowhere in the database.
    const rows = await w.handle.db.selectFrom('passwordResets').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    // The newer link replaced the older one.
    await expect(resetLink({ ctx: ctx(), token: tokenOf(older.path, 'token') })).rejects.toMatchObject({ code: 'accounts.reset_invalid', details: { reason: 'unknown' } });
    await expect(resetLink({ ctx: ctx(), token })).resolves.toEqual({ email: 'forgot@example.org', name: 'Sam Rivera', expiresAt: reset.expiresAt });
    // The sign-up rules apply, and a refused password does not use the link up.
    await expect(resetPassword({ ctx: ctx(), token, newPassword: 'password1', address: null })).rejects.toMatchObject({ code: 'validation.failed', details: [{ field: 'newPassword' }] });
    const done = await resetPassword({ ctx: ctx(), token, newPassword: 'a fresh start at last', address: null });
    expect(done.user).toMatchObject({ id: user.id, mustChangePassword: false });
    expect(await authenticate({ ctx: ctx(), token: other.token })).toBeNull();
    expect(await authenticate({ ctx: ctx(), token: done.token })).toMatchObject({ id: user.id });
    await expect(signIn({ ctx: ctx(), email: 'forgot@example.org', password: 'a fresh start at last', address: null })).resolves.toBeDefined();
    // Used once: a second use says so.
    const again = await resetPassword({ ctx: ctx(), token, newPassword: 'and yet another one', address: null }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'accounts.reset_invalid', status: 400, details: { reason: 'used' } });
    expect((again as Error).message).toMatch(/already been used/);
  });

  it('refuses an expired reset link with a clear message, and a link for a disabled account', async () => {
    const reset = await createPasswordReset({ ctx: ctx(), email: 'forgot@example.org' });
    time = new Date('2026-03-10T11:00:01Z');
    const expired = await resetPassword({ ctx: ctx(), token: tokenOf(reset.path, 'token'), newPassword: 'too late for this one', address: null }).catch((e: unknown) => e);
    expect(expired).toMatchObject({ code: 'accounts.reset_invalid', details: { reason: 'expired' } });
    expect((expired as Error).message).toMatch(/expired/);
    time = new Date('2026-03-10T10:00:00Z');
    const pending = await createPasswordReset({ ctx: ctx(), email: 'forgot@example.org' });
    await disableUser({ ctx: ctx(), email: 'forgot@example.org' });
    // A link made before the account was disabled does not let anyone back in.
    await expect(resetPassword({ ctx: ctx(), token: tokenOf(pending.path, 'token'), newPassword: 'sneaking back in now', address: null })).rejects.toMatchObject({
      code: 'accounts.reset_invalid',
      details: { reason: 'disabled' },
    });
    await expect(createPasswordReset({ ctx: ctx(), email: 'forgot@example.org' })).rejects.toMatchObject({ code: 'accounts.disabled', status: 409 });
  });

  it('flags a first password an admin set until the person chooses their own (which must differ)', async () => {
    const { user } = await add('fresh@example.org', 'explorer', true);
    expect(user.mustChangePassword).toBe(true);
    const session = await signIn({ ctx: ctx(), email: 'fresh@example.org', password: GOOD, address: null });
    expect(session.user.mustChangePassword).toBe(true);
    await expect(changePassword({ ctx: ctx(), userId: user.id, currentPassword: GOOD, newPassword: GOOD, address: null })).rejects.toMatchObject({ details: [{ field: 'newPassword', message: 'must be different from your current password' }] });
    const { token } = await changePassword({ ctx: ctx(), userId: user.id, currentPassword: GOOD, newPassword: 'my very own passphrase', address: null });
    expect(await authenticate({ ctx: ctx(), token })).toMatchObject({ mustChangePassword: false });
    // Accounts people make for themselves never carry the flag.
    expect((await add('self-made@example.org')).user.mustChangePassword).toBe(false);
  });

  it('deletes an account with everything the accounts database keeps about it, after its workspace', async () => {
    const { user: coach } = await add('coach-del@example.org', 'coach');
    const { user } = await add('leaving@example.org');
    const session = await signIn({ ctx: ctx(), email: 'leaving@example.org', password: GOOD, address: null });
    await w.ctx.repos.accounts.saveGrant({ explorerId: user.id, coachId: coach.id, scope: 'progress', createdAt: '2026-03-10T10:00:00Z' });
    await createPasswordReset({ ctx: ctx(), id: user.id });
    const order: string[] = [];
    const removeWorkspace = vi.fn<(id: string) => Promise<void>>(async (id) => {
      // By the time the workspace goes, nobody can sign in to it.
      order.push(`workspace ${id}: ${(await w.ctx.repos.accounts.userById(id))?.disabledAt ? 'disabled' : 'active'}`);
    });
    await expect(deleteUser({ ctx: ctx(), email: 'leaving@example.org', removeWorkspace })).resolves.toEqual({ deleted: true, email: 'leaving@example.org' });
    expect(order).toEqual([`workspace ${user.id}: disabled`]);
    expect(await w.ctx.repos.accounts.userById(user.id)).toBeUndefined();
    expect(await authenticate({ ctx: ctx(), token: session.token })).toBeNull();
    expect(await w.ctx.repos.accounts.grantsTo(coach.id)).toEqual([]);
    expect(await w.handle.db.selectFrom('passwordResets').selectAll().where('userId', '=', user.id).execute()).toEqual([]);
    // If the workspace cannot be removed, the account stays (disabled) and can be deleted again.
    const { user: stuck } = await add('stuck@example.org');
    await expect(deleteUser({ ctx: ctx(), id: stuck.id, removeWorkspace: () => Promise.reject(new Error('disk on fire')) })).rejects.toThrow('disk on fire');
    expect((await w.ctx.repos.accounts.userById(stuck.id))?.disabledAt).not.toBeNull();
    await expect(deleteUser({ ctx: ctx(), id: stuck.id, removeWorkspace })).resolves.toMatchObject({ deleted: true });
  });

  it('tells the join form the invited address, and marks every invitation for an address used once the person joins', async () => {
    const { user: admin } = await add('inviter@example.org', 'admin');
    const first = await createInvitation({ ctx: ctx(), email: 'twice@example.org', role: 'coach', createdBy: admin.id });
    const second = await createInvitation({ ctx: ctx(), email: 'twice@example.org', role: 'coach', createdBy: admin.id });
    await expect(invitationLink({ ctx: ctx(), invitation: tokenOf(second.path, 'invitation') })).resolves.toMatchObject({ email: 'twice@example.org', role: 'coach' });
    await expect(invitationLink({ ctx: ctx(), invitation: 'made-up' })).rejects.toMatchObject({ code: 'accounts.invitation_invalid' });
    expect((await openInvitations({ ctx: ctx() })).items.filter((i) => i.email === 'twice@example.org')).toHaveLength(2);
    await register({ ctx: ctx(), input: { email: 'twice@example.org', name: 'Twice Invited', password: GOOD, invitation: tokenOf(first.path, 'invitation') }, address: '10.7.0.1' });
    expect((await openInvitations({ ctx: ctx() })).items.filter((i) => i.email === 'twice@example.org')).toEqual([]);
    await expect(invitationLink({ ctx: ctx(), invitation: tokenOf(second.path, 'invitation') })).rejects.toMatchObject({ code: 'accounts.invitation_invalid' });
    // An account an admin adds directly closes the address's invitations too.
    await createInvitation({ ctx: ctx(), email: 'direct@example.org', role: 'explorer', createdBy: admin.id });
    await add('direct@example.org');
    expect((await openInvitations({ ctx: ctx() })).items.filter((i) => i.email === 'direct@example.org')).toEqual([]);
  });
});
