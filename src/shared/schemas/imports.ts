import { z } from 'zod';
import { importFieldLabels, describeFields, importPageSize } from '../vocabulary/imports.js';
export { importFieldLabels, describeFields, importPageSize };

export const importFormats = ['linkedin', 'vcard', 'google', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The fields a column of any CSV file can be read into. */
export const mappableFields = ['name', 'givenName', 'familyName', 'email', 'phone', 'title', 'organization', 'department', 'linkedinUrl', 'notes', 'tags', 'connectedOn'] as const;
export type MappableField = (typeof mappableFields)[number];
/** Field → the header it is read from. */
export type ColumnMapping = Partial<Record<MappableField, string>>;

/** What an import does to a person already here: fill their empty fields, overwrite them, or leave them alone. */
export const importMergeChoices = ['fill', 'overwrite', 'skip'] as const;
export type ImportMergeChoice = (typeof importMergeChoices)[number];

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

export const importParams = z.object({ format: z.enum(importFormats) });

/** `mapping` in a query string: a JSON object of field → column header. */
const columnMappingParam = z
  .string()
  .optional()
  .transform((value, context): ColumnMapping | undefined => {
    if (!value) return undefined;
    try {
      return z.partialRecord(z.enum(mappableFields), z.string()).parse(JSON.parse(value));
    } catch {
      context.addIssue({ code: 'custom', message: `must be a JSON object of field → column header; fields: ${mappableFields.join(', ')}` });
      return z.NEVER;
    }
  });

const trueOrFalse = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

export const importQuery = z.object({
  dryRun: trueOrFalse,
  merge: z.enum(importMergeChoices).default('fill'),
  strict: trueOrFalse,
  mapping: columnMappingParam,
  /** Which rows needing a decision the report lists. */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(maxImportPageSize).default(importPageSize),
});
export type ImportQuery = z.infer<typeof importQuery>;
