// Plain values of the questions feature, without zod: the web app imports these, so its bundle carries no schema library.

export const questionCategories = [
  'trends',
  'insights',
  'advice',
  'resources',
  'assignments',
  'day-in-the-life',
  'career-path',
  'culture',
  'fit',
] as const;
