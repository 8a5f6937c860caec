import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  mkdirSync(home, { recursive: true });
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
