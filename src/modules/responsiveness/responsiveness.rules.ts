import { businessDeadline, type WorkCalendar } from '../../shared/business-days.js';

/** A request is answered in time within this many business days; after that the agenda suggests someone else. */
export const REACH_NEXT_BUSINESS_DAYS = 3;

export type Responsiveness = 'booster' | 'obligate' | 'curmudgeon' | 'unknown';

export interface RequestHistory {
  status: string;
  requestedAt: string | null;
  repliedAt: string | null;
}

/**
 * How a person answers requests, judged by their most recent one that has an
 * outcome: a reply within three business days makes a booster, a later reply an
 * obligate, and silence even after the follow-up (no-reply) a curmudgeon.
 */
export function deriveResponsiveness(requests: readonly RequestHistory[], calendar: WorkCalendar): Responsiveness {
  const decided = requests
    .filter((r) => r.requestedAt && (r.repliedAt || r.status === 'no-reply'))
    .sort((a, b) => ((a.requestedAt ?? '') < (b.requestedAt ?? '') ? 1 : -1));
  const latest = decided[0];
  if (!latest?.requestedAt) return 'unknown';
  if (!latest.repliedAt) return 'curmudgeon';
  return latest.repliedAt < businessDeadline(latest.requestedAt, REACH_NEXT_BUSINESS_DAYS, calendar) ? 'booster' : 'obligate';
}
