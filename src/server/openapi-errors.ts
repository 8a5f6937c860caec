import type { FastifySchema, RouteOptions } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '../shared/error-codes.js';
import { errorCodesOf } from '../shared/route-errors.js';

/** The error body, with the codes one status of one route may carry. */
function errorResponse(codes: ErrorCode[]) {
  return {
    description: codes.map((code) => `- \`${code}\`: ${ERROR_CODES[code].message}`).join('\n'),
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: { type: 'string', enum: codes },
          message: { type: 'string' },
          details: {},
          id: { type: 'string', description: 'On a 5xx answer: the id of the server log line that tells what went wrong.' },
        },
      },
    },
  };
}

/**
 * The route's error responses for the OpenAPI document, from ROUTE_ERROR_CODES:
 * one per status, naming each code it may carry (and no error status the route
 * never answers). A route with no entry keeps what its schema says.
 */
export function withErrorCodes(transformed: { schema: FastifySchema; url: string }, route: RouteOptions): { schema: FastifySchema; url: string } {
  const method = [route.method].flat().find((m) => m !== 'HEAD') ?? 'GET';
  const codes = errorCodesOf(method, route.url);
  if (!codes) return transformed;
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_CODES[code].status, [...(byStatus.get(ERROR_CODES[code].status) ?? []), code]);
  const response = Object.fromEntries(Object.entries((transformed.schema.response ?? {}) as Record<string, unknown>).filter(([status]) => Number(status) < 400));
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) response[status] = errorResponse(list);
  return { ...transformed, schema: { ...transformed.schema, response } };
}
