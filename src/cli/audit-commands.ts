import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { auditCsv } from '../modules/sharing/audit.usecases.js';
import { auditExportQuery } from '../shared/schemas/sharing.js';
import { parseInput, withContext } from './context.js';

/** The audit of sharing on a shared server (`serve --multi-user`), for the centre's records. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit of sharing on a shared server: who looked at whose shared data, and every share and stop');
  audit
    .command('export [file]')
    .description('the whole audit as CSV (oldest first, times in UTC) to FILE, or to standard output')
    .option('--since <date>', 'only entries from this day (YYYY-MM-DD, UTC) or instant on')
    .action(async (file: string | undefined, flags: { since?: string }) => {
      const query = parseInput(auditExportQuery, flags.since === undefined ? {} : { since: flags.since });
      const csv = await withContext(program, (ctx) => auditCsv({ control: ctx, ...query }));
      if (file) {
        writeFileSync(file, csv);
        process.stderr.write(`Wrote ${csv.trimEnd().split('\r\n').length - 1} entries to ${file}\n`);
      } else process.stdout.write(csv);
    });
}
