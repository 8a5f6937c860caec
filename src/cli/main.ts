import { Command, CommanderError, Option } from 'commander';
import { errorEntry } from '../shared/error-codes.js';
import { AppError } from '../shared/errors.js';
import { registerCoachCommands } from './coach-commands.js';
import { registerDataCommands } from './data-commands.js';
import { registerFollowupCommands } from './followup-commands.js';
import { registerExportCommands } from './export-commands.js';
import { registerImportCommands } from './import-commands.js';
import { registerMailCommands } from './mail-commands.js';
import { registerReportCommands } from './report-commands.js';
import { registerServerCommands } from './server-commands.js';
import { registerUserCommands } from './user-commands.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerWeekCommands } from './week-commands.js';

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command();
program
  .name('inroads')
  .description('Inroads: plan, hold and follow up informational interviews.')
  .version('0.1.0')
  .addOption(new Option('--home <dir>', 'where Inroads keeps its data (default $INROADS_HOME or ~/.local/share/inroads)'))
  .addOption(new Option('--database <url>', 'a postgres:// URL or a SQLite file (default $INROADS_DATABASE_URL or HOME/inroads.db)'))
  .showHelpAfterError('(run inroads --help for usage)')
  .exitOverride();

registerServerCommands(program);
registerDataCommands(program);
registerFollowupCommands(program);
registerImportCommands(program);
registerExportCommands(program);
registerCoachCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerWeekCommands(program);
registerMailCommands(program);
registerReportCommands(program);

function fail(message: string, code: number): never {
  process.stderr.write(`inroads: ${message}\n`);
  process.exit(code);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) process.exit(0);
    process.exit(2);
  }
  // A command-line error exits with its catalogue status (2 for misuse); any other coded error with 1.
  if (error instanceof AppError) fail(error.message, errorEntry(error.code).exit ? error.status : 1);
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    fail('that port is already in use: is Inroads already running? Try --port with another number.', 1);
  }
  fail(error instanceof Error ? error.message : String(error), 1);
}
