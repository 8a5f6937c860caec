/**
 * Coded errors. Every error the application raises on purpose carries a dotted
 * code (stable, part of the API contract), an HTTP status and a message written
 * for people. Anything else is an internal error and is never shown in detail.
 */
import { ERROR_CODES, type ErrorCode, type NotFoundEntity, type StatusOf } from './error-codes.js';

export type ErrorDetails = Record<string, unknown> | Array<Record<string, unknown>>;

/**
 * An error with a code from the catalogue (`error-codes.ts`). The status must be
 * the catalogue's for that code: TypeScript refuses an unknown code or another
 * status, and the status kept is always the catalogue's. The message defaults to
 * the catalogue's.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: C, status: StatusOf<C>, message: string = ERROR_CODES[code].message, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code]?.status ?? status;
    this.details = details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export function notFound(entity: NotFoundEntity, id: string): AppError {
  const code: ErrorCode = `${entity}.not_found`;
  return new AppError(code, 404 as StatusOf<typeof code>, `No ${entity.replace(/s$/, '')} with id ${id}.`, { id });
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** At most this many problems are listed for one request; the message says how many there were. */
export const MAX_PROBLEMS = 10;
/** Field names and quoted input are cut to this many characters, so no error grows with the input. */
export const MAX_FIELD_LENGTH = 80;

/** A string cut to `max` characters, marked with an ellipsis when it was cut. */
export function clip(value: string, max: number = MAX_FIELD_LENGTH): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** "a: x" for one problem; "3 fields are invalid: a: x; b: y; c: z" (at most MAX_PROBLEMS listed) for several. */
export function describeProblems(problems: FieldProblem[], total: number = problems.length): string {
  const first = problems[0];
  if (total === 1 && first) return `${first.field}: ${first.message}`;
  const listed = problems.slice(0, MAX_PROBLEMS).map((p) => `${p.field}: ${p.message}`);
  const more = total - listed.length;
  return `${total} fields are invalid: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

export function validationError(problems: FieldProblem[]): AppError {
  return new AppError('validation.failed', 400, describeProblems(problems), problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p })));
}

export interface Issue {
  path?: PropertyKey[] | undefined;
  message: string;
  code?: string | undefined;
  keys?: string[] | undefined;
}

const fieldOf = (path: string[]) => clip(path.join('.')) || '(body)';

/**
 * Turns zod issues into `{ field, message }`, naming each offending field: at most
 * MAX_PROBLEMS of them, and unknown keys once per object (a short list), so that
 * neither the list nor a name grows with what was sent.
 */
export function issuesToProblems(issues: Issue[]): FieldProblem[] {
  return issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const path = (issue.path ?? []).map(String);
    const keys = issue.code === 'unrecognized_keys' ? (issue.keys ?? []) : [];
    const [only] = keys;
    if (keys.length === 1 && only !== undefined) return { field: fieldOf([...path, only]), message: 'is not a known field' };
    if (keys.length > 1) {
      const shown = keys.slice(0, 5).map((key) => `"${clip(key, 30)}"`);
      const more = keys.length - shown.length;
      return { field: fieldOf(path), message: `has ${keys.length} fields it does not know: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}` };
    }
    return { field: fieldOf(path), message: clip(issue.message, 300) };
  });
}
