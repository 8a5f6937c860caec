import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { runImport } from '../modules/imports/imports.usecases.js';
import { AppError } from '../shared/errors.js';
import {
  describeFields,
  importFormats,
  mappableFields,
  type ColumnMapping,
  type ImportFormat,
  type ImportMergeChoice,
  type ImportReport,
  type MappableField,
} from '../shared/schemas/imports.js';
import { withContext } from './context.js';
import { print, printJson, table } from './output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function parseMapping(pairs: string[] | undefined): ColumnMapping | undefined {
  if (!pairs?.length) return undefined;
  const mapping: ColumnMapping = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq) as MappableField;
    if (eq < 1 || !mappableFields.includes(field)) {
      throw new AppError('usage', 2, `--map takes FIELD=Column header, with FIELD one of: ${mappableFields.join(', ')} (got "${pair}")`);
    }
    mapping[field] = pair.slice(eq + 1);
  }
  return mapping;
}

function printReport(report: ImportReport): void {
  const c = report.counts;
  print(
    `${report.dryRun ? 'Preview (nothing written)' : 'Imported'}: ${c.records} ${c.records === 1 ? 'person' : 'people'} read — ${c.new} new, ${c.matched} already there (${c.updated} gaining details, ${c.conflicting} with differences, ${c.unchanged} unchanged${c.skipped ? `, ${c.skipped} skipped` : ''}).`,
  );
  if (report.mapping) print(`Columns: ${Object.entries(report.mapping).map(([f, h]) => `${f} ← "${h}"`).join(', ')}`);
  if (report.problems.length) {
    print(`\n${c.problems} ${c.problems === 1 ? 'note' : 'notes'} about the file:`);
    for (const p of report.problems.slice(0, 50)) print(`  line ${p.line}: ${p.message}`);
    if (c.problems > 50) print(`  … and ${c.problems - 50} more${report.problems.length > 50 ? ' (use --json for the first 200)' : ''}.`);
  }
  const interesting = report.items.slice(0, 20);
  if (interesting.length) {
    print(`\n${report.page.total} ${report.page.total === 1 ? 'person needs' : 'people need'} a look:`);
    print(
      table(
        interesting.map((i) => ({ line: String(i.line), name: i.name, action: i.action, 'matched by': i.matchedBy ?? '', adds: describeFields(i.changes), differences: describeFields(i.conflicts) })),
        ['line', 'name', 'action', 'matched by', 'adds', 'differences'],
      ),
    );
    if (report.page.total > interesting.length) print(`… and ${report.page.total - interesting.length} more (use --json).`);
  }
  if (report.dryRun) print('\nRun again without --dry-run to import. --merge overwrite lets the file win where the two differ.');
}

export function registerImportCommands(program: Command): void {
  program
    .command('import <format> <file>')
    .description(`import people: ${importFormats.join(', ')} (LinkedIn: Connections.csv or the whole export ZIP)`)
    .option('--dry-run', 'show what would happen, write nothing')
    .option('--merge <choice>', 'for people already there: fill (add what is missing; default), overwrite, or skip', 'fill')
    .option('--strict', 'refuse the whole file if any row has a problem')
    .option('--map <field=header>', 'csv only: read FIELD from the column with this header (repeatable)', collect)
    .option('--json', 'print the report as JSON')
    .action(async (format: string, file: string, flags: { dryRun?: boolean; merge: string; strict?: boolean; map?: string[]; json?: boolean }) => {
      if (!importFormats.includes(format as ImportFormat)) throw new AppError('usage', 2, `unknown format "${format}": use one of ${importFormats.join(', ')}`);
      if (!['fill', 'overwrite', 'skip'].includes(flags.merge)) throw new AppError('usage', 2, '--merge must be fill, overwrite or skip');
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(resolve(file));
      } catch {
        throw new AppError('imports.unreadable', 1, `cannot read ${file}`);
      }
      const report = await withContext(program, (ctx) =>
        runImport({
          ctx,
          format: format as ImportFormat,
          bytes,
          mapping: parseMapping(flags.map),
          merge: flags.merge as ImportMergeChoice,
          dryRun: Boolean(flags.dryRun),
          strict: Boolean(flags.strict),
        }),
      );
      if (flags.json) printJson(report);
      else printReport(report);
    });
}
