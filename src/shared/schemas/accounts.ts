import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';

/** Explorers run their own search; coaches see what explorers share with them; admins manage accounts. */
export const roles = ['explorer', 'coach', 'admin'] as const;
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
