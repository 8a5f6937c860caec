// Plain values of the mail feature, without zod: the web app imports these, so its bundle carries no schema library.

/** Kinds of message Inroads can send from a draft. */
export const sendableKinds = ['request', 'follow-up', 'thank-you', 'check-in', 'report-back'] as const;
