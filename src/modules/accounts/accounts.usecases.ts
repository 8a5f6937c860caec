import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Account, CreateUserInput, InstanceSettings, Invitation, InvitationLink, ListedUser, PasswordReset, RegisterInput, ResetLink, Role, User } from '../../shared/schemas/accounts.js';
import type { SendMail } from '../reminders/reminders.usecases.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { StoredInvitation } from './accounts.repository.js';
import { placeNewAccount } from '../cohorts/cohorts.usecases.js';
import { attemptVerdict, THROTTLE, throttleAddress } from './accounts.rules.js';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.js';

/** A session lasts 30 days at most, and ends after 7 days without use. */
export const SESSION_DAYS = 30;
export const SESSION_IDLE_DAYS = 7;
const DAY = 86_400_000;
/** Last-seen times are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const sessionId = sha256;
/** An invitation is good for two weeks. */
export const INVITATION_DAYS = 14;

/**
 * What an admin is told when an address already has an account: that it exists, its state,
 * and what to do instead (enable it, or send a password reset link).
 */
function accountExists(existing: User): AppError {
  const what = existing.disabledAt
    ? `There is already an account for ${existing.email}, disabled since ${existing.disabledAt.slice(0, 10)}. Enable it in the People list (or with \`inroads users enable\`), then send a password reset link if they need one.`
    : `There is already an account for ${existing.email}. If they cannot sign in, send them a password reset link from the People list (or with \`inroads users reset-password\`).`;
  return new AppError('accounts.email_taken', 409, what, { field: 'email', account: { id: existing.id, disabled: existing.disabledAt !== null } });
}

/**
 * Creates an account with a password someone else chose (an admin, or the
 * command line): with `mustChangePassword` the person must choose their own at
 * first sign-in. Invitations still open for the address are closed: it has an account now.
 */
export async function createUser({ ctx, input, mustChangePassword = false }: { ctx: AppContext; input: CreateUserInput; mustChangePassword?: boolean }): Promise<{ user: User }> {
  const problem = passwordProblem(input.password, input);
  if (problem) throw validationError([{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password);
  return ctx.transaction(async (tx) => {
    const existing = await tx.repos.accounts.userByEmail(input.email);
    if (existing) throw accountExists(existing);
    const at = now(tx);
    const id = newId();
    await tx.repos.accounts.insertUser({
      id,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
      disabledAt: null,
      mustChangePassword: mustChangePassword ? 1 : 0,
      createdAt: at,
      updatedAt: at,
    });
    await tx.repos.accounts.closeInvitationsFor(input.email, at);
    // Their invitations record the account; an adviser named in a cohort upload gets the students who joined waiting for them.
    await placeNewAccount(tx, { userId: id, email: input.email, role: input.role, invitation: null });
    const user = await tx.repos.accounts.userById(id);
    if (!user) throw new AppError('accounts.not_found', 404, 'The new account could not be read back.');
    return { user: publicUser(user) };
  });
}

const publicUser = ({ passwordHash: _hash, reminderEmails: _reminders, ...user }: User & { passwordHash: string; reminderEmails: boolean }): User => user;

/** Every account, with the end of its sign-in block where too many failed sign-ins block it. */
export async function listUsers({ ctx }: { ctx: AppContext }): Promise<{ items: ListedUser[] }> {
  const [users, blocked] = await Promise.all([ctx.repos.accounts.users(), ctx.repos.accounts.blockedAccounts(now(ctx))]);
  return { items: users.map((u) => ({ ...u, lockedUntil: blocked.get(u.email) ?? null })) };
}

/** Which account an admin means: by id (the admin page) or by email (the command line). */
export interface AccountRef {
  email?: string | undefined;
  id?: string | undefined;
}

async function accountFor(ctx: AppContext, { email, id }: AccountRef) {
  const found = id ? await ctx.repos.accounts.userById(id) : await ctx.repos.accounts.userByEmail((email ?? '').trim().toLowerCase());
  if (!found) throw new AppError('accounts.not_found', 404, email ? `No account for ${email}.` : 'No such account.');
  return found;
}

/** The last active admin can be neither demoted, disabled nor deleted: somebody must be able to run the server. */
async function keepAnAdmin(ctx: AppContext, user: User, doing: string): Promise<void> {
  if (user.role === 'admin' && !user.disabledAt && (await ctx.repos.accounts.activeAdminCount()) <= 1) {
    throw new AppError('accounts.last_admin', 409, `${user.email} is the only active admin, so they cannot be ${doing}. Make someone else an admin first.`);
  }
}

/** Whether the server has an admin who can sign in. */
export async function adminExists({ ctx }: { ctx: AppContext }): Promise<boolean> {
  return ctx.repos.accounts.activeAdminExists();
}

/** Disables an account (found by email or id) and ends all of its sessions at once. */
export async function disableUser({ ctx, email, id }: { ctx: AppContext } & AccountRef): Promise<{ user: User }> {
  return ctx.transaction(async (tx) => {
    const found = await accountFor(tx, { email, id });
    await keepAnAdmin(tx, found, 'disabled');
    const at = now(tx);
    if (!found.disabledAt) await tx.repos.accounts.updateUser(found.id, { disabledAt: at, updatedAt: at });
    await tx.repos.accounts.deleteSessionsOf(found.id);
    return { user: { ...publicUser(found), disabledAt: found.disabledAt ?? at, updatedAt: at } };
  });
}

/** Lets a disabled account sign in again (its old sessions stay ended). */
export async function enableUser({ ctx, email, id }: { ctx: AppContext } & AccountRef): Promise<{ user: User }> {
  return ctx.transaction(async (tx) => {
    const found = await accountFor(tx, { email, id });
    const at = now(tx);
    if (found.disabledAt) await tx.repos.accounts.updateUser(found.id, { disabledAt: null, updatedAt: at });
    return { user: { ...publicUser(found), disabledAt: null, updatedAt: found.disabledAt ? at : found.updatedAt } };
  });
}

/** Changes an account's role; the last active admin keeps theirs. Takes effect with the person's next request. */
export async function setUserRole({ ctx, email, id, role }: { ctx: AppContext; role: Role } & AccountRef): Promise<{ user: User }> {
  return ctx.transaction(async (tx) => {
    const found = await accountFor(tx, { email, id });
    if (found.role === role) return { user: publicUser(found) };
    await keepAnAdmin(tx, found, 'made a coach or explorer');
    const at = now(tx);
    await tx.repos.accounts.updateUser(found.id, { role, updatedAt: at });
    return { user: { ...publicUser(found), role, updatedAt: at } };
  });
}

/** Ends a sign-in block early: the failed sign-ins counted against the account (and its browsers) are forgotten. */
export async function unlockUser({ ctx, email, id }: { ctx: AppContext } & AccountRef): Promise<{ user: ListedUser }> {
  const found = await accountFor(ctx, { email, id });
  await ctx.repos.accounts.clearAccountFailures(found.id, found.email);
  return { user: { ...publicUser(found), lockedUntil: null } };
}

/**
 * Deletes an account and its workspace. The account is disabled first (its
 * sessions end, nobody can open the workspace again), then the workspace goes,
 * then the account: if removing the workspace fails, a disabled account is left
 * that can be deleted again, never an account without its data or data without an account.
 */
export async function deleteUser({
  ctx,
  email,
  id,
  removeWorkspace,
}: { ctx: AppContext; removeWorkspace: (userId: string) => Promise<void> } & AccountRef): Promise<{ deleted: true; email: string }> {
  const found = await accountFor(ctx, { email, id });
  await keepAnAdmin(ctx, found, 'deleted');
  await disableUser({ ctx, id: found.id });
  await removeWorkspace(found.id);
  await ctx.transaction(async (tx) => tx.repos.accounts.deleteUser(found.id, found.email));
  return { deleted: true, email: found.email };
}

/** A reset link is good for one hour, and once. */
export const RESET_MINUTES = 60;

/**
 * A one-time link for choosing a new password, good for an hour: only its hash is
 * stored, and any older unused link of the account stops working. Emailed when
 * `send` is given (the server has SMTP settings) and the address is known.
 */
export async function createPasswordReset({
  ctx,
  email,
  id,
  send,
  appUrl,
}: { ctx: AppContext; send?: SendMail | null | undefined; appUrl?: string | undefined } & AccountRef): Promise<PasswordReset> {
  const found = await accountFor(ctx, { email, id });
  if (found.disabledAt) {
    throw new AppError('accounts.disabled', 409, `${found.email} is disabled: enable the account first, then make a reset link.`);
  }
  const token = randomBytes(24).toString('base64url');
  const at = ctx.clock.now();
  const expiresAt = new Date(at.getTime() + RESET_MINUTES * 60_000).toISOString();
  await ctx.transaction(async (tx) => {
    await tx.repos.accounts.retirePasswordResets(found.id);
    await tx.repos.accounts.insertPasswordReset({ id: sha256(token), userId: found.id, createdAt: at.toISOString(), expiresAt, usedAt: null });
  });
  const path = `/reset?token=${token}`;
  let emailed = false;
  if (send && appUrl) {
    await send({
      to: found.email,
      subject: 'Choose a new Inroads password',
      text: `Hello ${found.name},\n\nYour career centre made you a link to choose a new password for Inroads:\n\n${new URL(path, appUrl).href}\n\nIt works once, for one hour. Using it signs you out everywhere else. If you did not ask for this, you can ignore this email.\n`,
    });
    emailed = true;
  }
  return { email: found.email, expiresAt, path, emailed };
}

/** Why a reset link no longer works, in words the person can act on. */
function resetRefused(reason: 'unknown' | 'used' | 'expired' | 'disabled'): AppError {
  const message = {
    disabled: 'This account is disabled, so its reset link does not work. Ask your administrator to enable it and make a new link.',
    unknown: 'This reset link is not valid: it is incomplete, or a newer link replaced it. Ask your administrator for a new one.',
    used: 'This reset link has already been used. If you still cannot sign in, ask your administrator for a new one.',
    expired: `This reset link has expired (they last ${RESET_MINUTES} minutes). Ask your administrator for a new one.`,
  }[reason];
  return new AppError('accounts.reset_invalid', 400, message, { field: 'token', reason });
}

async function usableReset(ctx: AppContext, token: string) {
  const reset = await ctx.repos.accounts.passwordReset(sha256(token));
  if (!reset) throw resetRefused('unknown');
  if (reset.usedAt) throw resetRefused('used');
  if (reset.expiresAt <= now(ctx)) throw resetRefused('expired');
  const user = await ctx.repos.accounts.userById(reset.userId);
  if (!user) throw resetRefused('unknown');
  if (user.disabledAt) throw resetRefused('disabled');
  return { reset, user };
}

/** Whose a reset link is (so the page can greet them), or why it no longer works. */
export async function resetLink({ ctx, token }: { ctx: AppContext; token: string }): Promise<ResetLink> {
  const { reset, user } = await usableReset(ctx, token);
  return { email: user.email, name: user.name, expiresAt: reset.expiresAt };
}

/**
 * Sets a new password with a reset link (the same rules as signing up): the link
 * is used up, every session and trusted browser of the account ends, any sign-in
 * block is lifted, and this browser is signed in.
 */
export async function resetPassword({
  ctx,
  token,
  newPassword,
  address,
}: {
  ctx: AppContext;
  token: string;
  newPassword: string;
  address: string | null;
}): Promise<{ user: Account; token: string; deviceToken: string }> {
  const { user } = await usableReset(ctx, token);
  const problem = passwordProblem(newPassword, user);
  if (problem) throw validationError([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  return ctx.transaction(async (tx) => {
    const at = now(tx);
    const { reset } = await usableReset(tx, token);
    if (!(await tx.repos.accounts.usePasswordReset(reset.id, at))) throw resetRefused('used');
    await tx.repos.accounts.updateUser(user.id, { passwordHash, mustChangePassword: false, updatedAt: at });
    await tx.repos.accounts.deleteSessionsOf(user.id);
    await tx.repos.accounts.clearAccountFailures(user.id, user.email);
    await tx.repos.accounts.deleteDevicesOf(user.id);
    const { passwordHash: _hash, ...rest } = user;
    return { user: { ...rest, mustChangePassword: false, updatedAt: at }, token: await issueSession(tx, user.id, address), deviceToken: await issueDevice(tx, user.id) };
  });
}

/** Starts a session for a user and returns its token (only the token's hash is stored). */
export async function issueSession(ctx: AppContext, userId: string, address: string | null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = ctx.clock.now();
  await ctx.repos.accounts.insertSession({
    id: sessionId(token),
    userId,
    createdAt: at.toISOString(),
    lastSeenAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + SESSION_DAYS * DAY).toISOString(),
    address,
  });
  return token;
}

const invalid = () => new AppError('accounts.invalid_credentials', 401, 'That email and password do not match an account.');

/** A device cookie lasts half a year; every sign-in with it replaces it with a new one. */
export const DEVICE_DAYS = 180;

/** Marks this browser as one the user has signed in from: a new random token, of which only the hash is stored. */
export async function issueDevice(ctx: AppContext, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = ctx.clock.now();
  await ctx.repos.accounts.deleteExpiredDevicesOf(userId, at.toISOString());
  await ctx.repos.accounts.insertDevice({ id: sha256(token), userId, createdAt: at.toISOString(), expiresAt: new Date(at.getTime() + DEVICE_DAYS * DAY).toISOString() });
  return token;
}

/** The trusted device a device cookie stands for, when it is valid for this email's account; otherwise none. */
async function trustedDevice(ctx: AppContext, deviceToken: string | undefined, email: string, at: Date): Promise<string | null> {
  if (!deviceToken) return null;
  const device = await ctx.repos.accounts.device(sha256(deviceToken));
  return device && device.email === email && Date.parse(device.expiresAt) > at.getTime() ? device.id : null;
}

/**
 * Signs in: refused with 429 while the account or the address is blocked after
 * too many failures; the same 401 for an unknown email and a wrong password. A
 * session presented with the sign-in is ended: every sign-in starts a new one.
 *
 * A browser that has signed in to this account before presents its device cookie
 * (OWASP's "device cookies"): its attempts are counted for that device alone, so
 * neither others' failures on the account nor a blocked (shared) address lock it
 * out. A device cookie that is unknown, expired or another account's counts for
 * nothing. Every successful sign-in gets a fresh device token.
 */
export async function signIn({
  ctx,
  email: typed,
  password,
  address,
  previousToken,
  deviceToken,
}: {
  ctx: AppContext;
  email: string;
  password: string;
  address: string | null;
  previousToken?: string | undefined;
  deviceToken?: string | undefined;
}): Promise<{ user: Account; token: string; deviceToken: string }> {
  const at = ctx.clock.now();
  const email = typed.trim().toLowerCase();
  const device = await trustedDevice(ctx, deviceToken, email, at);
  const keys = device
    ? [{ key: `device:${device}`, limit: THROTTLE.device }]
    : [{ key: `account:${email}`, limit: THROTTLE.account }, ...(address ? [{ key: `address:${throttleAddress(address)}`, limit: THROTTLE.address }] : [])];
  const verdicts = await countAttempts(ctx, keys, at);
  const user = await ctx.repos.accounts.userByEmail(email);
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash(), password), false);
  if (!ok || !user || user.disabledAt) {
    await blockWhereDue(ctx, verdicts);
    throw invalid();
  }
  return ctx.transaction(async (tx) => {
    await tx.repos.accounts.clearFailures(keys[0]?.key ?? '');
    for (const { key } of keys.slice(1)) await tx.repos.accounts.forgiveAttempt(key);
    if (device) await tx.repos.accounts.deleteDevice(device);
    if (previousToken) await tx.repos.accounts.deleteSession(sessionId(previousToken));
    const token = await issueSession(tx, user.id, address);
    const { passwordHash: _hash, ...rest } = user;
    return { user: rest, token, deviceToken: await issueDevice(tx, user.id) };
  });
}

type ThrottledBy = 'account' | 'address' | 'device' | 'register';

/** The 429 for a blocked account, address or device (or registrations from an address): until when, and which. */
export const rateLimited = (retryAfter: string, by: ThrottledBy) =>
  by === 'register'
    ? new AppError('accounts.rate_limited', 429, 'Too many sign-up attempts from your network. Wait a few minutes and try again.', { retryAfter, by })
    : new AppError('accounts.rate_limited', 429, 'Too many failed sign-ins. Wait a few minutes and try again.', { retryAfter, by });

type Verdicts = Array<{ key: string; refuse: string | null; blockOnFailure: string | null }>;

/**
 * Counts this attempt against each key before any password is checked, and
 * refuses it (429) when a key is blocked or has used up its attempts.
 */
async function countAttempts(ctx: AppContext, keys: Array<{ key: string; limit: (typeof THROTTLE)[keyof typeof THROTTLE] }>, at: Date): Promise<Verdicts> {
  const verdicts: Verdicts = [];
  for (const { key, limit } of keys) {
    const cutoff = new Date(at.getTime() - limit.windowMinutes * 60_000).toISOString();
    verdicts.push({ key, ...attemptVerdict(await ctx.repos.accounts.countAttempt(key, at.toISOString(), cutoff), limit, at) });
  }
  const refused = verdicts.find((v) => v.refuse);
  if (refused?.refuse) {
    if (refused.blockOnFailure) await ctx.repos.accounts.block(refused.key, refused.blockOnFailure);
    throw rateLimited(refused.refuse, refused.key.slice(0, refused.key.indexOf(':')) as ThrottledBy);
  }
  return verdicts;
}

/** After a wrong password: a key that has just used its last attempt is blocked. */
async function blockWhereDue(ctx: AppContext, verdicts: Verdicts): Promise<void> {
  for (const v of verdicts) if (v.blockOnFailure) await ctx.repos.accounts.block(v.key, v.blockOnFailure);
}

export async function signOut({ ctx, token }: { ctx: AppContext; token: string }): Promise<void> {
  await ctx.repos.accounts.deleteSession(sessionId(token));
}

/** The user a session token belongs to, or null when it is unknown, expired, idle too long, or the account is disabled. */
export async function authenticate({ ctx, token }: { ctx: AppContext; token: string }): Promise<Account | null> {
  const id = sessionId(token);
  const session = await ctx.repos.accounts.session(id);
  if (!session) return null;
  const at = ctx.clock.now().getTime();
  if (Date.parse(session.expiresAt) <= at || at - Date.parse(session.lastSeenAt) > SESSION_IDLE_DAYS * DAY) {
    await ctx.repos.accounts.deleteSession(id);
    return null;
  }
  const user = await ctx.repos.accounts.userById(session.userId);
  if (!user || user.disabledAt) return null;
  if (at - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await ctx.repos.accounts.touchSession(id, new Date(at).toISOString());
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

/**
 * Changes a password: the current one is required, every session ends and every
 * browser's device cookie stops counting, and a new session and device cookie
 * are issued for this browser.
 */
export async function changePassword({
  ctx,
  userId,
  currentPassword,
  newPassword,
  address,
}: {
  ctx: AppContext;
  userId: string;
  currentPassword: string;
  newPassword: string;
  address: string | null;
}): Promise<{ token: string; deviceToken: string }> {
  const user = await ctx.repos.accounts.userById(userId);
  if (!user || user.disabledAt) throw new AppError('accounts.not_found', 404, 'No such account.');
  // Guessing the current password (with someone else's open session) is limited like signing in.
  const verdicts = await countAttempts(ctx, [{ key: `account:${user.email}`, limit: THROTTLE.account }], ctx.clock.now());
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await blockWhereDue(ctx, verdicts);
    throw validationError([{ field: 'currentPassword', message: 'is not your current password' }]);
  }
  await ctx.repos.accounts.clearFailures(`account:${user.email}`);
  const problem = newPassword.normalize('NFKC') === currentPassword.normalize('NFKC') ? 'must be different from your current password' : passwordProblem(newPassword, user);
  if (problem) throw validationError([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  return ctx.transaction(async (tx) => {
    await tx.repos.accounts.updateUser(userId, { passwordHash, mustChangePassword: false, updatedAt: now(tx) });
    await tx.repos.accounts.deleteSessionsOf(userId);
    await tx.repos.accounts.deleteDevicesOf(userId);
    return { token: await issueSession(tx, userId, address), deviceToken: await issueDevice(tx, userId) };
  });
}

const REGISTRATION_KEY = 'registration';

export async function getInstanceSettings({ ctx }: { ctx: AppContext }): Promise<InstanceSettings> {
  return { registration: (await ctx.repos.accounts.setting(REGISTRATION_KEY)) === 'open' ? 'open' : 'invitation' };
}

export async function saveInstanceSettings({ ctx, input }: { ctx: AppContext; input: InstanceSettings }): Promise<InstanceSettings> {
  await ctx.repos.accounts.saveSetting(REGISTRATION_KEY, input.registration, now(ctx));
  return getInstanceSettings({ ctx });
}

/** An invitation link for one email address; only its hash is stored, so the link is shown once. */
export async function createInvitation({ ctx, email, role, createdBy }: { ctx: AppContext; email: string; role: Role; createdBy: string }): Promise<Invitation> {
  const existing = await ctx.repos.accounts.userByEmail(email);
  if (existing) throw accountExists(existing);
  const token = randomBytes(24).toString('base64url');
  const at = ctx.clock.now();
  const expiresAt = new Date(at.getTime() + INVITATION_DAYS * DAY).toISOString();
  await ctx.repos.accounts.insertInvitation({ id: sha256(token), email, role, createdBy, createdAt: at.toISOString(), expiresAt, usedAt: null });
  return { email, role, expiresAt, path: `/join?invitation=${token}` };
}

export async function openInvitations({ ctx }: { ctx: AppContext }): Promise<{ items: Array<Omit<Invitation, 'path'>> }> {
  const rows = await ctx.repos.accounts.openInvitations(now(ctx));
  return { items: rows.map((r) => ({ email: r.email, role: r.role, expiresAt: r.expiresAt })) };
}

/** The address and role an invitation link is for (to fill in the join form), or why it no longer works. */
export async function invitationLink({ ctx, invitation }: { ctx: AppContext; invitation: string }): Promise<InvitationLink> {
  const found = await ctx.repos.accounts.invitation(sha256(invitation));
  if (!found || found.usedAt || found.revokedAt || found.expiresAt <= now(ctx)) throw invitationInvalid();
  return { email: found.email, role: found.role, expiresAt: found.expiresAt, name: found.name ?? null };
}

const invitationInvalid = () =>
  new AppError('accounts.invitation_invalid', 400, 'This invitation link is not valid any more: it was used, it expired, or it is incomplete. Ask for a new one.', { field: 'invitation' });

/** The invitation a registration presents, if it is still good for this address; throws otherwise. */
async function usableInvitation(ctx: AppContext, input: RegisterInput, at: string): Promise<StoredInvitation> {
  const invitation = await ctx.repos.accounts.invitation(sha256(input.invitation ?? ''));
  if (!invitation || invitation.usedAt || invitation.revokedAt || invitation.expiresAt <= at) throw invitationInvalid();
  if (invitation.email !== input.email) {
    throw new AppError('accounts.invitation_email', 400, `This invitation is for ${invitation.email}; sign up with that address.`, { field: 'email' });
  }
  return invitation;
}

/**
 * Creates an account for oneself: with an invitation (for the address it was
 * sent to, with the role it names), or with none where registration is open.
 * Signs the new account in, and trusts this browser for it (a device cookie).
 *
 * Attempts are counted by address like sign-ins (a failed one counts, a
 * successful one is forgiven), and everything cheap is checked before the
 * password is hashed: the limit, the password policy, the registration mode,
 * the invitation and the address being free.
 */
export async function register({ ctx, input, address }: { ctx: AppContext; input: RegisterInput; address: string | null }): Promise<{ user: Account; token: string; deviceToken: string }> {
  const at = ctx.clock.now();
  const key = `register:${address ? throttleAddress(address) : 'unknown'}`;
  const verdicts = await countAttempts(ctx, [{ key, limit: THROTTLE.register }], at);
  try {
    const problem = passwordProblem(input.password, input);
    if (problem) throw validationError([{ field: 'password', message: problem }]);
    if (input.invitation) await usableInvitation(ctx, input, at.toISOString());
    else if ((await getInstanceSettings({ ctx })).registration !== 'open') {
      throw new AppError('accounts.registration_closed', 403, 'Accounts on this server are by invitation only. Ask your career centre for an invitation link.');
    }
    if (await ctx.repos.accounts.userByEmail(input.email)) {
      throw new AppError('accounts.email_taken', 409, `There is already an account for ${input.email}.`, { field: 'email' });
    }
    const passwordHash = await hashPassword(input.password);
    return await ctx.transaction(async (tx) => {
      let role: Role = 'explorer';
      let used: StoredInvitation | null = null;
      const when = now(tx);
      // Checked again inside the transaction: the link may have been used meanwhile.
      if (input.invitation) {
        used = await usableInvitation(tx, input, when);
        if (!(await tx.repos.accounts.useInvitation(used.id, when))) throw invitationInvalid();
        role = used.role;
      }
      // Links sent to the same address before (or after) this one are spent too: the person has joined.
      await tx.repos.accounts.closeInvitationsFor(input.email, when);
      if (await tx.repos.accounts.userByEmail(input.email)) {
        throw new AppError('accounts.email_taken', 409, `There is already an account for ${input.email}.`, { field: 'email' });
      }
      const id = newId();
      await tx.repos.accounts.insertUser({ id, email: input.email, name: input.name, role, passwordHash, disabledAt: null, createdAt: when, updatedAt: when });
      // A cohort invitation puts the person in their cohort, with their adviser.
      await placeNewAccount(tx, { userId: id, email: input.email, role, invitation: used });
      await tx.repos.accounts.forgiveAttempt(key);
      const token = await issueSession(tx, id, address);
      const deviceToken = await issueDevice(tx, id);
      return { user: { id, email: input.email, name: input.name, role, disabledAt: null, mustChangePassword: false, reminderEmails: false, createdAt: when, updatedAt: when }, token, deviceToken };
    });
  } catch (error) {
    await blockWhereDue(ctx, verdicts);
    throw error;
  }
}

export async function setReminderEmails({ ctx, userId, reminderEmails }: { ctx: AppContext; userId: string; reminderEmails: boolean }): Promise<{ user: Account }> {
  await ctx.repos.accounts.updateUser(userId, { reminderEmails, updatedAt: now(ctx) });
  const found = await ctx.repos.accounts.userById(userId);
  if (!found) throw new AppError('accounts.not_found', 404, 'No such account.');
  const { passwordHash: _hash, ...user } = found;
  return { user };
}

/** A hash that no feed token has, compared against when there is no stored one, so an unknown id takes as long as a wrong token. */
const NO_FEED = sha256(`no-feed-${randomBytes(16).toString('hex')}`);

/**
 * Records the hash of a user's calendar-feed token in the accounts database (when
 * it is not there already), where anonymous feed requests are checked.
 */
export async function recordFeedToken({ ctx, userId, token }: { ctx: AppContext; userId: string; token: string }): Promise<void> {
  const hash = sha256(token);
  if ((await ctx.repos.accounts.feedTokenHash(userId)) !== hash) await ctx.repos.accounts.saveFeedTokenHash(userId, hash, now(ctx));
}

/**
 * The owner of a calendar-feed address, or null: checked in the accounts database
 * alone, in constant time, before anyone's workspace is opened. An unknown or
 * disabled user, a user with no feed and a wrong token all give the same null
 * after the same work (one lookup, one hash, one comparison).
 */
export async function calendarFeedOwner({ ctx, userId, token }: { ctx: AppContext; userId: string; token: string }): Promise<Account | null> {
  const stored = await ctx.repos.accounts.feedTokenHash(userId);
  const matches = timingSafeEqual(Buffer.from(sha256(token), 'hex'), Buffer.from(stored ?? NO_FEED, 'hex'));
  if (!matches || !stored) return null;
  const user = await ctx.repos.accounts.userById(userId);
  if (!user || user.disabledAt) return null;
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}
