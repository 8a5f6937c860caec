import { randomBytes } from 'node:crypto';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';

/**
 * The server's log: pino, through Fastify. Local mode logs warnings only (one
 * person, one terminal); a shared server logs requests and events at `info`
 * (sign-ins, invitations, reminder rounds, coach views, errors) as one JSON line
 * each, for the journal. Nothing secret is ever written: no header is logged, the
 * fields that could carry a password, token or secret are replaced, and the
 * tokens some addresses carry (calendar feeds, invitation and sign-in links) are
 * cut out of the logged URL.
 */
export interface LogSettings {
  level: LogLevel;
  /** Where the lines go (default standard output); tests pass a stream that keeps them. */
  stream?: { write(line: string): void } | undefined;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The level a shared server logs at: INROADS_LOG_LEVEL, else `info`. */
export function logLevelFrom(value: string | undefined): LogLevel {
  const level = (value ?? '').trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new AppError('config.log_level', 1, `INROADS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${value}")`);
  }
  return level as LogLevel;
}

const CENSOR = '[redacted]';
/** Field names whose values are never logged, wherever they appear in a logged object. */
const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'secret', 'token', 'invitation', 'authorization', 'cookie', 'set-cookie'];
const REDACT_PATHS = [
  ...SECRET_FIELDS.map((f) => `["${f}"]`),
  ...SECRET_FIELDS.map((f) => `*["${f}"]`),
  ...SECRET_FIELDS.map((f) => `*.*["${f}"]`),
  'req.headers',
  'res.headers',
];
/** Query parameters that carry a secret (sign-in, invitation and reset links; the code and state single sign-on comes back with). */
const SECRET_QUERY = /token|secret|password|invitation|reset|code|key|state/i;

/** The address as it may be logged: a calendar feed's secret and secret-bearing query values replaced. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).replace(/^(\/calendar\/[^/]+\/)[^/]+?(\.ics)?$/, `$1${CENSOR}$2`);
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_QUERY.test(decodeURIComponentSafe(name)) ? `${name}=${CENSOR}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A request id that is unique across instances and restarts, so an error's id finds its one log line. */
export const newRequestId = () => randomBytes(8).toString('hex');

/**
 * One line per request, written when it is answered (the request, its status and how long it
 * took), instead of Fastify's two: on a busy shared server, half the writes to the journal.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Options for Fastify's logger (pino). */
export function loggerOptions(settings: LogSettings) {
  return {
    level: settings.level,
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: loggableUrl(request.url), remoteAddress: request.ip }),
    },
    ...(settings.stream ? { stream: settings.stream } : {}),
  };
}
