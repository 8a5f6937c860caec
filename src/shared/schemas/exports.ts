import { z } from 'zod';

/** What everything can be downloaded as: a complete JSON backup, spreadsheets, or address-book cards. */
export const exportFileNames = ['inroads-export.json', 'contacts.csv', 'interviews.csv', 'contacts.vcf'] as const;
export type ExportFileName = (typeof exportFileNames)[number];
export const exportFileParams = z.object({ file: z.enum(exportFileNames) });

export const restoreQuery = z.object({ replace: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
export type RestoreQuery = z.infer<typeof restoreQuery>;
/** A JSON export as `inroads-export.json` holds it; the use case checks the rest. */
export const restoreInput = z.object({ format: z.string() }).passthrough();
export const restoreResponse = z.object({ rows: z.number().int() });
export type RestoreResult = z.infer<typeof restoreResponse>;
