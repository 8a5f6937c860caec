import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/schemas/accounts.js';

/**
 * argon2id with OWASP's recommended minimum: 19 MiB of memory, two iterations,
 * one lane. The parameters are stored in each hash, so they can be raised later
 * and old hashes still verify.
 */
// `Algorithm` is a const enum in the package's types (absent at run time): 2 is Argon2id.
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Unicode passwords are compared in one normal form, so the same passphrase typed on two keyboards matches. */
const normalise = (password: string) => password.normalize('NFKC');

/** 144 random bits, URL-safe: a first password the person is asked to change. */
export const generatedPassword = () => randomBytes(18).toString('base64url');

export const hashPassword = (password: string): Promise<string> => hash(normalise(password), ARGON2_PARAMS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, normalise(password));
  } catch {
    return false;
  }
}

/** A hash of a random password, to verify against when there is no such account, so timing says nothing. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`));

let common: Set<string> | undefined;
/** The ~49,000 most common passwords, bundled with @zxcvbn-ts/language-common (no download). */
function commonPasswords(): Set<string> {
  if (!common) {
    const list = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    common = new Set((list.dictionary['passwords-common'] ?? []).map((p) => p.toLowerCase()));
  }
  return common;
}

/**
 * What is wrong with a new password, or null. Length only (in characters, any
 * Unicode, spaces welcome), no composition rules; common passwords and the
 * person's own email or name are refused.
 */
export function passwordProblem(password: string, context: { email?: string | undefined; name?: string | undefined } = {}): string | null {
  const value = normalise(password);
  const length = [...value].length;
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const lower = value.toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common passwords; choose something less guessable (a few unrelated words work well)';
  const own = [context.email, context.email?.split('@')[0], context.name].filter((v): v is string => Boolean(v && v.length >= 3)).map((v) => v.toLowerCase());
  if (own.includes(lower)) return 'must not be your email address or name';
  return null;
}
