import { acceptFileUploads } from '../../server/body.js';
import { errorResponses, type App } from '../../server/types.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../repositories.js';
import { importParams, importQuery, importReportSchema } from '../../shared/schemas/imports.js';
import { runImport } from './imports.usecases.js';

/**
 * Upload a file as the raw request body; preview with dryRun=true, then import.
 * The raw-file parsers live in a scope of their own holding only this route.
 */
export function registerImportRoutes(app: App, ctx: AppContext): void {
  void app.register(async (uploads: App) => importRoutes(uploads, ctx));
}

function importRoutes(app: App, ctx: AppContext): void {
  acceptFileUploads(app, 50 * 1024 * 1024);
  app.post('/api/v1/imports/:format', {
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags: ['import and export'],
      summary: 'Import people from a LinkedIn, vCard, Google or other CSV file (the raw file is the body)',
      params: importParams,
      querystring: importQuery,
      response: { 200: importReportSchema, ...errorResponses },
    },
    handler: async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new AppError('imports.empty', 400, 'Send the file itself as the request body (Content-Type: application/octet-stream).');
      }
      const bytes = new Uint8Array(request.body);
      const { mapping, merge, dryRun, strict, offset, limit } = request.query;
      return runImport({ ctx, format: request.params.format, bytes, mapping, merge, dryRun, strict, page: { offset, limit } });
    },
  });
}
