import type { App } from '../../server/types.js';
import { auditExportQuery } from '../../shared/schemas/sharing.js';
import type { AppContext } from '../repositories.js';
import { auditCsv } from './audit.usecases.js';

/** The administrator's copy of the audit of sharing, as CSV. */
export function registerAuditRoutes(app: App, deps: { control: AppContext }): void {
  app.get('/api/v1/admin/audit.csv', {
    schema: {
      tags: ['admin'],
      summary: 'The audit of sharing as CSV, oldest first: every look by a coach (looks within 30 minutes are one row) and every share, change and stop',
      querystring: auditExportQuery,
    },
    handler: async (request, reply) => {
      const body = await auditCsv({ control: deps.control, ...request.query });
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="inroads-audit.csv"').send(body);
    },
  });
}
