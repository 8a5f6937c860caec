import { errorResponses, type App } from '../../server/types.js';
import { exportFileParams, restoreInput, restoreQuery, restoreResponse, type ExportFileName } from '../../shared/schemas/exports.js';
import type { AppContext } from '../repositories.js';
import { exportFile, exportJson, restoreJson } from './exports.usecases.js';

const files: Record<ExportFileName, { type: string }> = {
  'inroads-export.json': { type: 'application/json; charset=utf-8' },
  'contacts.csv': { type: 'text/csv; charset=utf-8' },
  'interviews.csv': { type: 'text/csv; charset=utf-8' },
  'contacts.vcf': { type: 'text/vcard; charset=utf-8' },
};

export function registerExportRoutes(app: App, ctx: AppContext): void {
  const tags = ['import and export'];
  app.get('/api/v1/exports/:file', {
    schema: {
      tags,
      summary: 'Download everything: inroads-export.json (complete backup), contacts.csv, interviews.csv or contacts.vcf',
      params: exportFileParams,
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
      querystring: restoreQuery,
      body: restoreInput,
      response: { 200: restoreResponse, ...errorResponses },
    },
    handler: async (request) => restoreJson({ ctx, text: JSON.stringify(request.body), replace: request.query.replace }),
  });
}
