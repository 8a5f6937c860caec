import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The events a shared server writes to its log, one line each with an `event`
 * field: who signed in (and who failed to), invitations issued and accepted, and
 * each time a coach looks at a student's shared data. They are read off the
 * answer to the route that does the thing, so the routes stay as they are; a line
 * names accounts by id and address, never by password or token (the logger
 * removes those fields wherever they appear, too).
 */
interface Answer {
  request: FastifyRequest;
  status: number;
  /** The JSON the route answered with (null for an empty or non-JSON body). */
  body: Record<string, unknown> | null;
}

type Describe = (answer: Answer) => { level: 'info' | 'warn'; msg: string; fields: Record<string, unknown> } | null;

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);
const bodyOf = (request: FastifyRequest) => (typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {});
const actor = (request: FastifyRequest) => request.inroadsScope?.user.id ?? null;

const EVENTS: Record<string, Describe> = {
  'POST /api/v1/auth/sign-in': ({ request, status, body }) => {
    const email = String(bodyOf(request).email ?? '').slice(0, 320);
    if (status === 200) return { level: 'info', msg: 'signed in', fields: { event: 'auth.sign_in', method: 'password', userId: field(body?.user, 'id'), email } };
    if (status === 401 || status === 403 || status === 429) {
      return { level: 'warn', msg: 'sign-in refused', fields: { event: 'auth.sign_in_failed', email, code: field(body?.error, 'code') } };
    }
    return null;
  },
  // Single sign-on: the same event as a password sign-in, by another method (never the provider's code or tokens).
  'POST /api/v1/auth/sso/finish': ({ status, body }) => {
    const user = body?.user;
    if (status === 200) {
      const joined = body?.joined === true;
      return { level: 'info', msg: joined ? 'joined and signed in' : 'signed in', fields: { event: 'auth.sign_in', method: 'oidc', userId: field(user, 'id'), email: field(user, 'email'), joined } };
    }
    if (status >= 400 && status < 500) return { level: 'warn', msg: 'sign-in refused', fields: { event: 'auth.sign_in_failed', method: 'oidc', code: field(body?.error, 'code'), reason: field(field(body?.error, 'details'), 'reason') ?? null } };
    return null;
  },
  'POST /api/v1/auth/register': ({ request, status, body }) => {
    if (status !== 201) return null;
    const invited = typeof bodyOf(request).invitation === 'string';
    const user = body?.user;
    return {
      level: 'info',
      msg: invited ? 'invitation accepted' : 'registered',
      fields: { event: invited ? 'invitation.accepted' : 'auth.registered', userId: field(user, 'id'), email: field(user, 'email'), role: field(user, 'role') },
    };
  },
  'POST /api/v1/admin/invitations': ({ request, status, body }) =>
    status === 201
      ? { level: 'info', msg: 'invitation issued', fields: { event: 'invitation.issued', email: field(body, 'email'), role: field(body, 'role'), by: actor(request) } }
      : null,
  // A cohort upload: how many, never the links (each carries its token).
  'POST /api/v1/admin/invitations/csv': ({ request, status, body }) => {
    if (status !== 201 || !Array.isArray(body?.items)) return null;
    const items = body.items as unknown[];
    return {
      level: 'info',
      msg: 'cohort invitations issued',
      fields: { event: 'invitation.issued', count: items.length, emailed: items.filter((i) => field(i, 'emailed') === true).length, cohortsCreated: body.cohortsCreated, by: actor(request) },
    };
  },
  'POST /api/v1/admin/invitations/revoke': ({ request, status, body }) =>
    status === 200 ? { level: 'info', msg: 'invitation revoked', fields: { event: 'invitation.revoked', email: field(body, 'email'), by: actor(request) } } : null,
  'GET /api/v1/coaching/caseload': ({ request, status, body }) => {
    if (status !== 200 || !Array.isArray(body?.items)) return null;
    const shown = (body.items as unknown[]).filter((i) => field(i, 'summary') !== null).map((i) => field(field(i, 'student'), 'id'));
    return { level: 'info', msg: 'coach viewed caseload', fields: { event: 'coaching.caseload', coachId: actor(request), explorerIds: shown } };
  },
  'GET /api/v1/coaching/explorers/:id': ({ request, status }) =>
    status === 200 ? { level: 'info', msg: 'coach viewed progress', fields: { event: 'coaching.view', coachId: actor(request), explorerId: field(request.params, 'id'), scope: 'progress' } } : null,
  'GET /api/v1/coaching/explorers/:id/notes': ({ request, status }) =>
    status === 200 ? { level: 'info', msg: 'coach viewed notes', fields: { event: 'coaching.view', coachId: actor(request), explorerId: field(request.params, 'id'), scope: 'notes' } } : null,
};

function parsed(payload: unknown): Record<string, unknown> | null {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return null;
  try {
    return JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Logs the events above as their answers go out. */
export function registerEventLog(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const describe = EVENTS[`${request.method} ${request.routeOptions.url ?? ''}`];
    if (!describe) return payload;
    const line = describe({ request, status: reply.statusCode, body: parsed(payload) });
    if (line) request.log[line.level](line.fields, line.msg);
    return payload;
  });
}
