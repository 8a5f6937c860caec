import type { AgendaItem } from '../../../shared/schemas/agenda.js';

/** A first draft for the message an agenda item calls for; the user edits it before sending. */
export function draftFor(item: AgendaItem, names: { person: string; you: string }): { subject: string; body: string } {
  const first = names.person.split(' ')[0] ?? names.person;
  const sign = names.you ? `\n\n${names.you}` : '';
  switch (item.kind) {
    case 'thank-you':
      return {
        subject: 'Thank you for your time',
        body: `Dear ${first},\n\nThank you for talking with me. [One specific thing you learned] was exactly what I needed to hear, and I am going to act on it this week.\n\nWith thanks,${sign}`,
      };
    case 'follow-up':
      return {
        subject: 'Following up: 20 minutes of advice',
        body: `Hi ${first},\n\nI know inboxes are busy, so I am bringing my note back to the top. Would you have 20 minutes in the next few weeks? I am after advice, not a job.\n\nThank you,${sign}`,
      };
    case 'check-in':
      return {
        subject: 'Thought of you',
        body: `Hi ${first},\n\nI came across [an article or news about their company or field] and thought of our conversation. A quick update from me: [one line on your progress].\n\nBest,${sign}`,
      };
    case 'report-back':
      return {
        subject: 'Thank you for the introduction',
        body: `Hi ${first},\n\nThank you again for suggesting I talk to [name]. We spoke, and [one thing you learned]. I really appreciate the introduction.\n\nBest,${sign}`,
      };
    case 'confirm':
      return {
        subject: 'Looking forward to tomorrow',
        body: `Hi ${first},\n\nJust confirming our conversation tomorrow. I will keep to the time we agreed.\n\nSee you then,${sign}`,
      };
    case 'reach-next':
    case 'contact-referral':
      return {
        subject: 'A question about your work',
        body: `Hi ${first},\n\n[How you know them or who suggested you write.] I am exploring [the field or role] and your experience is exactly what I am trying to understand. Would you have 20 minutes for a short conversation? I am looking for advice, not a job.\n\nThank you,${sign}`,
      };
    default:
      return { subject: '', body: '' };
  }
}

/** What logging the sent message records on the person's timeline. */
export const interactionKindFor: Partial<Record<AgendaItem['kind'], 'thank-you' | 'email-sent' | 'check-in'>> = {
  'thank-you': 'thank-you',
  'follow-up': 'email-sent',
  'check-in': 'check-in',
  'report-back': 'email-sent',
  confirm: 'email-sent',
  'reach-next': 'email-sent',
  'contact-referral': 'email-sent',
};
