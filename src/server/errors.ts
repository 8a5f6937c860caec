import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { issuesToProblems, isAppError, type Issue } from '../shared/errors.js';

const send = (status: number, code: string, message: string, details: unknown = {}) => ({
  status,
  body: { error: { code, message, details } },
});

/** One handler for every error: coded errors as they are, everything else hidden behind a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let out;
    if (isAppError(error)) {
      out = send(error.status, error.code, error.message, error.details ?? {});
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: Issue[] = error.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean),
        code: v.keyword,
        message: v.message ?? 'is invalid',
        keys: (v.params as { keys?: string[] }).keys,
      }));
      const problems = issuesToProblems(issues);
      const where = error.validationContext === 'querystring' ? 'query' : error.validationContext;
      const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      out = send(400, 'validation.failed', `Invalid ${where ?? 'request'} — ${message}`, problems);
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError' ? 'request.invalid_json' : 'request.invalid';
      out = send(error.statusCode, code, error.message);
    } else {
      request.log.error({ err: error }, 'unhandled error');
      if (!process.env.VITEST) process.stderr.write(`inroads: ${error.stack ?? String(error)}\n`);
      out = send(500, 'internal', 'Something went wrong inside Inroads. The request was not completed; please try again.');
    }
    return reply.code(out.status).type('application/json; charset=utf-8').send(out.body);
  });

}

/** The body of a 404 for an address that matches no route. */
export function routeNotFound(method: string, url: string) {
  return { error: { code: 'route.not_found', message: `No such address: ${method} ${url.split('?')[0]}`, details: {} } };
}
