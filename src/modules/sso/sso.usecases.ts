import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Account } from '../../shared/schemas/accounts.js';
import type { SsoStatus } from '../../shared/schemas/sso.js';
import { issueDevice, issueSession } from '../accounts/accounts.usecases.js';
import { generatedPassword, hashPassword } from '../accounts/passwords.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { SsoInvitation } from './sso.repository.js';
import { SSO_LOGIN_MINUTES, ssoVerdict, type SsoRefusal } from './sso.rules.js';

/** What the provider says about the person, once its answer passed every check. */
export interface IdentityClaims {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * The identity provider, as the use cases see it (src/server/oidc.ts speaks
 * OpenID Connect to it): where to send the browser, and what the answer proves.
 */
export interface IdentityProvider {
  /** "Continue with <name>". */
  name: string;
  only: boolean;
  issuer: string;
  authorizationUrl(checks: { state: string; nonce: string; codeChallenge: string }): string;
  /** Verifies the provider's answer (the callback's query string) and returns the person's claims; throws a coded error otherwise. */
  claims(input: { response: string; state: string; nonce: string; codeVerifier: string; now: Date }): Promise<IdentityClaims>;
}

const sha256hex = (value: string) => createHash('sha256').update(value).digest('hex');
const random = () => randomBytes(32).toString('base64url');

export const ssoStatus = (provider: IdentityProvider | null): SsoStatus => (provider ? { enabled: true, name: provider.name, only: provider.only } : { enabled: false, name: null, only: false });

export function requireProvider(provider: IdentityProvider | null): IdentityProvider {
  if (!provider) throw new AppError('sso.not_configured', 404, 'This server has no single sign-on; sign in with your email and password.');
  return provider;
}

const invitationUnusable = (invitation: SsoInvitation | undefined, at: string) => !invitation || invitation.usedAt !== null || invitation.revokedAt !== null || invitation.expiresAt <= at;

/**
 * Starts a sign-in at the provider: fresh state, nonce and PKCE verifier, kept in
 * the database under the hash of a random browser key (the caller puts the key in
 * a cookie), so whichever instance the browser comes back to can finish it, and
 * only this browser can. Comes with an invitation link when the person joins.
 */
export async function startSso({ ctx, provider, invitation }: { ctx: AppContext; provider: IdentityProvider; invitation?: string | undefined }): Promise<{ url: string; browserKey: string }> {
  const at = ctx.clock.now();
  let invitationId: string | null = null;
  if (invitation) {
    invitationId = sha256hex(invitation);
    if (invitationUnusable(await ctx.repos.sso.invitation(invitationId), at.toISOString())) {
      throw new AppError('accounts.invitation_invalid', 400, 'This invitation link is not valid any more: it was used, it expired, or it is incomplete. Ask for a new one.', { field: 'invitation' });
    }
  }
  const browserKey = random();
  const state = random();
  const nonce = random();
  const codeVerifier = random();
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  await ctx.repos.sso.pruneLogins(at.toISOString());
  await ctx.repos.sso.insertLogin({
    id: sha256hex(browserKey),
    state,
    nonce,
    codeVerifier,
    invitationId,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + SSO_LOGIN_MINUTES * 60_000).toISOString(),
  });
  return { url: provider.authorizationUrl({ state, nonce, codeChallenge }), browserKey };
}

const REFUSALS: Record<SsoRefusal, (name: string, email: string) => AppError> = {
  email_unverified: (name) => new AppError('sso.email_unverified', 403, `${name} has not confirmed your email address, so Inroads cannot tell whose account this is. Confirm it with ${name} first, then try again.`),
  account_disabled: () => new AppError('sso.account_disabled', 403, 'Your Inroads account is disabled. Ask your career centre’s administrator to enable it.'),
  subject_mismatch: (name, email) =>
    new AppError('sso.subject_mismatch', 403, `The Inroads account for ${email} belongs to another ${name} account, so you were not signed in. Ask your career centre’s administrator.`),
  invitation_invalid: () => new AppError('accounts.invitation_invalid', 400, 'This invitation link is not valid any more: it was used, it expired, or it was withdrawn. Ask for a new one.', { field: 'invitation' }),
  invitation_email: (name, email) =>
    new AppError('accounts.invitation_email', 400, `This invitation is for another address, but ${name} signed you in as ${email}. Sign in to ${name} with the address the invitation was sent to.`, { field: 'email' }),
  no_account: (name, email) =>
    new AppError('sso.no_account', 403, `${name} signed you in as ${email}, but there is no Inroads account for that address. Ask your career centre for an invitation.`),
};

/**
 * Finishes a sign-in the provider sent back: the browser's sign-in is taken (once),
 * the answer verified by the provider adapter, and the verdict (sso.rules.ts)
 * carried out in one transaction: sign in a linked account, link the account with
 * the verified email, or create the account an invitation was for (marking the
 * invitation accepted). Starts a session and trusts the browser exactly like a
 * password sign-in.
 */
export async function finishSso({
  ctx,
  provider,
  browserKey,
  response,
  address,
  previousToken,
}: {
  ctx: AppContext;
  provider: IdentityProvider;
  browserKey: string | undefined;
  response: string;
  address: string | null;
  previousToken?: string | undefined;
}): Promise<{ user: Account; token: string; deviceToken: string; joined: boolean }> {
  const at = ctx.clock.now();
  const login = browserKey ? await ctx.repos.sso.takeLogin(sha256hex(browserKey)) : undefined;
  if (!login || login.expiresAt <= at.toISOString()) {
    throw new AppError('sso.login_expired', 400, 'This sign-in was not started in this browser, or it took longer than ten minutes. Start again from the sign-in page.');
  }
  const claims = await provider.claims({ response, state: login.state, nonce: login.nonce, codeVerifier: login.codeVerifier, now: at });
  const email = claims.email?.trim().toLowerCase() || null;
  // Who this is, and what may let them in, read and acted on in one transaction.
  const { userId, joined } = await ctx.transaction(async (tx) => {
    const when = now(tx);
    const { sso, accounts } = tx.repos;
    const linkedIdentity = await sso.identity(provider.issuer, claims.subject);
    const linked = linkedIdentity ? await accounts.userById(linkedIdentity.userId) : undefined;
    // (An identity whose account is gone is forgotten.)
    if (linkedIdentity && !linked) await sso.deleteIdentity(provider.issuer, claims.subject);
    const byEmail = email && !linked ? await accounts.userByEmail(email) : undefined;
    const byEmailSubject = byEmail ? ((await sso.identityOf(byEmail.id, provider.issuer))?.subject ?? null) : null;
    const invitation = login.invitationId ? await sso.invitation(login.invitationId) : undefined;
    const pending = email && !login.invitationId ? await sso.openInvitationFor(email, when) : undefined;
    const facts = (i: SsoInvitation | undefined) => (i ? { id: i.id, email: i.email, usable: !invitationUnusable(i, when) } : null);
    const verdict = ssoVerdict({
      identity: { subject: claims.subject, email, emailVerified: claims.emailVerified },
      linked: linked ? { id: linked.id, disabled: linked.disabledAt !== null } : null,
      byEmail: byEmail ? { id: byEmail.id, disabled: byEmail.disabledAt !== null, linkedSubject: byEmailSubject } : null,
      invitation: login.invitationId ? (facts(invitation) ?? { id: login.invitationId, email: '', usable: false }) : null,
      pending: facts(pending),
    });
    if (verdict.kind === 'refuse') throw REFUSALS[verdict.reason](provider.name, email ?? 'an unconfirmed address');
    const identity = { issuer: provider.issuer, subject: claims.subject, email: email ?? '', createdAt: when, lastUsedAt: when };
    if (verdict.kind === 'sign_in') {
      await sso.touchIdentity(provider.issuer, claims.subject, identity.email, when);
      return { userId: verdict.userId, joined: false };
    }
    if (verdict.kind === 'link') {
      await sso.insertIdentity({ ...identity, userId: verdict.userId });
      return { userId: verdict.userId, joined: false };
    }
    const chosen = verdict.invitationId === invitation?.id ? invitation : pending;
    if (!chosen || !email) throw REFUSALS.invitation_invalid(provider.name, email ?? '');
    const id = newId();
    // No password: the person signs in through the provider (an admin's reset link can give them one).
    await accounts.insertUser({
      id,
      email,
      name: chosen.name?.trim() || claims.name?.trim() || email.split('@')[0] || email,
      role: chosen.role,
      passwordHash: await hashPassword(generatedPassword()),
      disabledAt: null,
      cohortId: chosen.cohortId,
      adviserId: chosen.adviserId,
      createdAt: when,
      updatedAt: when,
    });
    if (!(await sso.acceptInvitation(chosen.id, id, when))) throw REFUSALS.invitation_invalid(provider.name, email);
    await accounts.closeInvitationsFor(email, when);
    await sso.insertIdentity({ ...identity, userId: id });
    return { userId: id, joined: true };
  });
  return ctx.transaction(async (tx) => {
    if (previousToken) await tx.repos.accounts.deleteSession(createHash('sha256').update(previousToken).digest('hex'));
    const found = await tx.repos.accounts.userById(userId);
    if (!found || found.disabledAt) throw REFUSALS.account_disabled(provider.name, email ?? '');
    // Where passwords are off, a first password an admin set is moot: it no longer holds the person back.
    if (provider.only && found.mustChangePassword) await tx.repos.accounts.updateUser(userId, { mustChangePassword: false, updatedAt: now(tx) });
    const { passwordHash: _hash, ...rest } = found;
    const user = provider.only ? { ...rest, mustChangePassword: false } : rest;
    return { user, token: await issueSession(tx, userId, address), deviceToken: await issueDevice(tx, userId), joined };
  });
}
