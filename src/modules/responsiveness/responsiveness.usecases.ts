import { workCalendar } from '../references.js';
import type { AppContext } from '../repositories.js';
import { deriveResponsiveness, type RequestHistory } from './responsiveness.rules.js';

/**
 * Responsiveness sits below the features that change requests (interviews, the trash,
 * the profile's working calendar) and the ones that read it (follow-ups, the coach):
 * they call in, it calls none of them.
 */

/** After the working calendar changes, "within three business days" may mean something else for everyone. */
export async function refreshAllResponsiveness(ctx: AppContext): Promise<void> {
  const calendar = await workCalendar(ctx);
  const byContact = new Map<string, RequestHistory[]>();
  for (const { contactId, ...request } of await ctx.repos.responsiveness.allRequestHistories()) byContact.set(contactId, [...(byContact.get(contactId) ?? []), request]);
  for (const [contactId, history] of byContact) await ctx.repos.responsiveness.setResponsiveness(contactId, deriveResponsiveness(history, calendar));
}

/** Re-derives one person's responsiveness from their request history; called after interview changes. */
export async function refreshResponsiveness(ctx: AppContext, contactId: string): Promise<void> {
  const history = await ctx.repos.responsiveness.requestHistory(contactId);
  await ctx.repos.responsiveness.setResponsiveness(contactId, deriveResponsiveness(history, await workCalendar(ctx)));
}
