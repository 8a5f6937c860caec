import { z } from 'zod';

/** The private calendar feed's address. */
export const calendarFeedSchema = z.object({ path: z.string().describe('Add http://<this server> in front to subscribe from a calendar app.') });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** A feed file: the secret token is the name (calendar apps cannot sign in). */
const feedFile = z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/);
export const calendarFeedParams = z.object({ file: feedFile });
/** On a shared server the address also names the feed's owner. */
export const sharedCalendarFeedParams = z.object({ userId: z.string(), file: feedFile });
