import { z } from 'zod';
import { errorResponses, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { exportFile, exportJson, restoreJson } from './exports.usecases.js';

const files = {
  'inroads-export.json': { type: 'application/json; charset=utf-8' },
  'contacts.csv': { type: 'text/csv; charset=utf-8' },
  'interviews.csv': { type: 'text/csv; charset=utf-8' },
  'contacts.vcf': { type: 'text/vcard; charset=utf-8' },
} as const;

export function registerExportRoutes(app: App, ctx: AppContext): void {
  const tags = ['import and export'];
  app.get('/api/v1/exports/:file', {
    schema: {
      tags,
      summary: 'Download everything: inroads-export.json (complete backup), contacts.csv, interviews.csv or contacts.vcf',
      params: z.object({ file: z.enum(Object.keys(files) as [keyof typeof files, ...Array<keyof typeof files>]) }),
    },
    handler: async (request, reply) => {
      const { file } = request.params;
      const body =
        file === 'inroads-export.json'
          ? JSON.stringify(await exportJson({ ctx }), null, 1)
          : await exportFile({ ctx, kind: file === 'contacts.vcf' ? 'vcard' : file === 'interviews.csv' ? 'interviews-csv' : 'contacts-csv' });
      return reply.type(files[file].type).header('Content-Disposition', `attachment; filename="${file}"`).send(body);
    },
  });
  app.post('/api/v1/restore', {
    bodyLimit: 200 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Restore a JSON export (into an empty workspace, or with replace=true instead of everything)',
      querystring: z.object({ replace: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
      body: z.object({ format: z.string() }).passthrough(),
      response: { 200: z.object({ rows: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => restoreJson({ ctx, text: JSON.stringify(request.body), replace: request.query.replace }),
  });
}
