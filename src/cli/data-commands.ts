import type { Command } from 'commander';
import { backupDatabase } from '../db/backup.js';
import { rememberBackup } from '../db/latest-backup.js';
import { createContact, getContact, listContacts } from '../modules/contacts/contacts.usecases.js';
import { createInterview, listInterviews, transitionInterview } from '../modules/interviews/interviews.usecases.js';
import { createOrganization, findOrCreateOrganization, listOrganizations } from '../modules/organizations/organizations.usecases.js';
import type { AppContext } from '../modules/repositories.js';
import { search } from '../modules/search/search.usecases.js';
import { contactTimeline } from '../modules/timeline/timeline.usecases.js';
import { ID_PATTERN } from '../shared/ids.js';
import { parseSort } from '../shared/schemas/common.js';
import { contactListQuery, createContactInput, type ContactSortField } from '../shared/schemas/contacts.js';
import { createInterviewInput, interviewListQuery, transitionInput, type InterviewSortField } from '../shared/schemas/interviews.js';
import { createOrganizationInput, organizationListQuery, type OrganizationSortField } from '../shared/schemas/organizations.js';
import { searchQuery } from '../shared/schemas/search.js';
import { parseInput, withContext } from './context.js';
import { print, printJson, shortDate, table } from './output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const compact = <T extends Record<string, unknown>>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

interface ListFlags {
  limit?: string;
  offset?: string;
  sort?: string;
  json?: boolean;
}

function withListFlags(command: Command, sortHelp: string): Command {
  return command
    .option('--limit <n>', 'how many to show (1–500)', '50')
    .option('--offset <n>', 'how many to skip', '0')
    .option('--sort <field>', `${sortHelp}; prefix - for descending`)
    .option('--json', 'print the API objects as JSON');
}

/** An organisation given by id, or by name (created when it does not exist yet). */
async function organizationIdFor(ctx: AppContext, value: string | undefined): Promise<string | undefined> {
  if (!value) return undefined;
  if (ID_PATTERN.test(value)) return value;
  const { name, motivation, posting, advocacy, explorationIds } = parseInput(createOrganizationInput, { name: value });
  const id = await findOrCreateOrganization({ ctx, name, defaults: { target: true, motivation, posting, advocacy, explorationIds } });
  return id ?? undefined;
}

export function registerDataCommands(program: Command): void {
  const contacts = program.command('contacts').description('the people in your network');

  withListFlags(contacts.command('list').description('list people'), 'name, createdAt, updatedAt or connectedOn')
    .option('--organization <id>', 'only people at this organisation')
    .option('--exploration <id>', 'only people linked to this exploration')
    .option('--relationship <kinds>', 'comma-separated: family, friend, classmate, former-colleague, linkedin-connection, alumni, referral, cold')
    .option('--tag <tag>', 'only people with this tag')
    .action(async (flags: ListFlags & { organization?: string; exploration?: string; relationship?: string; tag?: string }) => {
      const query = parseInput(
        contactListQuery,
        compact({
          limit: flags.limit,
          offset: flags.offset,
          sort: flags.sort,
          organizationId: flags.organization,
          explorationId: flags.exploration,
          relationship: flags.relationship,
          tag: flags.tag,
        }),
      );
      const { limit, offset, sort, ...filters } = query;
      const result = await withContext(program, (ctx) =>
        listContacts({ ctx, filters, sort: parseSort<ContactSortField>(sort), page: { limit, offset } }),
      );
      if (flags.json) return printJson(result);
      print(
        table(
          result.items.map((c) => ({
            id: c.id,
            name: c.name,
            title: c.title ?? '',
            organization: c.organization?.name ?? '',
            relationship: c.relationship,
          })),
          ['id', 'name', 'title', 'organization', 'relationship'],
        ),
      );
      print(`${result.items.length === 0 ? 'No people' : `${offset + 1}–${offset + result.items.length}`} of ${result.total}.`);
    });

  contacts
    .command('add')
    .description('add a person')
    .option('--name <name>', 'display name')
    .option('--given-name <name>')
    .option('--family-name <name>')
    .option('--title <title>', 'job title')
    .option('--organization <name-or-id>', 'organisation (created if the name is new)')
    .option('--seniority <level>', 'junior, peer, one-step-above, senior or executive')
    .option('--relationship <kind>', 'how you know them (default cold)')
    .option('--email <address>', 'an email address (repeatable)', collect)
    .option('--phone <number>', 'a phone number (repeatable)', collect)
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--exploration <id>', 'an exploration they join (repeatable)', collect)
    .option('--how-we-met <text>')
    .option('--notes <text>')
    .option('--time-zone <zone>', 'their IANA time zone, such as Europe/Berlin')
    .option('--json', 'print the new contact as JSON')
    .action(async (flags: Record<string, string | string[] | boolean | undefined>) => {
      const contact = await withContext(program, async (ctx) => {
        const organizationId = await organizationIdFor(ctx, flags.organization as string | undefined);
        const input = parseInput(
          createContactInput,
          compact({
            name: flags.name,
            givenName: flags.givenName,
            familyName: flags.familyName,
            title: flags.title,
            organizationId,
            seniority: flags.seniority,
            relationship: flags.relationship,
            emails: (flags.email as string[] | undefined)?.map((value) => ({ value })),
            phones: (flags.phone as string[] | undefined)?.map((value) => ({ value })),
            linkedinUrl: flags.linkedin,
            tags: flags.tag,
            explorationIds: flags.exploration,
            howWeMet: flags.howWeMet,
            notes: flags.notes,
            timeZone: flags.timeZone,
          }),
        );
        return (await createContact({ ctx, input })).contact;
      });
      if (flags.json) return printJson(contact);
      print(`Added ${contact.name}${contact.organization ? ` (${contact.organization.name})` : ''}: ${contact.id}`);
    });

  contacts
    .command('show <id>')
    .description('one person with their timeline')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const { contact, timeline } = await withContext(program, async (ctx) => ({
        contact: (await getContact({ ctx, id })).contact,
        timeline: (await contactTimeline({ ctx, contactId: id })).items,
      }));
      if (flags.json) return printJson(contact);
      print(`${contact.name}${contact.title ? ` — ${contact.title}` : ''}${contact.organization ? `, ${contact.organization.name}` : ''}`);
      print(`  Relationship: ${contact.relationship}   Responsiveness: ${contact.responsiveness}${contact.isHR ? '   (HR)' : ''}`);
      if (contact.emails.length) print(`  Email: ${contact.emails.map((e) => e.value).join(', ')}`);
      if (contact.tags.length) print(`  Tags: ${contact.tags.join(', ')}`);
      if (contact.notes) print(`  Notes: ${contact.notes}`);
      if (timeline.length) {
        print('Timeline:');
        for (const entry of timeline) {
          const what =
            entry.type === 'interaction'
              ? `${entry.interaction.kind}: ${entry.interaction.summary}`
              : entry.type === 'interview'
                ? `interview (${entry.interview.status})${entry.interview.objective ? `: ${entry.interview.objective}` : ''}`
                : entry.direction === 'received'
                  ? `referred by ${entry.referral.from.name}`
                  : `referred you to ${entry.referral.to.name}`;
          print(`  ${shortDate(entry.at)}  ${what}`);
        }
      }
    });

  const organizations = program.command('organizations').description('your target organisations');
  withListFlags(organizations.command('list').description('the ranked target list'), 'rank, name, createdAt or updatedAt')
    .option('--exploration <id>', 'only organisations in this exploration')
    .action(async (flags: ListFlags & { exploration?: string }) => {
      const { limit, offset, sort, ...filters } = parseInput(
        organizationListQuery,
        compact({ limit: flags.limit, offset: flags.offset, sort: flags.sort, explorationId: flags.exploration }),
      );
      const result = await withContext(program, (ctx) =>
        listOrganizations({ ctx, filters, sort: parseSort<OrganizationSortField>(sort), page: { limit, offset } }),
      );
      if (flags.json) return printJson(result);
      print(
        table(
          result.items.map((o) => ({
            rank: o.rank === null ? '–' : String(o.rank),
            id: o.id,
            name: o.name,
            motivation: String(o.motivation),
            posting: String(o.posting),
            advocacy: o.advocacy ? 'yes' : 'no',
          })),
          ['rank', 'id', 'name', 'motivation', 'posting', 'advocacy'],
        ),
      );
      print(`${result.total} organisation${result.total === 1 ? '' : 's'}.`);
    });
  organizations
    .command('add <name>')
    .description('add an organisation to your target list')
    .option('--website <url>')
    .option('--industry <industry>')
    .option('--location <place>', 'where it is, such as "Berlin, Germany" (suggests its people\'s time zone)')
    .option('--motivation <0-3>', 'how much you want to work there')
    .option('--posting <1-3>', '1 no posting, 2 some postings, 3 a posting for your target role')
    .option('--advocacy', 'you have an alumni or affinity link there')
    .option('--json', 'print the new organisation as JSON')
    .action(async (name: string, flags: Record<string, string | boolean | undefined>) => {
      const input = parseInput(
        createOrganizationInput,
        compact({
          name,
          website: flags.website,
          industry: flags.industry,
          location: flags.location,
          motivation: flags.motivation === undefined ? undefined : Number(flags.motivation),
          posting: flags.posting === undefined ? undefined : Number(flags.posting),
          advocacy: flags.advocacy === true ? true : undefined,
        }),
      );
      const organization = await withContext(program, async (ctx) => (await createOrganization({ ctx, input })).organization);
      if (flags.json) return printJson(organization);
      print(`Added ${organization.name} (rank ${organization.rank}): ${organization.id}`);
    });

  const interviews = program.command('interviews').description('informational interviews, from idea to keeping in touch');
  withListFlags(interviews.command('list').description('list interviews'), 'scheduledAt, createdAt, updatedAt, requestedAt or statusChangedAt')
    .option('--status <states>', 'comma-separated lifecycle states')
    .option('--contact <id>', 'only interviews with this person')
    .option('--organization <id>', 'only interviews at this organisation')
    .option('--exploration <id>', 'only interviews for this exploration')
    .action(async (flags: ListFlags & { status?: string; contact?: string; organization?: string; exploration?: string }) => {
      const { limit, offset, sort, ...filters } = parseInput(
        interviewListQuery,
        compact({
          limit: flags.limit,
          offset: flags.offset,
          sort: flags.sort,
          status: flags.status,
          contactId: flags.contact,
          organizationId: flags.organization,
          explorationId: flags.exploration,
        }),
      );
      const result = await withContext(program, (ctx) =>
        listInterviews({ ctx, filters, sort: parseSort<InterviewSortField>(sort), page: { limit, offset } }),
      );
      if (flags.json) return printJson(result);
      print(
        table(
          result.items.map((i) => ({
            id: i.id,
            status: i.status,
            with: i.contact.name,
            organization: i.organization?.name ?? '',
            scheduled: shortDate(i.scheduledAt),
          })),
          ['id', 'status', 'with', 'organization', 'scheduled'],
        ),
      );
      print(`${result.total} interview${result.total === 1 ? '' : 's'}.`);
    });
  interviews
    .command('add')
    .description('plan an interview with a contact')
    .requiredOption('--contact <id>', 'the person')
    .option('--status <state>', 'initial state (default idea)')
    .option('--objective <text>', 'what you want to learn')
    .option('--format <format>', 'in-person, phone, video or email')
    .option('--scheduled-at <iso>', 'when, as ISO 8601')
    .option('--minutes <n>', 'planned length in minutes (default 20)')
    .option('--exploration <id>', 'an exploration this serves (repeatable)', collect)
    .option('--json', 'print the new interview as JSON')
    .action(async (flags: Record<string, string | string[] | boolean | undefined>) => {
      const input = parseInput(
        createInterviewInput,
        compact({
          contactId: flags.contact,
          status: flags.status,
          objective: flags.objective,
          format: flags.format,
          scheduledAt: flags.scheduledAt,
          plannedMinutes: flags.minutes === undefined ? undefined : Number(flags.minutes),
          explorationIds: flags.exploration,
        }),
      );
      const interview = await withContext(program, async (ctx) => (await createInterview({ ctx, input })).interview);
      if (flags.json) return printJson(interview);
      print(`Planned an interview with ${interview.contact.name} (${interview.status}): ${interview.id}`);
    });
  interviews
    .command('move <id> <status>')
    .description('move an interview to another state (idea, requested, scheduled, held, thanked, keeping-in-touch, no-reply, declined, cancelled)')
    .option('--at <iso>', 'when it happened (default now)')
    .option('--scheduled-at <iso>', 'the meeting time, when moving to scheduled')
    .option('--thank-you-format <format>', 'email or handwritten, when moving to thanked')
    .option('--json', 'print the interview as JSON')
    .action(async (id: string, status: string, flags: Record<string, string | boolean | undefined>) => {
      const input = parseInput(
        transitionInput,
        compact({ to: status, at: flags.at, scheduledAt: flags.scheduledAt, thankYouFormat: flags.thankYouFormat }),
      );
      const interview = await withContext(program, async (ctx) => (await transitionInterview({ ctx, id, input })).interview);
      if (flags.json) return printJson(interview);
      print(`Interview with ${interview.contact.name} is now ${interview.status}.`);
    });

  program
    .command('search <query...>')
    .description('search people, organisations, interview notes and interactions')
    .option('--types <types>', 'comma-separated: contact, organization, interview, interaction')
    .option('--limit <n>', 'how many results', '20')
    .option('--json', 'print the results as JSON')
    .action(async (words: string[], flags: { types?: string; limit: string; json?: boolean }) => {
      const query = parseInput(searchQuery, compact({ q: words.join(' '), types: flags.types, limit: flags.limit }));
      const result = await withContext(program, (ctx) => search({ ctx, query: query.q, types: query.types, limit: query.limit }));
      if (flags.json) return printJson(result);
      if (result.items.length === 0) return print(`Nothing matches "${query.q}".`);
      for (const hit of result.items) {
        const snippet = hit.snippet.map((s) => (s.match ? `*${s.text}*` : s.text)).join('').replace(/\s+/g, ' ');
        print(`${hit.type.padEnd(12)} ${hit.title}  (${hit.id})\n             ${snippet}`);
      }
    });

  program
    .command('backup <file>')
    .description('write a consistent snapshot of everything to FILE (a SQLite database)')
    .option('--json', 'print { file, bytes } as JSON')
    .action(async (file: string, flags: { json?: boolean }) => {
      const result = await withContext(program, async (_ctx, handle) => {
        const written = await backupDatabase(handle, file);
        // So that a refusal of this database, if it is ever found damaged, names the file to go back to.
        if (handle.dialect === 'sqlite') rememberBackup(handle.location.replace(/^sqlite:(\/\/)?/, ''), written.file, new Date());
        return written;
      });
      if (flags.json) return printJson(result);
      print(`Backed up to ${result.file} (${Math.round(result.bytes / 1024)} KiB). Restore by pointing --database at it.`);
    });
}
