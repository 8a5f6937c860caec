import type { AgendaItem } from '../../../shared/schemas/agenda.js';

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
