import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import type { BrowserSessionsRepository } from './browser-sessions.repository.js';
import { expiryFrom, isValid, needsRotation, REPLACED_GRACE_MS } from './browser-sessions.rules.js';

/** Only the hash of a cookie value is stored. */
export const hashBrowserToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface IssuedBrowserSession {
  token: string;
  expiresAt: string;
}

export interface BrowserSessions {
  /** A new sign-in (the start link was opened in this browser). */
  signIn(): Promise<IssuedBrowserSession>;
  /**
   * Checks a presented cookie value. A valid value an hour old or more is replaced:
   * `replacement` is then the value to send back.
   */
  use(token: string | undefined): Promise<{ valid: boolean; replacement: IssuedBrowserSession | null }>;
  /** Signs every browser out; answers how many were signed in. */
  signOutEverywhere(): Promise<number>;
}

export function createBrowserSessions(repo: BrowserSessionsRepository, clock: Clock): BrowserSessions {
  const issue = async (signedInAt: string | null): Promise<IssuedBrowserSession> => {
    const now = clock.now();
    const token = randomBytes(32).toString('base64url');
    const row = { id: hashBrowserToken(token), signedInAt: signedInAt ?? now.toISOString(), issuedAt: now.toISOString(), expiresAt: expiryFrom(now), replacedAt: null };
    await repo.insert(row);
    return { token, expiresAt: row.expiresAt };
  };
  return {
    async signIn() {
      const now = clock.now();
      await repo.prune(now.toISOString(), new Date(now.getTime() - REPLACED_GRACE_MS).toISOString());
      return issue(null);
    },
    async use(token) {
      if (!token || token.length > 200) return { valid: false, replacement: null };
      const id = hashBrowserToken(token);
      const row = await repo.get(id);
      const now = clock.now();
      if (!row || !isValid(row, now)) return { valid: false, replacement: null };
      if (!needsRotation(row, now)) return { valid: true, replacement: null };
      // Only the request that marks the old value replaced issues the new one.
      if (!(await repo.markReplaced(id, now.toISOString()))) return { valid: true, replacement: null };
      return { valid: true, replacement: await issue(row.signedInAt) };
    },
    async signOutEverywhere() {
      const signedIn = await repo.countValid(clock.now().toISOString());
      await repo.deleteAll();
      return signedIn;
    },
  };
}
