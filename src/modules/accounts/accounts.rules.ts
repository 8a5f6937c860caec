/** Failed sign-ins counted for one key (an account or an address) in the current window. */
export interface FailureCounter {
  key: string;
  windowStartedAt: string;
  failures: number;
  blockedUntil: string | null;
}

/** Failed sign-ins allowed per window before a key is blocked, and for how long. */
export const THROTTLE = {
  account: { failures: 5, windowMinutes: 15, blockMinutes: 15 },
  address: { failures: 20, windowMinutes: 15, blockMinutes: 15 },
} as const;

const MINUTE = 60_000;

/** Whether a key is blocked at `now`, and until when. Pure. */
export function blockedUntil(record: FailureCounter | undefined, now: Date): string | null {
  if (!record?.blockedUntil) return null;
  return Date.parse(record.blockedUntil) > now.getTime() ? record.blockedUntil : null;
}

/** The counter after one more failure: a new window when the old one has passed; blocked when over the limit. Pure. */
export function afterFailure(key: string, record: FailureCounter | undefined, limit: (typeof THROTTLE)[keyof typeof THROTTLE], now: Date): FailureCounter {
  const fresh = !record || now.getTime() - Date.parse(record.windowStartedAt) >= limit.windowMinutes * MINUTE;
  const failures = fresh ? 1 : record.failures + 1;
  return {
    key,
    windowStartedAt: fresh ? now.toISOString() : record.windowStartedAt,
    failures,
    blockedUntil: failures >= limit.failures ? new Date(now.getTime() + limit.blockMinutes * MINUTE).toISOString() : null,
  };
}
