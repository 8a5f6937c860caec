import { z } from 'zod';
import { idSchema } from './common.js';
import { interviewStatuses } from './interviews.js';

export const insightsSchema = z.object({
  requests: z.object({ sent: z.number(), answered: z.number(), rate: z.number().nullable() }),
  timeToReply: z.object({
    /** Median days from request to reply. */
    medianDays: z.number().nullable(),
    buckets: z.array(z.object({ label: z.string(), count: z.number() })),
  }),
  responsiveness: z.object({ booster: z.number(), obligate: z.number(), curmudgeon: z.number(), unknown: z.number() }),
  perWeek: z.array(z.object({ week: z.string(), held: z.number(), requested: z.number() })),
  funnel: z.array(z.object({ stage: z.string(), label: z.string(), count: z.number() })),
  byStatus: z.array(z.object({ status: z.enum(interviewStatuses), count: z.number() })),
});
export type Insights = z.infer<typeof insightsSchema>;
export const insightsQuery = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) });
export type InsightsQuery = z.infer<typeof insightsQuery>;

export const referralGraphSchema = z.object({
  nodes: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      organization: z.string().nullable(),
      /** Steps from the first person in the chain (0 for someone nobody referred). */
      depth: z.number(),
      conversations: z.number(),
    }),
  ),
  edges: z.array(z.object({ from: idSchema, to: idSchema, status: z.string() })),
  maxDepth: z.number(),
  topIntroducers: z.array(
    z.object({ id: idSchema, name: z.string(), introductions: z.number(), conversations: z.number() }),
  ),
});
export type ReferralGraph = z.infer<typeof referralGraphSchema>;
