import { createHash, randomBytes } from 'node:crypto';
import { AppError, validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { CreateUserInput, User } from '../../shared/schemas/accounts.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { afterFailure, blockedUntil, THROTTLE } from './accounts.rules.js';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.js';

/** A session lasts 30 days at most, and ends after 7 days without use. */
export const SESSION_DAYS = 30;
export const SESSION_IDLE_DAYS = 7;
const DAY = 86_400_000;
/** Last-seen times are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createUser({ ctx, input }: { ctx: AppContext; input: CreateUserInput }): Promise<{ user: User }> {
  const problem = passwordProblem(input.password, input);
  if (problem) throw validationError([{ field: 'password', message: problem }]);
  return ctx.transaction(async (tx) => {
    if (await tx.repos.accounts.userByEmail(input.email)) {
      throw new AppError('accounts.email_taken', 409, `There is already an account for ${input.email}.`, { field: 'email' });
    }
    const at = now(tx);
    const id = newId();
    await tx.repos.accounts.insertUser({ id, email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password), disabledAt: null, createdAt: at, updatedAt: at });
    const user = await tx.repos.accounts.userById(id);
    if (!user) throw new AppError('accounts.not_found', 404, 'The new account could not be read back.');
    const { passwordHash: _hash, ...rest } = user;
    return { user: rest };
  });
}

export async function listUsers({ ctx }: { ctx: AppContext }): Promise<{ items: User[] }> {
  return { items: await ctx.repos.accounts.users() };
}

/** Disables an account and ends all of its sessions at once. */
export async function disableUser({ ctx, email }: { ctx: AppContext; email: string }): Promise<{ user: User }> {
  return ctx.transaction(async (tx) => {
    const found = await tx.repos.accounts.userByEmail(email.trim().toLowerCase());
    if (!found) throw new AppError('accounts.not_found', 404, `No account for ${email}.`);
    const at = now(tx);
    if (!found.disabledAt) await tx.repos.accounts.updateUser(found.id, { disabledAt: at, updatedAt: at });
    await tx.repos.accounts.deleteSessionsOf(found.id);
    const { passwordHash: _hash, ...user } = found;
    return { user: { ...user, disabledAt: found.disabledAt ?? at, updatedAt: at } };
  });
}

async function issueSession(ctx: AppContext, userId: string, address: string | null): Promise<string> {
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
}): Promise<{ user: User; token: string }> {
  const at = ctx.clock.now();
  const keys = [{ key: `account:${email.trim().toLowerCase()}`, limit: THROTTLE.account }, ...(address ? [{ key: `address:${address}`, limit: THROTTLE.address }] : [])];
  for (const { key } of keys) {
    const until = blockedUntil(await ctx.repos.accounts.failures(key), at);
    if (until) throw new AppError('accounts.rate_limited', 429, 'Too many failed sign-ins. Wait a few minutes and try again.', { retryAfter: until });
  }
  const user = await ctx.repos.accounts.userByEmail(email.trim().toLowerCase());
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash(), password), false);
  if (!ok || !user || user.disabledAt) {
    await ctx.transaction(async (tx) => {
      for (const { key, limit } of keys) await tx.repos.accounts.saveFailures(afterFailure(key, await tx.repos.accounts.failures(key), limit, at));
    });
    throw invalid();
  }
  return ctx.transaction(async (tx) => {
    await tx.repos.accounts.clearFailures(keys[0]?.key ?? '');
    if (previousToken) await tx.repos.accounts.deleteSession(sessionId(previousToken));
    const token = await issueSession(tx, user.id, address);
    const { passwordHash: _hash, ...rest } = user;
    return { user: rest, token };
  });
}

export async function signOut({ ctx, token }: { ctx: AppContext; token: string }): Promise<void> {
  await ctx.repos.accounts.deleteSession(sessionId(token));
}

/** The user a session token belongs to, or null when it is unknown, expired, idle too long, or the account is disabled. */
export async function authenticate({ ctx, token }: { ctx: AppContext; token: string }): Promise<User | null> {
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
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw validationError([{ field: 'currentPassword', message: 'is not your current password' }]);
  const problem = passwordProblem(newPassword, user);
  if (problem) throw validationError([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  return ctx.transaction(async (tx) => {
    await tx.repos.accounts.updateUser(userId, { passwordHash, updatedAt: now(tx) });
    await tx.repos.accounts.deleteSessionsOf(userId);
    return { token: await issueSession(tx, userId, address) };
  });
}
