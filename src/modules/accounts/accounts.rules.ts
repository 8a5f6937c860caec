/**
 * Failed attempts allowed per window before a key is blocked, and for how long:
 * sign-ins by account and by address, sign-ins from a browser the account has
 * signed in from before (its device cookie, counted on its own so strangers'
 * guesses do not lock the owner out), and registrations by address.
 */
export const THROTTLE = {
  account: { failures: 5, windowMinutes: 15, blockMinutes: 15 },
  address: { failures: 20, windowMinutes: 15, blockMinutes: 15 },
  device: { failures: 5, windowMinutes: 15, blockMinutes: 15 },
  register: { failures: 20, windowMinutes: 15, blockMinutes: 15 },
} as const;

const MINUTE = 60_000;

export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  failures: number;
  blockedUntil: string | null;
}

/**
 * What to do with an attempt already counted (before its password is checked, so
 * simultaneous guesses cannot slip past the limit): refuse it (and until when),
 * and whether a wrong password now starts a block. Pure.
 */
export function attemptVerdict(count: AttemptCount, limit: (typeof THROTTLE)[keyof typeof THROTTLE], now: Date): { refuse: string | null; blockOnFailure: string | null } {
  if (count.blockedUntil && Date.parse(count.blockedUntil) > now.getTime()) return { refuse: count.blockedUntil, blockOnFailure: null };
  const until = new Date(now.getTime() + limit.blockMinutes * MINUTE).toISOString();
  if (count.failures > limit.failures) return { refuse: until, blockOnFailure: until };
  return { refuse: null, blockOnFailure: count.failures >= limit.failures ? until : null };
}

/**
 * The part of a client address that sign-in limits count by: an IPv4 address as
 * it is, an IPv6 address by its /64 network (one household or device usually has
 * a whole /64, so counting single addresses would let it rotate freely). Pure.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
