import { AppError, clip } from '../../shared/errors.js';
import { findUnstorable } from '../../shared/input.js';
import { VERSION } from '../../shared/version.js';
import type { AppContext } from '../repositories.js';
import { now } from '../references.js';
import { currentSchema, dataTables, isDataTable, knowsSchema, type DataTable, type TableDump } from './exports.repository.js';
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
  } catch {
    throw new AppError('restore.invalid_file', 400, 'This is not a JSON export: the file is not valid JSON. Nothing was changed.');
  }
  if (data?.format !== EXPORT_FORMAT || typeof data.tables !== 'object' || data.tables === null || Array.isArray(data.tables)) {
    throw new AppError('restore.invalid_file', 400, 'This file is not an Inroads export (its "format" is not inroads-export). Nothing was changed.', { field: 'format' });
  }
  if (typeof data.version !== 'number' || typeof data.schema !== 'string') {
    throw new AppError('restore.invalid_file', 400, 'This export has no version or schema (its "version" must be a number and its "schema" a name). Nothing was changed.', { field: typeof data.version !== 'number' ? 'version' : 'schema' });
  }
  if (data.version > EXPORT_VERSION || !knowsSchema(data.schema)) {
    throw new AppError('restore.newer_file', 400, `This export was written by a newer Inroads (format ${data.version}, schema ${clip(data.schema, 60)}). Upgrade Inroads to restore it. Nothing was changed.`);
  }
  const unknown = Object.keys(data.tables).filter((t) => !isDataTable(t));
  if (unknown.length) {
    const names = unknown.slice(0, 5).map((t) => clip(t, 40)).join(', ');
    throw new AppError('restore.invalid_file', 400, `Unknown table in the export: ${names}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}. Nothing was changed.`, { field: `tables.${clip(unknown[0] ?? '', 40)}` });
  }
  const tables = data.tables;
  for (const [table, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
      throw new AppError('restore.invalid_file', 400, `The export's ${table} is not a list of records. Nothing was changed.`, { field: `tables.${table}` });
    }
  }
  // JSON can only carry a NUL escaped, so a file without "\u0000" needs no walk.
  const unstorable = /\\u0000/i.test(text) ? findUnstorable(tables) : null;
  if (unstorable) {
    const field = clip(['tables', ...unstorable.path].join('.'), 120);
    throw new AppError('restore.invalid_file', 400, `The export's ${field} ${unstorable.message}. Nothing was changed.`, { field });
  }
  return ctx.transaction(async (tx) => {
    if (!(await tx.repos.exports.isEmpty())) {
      if (!replace) {
        throw new AppError('restore.not_empty', 409, 'This workspace already has data. Restore into a new --home, or pass --replace to replace everything in it. Nothing was changed.');
      }
    }
    const columns = await tx.repos.exports.columns();
    for (const table of dataTables) {
      const known = columns.get(table) ?? new Set<string>();
      (tables[table] ?? []).forEach((row, i) => {
        const stranger = Object.keys(row).find((key) => !known.has(key));
        if (stranger !== undefined) {
          const field = `tables.${table}.${i}.${clip(stranger, 40)}`;
          throw new AppError('restore.invalid_file', 400, `The export's ${table} record ${i + 1} has a field this Inroads does not know (${clip(stranger, 40)}). Nothing was changed.`, { field });
        }
      });
    }
    await tx.repos.exports.clear();
    for (const table of dataTables) await loadTable(tx, table, tables[table] ?? []);
    await loadTable(tx, 'referrers', tables.contacts ?? []);
    return { rows: Object.values(tables).reduce((sum, rows) => sum + (rows?.length ?? 0), 0) };
  });
}

/**
 * One table into the database. What the database says when a row does not fit
 * names its own tables and columns (and quotes values), so only the table is told.
 */
async function loadTable(tx: AppContext, table: DataTable | 'referrers', rows: Array<Record<string, unknown>>): Promise<void> {
  try {
    if (table === 'referrers') await tx.repos.exports.linkReferrers(rows);
    else await tx.repos.exports.loadTable(table, rows);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const what = table === 'referrers' ? 'contacts (who referred whom)' : table;
    throw new AppError(
      'restore.failed',
      400,
      `The export's ${what} could not be restored: a record is missing a required field, has a value of the wrong kind, or refers to something that is not in the file. Nothing was changed.`,
      { field: `tables.${table === 'referrers' ? 'contacts' : table}` },
    );
  }
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
