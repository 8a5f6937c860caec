import type { NewContactRow, OrganizationsTable } from '../../db/database.js';
import { toJson } from '../../db/values.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Contact } from '../../shared/schemas/contacts.js';
import { looksLikeHR, sortKey } from '../../shared/text.js';
import { updateContact } from '../contacts/contacts.usecases.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { contactDocument, organizationDocument } from '../search/search.documents.js';
import { CsvSyntaxError } from './csv.js';
import { parseMappedCsv, type ColumnMapping } from './generic.parser.js';
import { parseGoogle } from './google.parser.js';
import { linkedInText, parseLinkedIn } from './linkedin.parser.js';
import { planImport, type ExistingPerson, type MergeChoice, type PlannedRecord } from './imports.match.js';
import type { ImportProblem, ParseResult } from './imports.types.js';
import { parseVCard } from './vcard.parser.js';

export const importFormats = ['linkedin', 'vcard', 'google', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ImportReportItem {
  line: number;
  name: string;
  action: PlannedRecord['action'];
  contactId: string | null;
  matchedBy: string | null;
  conflicts: string[];
  changes: string[];
}

export interface ImportReport {
  format: ImportFormat;
  dryRun: boolean;
  applied: boolean;
  counts: { records: number; new: number; matched: number; conflicting: number; unchanged: number; skipped: number; problems: number };
  items: ImportReportItem[];
  problems: ImportProblem[];
  mapping?: ColumnMapping | undefined;
}

/** Reads a file of the given format; ZIPs are accepted for LinkedIn. Pure apart from decoding. */
export function parseImportFile(format: ImportFormat, bytes: Uint8Array, mapping?: ColumnMapping): ParseResult & { mapping?: ColumnMapping } {
  try {
    if (format === 'linkedin') {
      const source = linkedInText(bytes);
      if ('problem' in source) return { records: [], problems: [{ line: 1, severity: 'fatal', message: source.problem }] };
      return parseLinkedIn(source.text);
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    if (format === 'vcard') return parseVCard(text);
    if (format === 'google') return parseGoogle(text);
    return parseMappedCsv(text, mapping);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { records: [], problems: [{ line: error.line, severity: 'fatal', message: error.message }] };
    throw error;
  }
}

const toExisting = (c: Contact): ExistingPerson => ({
  id: c.id,
  name: c.name,
  givenName: c.givenName,
  familyName: c.familyName,
  title: c.title,
  organization: c.organization?.name ?? null,
  department: c.department,
  emails: c.emails,
  phones: c.phones,
  linkedinUrl: c.linkedinUrl,
  connectedOn: c.connectedOn,
  notes: c.notes,
  tags: c.tags,
  relationship: c.relationship,
});

/**
 * Imports people: parse, match against everyone already there, and — unless it is
 * a dry run — write it all in one transaction. A fatal problem writes nothing and
 * names the line. Importing the same file twice changes nothing the second time.
 */
export async function runImport({
  ctx,
  format,
  bytes,
  mapping,
  merge = 'fill',
  dryRun = false,
  strict = false,
}: {
  ctx: AppContext;
  format: ImportFormat;
  bytes: Uint8Array;
  mapping?: ColumnMapping | undefined;
  merge?: MergeChoice;
  dryRun?: boolean;
  strict?: boolean;
}): Promise<ImportReport> {
  const parsed = parseImportFile(format, bytes, mapping);
  const fatal = parsed.problems.filter((p) => p.severity === 'fatal' || (strict && p.severity === 'row'));
  if (fatal.length > 0) {
    const first = fatal[0];
    throw new AppError('imports.invalid_file', 400, `Line ${first?.line ?? 1}: ${first?.message ?? 'the file cannot be imported'} Nothing was imported.`, fatal.map((p) => ({ ...p })));
  }
  return ctx.transaction(async (tx) => {
    const existing = (await tx.repos.contacts.all()).map(toExisting);
    const { planned, problems } = planImport(parsed.records, existing, merge);
    const allProblems = [...parsed.problems, ...problems].sort((a, b) => a.line - b.line);
    const createdIds = new Map<PlannedRecord, string>();
    if (!dryRun) await apply(tx, planned, createdIds);
    const items: ImportReportItem[] = planned.map((p) => ({
      line: p.record.line,
      name: p.record.name,
      action: p.action,
      contactId: p.match?.id ?? createdIds.get(p) ?? null,
      matchedBy: p.match?.by ?? null,
      conflicts: p.conflicts,
      changes: Object.keys(p.patch),
    }));
    return {
      format,
      dryRun,
      applied: !dryRun,
      counts: {
        records: parsed.records.length,
        new: planned.filter((p) => p.action === 'create').length,
        matched: planned.filter((p) => p.match).length,
        conflicting: planned.filter((p) => p.conflicts.length > 0).length,
        unchanged: planned.filter((p) => p.action === 'unchanged').length,
        skipped: planned.filter((p) => p.action === 'skip').length,
        problems: allProblems.length,
      },
      items,
      problems: allProblems,
      ...('mapping' in parsed ? { mapping: parsed.mapping } : {}),
    };
  });
}

async function apply(tx: AppContext, planned: PlannedRecord[], createdIds: Map<PlannedRecord, string>): Promise<void> {
  const at = now(tx);
  const organizations = await tx.repos.organizations.idsBySortName();
  const newOrganizations: OrganizationsTable[] = [];
  const organizationId = (name: string | null | undefined): string | null => {
    if (!name) return null;
    const key = sortKey(name);
    let id = organizations.get(key);
    if (!id) {
      id = newId();
      organizations.set(key, id);
      newOrganizations.push({ id, name, sortName: key, website: null, industry: null, notes: null, motivation: 0, posting: 1, advocacy: 0, createdAt: at, updatedAt: at });
    }
    return id;
  };

  const rows: NewContactRow[] = [];
  const tags = new Map<string, string[]>();
  const documents = [];
  for (const item of planned) {
    if (item.action !== 'create') continue;
    const r = item.record;
    const id = newId();
    createdIds.set(item, id);
    const orgId = organizationId(r.organization);
    rows.push({
      id,
      name: r.name,
      sortName: sortKey(r.name),
      givenName: r.givenName,
      familyName: r.familyName,
      title: r.title,
      organizationId: orgId,
      seniority: null,
      department: r.department,
      isHr: looksLikeHR(r.title, r.department) ? 1 : 0,
      isHrManual: 0,
      relationship: r.relationship,
      referredById: null,
      howWeMet: null,
      emails: toJson(r.emails),
      phones: toJson(r.phones),
      linkedinUrl: r.linkedinUrl,
      notes: r.notes,
      connectedOn: r.connectedOn,
      preferredFormat: null,
      responsiveness: 'unknown',
      createdAt: at,
      updatedAt: at,
    });
    if (r.tags.length) tags.set(id, r.tags);
    documents.push(
      contactDocument({
        id,
        name: r.name,
        title: r.title,
        organization: orgId && r.organization ? { id: orgId, name: r.organization } : null,
        department: r.department,
        emails: r.emails,
        tags: r.tags,
        howWeMet: null,
        notes: r.notes,
      } as Contact),
    );
  }
  const flushOrganizations = async () => {
    const batch = newOrganizations.splice(0);
    await tx.repos.organizations.insertMany(batch);
    await tx.repos.search.upsert(batch.map((o) => organizationDocument({ ...o, advocacy: false, explorationIds: [], rank: 0 })));
  };
  await flushOrganizations();
  await tx.repos.contacts.insertMany(rows, tags);
  await tx.repos.search.upsert(documents);

  for (const item of planned) {
    if (item.action !== 'update' || !item.match) continue;
    const { organization, ...patch } = item.patch;
    const input = { ...patch, ...(organization ? { organizationId: organizationId(organization) } : {}) } as Parameters<typeof updateContact>[0]['input'];
    await flushOrganizations();
    await updateContact({ ctx: tx, id: item.match.id, input });
  }
}
