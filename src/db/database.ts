import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The one description of the schema. Columns are snake_case in SQL and camelCase
 * here (Kysely's CamelCasePlugin). Timestamps are ISO-8601 UTC text, booleans are
 * 0/1 integers and lists are JSON text, so both databases return identical values.
 */
export interface ProfileTable {
  id: string;
  name: string;
  background: string;
  pitch: string;
  timeZone: string;
  workingDays: string;
  holidays: string;
  country: string;
  region: string;
  updatedAt: string | null;
}

export interface ExplorationsTable {
  id: string;
  title: string;
  kind: string;
  transition: string;
  status: string;
  why: string | null;
  leaningSuccess: number | null;
  leaningFit: number | null;
  leaningDesire: number | null;
  leaningProspects: number | null;
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  sortName: string;
  website: string | null;
  industry: string | null;
  /** Where the organisation is, as the user wrote it ("Berlin, Germany"); null when not given. */
  location: string | null;
  notes: string | null;
  motivation: number;
  posting: number;
  advocacy: number;
  /** 1 when on the target list (ranked); imported employers are 0 until the user ranks them. Defaults to 1. */
  isTarget: number;
  createdAt: string;
  updatedAt: string;
}

export interface ExplorationOrganizationsTable {
  explorationId: string;
  organizationId: string;
}

export interface ContactsTable {
  id: string;
  name: string;
  sortName: string;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  organizationId: string | null;
  seniority: string | null;
  department: string | null;
  isHr: number;
  isHrManual: number;
  relationship: string;
  referredById: string | null;
  howWeMet: string | null;
  emails: string;
  phones: string;
  linkedinUrl: string | null;
  notes: string | null;
  connectedOn: string | null;
  preferredFormat: string | null;
  responsiveness: string;
  /** The person's IANA time zone; null when not known. */
  timeZone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactTagsTable {
  contactId: string;
  tag: string;
}

export interface InterviewsTable {
  id: string;
  contactId: string;
  purpose: string;
  objective: string | null;
  status: string;
  statusChangedAt: string;
  format: string | null;
  venue: string | null;
  link: string | null;
  scheduledAt: string | null;
  plannedMinutes: number;
  requestedAt: string | null;
  requestChannel: string | null;
  requestMessage: string | null;
  repliedAt: string | null;
  prep: string;
  heldAt: string | null;
  notes: string | null;
  takeaways: string | null;
  followUpPermission: number | null;
  thankedAt: string | null;
  thankYouFormat: string | null;
  /** Interview mode's state (JSON): when the timer started, the current agenda step, questions asked. */
  live: string | null;
  /** The debrief (JSON) apart from what was learned, which is `takeaways`. */
  debrief: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InterviewNotesTable {
  id: string;
  interviewId: string;
  body: string;
  agendaStep: string | null;
  questionCategory: string | null;
  keyQuestion: string | null;
  stance: string | null;
  questionId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactExplorationsTable {
  contactId: string;
  explorationId: string;
}

/** A deleted exploration with its links (JSON), kept so that it can be restored. */
export interface DeletedExplorationsTable {
  id: string;
  title: string;
  payload: string;
  deletedAt: string;
}

export interface InterviewExplorationsTable {
  interviewId: string;
  explorationId: string;
}

export interface InteractionsTable {
  id: string;
  contactId: string;
  interviewId: string | null;
  kind: string;
  occurredAt: string;
  summary: string;
  createdAt: string;
}

export interface ReferralsTable {
  id: string;
  fromContactId: string;
  toContactId: string;
  interviewId: string | null;
  status: string;
  reportedBackAt: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LeadsTable {
  id: string;
  title: string;
  kind: string;
  status: string;
  details: string | null;
  interviewId: string | null;
  contactId: string | null;
  organizationId: string | null;
  mayNamePerson: number;
  nextStep: string | null;
  nextStepAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MailboxesTable {
  id: string;
  address: string;
  username: string;
  imapHost: string;
  imapPort: number;
  imapSecurity: string;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: string;
  authKind: string;
  sealedSecret: string;
  trustedCertificate: string | null;
  saveSentCopy: number;
  cursor: string | null;
  state: string;
  lastError: string | null;
  lastSyncAt: string | null;
  connectedAt: string;
  leaseHolder: string | null;
  leaseUntil: string | null;
}

export interface MailMessagesTable {
  id: string;
  direction: string;
  outcome: string;
  messageId: string | null;
  subject: string;
  fromAddress: string | null;
  /** JSON array of lower-cased addresses. */
  toAddresses: string;
  date: string;
  snippet: string;
  contactId: string | null;
  interviewId: string | null;
  createdAt: string;
}

export interface MailBouncesTable {
  id: string;
  contactId: string;
  email: string;
  bouncedAt: string;
}

export interface QuestionsTable {
  id: string;
  text: string;
  category: string;
  audiences: string;
  favourite: number;
  builtIn: number;
  createdAt: string;
  updatedAt: string;
}

export interface TemplatesTable {
  id: string;
  name: string;
  kind: string;
  channel: string;
  subject: string | null;
  body: string;
  builtIn: number;
  createdAt: string;
  updatedAt: string;
}

/** Full-text documents; the tokenised index beside it is dialect-specific (FTS5 or tsvector). */
export interface SearchDocumentsTable {
  entityType: string;
  entityId: string;
  name: string;
  body: string;
}

export interface AgendaItemStatesTable {
  key: string;
  state: string;
  snoozedUntil: string | null;
  updatedAt: string;
}

export interface WeeklyTargetsTable {
  id: string;
  requests: number;
  conversations: number;
  people: number;
  updatedAt: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface UsersTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  role: string;
  /** An argon2id PHC string: algorithm, parameters, salt and hash. */
  passwordHash: string;
  disabledAt: string | null;
  /** 1 when the person wants the morning email of what is due. */
  reminderEmails: Generated<number>;
  /** 1 while the account has a first password an admin set, which the person must change. */
  mustChangePassword: Generated<number>;
  /** The cohort the person belongs to, if any (students). */
  cohortId: string | null;
  /** The adviser assigned to this person, if any (students). */
  adviserId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PasswordResetsTable {
  /** SHA-256 of the reset link's token. */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** Which person at an identity provider (issuer and subject) an account belongs to (single sign-on). */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  userId: string;
  /** The verified email the provider gave last. */
  email: string;
  createdAt: string;
  lastUsedAt: string;
}

/** A single sign-on gone to the provider and not back yet; the id is the SHA-256 of the browser's cookie value. */
export interface SsoLoginsTable {
  id: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The invitation the person came with (its id, the token's SHA-256), if any. */
  invitationId: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only ever in the cookie. */
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  address: string | null;
}

export interface SignInFailuresTable {
  /** `account:<email>`, `address:<ip>`, `device:<trusted device id>` or `register:<ip>`. */
  key: string;
  windowStartedAt: string;
  failures: number;
  blockedUntil: string | null;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface InvitationsTable {
  /** SHA-256 of the invitation token. */
  id: string;
  email: string;
  role: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** The name the cohort upload gave, offered on the join form. */
  name: string | null;
  cohortId: string | null;
  adviserId: string | null;
  /** The adviser's address when the upload named someone invited in the same file (no account yet). */
  adviserEmail: string | null;
  /** When the invitation was emailed; null when it was only listed for copying. */
  emailedAt: string | null;
  revokedAt: string | null;
  /** The account that joined with it. */
  acceptedBy: string | null;
}

export interface TrustedDevicesTable {
  /** SHA-256 of the device cookie's token; the token itself is only ever in the cookie. */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface CalendarFeedsTable {
  userId: string;
  /** SHA-256 of the feed token in the person's calendar address. */
  tokenHash: string;
  updatedAt: string;
}

/** What the calendar feed last published of one event: bookkeeping, not the user's data (not exported). */
export interface CalendarEventsTable {
  uid: string;
  startAt: string;
  endAt: string;
  /** The event's revision (iCalendar SEQUENCE), one up each time its times change. */
  sequence: number;
  modifiedAt: string;
}

export interface CoachGrantsTable {
  explorerId: string;
  coachId: string;
  /** `progress` (counts, agenda, interview states) or `notes` (progress and conversation notes). */
  scope: string;
  createdAt: string;
  /** 1 when the coach may see the names of the people and organisations (migration 0022). */
  showNames: Generated<number>;
}

/**
 * The audit of sharing (migration 0022): a coach's look at a student's shared data
 * (`viewed`, repeated looks within a short window are one entry), or a student's
 * `shared`, `changed` or `stopped`. Names are copies, kept after an account goes.
 */
export interface AccessLogTable {
  id: string;
  explorerId: string;
  explorerName: string;
  explorerEmail: string;
  coachId: string;
  coachName: string;
  coachEmail: string;
  action: string;
  /** What was seen, or what the grant allowed: `progress` or `notes`. */
  scope: string;
  showNames: number;
  at: string;
  lastAt: string;
  views: number;
}

export interface CohortsTable {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface CohortAdvisersTable {
  cohortId: string;
  adviserId: string;
  createdAt: string;
}

export interface ReminderLogTable {
  userId: string;
  /** The day of the reminder in the user's time zone, YYYY-MM-DD. */
  day: string;
  sentAt: string;
  items: number;
  worker: string;
}

/** A round of morning reminders and what it did (counts only: who got one is in reminder_log). */
export interface ReminderRoundsTable {
  id: string;
  /** `schedule` (the hourly round), `admin` (sent now, 07:00 rule kept) or `admin-anyway` (sent now whatever the hour). */
  trigger: string;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** How many people asked for reminders when the round was planned; null until then. */
  people: number | null;
  sent: Generated<number>;
  waiting: Generated<number>;
  nothingDue: Generated<number>;
  alreadySent: Generated<number>;
  failed: Generated<number>;
}

/** One value of a local browser's sign-in cookie (local mode). */
export interface BrowserSessionsTable {
  /** SHA-256 of the cookie value; the value itself is only ever in the browser. */
  id: string;
  /** When this browser first signed in with the start link (kept across replacements). */
  signedInAt: string;
  issuedAt: string;
  expiresAt: string;
  /** When a new value replaced this one (it stays valid for a short overlap after). */
  replacedAt: string | null;
}

/** Deleted items kept for a while so the delete can be undone (see modules/trash). */
export interface TrashTable {
  id: string;
  /** `contact`, `organization` or `interview`. */
  entityType: string;
  entityId: string;
  /** The item's name when it was deleted, for the undo message. */
  label: string;
  /** JSON: the deleted rows and the links the delete cleared. */
  payload: string;
  deletedAt: string;
}

export interface Database {
  profile: ProfileTable;
  explorations: ExplorationsTable;
  organizations: OrganizationsTable;
  explorationOrganizations: ExplorationOrganizationsTable;
  contacts: ContactsTable;
  contactTags: ContactTagsTable;
  interviews: InterviewsTable;
  interviewExplorations: InterviewExplorationsTable;
  contactExplorations: ContactExplorationsTable;
  deletedExplorations: DeletedExplorationsTable;
  interviewNotes: InterviewNotesTable;
  interactions: InteractionsTable;
  referrals: ReferralsTable;
  leads: LeadsTable;
  mailboxes: MailboxesTable;
  mailMessages: MailMessagesTable;
  mailBounces: MailBouncesTable;
  questions: QuestionsTable;
  templates: TemplatesTable;
  searchDocuments: SearchDocumentsTable;
  agendaItemStates: AgendaItemStatesTable;
  settings: SettingsTable;
  weeklyTargets: WeeklyTargetsTable;
  users: UsersTable;
  sessions: SessionsTable;
  signInFailures: SignInFailuresTable;
  instanceSettings: InstanceSettingsTable;
  invitations: InvitationsTable;
  passwordResets: PasswordResetsTable;
  userIdentities: UserIdentitiesTable;
  ssoLogins: SsoLoginsTable;
  coachGrants: CoachGrantsTable;
  accessLog: AccessLogTable;
  cohorts: CohortsTable;
  cohortAdvisers: CohortAdvisersTable;
  reminderLog: ReminderLogTable;
  reminderRounds: ReminderRoundsTable;
  trustedDevices: TrustedDevicesTable;
  calendarFeeds: CalendarFeedsTable;
  browserSessions: BrowserSessionsTable;
  trash: TrashTable;
  calendarEvents: CalendarEventsTable;
}

export type ContactRow = Selectable<ContactsTable>;
export type NewContactRow = Insertable<ContactsTable>;
export type ContactRowUpdate = Updateable<ContactsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type InterviewRow = Selectable<InterviewsTable>;
export type NewInterviewRow = Insertable<InterviewsTable>;
export type InteractionRow = Selectable<InteractionsTable>;
export type NewInteractionRow = Insertable<InteractionsTable>;
export type ReferralRow = Selectable<ReferralsTable>;
export type LeadRow = Selectable<LeadsTable>;
export type ExplorationRow = Selectable<ExplorationsTable>;
export type QuestionRow = Selectable<QuestionsTable>;
export type TemplateRow = Selectable<TemplatesTable>;
export type ProfileRow = Selectable<ProfileTable>;

export type Dialect = 'sqlite' | 'postgres';
