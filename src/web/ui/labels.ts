import type { InterviewStatus } from '../../shared/schemas/interviews.js';

export const statusLabels: Record<InterviewStatus, string> = {
  idea: 'Idea',
  requested: 'Requested',
  scheduled: 'Scheduled',
  held: 'Held',
  thanked: 'Thanked',
  'keeping-in-touch': 'Keeping in touch',
  'no-reply': 'No reply',
  declined: 'Declined',
  cancelled: 'Cancelled',
};

export const relationshipLabels: Record<string, string> = {
  family: 'Family',
  friend: 'Friend',
  classmate: 'Classmate',
  'former-colleague': 'Former colleague',
  'linkedin-connection': 'LinkedIn connection',
  alumni: 'Alumni',
  referral: 'Referral',
  cold: 'Cold contact',
};

export const seniorityLabels: Record<string, string> = {
  junior: 'Junior',
  peer: 'Peer',
  'one-step-above': 'One step above',
  senior: 'Senior',
  executive: 'Executive',
};

export const responsivenessLabels: Record<string, string> = {
  booster: 'Booster',
  obligate: 'Obligate',
  curmudgeon: 'Curmudgeon',
  unknown: 'Not known yet',
};

export const transitionLabels: Record<string, string> = {
  'start-career': 'Starting a career',
  'change-career': 'Changing careers',
  'change-job': 'Changing jobs',
  'change-employer': 'Changing employers',
  'school-or-training': 'Choosing a school or training',
  graduating: 'Graduating',
};

export const kindLabels: Record<string, string> = {
  prepare: 'Prepare',
  confirm: 'Confirm',
  'thank-you': 'Thank',
  'reach-next': 'Reach next',
  'follow-up': 'Follow up',
  'check-in': 'Check in',
  'contact-referral': 'Referral',
  'report-back': 'Report back',
  debrief: 'Debrief',
  lead: 'Lead',
  schedule: 'Schedule',
  'fix-address': 'Fix address',
  'mark-requested': 'Sent by you',
};

export const interactionKindLabels: Record<string, string> = {
  'email-sent': 'Email sent',
  'email-received': 'Email received',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  note: 'Note',
  'check-in': 'Check-in',
  'thank-you': 'Thank-you',
};

export const requestChannelLabels: Record<string, string> = {
  email: 'Email',
  phone: 'Phone',
  letter: 'Letter',
  'in-person': 'In person',
  'linkedin-message': 'LinkedIn message',
};
