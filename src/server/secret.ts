import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveHome } from '../config/config.js';

/**
 * The per-installation launch secret. It is printed in the start URL, exchanged
 * for an HttpOnly cookie, and accepted as a Bearer token by scripts.
 */
export function loadOrCreateSecret(home: string): string {
  const file = join(home, 'secret');
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length >= 32) return value;
  }
  makePrivateHome(home);
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export const derive = (secret: string, purpose: string) => createHmac('sha256', secret).update(purpose).digest('base64url');

export function safeEqual(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The server's own address to show people: a wildcard bind is shown as the loopback address. */
export function localUrl(host: string, port: number): string {
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`;
}

export function startUrl(host: string, port: number, secret: string): string {
  return `${localUrl(host, port)}?token=${secret}`;
}

/** Creates the home (readable by its owner only) if it is missing. */
export function makePrivateHome(home: string): void {
  if (!existsSync(home)) mkdirSync(home, { recursive: true, mode: 0o700 });
}

/** Inroads's own files in a home (databases with their -wal/-shm/-journal, the secret, the lock) and its own folders. */
const OWN_FILE = /^(secret|server\.lock|[^/]*\.db(-wal|-shm|-journal)?)$/;
const OWN_FOLDERS = new Set(['demo', 'users']);

/** Gives a file or folder of this user's the mode; false for links and what belongs to someone else. */
function restrict(path: string, mode: number): boolean {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink() || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) return false;
  if ((stat.mode & 0o777) !== mode) chmodSync(path, mode);
  return true;
}

/**
 * The home readable by its owner only: the folder and Inroads's folders in it 0700, Inroads's
 * files 0600. Run at every start, so a home made by an older version is fixed. Only what
 * Inroads made is touched (a home may be a folder with other things in it); links are left alone.
 */
export function securePrivateHome(home: string): void {
  makePrivateHome(home);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && OWN_FOLDERS.has(entry.name)) {
        if (restrict(path, 0o700)) walk(path);
      } else if (entry.isFile() && OWN_FILE.test(entry.name)) {
        restrict(path, 0o600);
      }
    }
  };
  if (restrict(home, 0o700)) walk(home);
}

/** Quotes a word for a POSIX shell when it needs it. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** bin/inroads.js of this installation, whether running from src/ (tests) or dist/src/ (the built app). */
function binPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'bin', 'inroads.js');
}

/**
 * The exact command that prints the start link again and opens it: the absolute path of this
 * installation's bin/inroads.js (the `inroads` command is only on the PATH after `npm link`),
 * with `--home` when the server does not use the default home.
 */
export function openCommandFor(home?: string): string {
  const otherHome = home !== undefined && home !== resolveHome(undefined);
  return ['node', shellWord(binPath()), ...(otherHome ? ['--home', shellWord(home)] : []), 'open'].join(' ');
}
