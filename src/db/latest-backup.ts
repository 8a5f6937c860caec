import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `inroads backup` notes, beside the database it copied, where it wrote its latest backup,
 * so that if that database is ever found damaged the refusal can name the file to go back to.
 */
const recordFor = (databasePath: string) => `${resolve(databasePath)}-latest-backup.json`;

export interface LatestBackup {
  file: string;
  /** When it was made (ISO 8601, UTC). */
  at: string;
}

/** Notes `file` as the latest backup of the SQLite database at `databasePath` (readable by the owner only). */
export function rememberBackup(databasePath: string, file: string, at: Date): void {
  if (databasePath === ':memory:') return;
  const record: LatestBackup = { file: resolve(file), at: at.toISOString() };
  writeFileSync(recordFor(databasePath), `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

/** The latest backup noted for the database at `databasePath`, while that file still exists; otherwise null. */
export function latestBackup(databasePath: string): LatestBackup | null {
  try {
    const record = JSON.parse(readFileSync(recordFor(databasePath), 'utf8')) as Partial<LatestBackup>;
    if (typeof record.file !== 'string' || typeof record.at !== 'string' || !existsSync(record.file)) return null;
    return { file: record.file, at: record.at };
  } catch {
    return null;
  }
}
