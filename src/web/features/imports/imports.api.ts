import { useQueryClient } from '@tanstack/react-query';
import { importPageSize } from '../../../shared/vocabulary/imports.js';
import type { ImportFormat, ImportReport } from '../../../shared/schemas/imports.js';
import { api } from '../../api/client.js';
import { invalidate, recordKeys } from '../../api/keys.js';

export interface ImportOptions {
  dryRun: boolean;
  merge: string;
  mapping?: Record<string, string>;
  offset?: number;
}

/** The file goes to the server as it is; a dry run only reports what would happen. */
export function sendImport(format: ImportFormat, file: File, options: ImportOptions): Promise<ImportReport> {
  return api.upload<ImportReport>(`/api/v1/imports/${format}`, file, {
    dryRun: String(options.dryRun),
    merge: options.merge,
    offset: String(options.offset ?? 0),
    limit: String(importPageSize),
    mapping: options.mapping ? JSON.stringify(options.mapping) : undefined,
  });
}

/** After a real import, everything that shows people, organisations and what follows from them is out of date. */
export function useRefreshAfterImport() {
  const client = useQueryClient();
  return () => invalidate(client, recordKeys);
}
