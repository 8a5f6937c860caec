import type { Database } from '../../db/database.js';
import { DATA_TABLES } from '../../db/tables.js';
import { migrations } from '../../db/migrations/registry.js';
import { AppError } from '../../shared/errors.js';
import { VERSION } from '../../shared/version.js';
import type { AppContext } from '../repositories.js';
import { now } from '../references.js';
import type { TableDump } from './exports.repository.js';
import { contactsCsv, contactsVCard, interviewsCsv } from './formats.js';

export const EXPORT_FORMAT = 'inroads-export';
export const EXPORT_VERSION = 1;

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  app: string;
  schema: string;
  exportedAt: string;
  tables: TableDump;
}

const currentSchema = () => Object.keys(migrations).at(-1) ?? '';

/** Everything in the workspace, table by table, exactly as stored: a complete, versioned backup. */
export async function exportJson({ ctx }: { ctx: AppContext }): Promise<JsonExport> {
  return ctx.transaction(async (tx) => ({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    app: VERSION,
    schema: currentSchema(),
    exportedAt: now(tx),
    tables: await tx.repos.exports.dump(),
  }));
}

/**
 * Restores a JSON export into an empty workspace (or, with `replace`, instead of
 * everything there), in one transaction: it all arrives, or nothing changes.
 */
export async function restoreJson({ ctx, text, replace = false }: { ctx: AppContext; text: string; replace?: boolean }): Promise<{ rows: number }> {
  let data: JsonExport;
  try {
    data = JSON.parse(text) as JsonExport;
  } catch (error) {
    throw new AppError('restore.invalid_file', 400, `This is not a JSON export: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
  }
  if (data?.format !== EXPORT_FORMAT || typeof data.tables !== 'object' || data.tables === null) {
    throw new AppError('restore.invalid_file', 400, 'This file is not an Inroads export (its "format" is not inroads-export). Nothing was changed.');
  }
  if (data.version > EXPORT_VERSION || !(data.schema in migrations)) {
    throw new AppError('restore.newer_file', 400, `This export was written by a newer Inroads (format ${data.version}, schema ${data.schema}). Upgrade Inroads to restore it. Nothing was changed.`);
  }
  const unknown = Object.keys(data.tables).filter((t) => !DATA_TABLES.includes(t as keyof Database));
  if (unknown.length) throw new AppError('restore.invalid_file', 400, `Unknown table in the export: ${unknown.join(', ')}. Nothing was changed.`);
  for (const [table, rows] of Object.entries(data.tables)) {
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null)) {
      throw new AppError('restore.invalid_file', 400, `The export's ${table} is not a list of records. Nothing was changed.`);
    }
  }
  return ctx.transaction(async (tx) => {
    if (!(await tx.repos.exports.isEmpty())) {
      if (!replace) {
        throw new AppError('restore.not_empty', 409, 'This workspace already has data. Restore into a new --home, or pass --replace to replace everything in it. Nothing was changed.');
      }
      await tx.repos.exports.clear();
    } else {
      await tx.repos.exports.clear();
    }
    try {
      await tx.repos.exports.load(data.tables);
    } catch (error) {
      throw new AppError('restore.failed', 400, `The export could not be restored: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
    }
    return { rows: Object.values(data.tables).reduce((sum, rows) => sum + (rows?.length ?? 0), 0) };
  });
}

async function allInterviews(ctx: AppContext) {
  const out = [];
  for (let offset = 0; ; offset += 500) {
    const page = await ctx.repos.interviews.list({}, { field: 'createdAt', direction: 'asc' }, { limit: 500, offset });
    out.push(...page.items);
    if (page.items.length < 500) return out;
  }
}

export type TabularExport = 'contacts-csv' | 'interviews-csv' | 'vcard';

/** People as CSV or vCard 4.0, interviews as CSV. */
export async function exportFile({ ctx, kind }: { ctx: AppContext; kind: TabularExport }): Promise<string> {
  if (kind === 'interviews-csv') return interviewsCsv(await allInterviews(ctx));
  const contacts = await ctx.repos.contacts.all();
  contacts.sort((a, b) => a.name.localeCompare(b.name));
  return kind === 'vcard' ? contactsVCard(contacts, now(ctx)) : contactsCsv(contacts);
}
