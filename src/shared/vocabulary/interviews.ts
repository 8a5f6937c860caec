// Plain values of the interviews feature, without zod: the web app imports these, so its bundle carries no schema library.

export const interviewStatuses = [
  'idea',
  'requested',
  'scheduled',
  'held',
  'thanked',
  'keeping-in-touch',
  'no-reply',
  'declined',
  'cancelled',
] as const;

export const interviewPurposes = ['explore-career', 'network-into-organization', 'practise-interviewing', 'early-job-search'] as const;

export const requestChannels = ['email', 'phone', 'letter', 'in-person', 'linkedin-message'] as const;
