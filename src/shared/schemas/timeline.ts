import { z } from 'zod';
import { isoDateTime } from './common.js';
import { interactionSchema } from './interactions.js';
import { interviewSchema } from './interviews.js';
import { referralSchema } from './referrals.js';

export const timelineEntry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('interaction'), at: isoDateTime, interaction: interactionSchema }),
  z.object({ type: z.literal('interview'), at: isoDateTime, interview: interviewSchema }),
  z.object({
    type: z.literal('referral'),
    at: isoDateTime,
    /** `received`: someone referred this contact; `made`: this contact referred someone. */
    direction: z.enum(['received', 'made']),
    referral: referralSchema,
  }),
]);
export const timelineSchema = z.object({ items: z.array(timelineEntry) });
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type Timeline = z.infer<typeof timelineSchema>;

export const timelineQuery = z.object({ order: z.enum(['asc', 'desc']).default('desc') });
export type TimelineQuery = z.infer<typeof timelineQuery>;
