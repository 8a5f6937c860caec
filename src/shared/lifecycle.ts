import { AppError } from './errors.js';
import type { InterviewStatus } from './schemas/interviews.js';

/**
 * The interview lifecycle as an explicit state machine.
 *
 *   idea → requested → scheduled → held → thanked → keeping-in-touch
 *   requested → no-reply (the 7-business-day follow-up went unanswered) → scheduled (a late reply)
 *   requested / no-reply → declined
 *   any open state → cancelled
 */
export const allowedTransitions: Readonly<Record<InterviewStatus, readonly InterviewStatus[]>> = {
  idea: ['requested', 'cancelled'],
  requested: ['scheduled', 'no-reply', 'declined', 'cancelled'],
  'no-reply': ['requested', 'scheduled', 'declined', 'cancelled'],
  scheduled: ['held', 'cancelled'],
  held: ['thanked'],
  thanked: ['keeping-in-touch'],
  'keeping-in-touch': [],
  declined: [],
  cancelled: [],
};

export const openStatuses: readonly InterviewStatus[] = ['idea', 'requested', 'no-reply', 'scheduled'];

export function canTransition(from: InterviewStatus, to: InterviewStatus): boolean {
  return allowedTransitions[from].includes(to);
}

export interface TransitionRequest {
  to: InterviewStatus;
  at: string;
  scheduledAt?: string | undefined;
  thankYouFormat?: 'email' | 'handwritten' | undefined;
}

export interface InterviewTimes {
  status: InterviewStatus;
  scheduledAt: string | null;
  requestedAt: string | null;
  repliedAt: string | null;
  heldAt: string | null;
  thankedAt: string | null;
  thankYouFormat: 'email' | 'handwritten' | null;
}

export type InterviewTimesPatch = Partial<InterviewTimes> & { status: InterviewStatus; statusChangedAt: string };

/**
 * Works out what a transition writes, or throws `interviews.illegal_transition`
 * (409) without touching anything. Pure: the caller persists the returned patch.
 */
export function planTransition(current: InterviewTimes, request: TransitionRequest): InterviewTimesPatch {
  const { to, at } = request;
  if (!canTransition(current.status, to)) {
    const allowed = allowedTransitions[current.status];
    const hint =
      allowed.length === 0
        ? `"${current.status}" is a final state.`
        : `From "${current.status}" it can move to: ${allowed.join(', ')}.`;
    throw new AppError(
      'interviews.illegal_transition',
      409,
      `An interview cannot move from "${current.status}" to "${to}". ${hint}`,
      { from: current.status, to, allowed: [...allowed] },
    );
  }
  const patch: InterviewTimesPatch = { status: to, statusChangedAt: at };
  switch (to) {
    case 'requested':
      patch.requestedAt = at;
      break;
    case 'scheduled': {
      const scheduledAt = request.scheduledAt ?? current.scheduledAt;
      if (!scheduledAt) {
        throw new AppError('validation.failed', 400, 'scheduledAt: is required to schedule an interview', [
          { field: 'scheduledAt', message: 'is required to schedule an interview' },
        ]);
      }
      patch.scheduledAt = scheduledAt;
      if (!current.repliedAt) patch.repliedAt = at;
      break;
    }
    case 'declined':
      if (!current.repliedAt) patch.repliedAt = at;
      break;
    case 'held':
      patch.heldAt = at;
      break;
    case 'thanked':
      patch.thankedAt = at;
      patch.thankYouFormat = request.thankYouFormat ?? current.thankYouFormat ?? 'email';
      break;
    case 'idea':
    case 'no-reply':
    case 'keeping-in-touch':
    case 'cancelled':
      break;
    default: {
      const unreachable: never = to;
      throw new Error(`unknown status ${String(unreachable)}`);
    }
  }
  return patch;
}

/** Fields an interview must carry when it is created directly in a given state. */
export function missingFieldsFor(status: InterviewStatus, times: Partial<InterviewTimes>): string[] {
  const missing: string[] = [];
  if (status === 'scheduled' && !times.scheduledAt) missing.push('scheduledAt');
  return missing;
}
