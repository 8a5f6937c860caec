import { createHash, randomBytes } from 'node:crypto';
import { AppError, validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Account, CreateUserInput, InstanceSettings, Invitation, RegisterInput, Role, User } from '../../shared/schemas/accounts.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
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

export async function createUser({ ctx, input }: { ctx: AppContext; input: CreateUserInput }): Promise<{ user: User }> {
  const problem = passwordProblem(input.password, input);
  if (problem) throw validationError([{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password);
  return ctx.transaction(async (tx) => {
    if (await tx.repos.accounts.userByEmail(input.email)) {
      throw new AppError('accounts.email_taken', 409, `There is already an account for ${input.email}.`, { field: 'email' });
    }
    const at = now(tx);
    const id = newId();
    await tx.repos.accounts.insertUser({ id, email: input.email, name: input.name, role: input.role, passwordHash, disabledAt: null, createdAt: at, updatedAt: at });
    const user = await tx.repos.accounts.userById(id);
    if (!user) throw new AppError('accounts.not_found', 404, 'The new account could not be read back.');
    const { passwordHash: _hash, ...rest } = user;
    return { user: rest };
  });
}

export async function listUsers({ ctx }: { ctx: AppContext }): Promise<{ items: User[] }> {
  return { items: await ctx.repos.accounts.users() };
}

/** Disables an account (found by email or id) and ends all of its sessions at once. */
export async function disableUser({ ctx, email, id }: { ctx: AppContext; email?: string; id?: string }): Promise<{ user: User }> {
  return ctx.transaction(async (tx) => {
    const found = id ? await tx.repos.accounts.userById(id) : await tx.repos.accounts.userByEmail((email ?? '').trim().toLowerCase());
    if (!found) throw new AppError('accounts.not_found', 404, email ? `No account for ${email}.` : 'No such account.');
    const at = now(tx);
    if (!found.disabledAt) await tx.repos.accounts.updateUser(found.id, { disabledAt: at, updatedAt: at });
    await tx.repos.accounts.deleteSessionsOf(found.id);
    const { passwordHash: _hash, reminderEmails: _reminders, ...user } = found;
    return { user: { ...user, disabledAt: found.disabledAt ?? at, updatedAt: at } };
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

/**
 * Signs in: refused with 429 while the account or the address is blocked after
 * too many failures; the same 401 for an unknown email and a wrong password. A
 * session presented with the sign-in is ended: every sign-in starts a new one.
 */
export async function signIn({
  ctx,
  email,
  password,
  address,
  previousToken,
}: {
  ctx: AppContext;
  email: string;
  password: string;
  address: string | null;
  previousToken?: string | undefined;
}): Promise<{ user: Account; token: string }> {
  const at = ctx.clock.now();
  const keys = [{ key: `account:${email.trim().toLowerCase()}`, limit: THROTTLE.account }, ...(address ? [{ key: `address:${throttleAddress(address)}`, limit: THROTTLE.address }] : [])];
  const verdicts = await countAttempts(ctx, keys, at);
  const user = await ctx.repos.accounts.userByEmail(email.trim().toLowerCase());
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash(), password), false);
  if (!ok || !user || user.disabledAt) {
    await blockWhereDue(ctx, verdicts);
    throw invalid();
  }
  return ctx.transaction(async (tx) => {
    await tx.repos.accounts.clearFailures(keys[0]?.key ?? '');
    for (const { key } of keys.slice(1)) await tx.repos.accounts.forgiveAttempt(key);
    if (previousToken) await tx.repos.accounts.deleteSession(sessionId(previousToken));
    const token = await issueSession(tx, user.id, address);
    const { passwordHash: _hash, ...rest } = user;
    return { user: rest, token };
  });
}

/** The 429 for a blocked account or address: until when, and which of the two. */
export const rateLimited = (retryAfter: string, by: 'account' | 'address') =>
  new AppError('accounts.rate_limited', 429, 'Too many failed sign-ins. Wait a few minutes and try again.', { retryAfter, by });

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
    throw rateLimited(refused.refuse, refused.key.startsWith('address:') ? 'address' : 'account');
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

/** Changes a password: the current one is required, every session ends, and a new one is issued for this browser. */
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
}): Promise<{ token: string }> {
  const user = await ctx.repos.accounts.userById(userId);
  if (!user || user.disabledAt) throw new AppError('accounts.not_found', 404, 'No such account.');
  // Guessing the current password (with someone else's open session) is limited like signing in.
  const verdicts = await countAttempts(ctx, [{ key: `account:${user.email}`, limit: THROTTLE.account }], ctx.clock.now());
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await blockWhereDue(ctx, verdicts);
    throw validationError([{ field: 'currentPassword', message: 'is not your current password' }]);
  }
  await ctx.repos.accounts.clearFailures(`account:${user.email}`);
  const problem = passwordProblem(newPassword, user);
  if (problem) throw validationError([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  return ctx.transaction(async (tx) => {
    await tx.repos.accounts.updateUser(userId, { passwordHash, updatedAt: now(tx) });
    await tx.repos.accounts.deleteSessionsOf(userId);
    return { token: await issueSession(tx, userId, address) };
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
  if (await ctx.repos.accounts.userByEmail(email)) {
    throw new AppError('accounts.email_taken', 409, `There is already an account for ${email}.`, { field: 'email' });
  }
  const token = randomBytes(24).toString('base64url');
  const at = ctx.clock.now();
  const expiresAt = new Date(at.getTime() + INVITATION_DAYS * DAY).toISOString();
  await ctx.repos.accounts.insertInvitation({ id: sha256(token), email, role, createdBy, createdAt: at.toISOString(), expiresAt, usedAt: null });
  return { email, role, expiresAt, path: `/join?invitation=${token}` };
}

export async function openInvitations({ ctx }: { ctx: AppContext }): Promise<{ items: Array<Omit<Invitation, 'path'>> }> {
  const rows = await ctx.repos.accounts.openInvitations(now(ctx));
  return { items: rows.map((r) => ({ email: r.email, role: r.role as Role, expiresAt: r.expiresAt })) };
}

const invitationInvalid = () =>
  new AppError('accounts.invitation_invalid', 400, 'This invitation link is not valid any more: it was used, it expired, or it is incomplete. Ask for a new one.', { field: 'invitation' });

/**
 * Creates an account for oneself: with an invitation (for the address it was
 * sent to, with the role it names), or with none where registration is open.
 * Signs the new account in.
 */
export async function register({ ctx, input, address }: { ctx: AppContext; input: RegisterInput; address: string | null }): Promise<{ user: Account; token: string }> {
  const problem = passwordProblem(input.password, input);
  if (problem) throw validationError([{ field: 'password', message: problem }]);
  const settings = await getInstanceSettings({ ctx });
  const passwordHash = await hashPassword(input.password);
  return ctx.transaction(async (tx) => {
    let role: Role = 'explorer';
    const at = now(tx);
    if (input.invitation) {
      const invitation = await tx.repos.accounts.invitation(sha256(input.invitation));
      if (!invitation || invitation.usedAt || invitation.expiresAt <= at) throw invitationInvalid();
      if (invitation.email !== input.email) {
        throw new AppError('accounts.invitation_email', 400, `This invitation is for ${invitation.email}; sign up with that address.`, { field: 'email' });
      }
      if (!(await tx.repos.accounts.useInvitation(invitation.id, at))) throw invitationInvalid();
      role = invitation.role as Role;
    } else if (settings.registration !== 'open') {
      throw new AppError('accounts.registration_closed', 403, 'Accounts on this server are by invitation only. Ask your career centre for an invitation link.');
    }
    if (await tx.repos.accounts.userByEmail(input.email)) {
      throw new AppError('accounts.email_taken', 409, `There is already an account for ${input.email}.`, { field: 'email' });
    }
    const id = newId();
    await tx.repos.accounts.insertUser({ id, email: input.email, name: input.name, role, passwordHash, disabledAt: null, createdAt: at, updatedAt: at });
    const token = await issueSession(tx, id, address);
    return { user: { id, email: input.email, name: input.name, role, disabledAt: null, reminderEmails: false, createdAt: at, updatedAt: at }, token };
  });
}

export async function setReminderEmails({ ctx, userId, reminderEmails }: { ctx: AppContext; userId: string; reminderEmails: boolean }): Promise<{ user: Account }> {
  await ctx.repos.accounts.updateUser(userId, { reminderEmails: reminderEmails ? 1 : 0, updatedAt: now(ctx) });
  const found = await ctx.repos.accounts.userById(userId);
  if (!found) throw new AppError('accounts.not_found', 404, 'No such account.');
  const { passwordHash: _hash, ...user } = found;
  return { user };
}
