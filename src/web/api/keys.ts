import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * Every query key of the web app, one small factory per feature. A feature's api file builds its
 * queries from its own factory; a page that shows another feature's data (Today showing an interview)
 * uses the owner's factory, so a mutation anywhere invalidates it by the same key.
 *
 * The values keep the shapes the app has always used: one record sits under its singular root
 * (`['contact', id]`), lists under the plural one (`['contacts', …]`). `all` is the prefix of every
 * list, `details` the prefix of every single record.
 */

export const sessionKeys = {
  status: ['auth-status'] as const,
};

/** Whether the server offers single sign-on (and whether it is the only way in). */
export const ssoKeys = {
  status: ['sso-status'] as const,
};

export const workspaceKeys = {
  info: ['workspace'] as const,
};

export const peopleKeys = {
  all: ['contacts'] as const,
  list: (params: object | string) => ['contacts', params] as const,
  details: ['contact'] as const,
  detail: (id: string | undefined) => ['contact', id] as const,
  search: (text: string) => ['people-search', text] as const,
  searches: ['people-search'] as const,
  timeline: (id: string) => ['timeline', id] as const,
  timelines: ['timeline'] as const,
  /** One person's share of the agenda: under ['agenda'], so whatever refreshes the agenda refreshes it too. */
  agenda: (id: string) => ['agenda', { contactId: id }] as const,
};

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (params: object | string) => ['organizations', params] as const,
  details: ['organization'] as const,
  detail: (id: string | null | undefined) => ['organization', id] as const,
  /** Every organisation by name, for choosing one in a form or a filter. */
  options: () => ['organizations', 'options'] as const,
};

export const explorationKeys = {
  all: ['explorations'] as const,
  list: () => ['explorations', 'list'] as const,
  options: () => ['explorations', 'options'] as const,
  active: () => ['explorations', 'active'] as const,
  deleted: () => ['explorations', 'deleted'] as const,
  details: ['exploration'] as const,
  one: (id: string) => ['exploration', id] as const,
  decisions: ['decision'] as const,
  decision: (id: string) => ['decision', id] as const,
};

export const interviewKeys = {
  all: ['interviews'] as const,
  list: (params: object | string) => ['interviews', params] as const,
  ofContact: (contactId: string) => ['interviews', { contactId }] as const,
  details: ['interview'] as const,
  one: (id: string) => ['interview', id] as const,
  notes: (id: string) => ['interview', id, 'notes'] as const,
  referrals: (id: string) => ['interview', id, 'referrals'] as const,
  /** The draft is written from the interview as it is: a new version of the interview asks for a new draft. */
  thankYouDraft: (id: string, version: string) => ['interview', id, 'thank-you', version] as const,
};

export const agendaKeys = {
  all: ['agenda'] as const,
  /** Today's agenda with at most `limit` items of each group. */
  today: (limit: number) => ['agenda', 'today', limit] as const,
  drafts: ['agenda-draft'] as const,
  draft: (itemKey: string) => ['agenda-draft', itemKey] as const,
};

export const leadKeys = {
  all: ['leads'] as const,
  /** Leads by filter: an organisation's, an exploration's, a conversation's, or all of them by status. */
  list: (filters: object) => ['leads', filters] as const,
};

export const questionKeys = {
  all: ['questions'] as const,
  bank: () => ['questions', 'all'] as const,
  list: (filters: object) => ['questions', filters] as const,
};

export const templateKeys = {
  all: ['templates'] as const,
  previews: ['template-preview'] as const,
  preview: (input: object) => ['template-preview', input] as const,
};

export const coachKeys = {
  checks: ['coach'] as const,
  check: (kind: string, text: string, extra: object) => ['coach', kind, text, extra] as const,
  suggestions: ['suggestions'] as const,
  suggestionList: (filters: { explorationId?: string | undefined; organizationId?: string | undefined; limit: number }) =>
    ['suggestions', filters.explorationId, filters.organizationId, filters.limit] as const,
};

export const outreachKeys = {
  all: ['outreach'] as const,
  draft: (input: object) => ['outreach', 'request-draft', input] as const,
};

export const insightKeys = {
  all: ['insights'] as const,
  referralGraph: ['referral-graph'] as const,
};

export const weekKeys = {
  /** This week's progress and review; worked out from the records, so it is among recordKeys. */
  all: ['week'] as const,
};

export const searchKeys = {
  all: ['search'] as const,
  results: (text: string) => ['search', text] as const,
};

export const settingsKeys = {
  profile: ['profile'] as const,
  /** Under the profile: saving the profile refreshes it. */
  comingHolidays: ['profile', 'holidays'] as const,
  holidayPlaces: ['holiday-places'] as const,
  calendarFeed: ['calendar-feed'] as const,
};

export const accountKeys = {
  sharing: ['sharing'] as const,
  /** What a coach would see with these choices; under ['sharing'], so sharing refreshes it. */
  sharingPreview: (scope: string, showNames: boolean) => ['sharing', 'preview', scope, showNames] as const,
  /** Who looked at what one shares, a page at a time; under ['sharing'] too. */
  accessLogs: ['sharing', 'access-log'] as const,
  accessLog: (offset: number) => ['sharing', 'access-log', offset] as const,
  /** Whom an invitation link is for (the join form fills in the address). */
  invitation: (token: string) => ['invitation-link', token] as const,
  /** Whose a password reset link is. */
  resetLink: (token: string) => ['reset-link', token] as const,
};

export const adminKeys = {
  users: ['admin-users'] as const,
  settings: ['admin-settings'] as const,
  invitations: ['admin-invitations'] as const,
};

export const mailKeys = {
  /** The connected mailbox's status (never its password). */
  mailbox: ['mailbox'] as const,
  /** Messages kept from the mailbox or from dropped .eml files; worked out from the records, so among recordKeys. */
  messages: ['mail-messages'] as const,
  ofContact: (contactId: string) => ['mail-messages', { contactId }] as const,
};

export const coachingKeys = {
  all: ['coaching'] as const,
  explorer: (id: string) => ['coaching', id] as const,
  notes: (id: string) => ['coaching', id, 'notes'] as const,
};

/**
 * Everything that shows the user's records (people, organisations, interviews, explorations) or is
 * worked out from them: what a change to a record, an import, a delete or an undo makes out of date.
 */
export const recordKeys: readonly QueryKey[] = [
  workspaceKeys.info,
  peopleKeys.all,
  peopleKeys.details,
  peopleKeys.searches,
  peopleKeys.timelines,
  organizationKeys.all,
  organizationKeys.details,
  explorationKeys.all,
  explorationKeys.details,
  explorationKeys.decisions,
  interviewKeys.all,
  interviewKeys.details,
  agendaKeys.all,
  agendaKeys.drafts,
  leadKeys.all,
  coachKeys.suggestions,
  outreachKeys.all,
  insightKeys.all,
  insightKeys.referralGraph,
  weekKeys.all,
  searchKeys.all,
  templateKeys.previews,
  questionKeys.all,
  mailKeys.messages,
];

/**
 * Invalidates each key (and everything under it); resolves once the active ones have refetched.
 * `except` names one query (by its whole key) that is already up to date, so it is not fetched again.
 */
export async function invalidate(client: QueryClient, keys: readonly QueryKey[], { except }: { except?: QueryKey } = {}): Promise<void> {
  const spared = except === undefined ? undefined : hashKey(except);
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey, ...(spared === undefined ? {} : { predicate: (q) => q.queryHash !== spared }) })));
}

/** The Administration page's rounds of morning reminders. */
export const reminderKeys = {
  rounds: ['admin-reminder-rounds'] as const,
};

/** The Administration page's cohort report, one entry per choice of group and period. */
export const reportKeys = {
  all: ['cohort-report'] as const,
  report: (params: object) => ['cohort-report', params] as const,
};

/** Cohorts: invitations from a file, placements, a student's adviser, an adviser's caseload. */
export const cohortKeys = {
  /** Under the invitations: a new single invitation refreshes every status too. */
  invitations: [...adminKeys.invitations, 'statuses'] as const,
  /** Under the accounts: any change to an account (a deletion, a role) refreshes the cohorts. */
  overview: [...adminKeys.users, 'cohorts'] as const,
  /** Under sharing: sharing or stopping from the Account page's list refreshes it. */
  adviser: [...accountKeys.sharing, 'adviser'] as const,
  caseload: (cohort: string) => ['coaching', 'caseload', cohort] as const,
};
