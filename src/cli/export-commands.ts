import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { exportFile, exportJson, restoreJson } from '../modules/exports/exports.usecases.js';
import { AppError } from '../shared/errors.js';
import { withContext } from './context.js';
import { print, printJson } from './output.js';

/** Writes beside the target and renames, so FILE is never half-written. */
function writeAtomically(file: string, text: string): string {
  const target = resolve(file);
  const temporary = `${target}.partial-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, target);
  return target;
}

export function registerExportCommands(program: Command): void {
  program
    .command('export <format> <file>')
    .description('take everything out: json (a complete backup), csv (people, or --interviews), vcard (people, vCard 4.0)')
    .option('--interviews', 'csv: export interviews instead of people')
    .option('--json', 'print { file, bytes } as JSON')
    .action(async (format: string, file: string, flags: { interviews?: boolean; json?: boolean }) => {
      if (!['json', 'csv', 'vcard'].includes(format)) throw new AppError('usage', 2, `unknown format "${format}": use json, csv or vcard`);
      const text = await withContext(program, async (ctx) => {
        if (format === 'json') return `${JSON.stringify(await exportJson({ ctx }), null, 1)}\n`;
        return exportFile({ ctx, kind: format === 'vcard' ? 'vcard' : flags.interviews ? 'interviews-csv' : 'contacts-csv' });
      });
      const target = writeAtomically(file, text);
      const bytes = Buffer.byteLength(text);
      if (flags.json) printJson({ file: target, bytes });
      else print(`Wrote ${target} (${Math.max(1, Math.round(bytes / 1024))} KiB).`);
    });

  program
    .command('restore <file>')
    .description('restore a JSON export into this (empty) workspace')
    .option('--replace', 'replace everything already in the workspace')
    .option('--json', 'print { rows } as JSON')
    .action(async (file: string, flags: { replace?: boolean; json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(resolve(file), 'utf8');
      } catch {
        throw new AppError('restore.unreadable', 1, `cannot read ${file}`);
      }
      const result = await withContext(program, (ctx) => restoreJson({ ctx, text, replace: Boolean(flags.replace) }));
      if (flags.json) printJson(result);
      else print(`Restored ${result.rows} records from ${resolve(file)}.`);
    });
}
