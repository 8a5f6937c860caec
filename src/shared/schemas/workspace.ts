import { z } from 'zod';

/** Which workspace is open, where its data lives, and how much it holds (GET /api/v1/workspace). */
export const workspaceInfoSchema = z.object({
  location: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  demo: z.boolean(),
  canSwitch: z.boolean(),
  counts: z.object({ contacts: z.number().int(), organizations: z.number().int(), explorations: z.number().int(), interviews: z.number().int() }),
  profileSaved: z.boolean(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;
export const switchWorkspaceInput = z.object({ to: z.enum(['own', 'demo']) }).strict();
export type WorkspaceChoice = z.infer<typeof switchWorkspaceInput>['to'];

/** The calendar feed's private address (GET /api/v1/calendar); add the server in front to subscribe. */
export const calendarFeedSchema = z.object({ path: z.string() });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
