// Plain values of the accounts feature, without zod: the web app imports these, so its bundle carries no schema library.

/** Explorers run their own search; coaches see what explorers share with them; admins manage accounts. */
export const roles = ['explorer', 'coach', 'admin'] as const;
