import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database, Dialect } from '../../db/database.js';
import type { StudentActivity } from './reports.rules.js';

/** What a student's activity is counted over: the period [start, end) and the trend's weeks (bounds[i] to bounds[i + 1]). */
export interface ActivityWindow {
  start: string;
  end: string;
  bounds: readonly string[];
  /** A thank-you within this many hours of the conversation is on time (week.rules' THANK_YOU_HOURS). */
  thankYouHours: number;
}

type InterviewsEb = ExpressionBuilder<Database, 'interviews'>;

const between = (eb: InterviewsEb, column: 'requestedAt' | 'heldAt' | 'thankedAt', from: string, to: string) => eb.and([eb(column, '>=', from), eb(column, '<', to)]);

/**
 * The cohort report's reads. In the accounts database: the cohorts and which
 * students are in them. In a student's own workspace: their activity, counted by
 * SQL aggregates (one row back per table, whatever the student has).
 */
export function createReportsRepository(db: Kysely<Database>, dialect: Dialect) {
  /** The thank-you went out within `hours` of the conversation (the same test as week.rules' thankedOnTime, in SQL). */
  const thankedWithin = (eb: InterviewsEb, hours: number) => {
    const held = eb.ref('heldAt');
    const thanked = eb.ref('thankedAt');
    return dialect === 'sqlite'
      ? sql<boolean>`round((julianday(${thanked}) - julianday(${held})) * 86400000) <= ${sql.lit(hours * 3_600_000)}`
      : sql<boolean>`(cast(${thanked} as timestamptz) - cast(${held} as timestamptz)) <= make_interval(hours => ${sql.lit(hours)})`;
  };

  return {
    /** Every cohort, by name. */
    async cohorts(): Promise<Array<{ id: string; name: string }>> {
      return db.selectFrom('cohorts').select(['id', 'name']).orderBy('name').execute();
    },

    /** Every student account (explorers, disabled ones too: what they did in the period still happened) and its cohort. */
    async students(): Promise<Array<{ id: string; cohortId: string | null }>> {
      return db.selectFrom('users').select(['id', 'cohortId']).where('role', '=', 'explorer').orderBy('id').execute();
    },

    /** One student's counts over the window, read from their workspace. */
    async activity(window: ActivityWindow): Promise<StudentActivity> {
      const { start, end, bounds } = window;
      const weeks = bounds.length - 1;
      const interviews = await db
        .selectFrom('interviews')
        .select((eb) => [
          eb.fn.countAll<string | number>().filterWhere((f) => between(f, 'requestedAt', start, end)).as('requests'),
          eb.fn.countAll<string | number>().filterWhere((f) => between(f, 'heldAt', start, end)).as('conversations'),
          eb.fn.countAll<string | number>().filterWhere((f) => between(f, 'thankedAt', start, end)).as('thanked'),
          eb.fn
            .countAll<string | number>()
            .filterWhere((f) => f.and([between(f, 'heldAt', start, end), f('thankedAt', 'is not', null), thankedWithin(f, window.thankYouHours)]))
            .as('onTime'),
          ...Array.from({ length: weeks }, (_, w) => [
            eb.fn.countAll<string | number>().filterWhere((f) => between(f, 'requestedAt', bounds[w]!, bounds[w + 1]!)).as(`r${w}`),
            eb.fn.countAll<string | number>().filterWhere((f) => between(f, 'heldAt', bounds[w]!, bounds[w + 1]!)).as(`c${w}`),
          ]).flat(),
        ])
        .executeTakeFirstOrThrow();
      const interactions = await db
        .selectFrom('interactions')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('occurredAt', '>=', start)
        .where('occurredAt', '<', end)
        .executeTakeFirstOrThrow();
      const counts = interviews as unknown as Record<string, string | number>;
      const n = (key: string) => Number(counts[key] ?? 0);
      return {
        active: n('requests') + n('conversations') + n('thanked') + Number(interactions.n) > 0,
        requests: n('requests'),
        conversations: n('conversations'),
        thankYousOnTime: n('onTime'),
        weekly: Array.from({ length: weeks }, (_, w) => ({ requests: n(`r${w}`), conversations: n(`c${w}`) })),
      };
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
