import type { ReminderRound } from '../../../shared/schemas/reminders.js';
import { plural } from '../../ui/format.js';

/** How a round went, in words: how many emails went out, and why the others did not (counts only, never who). */
export function roundSummary(round: ReminderRound): { headline: string; reasons: string[] } {
  if (round.finishedAt === null) {
    return { headline: round.people === null ? 'Getting the round ready…' : `Sending… ${round.sent} of ${plural(round.people, 'person', 'people')} so far.`, reasons: [] };
  }
  const reasons = [
    round.waiting > 0 ? `${plural(round.waiting, 'person is', 'people are')} before 07:00 where they are: theirs goes out in their normal morning round.` : null,
    round.nothingDue > 0 ? `${plural(round.nothingDue, 'person has', 'people have')} nothing due today.` : null,
    round.alreadySent > 0 ? `${plural(round.alreadySent, 'person has', 'people have')} had today’s email already.` : null,
    round.failed > 0 ? `${plural(round.failed, 'email', 'emails')} could not be sent (the server log says why).` : null,
  ].filter((r): r is string => r !== null);
  if (round.people === 0) return { headline: 'No emails went out: nobody has asked for morning reminders yet (each person switches them on on their Account page).', reasons: [] };
  if (round.sent === 0) return { headline: 'No emails went out this time.', reasons };
  return { headline: `${plural(round.sent, 'email')} sent.`, reasons };
}

export const triggerLabels: Record<ReminderRound['trigger'], string> = {
  schedule: 'the hourly round',
  admin: 'sent by an admin',
  'admin-anyway': 'sent by an admin, whatever the hour',
};
