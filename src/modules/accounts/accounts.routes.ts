import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, errorResponses, idParams, type App } from '../../server/types.js';
import {
  accountPreferencesInput,
  accountResponse,
  adminCreateUserInput,
  authStatusSchema,
  changePasswordInput,
  createdUserResponse,
  deletedUserResponse,
  invitationLinkSchema,
  invitationTokenInput,
  passwordResetSchema,
  resetLinkSchema,
  resetPasswordInput,
  resetTokenInput,
  roleInput,
  instanceSettingsInput,
  instanceSettingsSchema,
  invitationInput,
  invitationSchema,
  openInvitationsResponse,
  passwordChangedResponse,
  registerInput,
  signInInput,
  listedUserResponse,
  userResponse,
  usersResponse,
  type Account,
} from '../../shared/schemas/accounts.js';
import { noContent } from '../../shared/schemas/common.js';
import type { AppContext } from '../repositories.js';
import { AppError } from '../../shared/errors.js';
import { throttleAddress } from './accounts.rules.js';
import {
  changePassword,
  createInvitation,
  createPasswordReset,
  createUser,
  deleteUser,
  disableUser,
  enableUser,
  getInstanceSettings,
  invitationLink,
  listUsers,
  openInvitations,
  rateLimited,
  register,
  resetLink,
  resetPassword,
  saveInstanceSettings,
  setReminderEmails,
  setUserRole,
  signIn,
  signOut,
  unlockUser,
} from './accounts.usecases.js';
import type { SendMail } from '../reminders/reminders.usecases.js';
import { generatedPassword } from './passwords.js';

export interface AccountRouteDeps {
  /** The accounts database. */
  control: AppContext;
  /** Sets or clears the session and CSRF cookies; reads and sets the device cookie (a browser the account has signed in from). */
  cookies: {
    set(reply: FastifyReply, token: string): void;
    clear(reply: FastifyReply): void;
    deviceToken(request: FastifyRequest): string | undefined;
    setDevice(reply: FastifyReply, token: string): void;
  };
  /** The session token the request carries, if any. */
  token(request: FastifyRequest): string | null;
  /** The signed-in user (the access layer guarantees one on private routes). */
  currentUser(): Account;
  /** Whoever is signed in, on a public route (already checked by the access layer). */
  signedInUser(): Account | null;
  /** Deletes a user's workspace for good (their schema or file). */
  removeWorkspace: (userId: string) => Promise<void>;
  /** Sends an email through the configured SMTP server; null where there is none. */
  sendMail: SendMail | null;
  /** The address people use, for links in emails. */
  appUrl: string | null;
}

/** What a device cookie looks like (32 random bytes, base64url): anything else cannot be trusted and is refused early like no cookie. */
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const withRateLimit = { ...errorResponses, 429: errorBody };
/** How long a sign-in from a blocked address waits for its 429, and how many may wait at once. */
const REFUSAL_DELAY_MS = 1000;
const MAX_DELAYED = 1000;

/** In local mode the app only needs to know there are no accounts. */
export function registerLocalAuthStatus(app: App): void {
  app.get('/api/v1/auth/status', {
    schema: { tags: ['accounts'], summary: 'Whether this server has accounts, and who is signed in', response: { 200: authStatusSchema } },
    handler: async () => ({ mode: 'local' as const, registration: null, user: null }),
  });
}

/** Signing in and up, one's own account, and (for admins) everyone's. */
export function registerAccountRoutes(app: App, deps: AccountRouteDeps): void {
  const { control, cookies } = deps;
  const tags = ['accounts'];

  app.get('/api/v1/auth/status', {
    schema: { tags, summary: 'Whether this server has accounts, how people join, and who is signed in', response: { 200: authStatusSchema } },
    handler: async () => ({ mode: 'multi-user' as const, registration: (await getInstanceSettings({ ctx: control })).registration, user: deps.signedInUser() }),
  });
  // An address found blocked is remembered here until its block ends, so a flood of guesses is turned away
  // before its body is even read. Only a copy of what the database says: a block only ends when its time is up.
  const blockedAddresses = new Map<string, number>();
  let delayed = 0;
  /**
   * Refusals wait a moment before they are sent: a flood from a fixed number of connections slows to a trickle,
   * at the cost of a timer each (with more than MAX_DELAYED waiting, refusals go out at once).
   */
  const slowDown = async () => {
    if (delayed >= MAX_DELAYED) return;
    delayed += 1;
    await new Promise((done) => setTimeout(done, REFUSAL_DELAY_MS));
    delayed -= 1;
  };
  const retryAfter = (reply: FastifyReply, until: number) => reply.header('Retry-After', String(Math.max(1, Math.ceil((until - control.clock.now().getTime()) / 1000))));
  /** A 429 says when to try again and goes out slowly; a blocked address is remembered for the early refusal. */
  const refusing = async <T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const details = error instanceof AppError && error.status === 429 ? (error.details as { retryAfter?: string; by?: string } | undefined) : undefined;
      if (details?.retryAfter) {
        retryAfter(reply, Date.parse(details.retryAfter));
        if (details.by === 'address') {
          if (blockedAddresses.size > 10_000) blockedAddresses.clear();
          blockedAddresses.set(throttleAddress(request.ip), Date.parse(details.retryAfter));
        }
        // A blocked account is refused as slowly as a blocked address.
        await slowDown();
      }
      throw error;
    }
  };
  app.post('/api/v1/auth/sign-in', {
    schema: { tags, summary: 'Sign in; starts a new session (429 after too many failures)', body: signInInput, response: { 200: accountResponse, ...withRateLimit } },
    onRequest: async (request, reply) => {
      // A browser with a device cookie may be trusted by the account it signs in to, whatever its address: it is judged
      // after the body is read (an invalid device cookie is then counted against the address like any other attempt).
      if (DEVICE_TOKEN.test(cookies.deviceToken(request) ?? '')) return undefined;
      const address = throttleAddress(request.ip);
      const until = blockedAddresses.get(address);
      if (until === undefined) return undefined;
      if (until > control.clock.now().getTime()) {
        await slowDown();
        retryAfter(reply, until);
        throw rateLimited(new Date(until).toISOString(), 'address');
      }
      blockedAddresses.delete(address);
      return undefined;
    },
    handler: async (request, reply) =>
      refusing(request, reply, async () => {
        const { user, token, deviceToken } = await signIn({
          ctx: control,
          ...request.body,
          address: request.ip,
          previousToken: deps.token(request) ?? undefined,
          deviceToken: cookies.deviceToken(request),
        });
        cookies.set(reply, token);
        cookies.setDevice(reply, deviceToken);
        return { user };
      }),
  });
  app.post('/api/v1/auth/register', {
    schema: { tags, summary: 'Create your own account, with an invitation or where registration is open (429 after too many failures)', body: registerInput, response: { 201: accountResponse, ...withRateLimit } },
    handler: async (request, reply) =>
      refusing(request, reply, async () => {
        const { user, token, deviceToken } = await register({ ctx: control, input: request.body, address: request.ip });
        cookies.set(reply, token);
        cookies.setDevice(reply, deviceToken);
        return reply.code(201).send({ user });
      }),
  });
  app.post('/api/v1/auth/invitation', {
    schema: { tags, summary: 'The address and role an invitation link is for (to fill in the join form)', body: invitationTokenInput, response: { 200: invitationLinkSchema, ...errorResponses } },
    handler: async (request) => invitationLink({ ctx: control, invitation: request.body.invitation }),
  });
  app.post('/api/v1/auth/reset-link', {
    schema: { tags, summary: 'Whose a password reset link is, or why it no longer works', body: resetTokenInput, response: { 200: resetLinkSchema, ...errorResponses } },
    handler: async (request) => resetLink({ ctx: control, token: request.body.token }),
  });
  app.post('/api/v1/auth/reset', {
    schema: { tags, summary: 'Choose a new password with a one-time reset link; every other session ends and this browser is signed in', body: resetPasswordInput, response: { 200: accountResponse, ...errorResponses } },
    handler: async (request, reply) => {
      const { user, token, deviceToken } = await resetPassword({ ctx: control, ...request.body, address: request.ip });
      cookies.set(reply, token);
      cookies.setDevice(reply, deviceToken);
      return { user };
    },
  });
  app.post('/api/v1/auth/sign-out', {
    schema: { tags, summary: 'End this session', response: { 204: noContent, ...errorResponses } },
    handler: async (request, reply) => {
      const token = deps.token(request);
      if (token) await signOut({ ctx: control, token });
      cookies.clear(reply);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/account', {
    schema: { tags, summary: 'Your account', response: { 200: accountResponse, ...errorResponses } },
    handler: async () => ({ user: deps.currentUser() }),
  });
  app.patch('/api/v1/account', {
    schema: { tags, summary: 'Change your account preferences', body: accountPreferencesInput, response: { 200: accountResponse, ...errorResponses } },
    handler: async (request) => setReminderEmails({ ctx: control, userId: deps.currentUser().id, reminderEmails: request.body.reminderEmails }),
  });
  app.post('/api/v1/account/password', {
    schema: { tags, summary: 'Change your password; every other session ends', body: changePasswordInput, response: { 200: passwordChangedResponse, ...errorResponses } },
    handler: async (request, reply) => {
      const { token, deviceToken } = await changePassword({ ctx: control, userId: deps.currentUser().id, ...request.body, address: request.ip });
      cookies.set(reply, token);
      cookies.setDevice(reply, deviceToken);
      return { changed: true as const };
    },
  });

  const adminTags = ['admin'];
  app.get('/api/v1/admin/users', {
    schema: { tags: adminTags, summary: 'Every account', response: { 200: usersResponse, ...errorResponses } },
    handler: async () => listUsers({ ctx: control }),
  });
  app.post('/api/v1/admin/users', {
    schema: {
      tags: adminTags,
      summary: 'Create an account; without a password one is generated and shown once',
      body: adminCreateUserInput,
      response: { 201: createdUserResponse, ...errorResponses },
    },
    handler: async (request, reply) => {
      const password = request.body.password ?? generatedPassword();
      // A password someone else chose is for signing in once: the person chooses their own first thing.
      const { user } = await createUser({ ctx: control, input: { ...request.body, password }, mustChangePassword: true });
      return reply.code(201).send({ user, password: request.body.password === undefined ? password : null });
    },
  });
  app.post('/api/v1/admin/users/:id/disable', {
    schema: { tags: adminTags, summary: 'Disable an account; its sessions end at once', params: idParams, response: { 200: userResponse, ...errorResponses } },
    handler: async (request) => {
      if (request.params.id === deps.currentUser().id) {
        throw new AppError('accounts.self_disable', 409, 'You cannot disable your own account; ask another admin.');
      }
      return disableUser({ ctx: control, id: request.params.id });
    },
  });
  app.post('/api/v1/admin/users/:id/enable', {
    schema: { tags: adminTags, summary: 'Enable a disabled account: the person can sign in again', params: idParams, response: { 200: userResponse, ...errorResponses } },
    handler: async (request) => enableUser({ ctx: control, id: request.params.id }),
  });
  app.put('/api/v1/admin/users/:id/role', {
    schema: { tags: adminTags, summary: 'Change an account’s role (the only active admin keeps theirs)', params: idParams, body: roleInput, response: { 200: userResponse, ...errorResponses } },
    handler: async (request) => setUserRole({ ctx: control, id: request.params.id, role: request.body.role }),
  });
  app.post('/api/v1/admin/users/:id/unlock', {
    schema: { tags: adminTags, summary: 'End a sign-in block after too many failed attempts', params: idParams, response: { 200: listedUserResponse, ...errorResponses } },
    handler: async (request) => unlockUser({ ctx: control, id: request.params.id }),
  });
  app.post('/api/v1/admin/users/:id/password-reset', {
    schema: {
      tags: adminTags,
      summary: 'A one-time link to choose a new password, good for an hour (emailed too when SMTP is set up); shown once',
      params: idParams,
      response: { 201: passwordResetSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await createPasswordReset({ ctx: control, id: request.params.id, send: deps.sendMail, appUrl: deps.appUrl ?? undefined })),
  });
  app.delete('/api/v1/admin/users/:id', {
    schema: { tags: adminTags, summary: 'Delete an account and its whole workspace, for good', params: idParams, response: { 200: deletedUserResponse, ...errorResponses } },
    handler: async (request) => {
      if (request.params.id === deps.currentUser().id) throw new AppError('accounts.self_delete', 409, 'You cannot delete your own account; ask another admin.');
      return deleteUser({ ctx: control, id: request.params.id, removeWorkspace: deps.removeWorkspace });
    },
  });
  app.get('/api/v1/admin/settings', {
    schema: { tags: adminTags, summary: 'How people join this server', response: { 200: instanceSettingsSchema, ...errorResponses } },
    handler: async () => getInstanceSettings({ ctx: control }),
  });
  app.put('/api/v1/admin/settings', {
    schema: { tags: adminTags, summary: 'Choose invitation-only or open registration', body: instanceSettingsInput, response: { 200: instanceSettingsSchema, ...errorResponses } },
    handler: async (request) => saveInstanceSettings({ ctx: control, input: request.body }),
  });
  app.get('/api/v1/admin/invitations', {
    schema: {
      tags: adminTags,
      summary: 'Invitations not yet used',
      response: { 200: openInvitationsResponse, ...errorResponses },
    },
    handler: async () => openInvitations({ ctx: control }),
  });
  app.post('/api/v1/admin/invitations', {
    schema: { tags: adminTags, summary: 'Invite someone: a link for their address, shown once', body: invitationInput, response: { 201: invitationSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(await createInvitation({ ctx: control, ...request.body, createdBy: deps.currentUser().id })),
  });
}
