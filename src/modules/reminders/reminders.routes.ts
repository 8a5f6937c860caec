import { errorResponses, type App } from '../../server/types.js';
import type { Account } from '../../shared/schemas/accounts.js';
import { AppError } from '../../shared/errors.js';
import { reminderRoundResponse, reminderRoundsResponse, runRemindersInput } from '../../shared/schemas/reminders.js';
import type { AppContext } from '../repositories.js';
import { recentReminderRounds, startReminderRound } from './reminders.usecases.js';

export interface ReminderRouteDeps {
  /** The accounts database, where the rounds are kept. */
  control: AppContext;
  currentUser(): Account;
  /** Queues an opened round; null where reminders are not configured (they need PostgreSQL and SMTP). */
  planReminders: ((round: { id: string; force: boolean }) => Promise<void>) | null;
}

/** An admin's view of the morning reminders: send a round now, and see what the last rounds did. */
export function registerReminderRoutes(app: App, deps: ReminderRouteDeps): void {
  const tags = ['admin'];
  app.post('/api/v1/admin/reminders/run', {
    schema: {
      tags,
      summary: 'Send today’s morning reminders now: to each person for whom it is 07:00 or later (or to everyone due, with anyway), once a day',
      body: runRemindersInput.nullish(),
      response: { 202: reminderRoundResponse, ...errorResponses },
    },
    handler: async (request, reply) => {
      const queue = deps.planReminders;
      if (!queue) throw new AppError('reminders.off', 409, 'Reminder emails are off: they need PostgreSQL and an SMTP server (INROADS_SMTP_URL). See docs/deployment.md.');
      const started = await startReminderRound({ control: deps.control, startedBy: deps.currentUser().id, anyway: request.body?.anyway ?? false, queue });
      return reply.code(202).send(started);
    },
  });
  app.get('/api/v1/admin/reminders/rounds', {
    schema: { tags, summary: 'The last rounds of morning reminders and what each did (counts only), newest first', response: { 200: reminderRoundsResponse, ...errorResponses } },
    handler: async () => recentReminderRounds({ control: deps.control }),
  });
}
