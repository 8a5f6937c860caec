import type { Database } from './database.js';

/** Every table that holds the user's data, parents before children (foreign keys). */
export const DATA_TABLES: Array<keyof Database> = [
  'profile',
  'explorations',
  'organizations',
  'explorationOrganizations',
  'contacts',
  'contactTags',
  'contactExplorations',
  'interviews',
  'interviewExplorations',
  'interactions',
  'referrals',
  'leads',
  'mailMessages',
  'mailBounces',
  'questions',
  'interviewNotes',
  'templates',
  'agendaItemStates',
  'settings',
  'weeklyTargets',
  'deletedExplorations',
  'searchDocuments',
];
