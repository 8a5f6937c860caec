import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createUser, disableUser, listUsers } from '../modules/accounts/accounts.usecases.js';
import { generatedPassword } from '../modules/accounts/passwords.js';
import { createUserInput, roles, type User } from '../shared/schemas/accounts.js';
import { AppError } from '../shared/errors.js';
import { parseInput, withContext } from './context.js';
import { print, printJson, shortDate, table } from './output.js';


const row = (u: User) => ({ email: u.email, name: u.name, role: u.role, status: u.disabledAt ? `disabled ${shortDate(u.disabledAt)}` : 'active', created: shortDate(u.createdAt) });

/** Accounts for a multi-user deployment (`inroads serve --multi-user`). */
export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('accounts for a multi-user deployment: add, disable, list');

  users
    .command('add <email>')
    .description('create an account; prints a first password unless --password-stdin gives one')
    .requiredOption('--name <name>', 'the person’s name')
    .option('--role <role>', `one of ${roles.join(', ')}`, 'explorer')
    .option('--password-stdin', 'read the password from standard input (first line)')
    .option('--json', 'print the account as JSON')
    .action(async (email: string, flags: { name: string; role: string; passwordStdin?: boolean; json?: boolean }) => {
      let password = generatedPassword();
      if (flags.passwordStdin) {
        try {
          password = (readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '').trimEnd();
        } catch {
          throw new AppError('usage', 2, 'could not read a password from standard input');
        }
      }
      const input = parseInput(createUserInput, { email, name: flags.name, role: flags.role, password });
      const { user } = await withContext(program, (ctx) => createUser({ ctx, input }));
      if (flags.json) printJson(flags.passwordStdin ? { user } : { user, password });
      else {
        print(`Created ${user.role} ${user.email}.`);
        if (!flags.passwordStdin) print(`First password (shown once; ask them to change it): ${password}`);
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
    .command('list')
    .description('every account with its role and status')
    .option('--json', 'print { items } as JSON')
    .action(async (flags: { json?: boolean }) => {
      const result = await withContext(program, (ctx) => listUsers({ ctx }));
      if (flags.json) printJson(result);
      else print(result.items.length ? table(result.items.map(row), ['email', 'name', 'role', 'status', 'created']) : 'No accounts yet. Add one with: inroads users add EMAIL --name NAME --role admin');
    });
}
