// Plain values of the explorations feature, without zod: the web app imports these, so its bundle carries no schema library.

export const explorationKinds = ['field', 'role', 'employer'] as const;

export const transitions = ['start-career', 'change-career', 'change-job', 'change-employer', 'school-or-training', 'graduating'] as const;

/** The four questions every exploration is meant to answer. */
export const keyQuestions = [
  { key: 'success', question: 'Would I be successful?' },
  { key: 'fit', question: 'Is it a good fit?' },
  { key: 'desire', question: 'Do I want to do it?' },
  { key: 'prospects', question: 'Where can it lead?' },
] as const;
