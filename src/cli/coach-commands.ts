import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkEmail } from '../modules/coach/email.rules.js';
import { checkQuestion } from '../modules/coach/question.rules.js';
import { seniorities, type Seniority } from '../shared/schemas/contacts.js';
import type { Finding } from '../shared/schemas/coach.js';
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
  const coach = program.command('coach').description('check a request email or an interview question (offline)');
  coach
    .command('email <file>')
    .description('check an outreach email: FILE, or - for standard input (optional "Subject:" line, blank line, body)')
    .option('--json', 'print { findings: [ { rule, message, suggestion } ] }')
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
    .action((words: string[], flags: { audience: string; json?: boolean }) => {
      if (!seniorities.includes(flags.audience as Seniority)) throw new AppError('usage', 2, `--audience must be one of ${seniorities.join(', ')}`);
      report(checkQuestion(words.join(' '), flags.audience as Seniority), flags.json, 'question');
    });
}
