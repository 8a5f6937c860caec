import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { invitationStatuses, inviteFromCsv, revokeInvitation } from '../modules/cohorts/cohorts.usecases.js';
import { createMailer, mailSettingsFrom } from '../server/mailer.js';
import { AppError } from '../shared/errors.js';
import type { InvitationStatus } from '../shared/schemas/cohorts.js';
import { withContext } from './context.js';
import { print, printJson, shortDate, table } from './output.js';

const stateText = (i: InvitationStatus) =>
  i.state === 'accepted' ? `joined ${shortDate(i.acceptedAt)}${i.acceptedBy ? ` as ${i.acceptedBy.name}` : ''}` : i.state === 'revoked' ? `revoked ${shortDate(i.revokedAt)}` : i.state;

/** Cohort invitations from the command line: `users invite --csv`, `users invitations`, `users revoke-invitation`. */
export function registerInviteCommands(users: Command, program: Command): void {
  users
    .command('invite')
    .description('invite a whole cohort from a CSV file with a header row: email, name, role, cohort, adviser (all or nothing; emailed too when SMTP is set up)')
    .requiredOption('--csv <file>', 'the CSV file (UTF-8)')
    .option('--public-url <url>', 'the address people use, for full links and emails (default $INROADS_PUBLIC_URL)')
    .option('--json', 'print { items, cohortsCreated } as JSON, each item with its link')
    .action(async (flags: { csv: string; publicUrl?: string; json?: boolean }) => {
      let csv: string;
      try {
        csv = readFileSync(flags.csv, 'utf8');
      } catch {
        throw new AppError('usage', 2, `could not read ${flags.csv}`);
      }
      const appUrl = flags.publicUrl ?? process.env.INROADS_PUBLIC_URL ?? undefined;
      const settings = mailSettingsFrom(process.env);
      const mailer = settings && appUrl ? await createMailer(settings) : null;
      try {
        const result = await withContext(program, (ctx) => inviteFromCsv({ ctx, csv, createdBy: null, send: mailer?.send, appUrl })).catch((error: unknown) => {
          // Every problem on its own line, before the summary.
          if (error instanceof AppError && error.code === 'cohorts.csv_invalid' && Array.isArray(error.details)) {
            for (const problem of error.details) process.stderr.write(`  ${String(problem.message)}\n`);
          }
          throw error;
        });
        const link = (path: string) => (appUrl ? new URL(path, appUrl).href : path);
        if (flags.json) printJson({ ...result, items: result.items.map((i) => ({ ...i, link: link(i.path) })) });
        else {
          print(`Invited ${result.items.length} ${result.items.length === 1 ? 'person' : 'people'}${result.cohortsCreated.length ? `; new cohorts: ${result.cohortsCreated.join(', ')}` : ''}.`);
          print('Each link works once, for 14 days, and is shown only now:');
          for (const i of result.items) print(`  line ${i.line}: ${i.email} (${i.role}${i.cohort ? `, ${i.cohort}` : ''})${i.emailed ? ' emailed' : ''}  ${link(i.path)}`);
          if (!appUrl) print('(Put the server’s address in front of each link, or pass --public-url.)');
          if (result.items.some((i) => !i.emailed)) print('Links not emailed: send them to the people yourself.');
        }
      } finally {
        mailer?.close();
      }
    });

  users
    .command('invitations')
    .description('every invitation and where it stands: pending, emailed, joined, expired or revoked')
    .option('--json', 'print { items } as JSON')
    .action(async (flags: { json?: boolean }) => {
      const result = await withContext(program, (ctx) => invitationStatuses({ ctx }));
      if (flags.json) printJson(result);
      else
        print(
          result.items.length
            ? table(
                result.items.map((i) => ({ email: i.email, role: i.role, cohort: i.cohort?.name ?? '', status: stateText(i), expires: shortDate(i.expiresAt) })),
                ['email', 'role', 'cohort', 'status', 'expires'],
              )
            : 'No invitations yet. Invite a cohort with: inroads users invite --csv FILE',
        );
    });

  users
    .command('revoke-invitation <email>')
    .description('revoke the open invitation of an address: its link stops working at once')
    .option('--json', 'print { email, revoked } as JSON')
    .action(async (email: string, flags: { json?: boolean }) => {
      const result = await withContext(program, (ctx) => revokeInvitation({ ctx, email }));
      if (flags.json) printJson(result);
      else print(`Revoked the invitation for ${result.email}; its link no longer works.`);
    });
}
