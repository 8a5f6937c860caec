// Plain values of the leads feature, without zod: the web app imports these, so its bundle carries no schema library.

/** What was heard: a role about to open, a growing team, a project, an event, a person to meet. */
export const leadKinds = ['role', 'team', 'project', 'event', 'person', 'other'] as const;

/** Where the user is with it, in order; a closed lead leaves the agenda. */
export const leadStatuses = ['heard', 'looking-into-it', 'pursuing', 'closed'] as const;
