/** How long a signed-in browser stays signed in without being used. */
export const BROWSER_SESSION_DAYS = 30;
/** A cookie value older than this is replaced by a new one the next time it is used. */
export const ROTATE_AFTER_MS = 60 * 60 * 1000;
/** A replaced value still works this long, for requests that were already on their way. */
export const REPLACED_GRACE_MS = 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BrowserSessionRow {
  signedInAt: string;
  issuedAt: string;
  expiresAt: string;
  replacedAt: string | null;
}

export const expiryFrom = (now: Date) => new Date(now.getTime() + BROWSER_SESSION_DAYS * DAY_MS).toISOString();

/** Whether a stored value signs its browser in at `now`. */
export function isValid(row: BrowserSessionRow, now: Date): boolean {
  if (Date.parse(row.expiresAt) <= now.getTime()) return false;
  return row.replacedAt === null || Date.parse(row.replacedAt) + REPLACED_GRACE_MS > now.getTime();
}

/** Whether a value in use should be swapped for a new one now (once it is an hour old, and only once). */
export function needsRotation(row: BrowserSessionRow, now: Date): boolean {
  return row.replacedAt === null && now.getTime() - Date.parse(row.issuedAt) >= ROTATE_AFTER_MS;
}
