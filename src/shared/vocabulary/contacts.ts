// Plain values of the contacts feature, without zod: the web app imports these, so its bundle carries no schema library.

export const meetingFormats = ['in-person', 'phone', 'video', 'email'] as const;

export const seniorities = ['junior', 'peer', 'one-step-above', 'senior', 'executive'] as const;
