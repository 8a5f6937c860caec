import { emailSchema, roles, type Role } from '../../shared/schemas/accounts.js';
import type { InvitationState } from '../../shared/schemas/cohorts.js';
import { cell, CsvSyntaxError, readCsv } from '../imports/csv.js';

/** One row of a cohort upload, checked. */
export interface InvitationRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  email: string;
  name: string;
  role: Role;
  cohort: string | null;
  /** The adviser's address (students only). */
  adviser: string | null;
}

/** What is wrong with one line of the file; `message` reads "line 4: email is not an email address". */
export interface CsvProblem {
  line: number;
  field: string;
  message: string;
}

/** The columns a cohort upload has; only email and name are required. */
export const INVITATION_COLUMNS = ['email', 'name', 'role', 'cohort', 'adviser'] as const;

/** Words people use for the roles: a student is an explorer, an adviser a coach. */
const ROLE_WORDS: Record<string, Role> = { explorer: 'explorer', student: 'explorer', coach: 'coach', adviser: 'coach', advisor: 'coach', admin: 'admin' };

const problem = (line: number, field: string, what: string): CsvProblem => ({ line, field, message: `line ${line}: ${field} ${what}` });

/**
 * Reads a cohort upload: a header row (any order, any case) naming at least email
 * and name, then one person a line. Each value is checked on its own here; what
 * needs the accounts (an address already taken, an adviser who is no coach) is
 * checked by `checkAgainstAccounts`. Pure.
 */
export function readInvitationCsv(text: string): { rows: InvitationRow[]; problems: CsvProblem[] } {
  let table;
  try {
    table = readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], problems: [{ line: error.line, field: error.field ?? 'file', message: `line ${error.line}: ${error.message}` }] };
    throw error;
  }
  const header = table.header.map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(INVITATION_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof INVITATION_COLUMNS)[number], number>;
  const problems: CsvProblem[] = [];
  for (const required of ['email', 'name'] as const) {
    if (index[required] < 0) problems.push(problem(1, required, `column is missing: the first line must name the columns (${INVITATION_COLUMNS.join(', ')})`));
  }
  if (problems.length > 0) return { rows: [], problems };
  const rows: InvitationRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const before = problems.length;
    const rawEmail = cell(cells, index.email).trim();
    const email = emailSchema.safeParse(rawEmail);
    if (!rawEmail) problems.push(problem(line, 'email', 'is missing'));
    else if (!email.success) problems.push(problem(line, 'email', 'is not an email address'));
    const name = cell(cells, index.name).trim();
    if (!name) problems.push(problem(line, 'name', 'is missing'));
    else if (name.length > 200) problems.push(problem(line, 'name', 'is longer than 200 characters'));
    const roleWord = cell(cells, index.role).trim().toLowerCase();
    const role = roleWord ? ROLE_WORDS[roleWord] : 'explorer';
    if (!role) problems.push(problem(line, 'role', `must be one of ${roles.join(', ')} (or student, adviser)`));
    const cohort = cell(cells, index.cohort).trim() || null;
    if (cohort && cohort.length > 120) problems.push(problem(line, 'cohort', 'is longer than 120 characters'));
    const rawAdviser = cell(cells, index.adviser).trim();
    const adviser = rawAdviser ? emailSchema.safeParse(rawAdviser) : null;
    if (adviser && !adviser.success) problems.push(problem(line, 'adviser', 'is not an email address (give the adviser’s email)'));
    else if (adviser?.success && role && role !== 'explorer') problems.push(problem(line, 'adviser', 'is only for students (explorers); leave it empty for a coach or admin'));
    else if (adviser?.success && email.success && adviser.data === email.data) problems.push(problem(line, 'adviser', 'is the person themselves'));
    if (email.success) {
      const first = seen.get(email.data);
      if (first !== undefined) problems.push(problem(line, 'email', `${email.data} is already on line ${first} of this file`));
      else seen.set(email.data, line);
    }
    if (problems.length === before && email.success && role) {
      rows.push({ line, email: email.data, name, role, cohort, adviser: adviser?.success ? adviser.data : null });
    }
  }
  if (rows.length === 0 && problems.length === 0) problems.push(problem(2, 'email', 'is missing: the file has a header but nobody to invite'));
  return { rows, problems };
}

/** What the accounts database says about an address a cohort upload names. */
export interface KnownAccount {
  role: Role;
  disabled: boolean;
}

/**
 * The problems only the accounts can show: an address that already has an account,
 * an adviser who is neither an active coach nor invited as a coach in the same file. Pure.
 */
export function checkAgainstAccounts(rows: readonly InvitationRow[], accounts: ReadonlyMap<string, KnownAccount>): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const coachesInFile = new Set(rows.filter((r) => r.role === 'coach').map((r) => r.email));
  for (const row of rows) {
    const existing = accounts.get(row.email);
    if (existing) problems.push(problem(row.line, 'email', `${row.email} already has an account${existing.disabled ? ' (disabled)' : ''}`));
    if (row.adviser && !coachesInFile.has(row.adviser)) {
      const adviser = accounts.get(row.adviser);
      if (!adviser) problems.push(problem(row.line, 'adviser', `${row.adviser} has no account and is not invited as a coach in this file`));
      else if (adviser.disabled) problems.push(problem(row.line, 'adviser', `${row.adviser} is disabled`));
      else if (adviser.role !== 'coach') problems.push(problem(row.line, 'adviser', `${row.adviser} is not a coach (make them a coach first)`));
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** Where an invitation stands: revoked and joined are final; otherwise expired, emailed or pending. Pure. */
export function invitationState(i: { revokedAt: string | null; usedAt: string | null; expiresAt: string; emailedAt: string | null }, now: string): InvitationState {
  if (i.usedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt <= now) return 'expired';
  return i.emailedAt ? 'emailed' : 'pending';
}
