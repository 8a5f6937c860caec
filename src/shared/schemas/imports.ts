import { z } from 'zod';

export const importFormats = ['linkedin', 'vcard', 'google', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

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
export const maxImportPageSize = 1000;
/** Notes about the file sent with a report; `counts.problems` has them all. */
export const maxImportProblems = 200;

const problem = z.object({ line: z.number().int(), severity: z.enum(['fatal', 'row']), message: z.string() });

export const importReportSchema = z.object({
  format: z.enum(importFormats),
  dryRun: z.boolean(),
  applied: z.boolean(),
  counts: z.object({
    records: z.number().int(),
    new: z.number().int(),
    matched: z.number().int(),
    /** Matched people the import adds something to. */
    updated: z.number().int(),
    /** Matched people whose details differ from the file's (a decision for the user). */
    conflicting: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    problems: z.number().int(),
    /** People in the file of whom the import leaves something out or changes something (`remarks` lists the first). */
    remarked: z.number().int(),
  }),
  /** Only the rows that need a look (matched people with changes or differences), one page at a time. */
  items: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      action: z.enum(['create', 'update', 'unchanged', 'skip']),
      contactId: z.string().nullable(),
      matchedBy: z.string().nullable(),
      /** Fields where the person and the file both have a value, and they differ. */
      conflicts: z.array(z.string()),
      /** Fields the import writes on the person. */
      changes: z.array(z.string()),
    }),
  ),
  page: z.object({ offset: z.number().int(), limit: z.number().int(), total: z.number().int() }),
  /** The first notes about the file, by line; `counts.problems` says how many there are. */
  problems: z.array(problem),
  mapping: z.record(z.string(), z.string()).optional(),
  header: z.array(z.string()).optional(),
  /**
   * Per person, in plain words, what the import leaves out or changes ("The birthday “1984-05-02”
   * is not kept."); `needsName` when the file gave no name and one was made from the email address.
   */
  remarks: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      contactId: z.string().nullable(),
      needsName: z.boolean(),
      remarks: z.array(z.string()),
    }),
  ),
});

export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportReportItem = ImportReport['items'][number];
