import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, clip, MAX_FIELD_LENGTH } from '../shared/errors.js';
import { findUnstorable, NUL_MESSAGE } from '../shared/input.js';
import { sendError } from './errors.js';

/** Bodies of ordinary (JSON) routes: far more than any form sends, small enough to parse in a blink. */
export const JSON_BODY_LIMIT = 1024 * 1024;

function refuse(where: 'body' | 'query' | 'params', path: string[], message: string): AppError {
  const field = clip(path.join('.'), MAX_FIELD_LENGTH) || '(body)';
  return new AppError('validation.failed', 400, `Invalid ${where} — ${field}: ${message}`, [{ field, message }]);
}

/**
 * How every route reads its body and checks its input, registered on the root
 * before any route:
 * - JSON is the only body type (anything else is a 415); upload routes add their
 *   own parsers inside their own scope (see `acceptFileUploads`);
 * - invalid JSON is refused with where it goes wrong (never quoting it);
 * - no string (or key) in the body, query or path holds a NUL character, no key is
 *   `__proto__` or `prototype`, and no body is nested absurdly deep: a 400 naming
 *   the field, on either database.
 */
export function registerBodyHandling(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const source = String(text);
    if (source.trim() === '') return done(new AppError('request.invalid_json', 400, 'The body is empty; send a JSON object, or leave out the Content-Type.'));
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
      return done(new AppError('request.invalid_json', 400, `The body is not valid JSON${at ? ` (the problem is at character ${at})` : ''}.`));
    }
    return done(null, value);
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    for (const where of ['params', 'query', 'body'] as const) {
      const value = request[where];
      if (Buffer.isBuffer(value)) continue;
      const problem = findUnstorable(value);
      if (problem) throw refuse(where, problem.path, problem.message);
    }
  });
}

const UPLOAD_TYPES = ['application/octet-stream', 'text/csv', 'text/vcard', 'text/x-vcard', 'text/plain', 'application/zip'];
const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * Lets the routes of this scope take a file as the raw body (up to `bodyLimit`
 * bytes). Call it only on an encapsulated scope holding the upload routes: parsers
 * added here never reach the JSON routes. A text file with a NUL byte is refused
 * with the line it is on (a ZIP is binary; its entries are the importer's to check).
 */
export function acceptFileUploads(scope: FastifyInstance, bodyLimit: number): void {
  for (const type of UPLOAD_TYPES) {
    scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  }
  scope.addHook('preValidation', async (request: FastifyRequest) => {
    const body = request.body;
    if (!Buffer.isBuffer(body) || isZip(body)) return;
    const at = body.indexOf(0);
    if (at === -1) return;
    let line = 1;
    for (let i = body.indexOf(0x0a); i !== -1 && i < at; i = body.indexOf(0x0a, i + 1)) line++;
    const message = `${NUL_MESSAGE} (line ${line}); save the file as UTF-8 text and try again`;
    throw new AppError('validation.failed', 400, `Invalid body — file: ${message}`, [{ field: 'file', message, line }]);
  });
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code !== 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(error, request, reply);
    const unsupported = new AppError('request.unsupported_media_type', 415, `Send the file itself as the body, with Content-Type ${UPLOAD_TYPES.join(', ')}.`);
    return sendError(unsupported as unknown as FastifyError, request, reply);
  });
}
