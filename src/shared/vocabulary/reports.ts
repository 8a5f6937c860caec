// Plain values of the reports feature, without zod: the web app imports these, so its bundle carries no schema library.

/** The periods the cohort report covers: the last 4 or 12 weeks, this academic year (from 1 September), or chosen days. */
export const reportPeriods = ['last-4-weeks', 'last-12-weeks', 'academic-year', 'range'] as const;

/** The group `cohort=` picks besides a cohort's id: the students in no cohort. */
export const NO_COHORT = 'none';
