import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkEmail } from '../modules/coach/email.rules.js';
import { checkQuestion } from '../modules/coach/question.rules.js';
import { suggestions } from '../modules/coach/suggestions.usecases.js';
import { withContext } from './context.js';
import { seniorities, type Seniority } from '../shared/schemas/contacts.js';
import { emailRuleIds, questionRuleIds, type Finding } from '../shared/schemas/coach.js';
import { AppError } from '../shared/errors.js';
import { print, printJson } from './output.js';

function report(findings: Finding[], json: boolean | undefined, what: string): void {
  if (json) return printJson({ findings });
  if (findings.length === 0) return print(`No problems found in this ${what}.`);
  for (const f of findings) {
    print(`• ${f.rule}: ${f.message}`);
    if (f.suggestion) print(`  Try: ${f.suggestion}`);
  }
}

export function registerCoachCommands(program: Command): void {
  program
    .command('next')
    .description('whom to ask next, best first, with reasons')
    .option('--exploration <id>', 'only people at organisations in this exploration')
    .option('--organization <id>', 'only people at this organisation')
    .option('--limit <n>', 'how many', '10')
    .option('--json', 'print { items: [ { contactId, name, organization, score, reasons } ] }')
    .action(async (flags: { exploration?: string; organization?: string; limit: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new AppError('usage', 2, '--limit must be a whole number from 1 to 100');
      const result = await withContext(program, (ctx) => suggestions({ ctx, explorationId: flags.exploration, organizationId: flags.organization, limit }));
      if (flags.json) return printJson(result);
      if (result.items.length === 0) return print('Everyone has been asked already. Add people, or ask those you have met whom else to talk to.');
      for (const [i, s] of result.items.entries()) {
        print(`${i + 1}. ${s.name}${s.organization ? ` — ${s.organization.name}` : ''}  (score ${s.score})`);
        for (const reason of s.reasons) print(`     ${reason}`);
      }
    });

  const coach = program.command('coach').description('check a request email or an interview question (offline)');
  coach
    .command('email <file>')
    .description('check an outreach email: FILE, or - for standard input (optional "Subject:" line, blank line, body)')
    .option('--json', 'print { findings: [ { rule, message, suggestion } ] }')
    .addHelpText('after', `\nRule ids: ${emailRuleIds.join(', ')}.\nunfilled-placeholder: a merge field or hand-fill marker is still in the text ({{…}}, [exploration.title], <name>).`)
    .action((file: string, flags: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch {
        throw new AppError('coach.unreadable', 1, `cannot read ${file}`);
      }
      report(checkEmail(text), flags.json, 'email');
    });
  coach
    .command('question <text...>')
    .description('check an interview question')
    .requiredOption('--audience <level>', `who will hear it: ${seniorities.join(', ')}`)
    .option('--json', 'print { findings: [ { rule, message, suggestion } ] }')
    .addHelpText('after', `\nRule ids: ${questionRuleIds.join(', ')}.`)
    .action((words: string[], flags: { audience: string; json?: boolean }) => {
      if (!seniorities.includes(flags.audience as Seniority)) throw new AppError('usage', 2, `--audience must be one of ${seniorities.join(', ')}`);
      report(checkQuestion(words.join(' '), flags.audience as Seniority), flags.json, 'question');
    });
}
