import type { ErrorCode } from './error-codes.js';

/**
 * Which error codes each route of the API may answer, beside the codes any route
 * may answer (GENERIC_ERROR_CODES). The OpenAPI document lists them per route, and
 * tests keep the table true: a route with no entry fails, and so does any error the
 * API fuzz test or the authorisation matrix sees a route answer that its entry
 * does not declare. Keys are `METHOD /path` with Fastify's `:param`s.
 */
export const GENERIC_ERROR_CODES = [
  'validation.failed',
  'request.invalid_json',
  'request.invalid',
  'request.bad_url',
  'request.too_long',
  'request.too_large',
  'request.unsupported_media_type',
  'auth.required',
  // (A person whose first password an admin set, before they choose their own: see multi-user.ts.)
  'accounts.password_change_required',
  'security.csrf',
  'security.forbidden_origin',
  'security.forbidden_host',
  'internal',
] as const satisfies readonly ErrorCode[];

/** What an address that matches no route answers (besides the generic codes). */
export const NO_ROUTE_ERROR_CODES = ['route.not_found'] as const satisfies readonly ErrorCode[];

/** Routes of one record: answered with `<entity>.not_found` when the id is not one of the caller's. */
const record = (entity: 'contacts' | 'organizations' | 'explorations' | 'interviews' | 'interactions' | 'referrals' | 'leads' | 'questions' | 'templates') => [`${entity}.not_found`] as const;
/** Admins (or coaches) only: to anyone else the address does not exist. */
const HIDDEN = ['route.not_found'] as const;
/** A coach the explorer shares with: to anyone else it is missing. */
const COACHING = ['route.not_found', 'sharing.not_found'] as const;

export const ROUTE_ERROR_CODES: Record<string, readonly ErrorCode[]> = {
  // Pages, the API's description, health.
  'GET /': [],
  'GET /*': [],
  'GET /api/openapi.json': [],
  'GET /api/v1/health': [],

  // Signing in and out, accounts.
  'GET /api/v1/auth/status': [],
  'POST /api/v1/auth/sign-in': ['accounts.invalid_credentials', 'accounts.rate_limited', 'sso.only'],
  'POST /api/v1/auth/register': ['accounts.email_taken', 'accounts.registration_closed', 'accounts.invitation_invalid', 'accounts.invitation_email', 'accounts.rate_limited', 'sso.only'],
  'POST /api/v1/auth/sign-out': [],
  'POST /api/v1/auth/invitation': ['accounts.invitation_invalid'],
  'POST /api/v1/auth/reset-link': ['accounts.reset_invalid', 'sso.only'],
  'POST /api/v1/auth/reset': ['accounts.reset_invalid', 'sso.only'],
  // Single sign-on (the password routes above answer sso.only where it is the only way in).
  'GET /api/v1/auth/sso': [],
  'POST /api/v1/auth/sso/start': ['sso.not_configured', 'accounts.invitation_invalid'],
  'POST /api/v1/auth/sso/finish': [
    'sso.not_configured',
    'sso.login_expired',
    'sso.failed',
    'sso.unavailable',
    'sso.email_unverified',
    'sso.no_account',
    'sso.account_disabled',
    'sso.subject_mismatch',
    'accounts.invitation_invalid',
    'accounts.invitation_email',
  ],
  'POST /api/v1/auth/sign-out-everywhere': [],
  'GET /api/v1/account': [],
  'PATCH /api/v1/account': [],
  'POST /api/v1/account/password': ['accounts.rate_limited', 'sso.only'],
  'GET /api/v1/account/sharing': [],
  'POST /api/v1/account/sharing': ['sharing.no_coach'],
  'DELETE /api/v1/account/sharing/:coachId': ['sharing.not_found'],
  'GET /api/v1/account/sharing/preview': [],
  'GET /api/v1/account/access-log': [],
  'GET /api/v1/admin/users': HIDDEN,
  'POST /api/v1/admin/users': [...HIDDEN, 'accounts.email_taken'],
  'POST /api/v1/admin/users/:id/disable': [...HIDDEN, 'accounts.not_found', 'accounts.self_disable', 'accounts.last_admin'],
  'POST /api/v1/admin/users/:id/enable': [...HIDDEN, 'accounts.not_found'],
  'PUT /api/v1/admin/users/:id/role': [...HIDDEN, 'accounts.not_found', 'accounts.last_admin'],
  'POST /api/v1/admin/users/:id/unlock': [...HIDDEN, 'accounts.not_found'],
  'POST /api/v1/admin/users/:id/password-reset': [...HIDDEN, 'accounts.not_found', 'accounts.disabled', 'sso.only'],
  'DELETE /api/v1/admin/users/:id': [...HIDDEN, 'accounts.not_found', 'accounts.self_delete', 'accounts.last_admin'],
  'GET /api/v1/admin/settings': HIDDEN,
  'PUT /api/v1/admin/settings': HIDDEN,
  'GET /api/v1/admin/invitations': HIDDEN,
  'POST /api/v1/admin/invitations': [...HIDDEN, 'accounts.email_taken'],
  'POST /api/v1/admin/reminders/run': [...HIDDEN, 'reminders.off'],
  'GET /api/v1/admin/reminders/rounds': HIDDEN,
  'GET /api/v1/admin/audit.csv': HIDDEN,
  'GET /api/v1/admin/report': [...HIDDEN, 'reports.no_cohort'],
  'GET /api/v1/admin/report.csv': [...HIDDEN, 'reports.no_cohort'],
  // Cohorts (issue 21).
  'POST /api/v1/admin/invitations/csv': [...HIDDEN, 'cohorts.csv_invalid'],
  'GET /api/v1/admin/invitations/statuses': HIDDEN,
  'POST /api/v1/admin/invitations/revoke': [...HIDDEN, 'cohorts.no_invitation'],
  'GET /api/v1/admin/cohorts': HIDDEN,
  'POST /api/v1/admin/cohorts': [...HIDDEN, 'cohorts.name_taken'],
  'PUT /api/v1/admin/cohorts/:id/advisers/:adviserId': [...HIDDEN, 'cohorts.not_found', 'cohorts.not_adviser'],
  'DELETE /api/v1/admin/cohorts/:id/advisers/:adviserId': [...HIDDEN, 'cohorts.not_found'],
  'PUT /api/v1/admin/users/:id/cohort': [...HIDDEN, 'accounts.not_found', 'cohorts.not_found', 'cohorts.not_adviser', 'cohorts.not_student'],
  'GET /api/v1/account/adviser': [],
  'POST /api/v1/account/adviser/share': ['cohorts.no_adviser', 'sharing.no_coach'],
  'GET /api/v1/coaching/caseload': HIDDEN,
  'GET /api/v1/coaching/explorers': HIDDEN,
  'GET /api/v1/coaching/explorers/:id': COACHING,
  'GET /api/v1/coaching/explorers/:id/notes': COACHING,

  // The workspace.
  'GET /api/v1/workspace': [],
  'POST /api/v1/workspace/switch': ['workspace.no_demo'],
  'GET /api/v1/backup': ['backup.failed', 'backup.integrity'],
  'GET /api/v1/profile': [],
  'PATCH /api/v1/profile': [],
  'GET /api/v1/profile/places': [],
  'GET /api/v1/profile/holidays': [],

  // Explorations and decisions.
  'GET /api/v1/explorations': [],
  'POST /api/v1/explorations': [],
  'GET /api/v1/explorations/active': [],
  'PUT /api/v1/explorations/active': [],
  'GET /api/v1/explorations/deleted': [],
  'GET /api/v1/explorations/:id': record('explorations'),
  'PATCH /api/v1/explorations/:id': record('explorations'),
  'DELETE /api/v1/explorations/:id': record('explorations'),
  'POST /api/v1/explorations/:id/restore': record('explorations'),
  'GET /api/v1/explorations/:id/decision': record('explorations'),

  // Organisations and people.
  'GET /api/v1/organizations': [],
  'POST /api/v1/organizations': [],
  'GET /api/v1/organizations/:id': record('organizations'),
  'PATCH /api/v1/organizations/:id': record('organizations'),
  'DELETE /api/v1/organizations/:id': record('organizations'),
  'GET /api/v1/contacts': [],
  'POST /api/v1/contacts': [],
  'GET /api/v1/contacts/:id': record('contacts'),
  'PATCH /api/v1/contacts/:id': record('contacts'),
  'DELETE /api/v1/contacts/:id': record('contacts'),
  'GET /api/v1/contacts/:id/timeline': record('contacts'),
  'POST /api/v1/trash/:id/restore': ['trash.not_found', 'trash.already_restored'],

  // Conversations.
  'GET /api/v1/interviews': [],
  'POST /api/v1/interviews': [],
  'GET /api/v1/interviews/:id': record('interviews'),
  'PATCH /api/v1/interviews/:id': record('interviews'),
  'DELETE /api/v1/interviews/:id': record('interviews'),
  'POST /api/v1/interviews/:id/transitions': [...record('interviews'), 'interviews.illegal_transition'],
  'GET /api/v1/interviews/:id/notes': record('interviews'),
  'POST /api/v1/interviews/:id/notes': record('interviews'),
  'PATCH /api/v1/interviews/:id/notes/:noteId': [...record('interviews'), 'notes.not_found'],
  'DELETE /api/v1/interviews/:id/notes/:noteId': [...record('interviews'), 'notes.not_found'],
  'PUT /api/v1/interviews/:id/live': record('interviews'),
  'PUT /api/v1/interviews/:id/debrief': record('interviews'),
  'POST /api/v1/interviews/:id/referrals': record('interviews'),
  'GET /api/v1/interviews/:id/thank-you/draft': record('interviews'),
  'POST /api/v1/interviews/:id/thank-you': [...record('interviews'), 'interviews.illegal_transition'],
  'GET /api/v1/interviews/:id/calendar.ics': [...record('interviews'), 'interviews.not_scheduled'],
  'GET /api/v1/mail/mailbox': [],
  'PUT /api/v1/mail/mailbox': ['mail.connect_failed', 'mail.unavailable'],
  'DELETE /api/v1/mail/mailbox': ['mail.not_connected'],
  'POST /api/v1/mail/sync': ['mail.not_connected', 'mail.sync_failed', 'mail.unavailable'],
  'POST /api/v1/mail/send': ['mail.not_connected', 'mail.send_failed', 'mail.unavailable', 'contacts.not_found', 'interviews.not_found', 'interviews.illegal_transition', 'outreach.already_requested', 'agenda.unknown_item', 'referrals.not_found'],
  'GET /api/v1/mail/messages': [],
  'POST /api/v1/mail/import': ['contacts.not_found'],
  'POST /api/v1/mail/messages/:id/mark-requested': ['mail_messages.not_found', 'mail.not_a_request', 'outreach.already_requested'],
  'POST /api/v1/outreach/request-draft': ['contacts.not_found'],
  'POST /api/v1/outreach/request-sent': ['outreach.already_requested', 'agenda.unknown_item'],

  // Interactions, referrals, questions, templates.
  'GET /api/v1/interactions': [],
  'POST /api/v1/interactions': [],
  'GET /api/v1/interactions/:id': record('interactions'),
  'PATCH /api/v1/interactions/:id': record('interactions'),
  'DELETE /api/v1/interactions/:id': record('interactions'),
  'GET /api/v1/insights': [],
  'GET /api/v1/week': [],
  'GET /api/v1/week/targets': [],
  'PUT /api/v1/week/targets': [],
  'GET /api/v1/referrals': [],
  'GET /api/v1/referrals/graph': [],
  'POST /api/v1/referrals': ['referrals.duplicate'],
  'GET /api/v1/referrals/:id': record('referrals'),
  'PATCH /api/v1/referrals/:id': record('referrals'),
  'DELETE /api/v1/referrals/:id': record('referrals'),
  'GET /api/v1/leads': [],
  'POST /api/v1/leads': [],
  'GET /api/v1/leads/:id': record('leads'),
  'PATCH /api/v1/leads/:id': record('leads'),
  'DELETE /api/v1/leads/:id': record('leads'),
  'GET /api/v1/questions': [],
  'POST /api/v1/questions': [],
  'GET /api/v1/questions/:id': record('questions'),
  'PATCH /api/v1/questions/:id': record('questions'),
  'DELETE /api/v1/questions/:id': record('questions'),
  'GET /api/v1/templates': [],
  'POST /api/v1/templates': [],
  'POST /api/v1/templates/preview': ['templates.not_found', 'contacts.not_found'],
  'GET /api/v1/templates/:id': record('templates'),
  'PATCH /api/v1/templates/:id': record('templates'),
  'DELETE /api/v1/templates/:id': record('templates'),

  // Search, agenda, calendar.
  'GET /api/v1/search': [],
  'GET /api/v1/agenda': [],
  'PUT /api/v1/agenda/items/:key/state': ['agenda.unknown_item'],
  'POST /api/v1/agenda/draft': ['contacts.not_found', 'interviews.not_found'],
  'GET /api/v1/calendar': [],
  'POST /api/v1/calendar/regenerate': [],
  'GET /calendar/:file': ['route.not_found'],
  'GET /calendar/:userId/:file': ['route.not_found'],

  // Moving data in and out.
  'POST /api/v1/imports/:format': ['imports.empty', 'imports.invalid_file', 'imports.too_large'],
  'GET /api/v1/exports/:file': [],
  'POST /api/v1/restore': ['restore.invalid_file', 'restore.newer_file', 'restore.not_empty', 'restore.failed'],

  // Coaching.
  'GET /api/v1/suggestions': [],
  'POST /api/v1/coach/email': [],
  'POST /api/v1/coach/pitch': [],
  'POST /api/v1/coach/question': [],
};

/** The codes `METHOD route` may answer: its own and the generic ones (an address with no route: the no-route ones). */
export function errorCodesOf(method: string, route: string | null): readonly ErrorCode[] | undefined {
  if (route === null) return [...GENERIC_ERROR_CODES, ...NO_ROUTE_ERROR_CODES];
  const own = ROUTE_ERROR_CODES[`${method === 'HEAD' ? 'GET' : method} ${route}`];
  return own && [...GENERIC_ERROR_CODES, ...own];
}
