import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';
import { roles } from '../vocabulary/accounts.js';
export { roles };

export type Role = (typeof roles)[number];

/** ASVS: at least 8 characters, long passphrases welcome (up to 128), no composition rules. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string()
  .trim()
  .max(320)
  .email('must be an email address')
  .transform((v) => v.toLowerCase());

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  disabledAt: isoDateTime.nullable(),
  /** A first password an admin set: the person chooses their own before anything else. */
  mustChangePassword: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type User = z.infer<typeof userSchema>;

export const createUserInput = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, 'is required').max(200),
    role: z.enum(roles).default('explorer'),
    /** Checked against the password policy by the use case, which names the field. */
    password: z.string(),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserInput>;

export const signInInput = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) }).strict();
export const changePasswordInput = z.object({ currentPassword: z.string().max(1024), newPassword: z.string() }).strict();

export const accountSchema = userSchema.extend({ reminderEmails: z.boolean() });
export type Account = z.infer<typeof accountSchema>;

/** How people join a multi-user deployment: only by an admin's invitation, or by signing up. */
export const registrationModes = ['invitation', 'open'] as const;
export type RegistrationMode = (typeof registrationModes)[number];

export const instanceSettingsSchema = z.object({ registration: z.enum(registrationModes) });
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;
export const instanceSettingsInput = instanceSettingsSchema.strict();

export const registerInput = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, 'is required').max(200),
    password: z.string(),
    /** The token from an invitation link; required unless registration is open. */
    invitation: z.string().max(200).optional(),
  })
  .strict();
export type RegisterInput = z.infer<typeof registerInput>;

export const invitationInput = z.object({ email: emailSchema, role: z.enum(roles).default('explorer') }).strict();
export const invitationSchema = z.object({
  email: z.string(),
  role: z.enum(roles),
  expiresAt: isoDateTime,
  /** Shown once, when the invitation is made: `/join?invitation=…`. */
  path: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const accountPreferencesInput = z.object({ reminderEmails: z.boolean() }).strict();

/** What an explorer lets a coach see: progress only, or the conversation notes as well. */
export const grantScopes = ['progress', 'notes'] as const;
export type GrantScope = (typeof grantScopes)[number];

export const grantInput = z
  .object({
    coachEmail: emailSchema,
    scope: z.enum(grantScopes),
    /** Let the coach see the names of the people and organisations (off unless chosen). */
    showNames: z.boolean().default(false),
  })
  .strict();
export const grantSchema = z.object({
  coach: z.object({ id: idSchema, name: z.string(), email: z.string() }),
  scope: z.enum(grantScopes),
  showNames: z.boolean(),
  createdAt: isoDateTime,
});
export type Grant = z.infer<typeof grantSchema>;

/** Whether the server has accounts, how people join, and who is signed in. */
export const authStatusSchema = z.object({
  mode: z.enum(['local', 'multi-user']),
  registration: z.enum(registrationModes).nullable(),
  user: accountSchema.nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;
export const accountResponse = z.object({ user: accountSchema });
export type AccountResponse = z.infer<typeof accountResponse>;
export const passwordChangedResponse = z.object({ changed: z.literal(true) });

/** An admin creates an account; without a password one is generated and shown once. */
export const adminCreateUserInput = createUserInput.extend({ password: z.string().optional() });
export type AdminCreateUserInput = z.infer<typeof adminCreateUserInput>;
export const createdUserResponse = z.object({ user: userSchema, password: z.string().nullable() });
export type CreatedUser = z.infer<typeof createdUserResponse>;
export const userResponse = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponse>;
/** An account as the admin page lists it: with the end of its sign-in block, while too many failed sign-ins block it. */
export const listedUserSchema = userSchema.extend({ lockedUntil: isoDateTime.nullable() });
export type ListedUser = z.infer<typeof listedUserSchema>;
export const usersResponse = z.object({ items: z.array(listedUserSchema) });
export const listedUserResponse = z.object({ user: listedUserSchema });
export type Users = z.infer<typeof usersResponse>;

/** An invitation not yet used (its link was shown once, when it was made). */
export const openInvitationSchema = invitationSchema.omit({ path: true });
export type OpenInvitation = z.infer<typeof openInvitationSchema>;
export const openInvitationsResponse = z.object({ items: z.array(openInvitationSchema) });
export type OpenInvitations = z.infer<typeof openInvitationsResponse>;
export type SignInInput = z.infer<typeof signInInput>;
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
export type PasswordChanged = z.infer<typeof passwordChangedResponse>;
/** An admin changes an account's role. */
export const roleInput = z.object({ role: z.enum(roles) }).strict();
export type RoleInput = z.infer<typeof roleInput>;

/** A one-time link for choosing a new password (`/reset?token=…`), shown to the admin who made it. */
export const passwordResetSchema = z.object({
  email: z.string(),
  expiresAt: isoDateTime,
  path: z.string(),
  /** Whether it also went out by email (only when the server has SMTP settings). */
  emailed: z.boolean(),
});
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/** The token of a reset link, to see whose it is before choosing a password. */
export const resetTokenInput = z.object({ token: z.string().max(200) }).strict();
export const resetLinkSchema = z.object({ email: z.string(), name: z.string(), expiresAt: isoDateTime });
export type ResetLink = z.infer<typeof resetLinkSchema>;
/** Choosing a new password with a reset link; the same rules as signing up. */
export const resetPasswordInput = z.object({ token: z.string().max(200), newPassword: z.string() }).strict();
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

/** The token of an invitation link, to pre-fill the join form with the address it is for. */
export const invitationTokenInput = z.object({ invitation: z.string().max(200) }).strict();
export const invitationLinkSchema = z.object({
  email: z.string(),
  role: z.enum(roles),
  expiresAt: isoDateTime,
  /** The name a cohort upload gave, to fill in the join form; null for a single invitation. */
  name: z.string().nullable(),
});
export type InvitationLink = z.infer<typeof invitationLinkSchema>;
export const deletedUserResponse = z.object({ deleted: z.literal(true), email: z.string() });
export type DeletedUser = z.infer<typeof deletedUserResponse>;
