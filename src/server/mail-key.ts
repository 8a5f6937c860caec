import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors.js';

/** The file in a local home that holds the key sealing mailbox passwords (readable by its owner only). */
export const mailKeyPath = (home: string) => join(home, 'mail.key');

/**
 * Local mode: the key sealing mailbox secrets, made on first use as 32 random bytes in
 * a 0600 file in the home. The database never holds it, so a copied database (or a
 * backup) does not give the password away.
 */
export function localMailKey(home: string): Buffer {
  const path = mailKeyPath(home);
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return decodeKey(readFileSync(path, 'utf8'), path);
}

/**
 * A shared server: the key comes from INROADS_MAIL_KEY (32 bytes, base64 or hex, e.g.
 * `openssl rand -base64 32`). Without it mailboxes cannot be connected; a malformed one
 * stops the start.
 */
export function mailKeyFromEnv(env: NodeJS.ProcessEnv): Buffer | null {
  const value = env.INROADS_MAIL_KEY?.trim();
  return value ? decodeKey(value, 'INROADS_MAIL_KEY') : null;
}

function decodeKey(text: string, where: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new AppError('config.mail_key', 1, `${where} must hold a 32-byte key (base64 or hex), e.g. from "openssl rand -base64 32"`);
  return key;
}
