import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { createPasswordReset, createUser, deleteUser, disableUser, enableUser, listUsers, RESET_MINUTES, setUserRole, unlockUser } from '../modules/accounts/accounts.usecases.js';
import { generatedPassword } from '../modules/accounts/passwords.js';
import { createUserInput, roles, type ListedUser, type Role } from '../shared/schemas/accounts.js';
import { AppError } from '../shared/errors.js';
import { configFrom, parseInput, withContext } from './context.js';
import { print, printJson, shortDate, table } from './output.js';
import { createMailer, mailSettingsFrom } from '../server/mailer.js';
import { workspaceRemover } from '../server/workspace-removal.js';
import { registerInviteCommands } from './invite-commands.js';


const status = (u: ListedUser) =>
  [u.disabledAt ? `disabled ${shortDate(u.disabledAt)}` : 'active', u.lockedUntil ? 'locked (too many failed sign-ins)' : '', u.mustChangePassword ? 'first password' : ''].filter(Boolean).join(', ');
const row = (u: ListedUser) => ({ email: u.email, name: u.name, role: u.role, status: status(u), created: shortDate(u.createdAt) });

async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await readline.question(question);
  } finally {
    readline.close();
  }
}

const roleOf = (value: string): Role => {
  if (!(roles as readonly string[]).includes(value)) throw new AppError('usage', 2, `the role must be one of ${roles.join(', ')} (got "${value}")`);
  return value as Role;
};

/** Accounts for a multi-user deployment (`inroads serve --multi-user`). */
export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('accounts for a multi-user deployment: add, list, disable, enable, reset-password, role, unlock, delete, invite --csv, invitations, revoke-invitation');

  registerInviteCommands(users, program);

  users
    .command('add <email>')
    .description('create an account; prints a first password unless --password-stdin gives one')
    .requiredOption('--name <name>', 'the person’s name')
    .option('--role <role>', `one of ${roles.join(', ')}`, 'explorer')
    .option('--password-stdin', 'read the password from standard input (first line)')
    .option('--no-must-change', 'do not ask for a new password at first sign-in (for an account of your own whose password you chose)')
    .option('--json', 'print the account as JSON')
    .action(async (email: string, flags: { name: string; role: string; passwordStdin?: boolean; mustChange: boolean; json?: boolean }) => {
      let password = generatedPassword();
      if (flags.passwordStdin) {
        try {
          password = (readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '').trimEnd();
        } catch {
          throw new AppError('usage', 2, 'could not read a password from standard input');
        }
      }
      const input = parseInput(createUserInput, { email, name: flags.name, role: flags.role, password });
      const { user } = await withContext(program, (ctx) => createUser({ ctx, input, mustChangePassword: flags.mustChange }));
      if (flags.json) printJson(flags.passwordStdin ? { user } : { user, password });
      else {
        print(`Created ${user.role} ${user.email}.`);
        if (!flags.passwordStdin) print(`First password (shown once; ask them to change it): ${password}`);
        if (user.mustChangePassword) print('They choose their own password when they first sign in.');
      }
    });

  users
    .command('disable <email>')
    .description('disable an account and end all of its sessions at once')
    .option('--json', 'print the account as JSON')
    .action(async (email: string, flags: { json?: boolean }) => {
      const { user } = await withContext(program, (ctx) => disableUser({ ctx, email }));
      if (flags.json) printJson({ user });
      else print(`Disabled ${user.email}; their sessions have ended.`);
    });

  users
    .command('enable <email>')
    .description('let a disabled account sign in again')
    .option('--json', 'print the account as JSON')
    .action(async (email: string, flags: { json?: boolean }) => {
      const { user } = await withContext(program, (ctx) => enableUser({ ctx, email }));
      if (flags.json) printJson({ user });
      else print(`Enabled ${user.email}; they can sign in again. If they have forgotten their password: inroads users reset-password ${user.email}`);
    });

  users
    .command('reset-password <email>')
    .description(`make a one-time link to choose a new password (good for ${RESET_MINUTES} minutes); emailed too when SMTP is set up`)
    .option('--public-url <url>', 'the address people use, for a full link (default $INROADS_PUBLIC_URL)')
    .option('--json', 'print { email, expiresAt, path, link, emailed } as JSON')
    .action(async (email: string, flags: { publicUrl?: string; json?: boolean }) => {
      const appUrl = flags.publicUrl ?? process.env.INROADS_PUBLIC_URL ?? undefined;
      const settings = mailSettingsFrom(process.env);
      const mailer = settings && appUrl ? await createMailer(settings) : null;
      try {
        const reset = await withContext(program, (ctx) => createPasswordReset({ ctx, email, send: mailer?.send, appUrl }));
        const link = appUrl ? new URL(reset.path, appUrl).href : reset.path;
        if (flags.json) printJson({ ...reset, link });
        else {
          print(`Reset link for ${reset.email} (works once, until ${reset.expiresAt.slice(11, 16)} UTC):`);
          print(`  ${link}`);
          if (!appUrl) print('  (Put the server’s address in front of it, or pass --public-url.)');
          print(reset.emailed ? `Also sent by email to ${reset.email}.` : 'Not emailed (no SMTP server configured, or no public address): send it to them yourself.');
        }
      } finally {
        mailer?.close();
      }
    });

  users
    .command('role <email> <role>')
    .description(`change an account's role: ${roles.join(', ')} (the only active admin keeps theirs)`)
    .option('--json', 'print the account as JSON')
    .action(async (email: string, role: string, flags: { json?: boolean }) => {
      const wanted = roleOf(role);
      const { user } = await withContext(program, (ctx) => setUserRole({ ctx, email, role: wanted }));
      if (flags.json) printJson({ user });
      else print(`${user.email} is now ${user.role === 'admin' ? 'an admin' : `a ${user.role}`}.`);
    });

  users
    .command('unlock <email>')
    .description('end a sign-in block after too many failed attempts')
    .option('--json', 'print the account as JSON')
    .action(async (email: string, flags: { json?: boolean }) => {
      const { user } = await withContext(program, (ctx) => unlockUser({ ctx, email }));
      if (flags.json) printJson({ user });
      else print(`Unlocked ${user.email}: they can try signing in again now.`);
    });

  users
    .command('delete <email>')
    .description('delete an account and its whole workspace, for good (ask them to download their export from Account first); asks you to type the email again')
    .option('--yes', 'do not ask (for scripts): the account and its workspace are deleted at once')
    .option('--json', 'print { deleted, email } as JSON')
    .action(async (email: string, flags: { yes?: boolean; json?: boolean }) => {
      if (!flags.yes) {
        if (!process.stdin.isTTY) throw new AppError('usage', 2, 'deleting needs confirmation: run it in a terminal, or add --yes');
        const typed = await ask(`This deletes ${email} and everything in their workspace, for good. Type the email again to confirm: `);
        if (typed.trim().toLowerCase() !== email.trim().toLowerCase()) throw new AppError('usage', 2, 'the email typed did not match; nothing was deleted');
      }
      const config = configFrom(program);
      const result = await withContext(program, (ctx, handle) => deleteUser({ ctx, email, removeWorkspace: workspaceRemover(handle, join(config.home, 'users')) }));
      if (flags.json) printJson(result);
      else print(`Deleted ${result.email} and everything in their workspace.`);
    });

  users
    .command('list')
    .description('every account with its role and status')
    .option('--json', 'print { items } as JSON')
    .action(async (flags: { json?: boolean }) => {
      const result = await withContext(program, (ctx) => listUsers({ ctx }));
      if (flags.json) printJson(result);
      else print(result.items.length ? table(result.items.map(row), ['email', 'name', 'role', 'status', 'created']) : 'No accounts yet. Add one with: inroads users add EMAIL --name NAME --role admin');
    });
}
