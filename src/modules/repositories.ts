import type { Kysely } from 'kysely';
import type { Database, Dialect } from '../db/database.js';
import { allowDirectWrites } from '../db/bulk.js';
import type { DatabaseHandle } from '../db/factory.js';
import type { Clock } from '../shared/clock.js';
import { createContactsRepository } from './contacts/contacts.repository.js';
import { createAccountsRepository } from './accounts/accounts.repository.js';
import { createAuditRepository } from './sharing/audit.repository.js';
import { createCalendarRepository } from './calendar/calendar.repository.js';
import { createCoachRepository } from './coach/coach.repository.js';
import { createCohortsRepository } from './cohorts/cohorts.repository.js';
import { createConversationRepository } from './conversation/conversation.repository.js';
import { createExportsRepository } from './exports/exports.repository.js';
import { createFollowupsRepository } from './followups/followups.repository.js';
import { createExplorationsRepository } from './explorations/explorations.repository.js';
import { createInsightsRepository } from './insights/insights.repository.js';
import { createInteractionsRepository } from './interactions/interactions.repository.js';
import { createInterviewsRepository } from './interviews/interviews.repository.js';
import { createOrganizationsRepository } from './organizations/organizations.repository.js';
import { createProfileRepository } from './profile/profile.repository.js';
import { createQuestionsRepository } from './questions/questions.repository.js';
import { createLeadsRepository } from './leads/leads.repository.js';
import { createMailRepository } from './mail/mail.repository.js';
import { createReferralsRepository } from './referrals/referrals.repository.js';
import { createRemindersRepository } from './reminders/reminders.repository.js';
import { createReportsRepository } from './reports/reports.repository.js';
import { createResponsivenessRepository } from './responsiveness/responsiveness.repository.js';
import { createSsoRepository } from './sso/sso.repository.js';
import { createSearchRepository } from './search/search.repository.js';
import { createTemplatesRepository } from './templates/templates.repository.js';
import { createTrashRepository } from './trash/trash.repository.js';
import { createWeekRepository } from './week/week.repository.js';
import { createWorkspaceRepository } from './workspace/workspace.repository.js';

export function createRepositories(db: Kysely<Database>, dialect: Dialect) {
  return {
    accounts: createAccountsRepository(db),
    cohorts: createCohortsRepository(db),
    contacts: createContactsRepository(db),
    organizations: createOrganizationsRepository(db),
    explorations: createExplorationsRepository(db),
    interviews: createInterviewsRepository(db),
    interactions: createInteractionsRepository(db),
    referrals: createReferralsRepository(db),
    leads: createLeadsRepository(db),
    mail: createMailRepository(db),
    questions: createQuestionsRepository(db),
    templates: createTemplatesRepository(db),
    profile: createProfileRepository(db),
    search: createSearchRepository(db, dialect),
    followups: createFollowupsRepository(db),
    responsiveness: createResponsivenessRepository(db),
    exports: createExportsRepository(db),
    coach: createCoachRepository(db),
    conversation: createConversationRepository(db),
    insights: createInsightsRepository(db),
    trash: createTrashRepository(db),
    calendar: createCalendarRepository(db),
    week: createWeekRepository(db),
    reminders: createRemindersRepository(db),
    audit: createAuditRepository(db),
    sso: createSsoRepository(db),
    reports: createReportsRepository(db, dialect),
    workspace: createWorkspaceRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/**
 * What every use case receives: repositories, a way to group writes into one
 * transaction, and the clock. Inside a transaction `transaction` simply runs the
 * function, so use cases compose without nesting transactions.
 */
export interface AppContext {
  repos: Repositories;
  clock: Clock;
  dialect: Dialect;
  /** Changes whenever anything is committed to the workspace (see DatabaseHandle.changes); absent inside a transaction and where unknown. */
  changes?: (() => number) | undefined;
  transaction<T>(work: (ctx: AppContext) => Promise<T>): Promise<T>;
}

/**
 * A context that forwards every use to whichever context `current` names at that moment
 * (the open workspace, or the signed-in user's), so routes registered once serve them all.
 */
export function forwardingContext(current: () => AppContext): AppContext {
  return {
    get repos() {
      return current().repos;
    },
    get clock() {
      return current().clock;
    },
    get dialect() {
      return current().dialect;
    },
    get changes() {
      return current().changes;
    },
    transaction: (work) => current().transaction(work),
  };
}

export function createAppContext(handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'sqlite' | 'changes'>, clock: Clock): AppContext {
  const { db, dialect, sqlite, changes } = handle;
  const ctx: AppContext = {
    repos: createRepositories(db, dialect),
    clock,
    dialect,
    changes,
    transaction: (work) =>
      db.transaction().execute(async (trx) => {
        if (sqlite) allowDirectWrites(trx, sqlite);
        const inner: AppContext = { repos: createRepositories(trx, dialect), clock, dialect, transaction: (w) => w(inner) };
        return work(inner);
      }),
  };
  return ctx;
}
