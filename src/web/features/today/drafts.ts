import type { AgendaItem } from '../../../shared/schemas/agenda.js';

/**
 * What logging the sent message records on the person's timeline. Reach-next is not
 * here: it drafts a request to someone new (DraftRequest), whose "I sent it" records it.
 */
export const interactionKindFor: Partial<Record<AgendaItem['kind'], 'thank-you' | 'email-sent' | 'check-in'>> = {
  'thank-you': 'thank-you',
  'follow-up': 'email-sent',
  'check-in': 'check-in',
  'report-back': 'email-sent',
  confirm: 'email-sent',
  'contact-referral': 'email-sent',
};
