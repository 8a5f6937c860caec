import { errorResponses, idParams, type App } from '../../server/types.js';
import type { Account } from '../../shared/schemas/accounts.js';
import {
  caseloadQuery,
  caseloadSchema,
  cohortAdviserParams,
  cohortsOverviewSchema,
  createCohortInput,
  csvInvitationsResponse,
  invitationCsvInput,
  invitationStatusesResponse,
  myAdviserSchema,
  placementInput,
  revokedInvitationsResponse,
  revokeInvitationInput,
} from '../../shared/schemas/cohorts.js';
import type { SendMail } from '../reminders/reminders.usecases.js';
import type { AppContext } from '../repositories.js';
import type { OpenWorkspace } from '../sharing/sharing.usecases.js';
import {
  assignCohortAdviser,
  caseload,
  cohortsOverview,
  createCohort,
  invitationStatuses,
  inviteFromCsv,
  myAdviser,
  placeStudent,
  removeCohortAdviser,
  revokeInvitation,
  shareWithAdviser,
} from './cohorts.usecases.js';

export interface CohortRouteDeps {
  control: AppContext;
  open: OpenWorkspace;
  currentUser(): Account;
  sendMail: SendMail | null;
  appUrl: string | null;
}

/** Cohort invitations and cohorts (admins), one's adviser (students), one's caseload (advisers). */
export function registerCohortRoutes(app: App, deps: CohortRouteDeps): void {
  const { control, open } = deps;
  const admin = ['admin'];
  app.post('/api/v1/admin/invitations/csv', {
    schema: {
      tags: admin,
      summary: 'Invite a whole cohort from a CSV file (email, name, role, cohort, adviser): all or nothing; each link shown once, emailed too when SMTP is set up',
      body: invitationCsvInput,
      response: { 201: csvInvitationsResponse, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await inviteFromCsv({ ctx: control, csv: request.body.csv, createdBy: deps.currentUser().id, send: deps.sendMail, appUrl: deps.appUrl })),
  });
  app.get('/api/v1/admin/invitations/statuses', {
    schema: { tags: admin, summary: 'Every invitation and where it stands: pending, emailed, accepted, expired or revoked', response: { 200: invitationStatusesResponse, ...errorResponses } },
    handler: async () => invitationStatuses({ ctx: control }),
  });
  app.post('/api/v1/admin/invitations/revoke', {
    schema: { tags: admin, summary: 'Revoke an address’s open invitations: their links stop working', body: revokeInvitationInput, response: { 200: revokedInvitationsResponse, ...errorResponses } },
    handler: async (request) => revokeInvitation({ ctx: control, email: request.body.email }),
  });
  app.get('/api/v1/admin/cohorts', {
    schema: { tags: admin, summary: 'Cohorts with their students and advisers, every student’s placement, and who can advise', response: { 200: cohortsOverviewSchema, ...errorResponses } },
    handler: async () => cohortsOverview({ ctx: control }),
  });
  app.post('/api/v1/admin/cohorts', {
    schema: { tags: admin, summary: 'Add a cohort', body: createCohortInput, response: { 201: cohortsOverviewSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(await createCohort({ ctx: control, name: request.body.name })),
  });
  app.put('/api/v1/admin/cohorts/:id/advisers/:adviserId', {
    schema: { tags: admin, summary: 'Make a coach an adviser of a cohort', params: cohortAdviserParams, response: { 200: cohortsOverviewSchema, ...errorResponses } },
    handler: async (request) => assignCohortAdviser({ ctx: control, cohortId: request.params.id, adviserId: request.params.adviserId }),
  });
  app.delete('/api/v1/admin/cohorts/:id/advisers/:adviserId', {
    schema: { tags: admin, summary: 'Take an adviser off a cohort', params: cohortAdviserParams, response: { 200: cohortsOverviewSchema, ...errorResponses } },
    handler: async (request) => removeCohortAdviser({ ctx: control, cohortId: request.params.id, adviserId: request.params.adviserId }),
  });
  app.put('/api/v1/admin/users/:id/cohort', {
    schema: { tags: admin, summary: 'Change a student’s cohort and adviser', params: idParams, body: placementInput, response: { 200: cohortsOverviewSchema, ...errorResponses } },
    handler: async (request) => placeStudent({ ctx: control, userId: request.params.id, ...request.body }),
  });

  const sharing = ['sharing'];
  app.get('/api/v1/account/adviser', {
    schema: { tags: sharing, summary: 'Your adviser, and what you share with them', response: { 200: myAdviserSchema, ...errorResponses } },
    handler: async () => myAdviser({ control, explorer: deps.currentUser() }),
  });
  app.post('/api/v1/account/adviser/share', {
    schema: { tags: sharing, summary: 'Share your progress with your adviser in one step', response: { 200: myAdviserSchema, ...errorResponses } },
    handler: async () => shareWithAdviser({ control, explorer: deps.currentUser() }),
  });

  app.get('/api/v1/coaching/caseload', {
    schema: {
      tags: ['coaching'],
      summary: 'Your caseload: the students assigned to you or in a cohort you advise; progress for those who share, optionally one cohort',
      querystring: caseloadQuery,
      response: { 200: caseloadSchema, ...errorResponses },
    },
    handler: async (request) => caseload({ control, coach: deps.currentUser(), cohortId: request.query.cohort ?? null, open }),
  });
}
