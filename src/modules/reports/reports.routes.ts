import { errorResponses, type App } from '../../server/types.js';
import { cohortReportSchema, reportQuery } from '../../shared/schemas/reports.js';
import type { AppContext } from '../repositories.js';
import { cohortReport, cohortReportCsv, type OpenWorkspace } from './reports.usecases.js';

export interface ReportRouteDeps {
  /** The accounts database: the cohorts and who is in them. */
  control: AppContext;
  open: OpenWorkspace;
}

/** The career centre's cohort report, for admins: on a page and as a CSV file. */
export function registerReportRoutes(app: App, deps: ReportRouteDeps): void {
  const tags = ['admin'];
  app.get('/api/v1/admin/report', {
    schema: {
      tags,
      summary: 'The cohort report: students, active students, requests, conversations, thank-yous on time and an 8-week trend per group; counts under 5 held back',
      querystring: reportQuery,
      response: { 200: cohortReportSchema, ...errorResponses },
    },
    handler: async (request) => cohortReport({ ...deps, query: request.query }),
  });
  app.get('/api/v1/admin/report.csv', {
    schema: { tags, summary: 'The cohort report as a CSV file (counts under 5 read <5)', querystring: reportQuery },
    handler: async (request, reply) => {
      const { fileName, csv } = await cohortReportCsv({ ...deps, query: request.query });
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${fileName}"`).send(csv);
    },
  });
}
