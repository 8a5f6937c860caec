// Plain values of the interactions feature, without zod: the web app imports these, so its bundle carries no schema library.

export const interactionKinds = ['email-sent', 'email-received', 'call', 'meeting', 'message', 'note', 'check-in', 'thank-you'] as const;
