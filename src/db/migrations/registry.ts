import type { Kysely } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-agenda-and-settings.js';
import * as m0003 from './0003-agenda-indexes.js';
import * as m0004 from './0004-starter-questions.js';
import * as m0005 from './0005-starter-templates.js';
import * as m0006 from './0006-interview-mode.js';
import * as m0007 from './0007-accounts.js';
import * as m0008 from './0008-multi-user.js';
import * as m0009 from './0009-devices-and-feeds.js';
import * as m0010 from './0010-trash.js';
import * as m0011 from './0011-exploration-links.js';
import * as m0012 from './0012-organization-targets.js';
import * as m0013 from './0013-browser-sessions.js';
import * as m0014 from './0014-weekly-targets.js';
import * as m0015 from './0015-leads.js';
import * as m0016 from './0016-holiday-country.js';
import * as m0017 from './0017-time-zones.js';
import * as m0018 from './0018-mailbox.js';
import * as m0019 from './0019-account-administration.js';
import * as m0020 from './0020-reminder-rounds.js';
import * as m0021 from './0021-cohorts.js';
import * as m0022 from './0022-consent.js';
import * as m0023 from './0023-sso.js';
import * as m0024 from './0024-cohort-adviser-email.js';
import * as m0026 from './0026-candidate-ranking.js';
import * as m0027 from './0027-search-index.js';

export interface DialectMigration {
  up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void>;
  down(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void>;
}

/** Every migration, in order. Names are stored in the database; never rename one. */
export const migrations: Record<string, DialectMigration> = {
  '0001-initial': m0001,
  '0002-agenda-and-settings': m0002,
  '0003-agenda-indexes': m0003,
  '0004-starter-questions': m0004,
  '0005-starter-templates': m0005,
  '0006-interview-mode': m0006,
  '0007-accounts': m0007,
  '0008-multi-user': m0008,
  '0009-devices-and-feeds': m0009,
  '0010-trash': m0010,
  '0011-exploration-links': m0011,
  '0012-organization-targets': m0012,
  '0013-browser-sessions': m0013,
  '0014-weekly-targets': m0014,
  '0015-leads': m0015,
  '0016-holiday-country': m0016,
  '0017-time-zones': m0017,
  '0018-mailbox': m0018,
  '0019-account-administration': m0019,
  '0020-reminder-rounds': m0020,
  '0021-cohorts': m0021,
  '0022-consent': m0022,
  '0023-sso': m0023,
  '0024-cohort-adviser-email': m0024,
  '0026-candidate-ranking': m0026,
  '0027-search-index': m0027,
};
