import type { InterviewNote } from '../../shared/schemas/conversation.js';
import type { Seniority } from '../../shared/schemas/contacts.js';

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const firstSentence = (text: string) => text.trim().split(/(?<=[.!?])\s+/)[0]?.trim() ?? '';

/** Notes from these parts of the conversation carry what the person shared, not what the explorer said. */
const INFORMATIVE_STEPS = new Set(['questions', 'information', 'referrals']);

/**
 * One specific thing to quote in a thank-you: the first sentence of the takeaways
 * when there are any; otherwise the most telling note from the questions (one that
 * speaks for a key question, then any tagged one, then the longest), as long as it
 * says something (five words or more). A note against the path is never quoted back
 * to the person who said it. Null when there is nothing specific enough.
 */
export function pickTakeaway(takeaways: string | null, notes: readonly InterviewNote[]): string | null {
  if (takeaways?.trim()) return firstSentence(takeaways);
  const candidates = notes
    .filter((n) => words(n.body) >= 5 && n.stance !== 'against' && (n.agendaStep === null || INFORMATIVE_STEPS.has(n.agendaStep)))
    .sort(
      (a, b) =>
        Number(b.stance === 'for') - Number(a.stance === 'for') ||
        Number(b.keyQuestion !== null) - Number(a.keyQuestion !== null) ||
        words(b.body) - words(a.body),
    );
  const best = candidates[0];
  return best ? firstSentence(best.body) : null;
}

/** Email, unless the person is senior, when a handwritten note stands out. */
export function thankYouFormatFor(seniority: Seniority | null): { format: 'email' | 'handwritten'; reason: string } {
  if (seniority === 'senior' || seniority === 'executive') {
    return { format: 'handwritten', reason: 'They are senior: a short handwritten card stands out. Post it within a day.' };
  }
  return { format: 'email', reason: 'An email within 24 hours is right for most people.' };
}
