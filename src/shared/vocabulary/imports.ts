// Plain values of the imports feature, without zod: the web app imports these, so its bundle carries no schema library.

/** What a person sees for each field an import reads, changes or finds different. */
export const importFieldLabels: Record<string, string> = {
  name: 'Full name',
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email',
  emails: 'Emails',
  phone: 'Phone',
  phones: 'Phones',
  title: 'Job title',
  organization: 'Organisation',
  department: 'Department',
  linkedinUrl: 'LinkedIn address',
  notes: 'Notes',
  tags: 'Tags',
  connectedOn: 'Connected on',
  relationship: 'How you know them',
};

/** ["givenName", "linkedinUrl"] → "First name, LinkedIn address". */
export const describeFields = (fields: readonly string[]): string => fields.map((f) => importFieldLabels[f] ?? f).join(', ');

/** The rows of the preview shown at a time (at most `maxImportPageSize`). */
export const importPageSize = 100;
