import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../shared/error-codes.js';
import { clip, describeProblems, issuesToProblems, isAppError, MAX_PROBLEMS, type Issue } from '../shared/errors.js';

/** No message is longer than this, whatever it quotes. */
const MAX_MESSAGE = 600;
const MAX_DETAIL_STRING = 300;
const MAX_DETAIL_ENTRIES = 20;

/**
 * `details` cut to a fixed size: strings clipped, lists and objects shortened, deep
 * values dropped. Coded errors build their details on purpose, but some quote
 * what was sent, and an error must never grow with the input.
 */
function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return clip(value, MAX_DETAIL_STRING);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 4) return '…';
  if (Array.isArray(value)) return value.slice(0, MAX_DETAIL_ENTRIES).map((item) => bounded(item, depth + 1));
  return Object.fromEntries(Object.entries(value).slice(0, MAX_DETAIL_ENTRIES).map(([key, item]) => [clip(key), bounded(item, depth + 1)]));
}

interface ErrorOut {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** The one error body: `{ error: { code, message, details } }`, bounded in size; a 5xx also carries the `id` of its log line. */
export function errorBody(code: ErrorCode, message: string, details: unknown = {}, id?: string) {
  return { error: { code, message: clip(message, MAX_MESSAGE), details: bounded(details), ...(id === undefined ? {} : { id }) } };
}

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`);

/**
 * Fastify's own errors, in Inroads' words. Their messages quote the address or a
 * header, so none is passed through; an unknown FST_ code keeps its status with a
 * plain message.
 */
function frameworkError(error: FastifyError, request: FastifyRequest): ErrorOut | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'request.unsupported_media_type', message: 'This address takes a JSON body: send it with Content-Type: application/json.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request.routeOptions.bodyLimit;
      return { status: 413, code: 'request.too_large', message: `The request body is larger than this address accepts (${sizeOf(limit)}).`, details: { limitBytes: limit } };
    }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'request.invalid_json', message: 'The body is empty; send a JSON object, or leave out the Content-Type.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'request.invalid_json', message: 'The body is not valid JSON.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'request.invalid', message: 'The body is not as long as its Content-Length says.' };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'request.bad_url', message: 'The address is not valid: it has a broken %-escape.' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: 'request.too_long', message: 'A part of the address is longer than Inroads accepts.' };
    default:
      if (error.code?.startsWith('FST_') && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return { status: error.statusCode, code: 'request.invalid', message: `The request could not be read (${STATUS_CODES[error.statusCode] ?? 'bad request'}).` };
      }
      return null;
  }
}

/** Maps any error to what the client is told; unknown ones are hidden behind a 500 (and logged by sendError). */
function describe(error: FastifyError, request: FastifyRequest): ErrorOut {
  if (isAppError(error)) return { status: error.status, code: error.code, message: error.message, details: error.details ?? {} };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: Issue[] = error.validation.slice(0, MAX_PROBLEMS).map((v) => ({
      path: v.instancePath.split('/').filter(Boolean),
      code: v.keyword,
      message: v.message ?? 'is invalid',
      keys: (v.params as { keys?: string[] }).keys,
    }));
    const problems = issuesToProblems(issues);
    const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'request');
    return { status: 400, code: 'validation.failed', message: `Invalid ${where} — ${describeProblems(problems, error.validation.length)}`, details: problems };
  }
  const known = frameworkError(error, request);
  if (known) return known;
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // A 4xx from a plugin: its status stands, its message (which may quote the request) does not.
    return { status: error.statusCode, code: 'request.invalid', message: `The request could not be completed (${STATUS_CODES[error.statusCode] ?? 'bad request'}).` };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong inside Inroads. The request was not completed; please try again.' };
}

/** Sends `error` as the one error body. Exported for scopes that reword an error before sending it. */
export function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, told?: (out: { status: number; code: ErrorCode }) => void) {
  const out = describe(error, request);
  told?.(out);
  // A server-side failure is logged with the request's id, and the answer carries the same id, so what someone
  // reports ("error id 3f…") finds its log line.
  const id = out.status >= 500 ? request.id : undefined;
  if (id !== undefined) {
    request.log.error({ err: error, errorId: id, code: out.code, status: out.status }, 'error answered');
    if (out.code === 'internal' && !process.env.VITEST) process.stderr.write(`inroads: error ${id}: ${error.stack ?? String(error)}\n`);
  }
  return reply.code(out.status).type('application/json; charset=utf-8').send(errorBody(out.code, out.message, out.details, id));
}

/** One handler for every error: coded errors as they are, everything else hidden behind a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
}

/**
 * Options for the Fastify constructor that keep its own errors in the one shape:
 * bad addresses (FST_ERR_BAD_URL, FST_ERR_MAX_PARAM_LENGTH) and malformed HTTP
 * never reach the error handler otherwise, and its default validation message
 * joins every problem into one string as long as the input.
 */
export const errorOptions = {
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendError(error, request, reply),
  schemaErrorFormatter: (_errors: unknown, dataVar: string) => new Error(`Invalid ${dataVar}`),
  clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, code, message]: [number, ErrorCode, string] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request.timeout', 'The request took too long to arrive.']
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'request.headers_too_large', 'The request headers are larger than Inroads accepts.']
          : [400, 'request.malformed', 'The request is not well-formed HTTP.'];
    const body = JSON.stringify(errorBody(code, message));
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
  },
};

/** The body of a 404 for an address that matches no route. */
export function routeNotFound(method: string, url: string) {
  return errorBody('route.not_found', `No such address: ${clip(method, 10)} ${clip(url.split('?')[0] ?? '', 100)}`);
}
