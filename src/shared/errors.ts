/**
 * Coded errors. Every error the application raises on purpose carries a dotted
 * code (stable, part of the API contract), an HTTP status and a message written
 * for people. Anything else is an internal error and is never shown in detail.
 */
export type ErrorDetails = Record<string, unknown> | Array<Record<string, unknown>>;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: string, status: number, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export function notFound(entity: string, id: string): AppError {
  return new AppError(`${entity}.not_found`, 404, `No ${entity.replace(/s$/, '')} with id ${id}.`, { id });
}

export interface FieldProblem {
  field: string;
  message: string;
}

export function validationError(problems: FieldProblem[]): AppError {
  const first = problems[0];
  const message =
    problems.length === 1 && first
      ? `${first.field}: ${first.message}`
      : `${problems.length} fields are invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
  return new AppError('validation.failed', 400, message, problems.map((p) => ({ ...p })));
}

export interface Issue {
  path?: PropertyKey[] | undefined;
  message: string;
  code?: string | undefined;
  keys?: string[] | undefined;
}

/** Turns zod issues into `{ field, message }`, naming each offending field. */
export function issuesToProblems(issues: Issue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const base = (issue.path ?? []).map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'is not a known field' }));
    }
    return [{ field: base || '(body)', message: issue.message }];
  });
}
