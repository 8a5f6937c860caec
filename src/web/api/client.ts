/** The one way the web app talks to the server: same origin, cookie auth, CSRF header on writes. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.status = status;
    this.details = body.details;
  }

  /** Field-level problems from a validation error, keyed by field. */
  fieldErrors(): Record<string, string> {
    if (this.code !== 'validation.failed' || !Array.isArray(this.details)) return {};
    return Object.fromEntries((this.details as Array<{ field: string; message: string }>).map((d) => [d.field, d.message]));
  }
}

/** The CSRF value the server set beside the session (`__Host-` prefixed behind https). */
export function csrfToken(): string {
  const match = /(?:^|;\s*)(?:__Host-)?inroads_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query, file?: Blob): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  if (file) headers['content-type'] = 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { method, headers, body: file ?? (body === undefined ? undefined : JSON.stringify(body)), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network', message: 'Inroads is not answering. Is it still running? Start it again with npm start or inroads.' });
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (data as { error?: ApiErrorBody } | undefined)?.error ?? { code: 'http', message: `The server answered ${response.status}.` };
    throw new ApiError(response.status, error);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file as it is (the server reads the bytes), with options in the query string. */
  upload: <T>(path: string, file: Blob, query?: Query) => request<T>('POST', path, undefined, query, file),
};

/** One page of a list, as every list endpoint answers (`page()` in src/shared/schemas/common.ts). */
export type { PageResult as Page } from '../../shared/schemas/common.js';
