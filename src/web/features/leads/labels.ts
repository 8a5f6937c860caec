import type { LeadKind, LeadStatus } from '../../../shared/schemas/leads.js';

export const leadKindLabels: Record<LeadKind, string> = {
  role: 'A role about to open',
  team: 'A team that is growing',
  project: 'A project',
  event: 'An event',
  person: 'A person to meet',
  other: 'Something else',
};

export const leadStatusLabels: Record<LeadStatus, string> = {
  heard: 'Heard',
  'looking-into-it': 'Looking into it',
  pursuing: 'Pursuing',
  closed: 'Closed',
};

/** The seeds' guidance, in a sentence: shown wherever a lead is written down. */
export const leadGuidance =
  'A lead is something to follow up later, through the usual way in (the posting, the team, an introduction), never a favour to ask of the person who told you. Mention them only if they said you may.';
