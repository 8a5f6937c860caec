/**
 * Every error code Inroads gives, in one place: its status and a plain default
 * message. A code is part of the API's contract (clients branch on it), so one is
 * only ever added here first: `AppError` takes only these codes, with the status
 * written here (TypeScript refuses anything else), and `error-codes.test.ts` reads
 * the source to make sure nothing builds a code around the catalogue.
 *
 * `status` is the HTTP status, except for entries marked `exit`: those are the
 * command line's own errors, and their status is the process's exit status.
 * The message here describes the error in general; a call site usually says more.
 */
export interface ErrorEntry {
  readonly status: number;
  readonly message: string;
  /** A command-line error: `status` is an exit status, not an HTTP one. */
  readonly exit?: true;
}

export const ERROR_CODES = {
  // Any request: reading it, checking it, and refusing it.
  'validation.failed': { status: 400, message: 'Some fields are not valid; details names each one.' },
  'request.invalid_json': { status: 400, message: 'The body is not valid JSON.' },
  // (400, or the 4xx status Fastify or a plugin gave a request it could not take.)
  'request.invalid': { status: 400, message: 'The request could not be read.' },
  'request.bad_url': { status: 400, message: 'The address is not valid.' },
  'request.malformed': { status: 400, message: 'The request is not well-formed HTTP.' },
  'request.timeout': { status: 408, message: 'The request took too long to arrive.' },
  'request.too_large': { status: 413, message: 'The request body is larger than this address accepts.' },
  'request.too_long': { status: 414, message: 'A part of the address is longer than Inroads accepts.' },
  'request.unsupported_media_type': { status: 415, message: 'This address does not take a body of that Content-Type.' },
  'request.headers_too_large': { status: 431, message: 'The request headers are larger than Inroads accepts.' },
  'route.not_found': { status: 404, message: 'No such address.' },
  'auth.required': { status: 401, message: 'Sign in to use Inroads.' },
  'security.forbidden_host': { status: 403, message: 'This server only answers requests addressed to it by its own name.' },
  'security.forbidden_origin': { status: 403, message: 'Changes are only accepted from Inroads itself.' },
  'security.csrf': { status: 403, message: 'A change needs the header that the Inroads app sends; reload the page and try again.' },
  internal: { status: 500, message: 'Something went wrong inside Inroads. The request was not completed; please try again.' },

  // Records that are not there (built by `notFound(entity, id)`).
  'contacts.not_found': { status: 404, message: 'No person with that id.' },
  'mail_messages.not_found': { status: 404, message: 'No kept message with that id.' },
  'organizations.not_found': { status: 404, message: 'No organisation with that id.' },
  'explorations.not_found': { status: 404, message: 'No exploration with that id.' },
  'interviews.not_found': { status: 404, message: 'No conversation with that id.' },
  'interactions.not_found': { status: 404, message: 'No interaction with that id.' },
  'referrals.not_found': { status: 404, message: 'No referral with that id.' },
  'leads.not_found': { status: 404, message: 'No lead with that id.' },
  'questions.not_found': { status: 404, message: 'No question with that id.' },
  'templates.not_found': { status: 404, message: 'No template with that id.' },
  'notes.not_found': { status: 404, message: 'This conversation has no note with that id.' },
  'trash.not_found': { status: 404, message: 'Nothing in the trash has that id.' },

  // Features.
  'accounts.not_found': { status: 404, message: 'No such account.' },
  'accounts.email_taken': { status: 409, message: 'There is already an account for that email address.' },
  'accounts.invalid_credentials': { status: 401, message: 'That email and password do not match an account.' },
  'accounts.rate_limited': { status: 429, message: 'Too many attempts. Wait a few minutes and try again.' },
  'accounts.invitation_invalid': { status: 400, message: 'This invitation link is not valid any more. Ask for a new one.' },
  'accounts.invitation_email': { status: 400, message: 'This invitation is for another email address.' },
  'accounts.registration_closed': { status: 403, message: 'Accounts on this server are by invitation only.' },
  'accounts.self_disable': { status: 409, message: 'You cannot disable your own account; ask another admin.' },
  'accounts.self_delete': { status: 409, message: 'You cannot delete your own account; ask another admin.' },
  'accounts.last_admin': { status: 409, message: 'The only active admin cannot be demoted, disabled or deleted; make someone else an admin first.' },
  'accounts.disabled': { status: 409, message: 'That account is disabled; enable it first.' },
  'accounts.reset_invalid': { status: 400, message: 'This password reset link is not valid any more. Ask your administrator for a new one.' },
  'accounts.password_change_required': { status: 403, message: 'Choose your own password first: the one you were given is only for signing in once.' },
  // Single sign-on (OpenID Connect).
  'sso.not_configured': { status: 404, message: 'This server has no single sign-on.' },
  'sso.only': { status: 403, message: 'This server signs people in through single sign-on only; passwords are not used here.' },
  'sso.login_expired': { status: 400, message: 'This sign-in was not started in this browser, or took too long. Start again.' },
  'sso.failed': { status: 400, message: 'The answer from the sign-in service could not be trusted, so nobody was signed in. Start again.' },
  'sso.unavailable': { status: 502, message: 'The sign-in service did not answer. Try again in a moment.' },
  'sso.email_unverified': { status: 403, message: 'The sign-in service has not confirmed your email address.' },
  'sso.no_account': { status: 403, message: 'There is no account for this email address, and no invitation for it.' },
  'sso.account_disabled': { status: 403, message: 'This account is disabled.' },
  'sso.subject_mismatch': { status: 403, message: 'This account is linked to another person at the sign-in service.' },
  'agenda.unknown_item': { status: 404, message: 'No agenda item has that key.' },
  'backup.failed': { status: 500, message: 'The backup could not be written. Nothing was changed.' },
  'backup.integrity': { status: 500, message: 'The backup failed its integrity check, so it was not kept.' },
  'imports.empty': { status: 400, message: 'Send the file itself as the request body.' },
  'imports.invalid_file': { status: 400, message: 'The file cannot be imported. Nothing was imported.' },
  'imports.too_large': { status: 413, message: 'The file is larger than one import takes. Nothing was imported.' },
  'interviews.illegal_transition': { status: 409, message: 'A conversation cannot move to that status from the one it has.' },
  'interviews.not_scheduled': { status: 409, message: 'This conversation has no date yet; schedule it first.' },
  'mail.connect_failed': { status: 422, message: 'Inroads could not sign in to that mailbox. Nothing was saved.' },
  'mail.not_connected': { status: 409, message: 'No mailbox is connected. Connect one in Settings first.' },
  'mail.send_failed': { status: 502, message: 'The message could not be sent. Nothing was recorded.' },
  'mail.sync_failed': { status: 502, message: 'Inroads could not read the mailbox just now.' },
  'mail.unavailable': { status: 409, message: 'Mail is not set up on this server (no encryption key for mailbox passwords).' },
  'mail.not_a_request': { status: 409, message: 'That message cannot be recorded as a request.' },
  'outreach.already_requested': { status: 409, message: 'This request was already recorded.' },
  'referrals.duplicate': { status: 409, message: 'This referral is already recorded.' },
  'reminders.off': { status: 409, message: 'Reminder emails are off on this server.' },
  'reports.no_cohort': { status: 404, message: 'There is no such cohort.' },
  'restore.invalid_file': { status: 400, message: 'This file is not an Inroads export Inroads can read. Nothing was changed.' },
  'restore.newer_file': { status: 400, message: 'This export was written by a newer Inroads. Nothing was changed.' },
  'restore.not_empty': { status: 409, message: 'This workspace already has data. Nothing was changed.' },
  'restore.failed': { status: 400, message: 'A record in the export could not be restored. Nothing was changed.' },
  'sharing.not_found': { status: 404, message: 'No such sharing.' },
  'sharing.no_coach': { status: 400, message: 'That address is not a coach on this server.' },
  'cohorts.csv_invalid': { status: 400, message: 'The file was not used: some lines have problems (details names each line and field). Nothing was written.' },
  'cohorts.not_found': { status: 404, message: 'No cohort with that id.' },
  'cohorts.name_taken': { status: 409, message: 'There is already a cohort with that name.' },
  'cohorts.not_adviser': { status: 400, message: 'Only an active coach account can be an adviser.' },
  'cohorts.not_student': { status: 400, message: 'Only explorers (students) are placed in a cohort.' },
  'cohorts.no_adviser': { status: 409, message: 'You have no adviser assigned yet.' },
  'cohorts.no_invitation': { status: 404, message: 'No open invitation for that address.' },
  'trash.already_restored': { status: 409, message: 'This is already back.' },
  'workspace.no_demo': { status: 409, message: 'The demo workspace is not available here.' },

  // Starting the server and opening its database.
  'server.already_running': { status: 409, message: 'Inroads is already running on this home.' },
  'server.lock': { status: 500, message: 'Could not take the lock on this home; try again.' },
  'db.damaged': { status: 500, message: 'The database is damaged, so Inroads will not open it.' },
  'db.foreign': { status: 500, message: 'This SQLite database was not made by Inroads; it was left alone.' },
  'db.migration_failed': { status: 500, message: 'Could not update the database schema.' },
  'db.newer_version': { status: 500, message: 'This database was written by a newer version of Inroads.' },
  'db.settings': { status: 500, message: 'An SQLite setting is not what Inroads needs.' },
  'db.unavailable': { status: 500, message: 'Could not open the database.' },

  // The command line (exit statuses).
  usage: { status: 2, exit: true, message: 'The command was not used as it should be; see --help.' },
  'config.public_url': { status: 1, exit: true, message: '--public-url must be an address such as https://inroads.example.edu.' },
  'config.mail_key': { status: 1, exit: true, message: 'INROADS_MAIL_KEY must hold a 32-byte key (base64 or hex).' },
  'config.log_level': { status: 1, exit: true, message: 'INROADS_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent.' },
  'config.readers': { status: 1, exit: true, message: 'INROADS_READERS must be a whole number from 0 to 64.' },
  'config.oidc': { status: 1, exit: true, message: 'The single sign-on settings (INROADS_OIDC_*) are incomplete, or the identity provider cannot be reached.' },
  'db.missing': { status: 1, exit: true, message: 'There is no database there.' },
  'imports.unreadable': { status: 1, exit: true, message: 'The file to import cannot be read.' },
  'restore.unreadable': { status: 1, exit: true, message: 'The file to restore cannot be read.' },
  'coach.unreadable': { status: 1, exit: true, message: 'The file to check cannot be read.' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;
type Both<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/**
 * The status the catalogue gives `code` (a literal type, so a call site cannot give
 * another). For a choice of codes (`ok ? 'a.x' : 'b.y'`) it is the status they share,
 * and there is none when they differ.
 */
export type StatusOf<C extends ErrorCode> = Both<(typeof ERROR_CODES)[C]['status']> & number;
/** The entities `notFound(entity, id)` may name: those with an `<entity>.not_found` code. */
export type NotFoundEntity = ErrorCode extends infer C ? (C extends `${infer E}.not_found` ? E : never) : never;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);

/** The catalogue entry for `code`. */
export const errorEntry = (code: ErrorCode): ErrorEntry => ERROR_CODES[code];
