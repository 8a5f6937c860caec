import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Contact } from '../../shared/schemas/contacts.js';
import { looksLikeHR } from '../../shared/text.js';
import type { NewContact } from '../contacts/contacts.repository.js';
import { updateContact } from '../contacts/contacts.usecases.js';
import { organizationsByName } from '../organizations/organizations.usecases.js';
import { now } from '../references.js';
import type { AppContext } from '../repositories.js';
import { contactDocument } from '../search/search.documents.js';
import { COMPACT_AFTER_DOCUMENTS, compactSearchIndex } from '../search/search.index.js';
import { CsvSyntaxError } from './csv.js';
import { importFormats, importPageSize, maxImportProblems, type ColumnMapping, type ImportFormat, type ImportReport, type ImportReportItem } from '../../shared/schemas/imports.js';
import { parseMappedCsvSteps } from './generic.parser.js';
import { parseGoogleSteps } from './google.parser.js';
import { linkedInTextSteps, parseLinkedInSteps } from './linkedin.parser.js';
import { planImportSteps, type ExistingPerson, type MergeChoice, type PlannedRecord } from './imports.match.js';
import { IMPORT_LIMITS, megabytes, tooLarge, tooManyPeople, type ParseResult } from './imports.types.js';
import { runAtOnce, runInSlices, slicer, type Steps } from './slices.js';
import { parseVCardSteps, vCardBytes } from './vcard.parser.js';

export { importFormats, type ImportFormat, type ImportReport, type ImportReportItem };

/** Reads a file of the given format, a few rows at a time (see slices.ts); ZIPs are accepted for LinkedIn. */
export function* parseImportFileSteps(format: ImportFormat, bytes: Uint8Array, mapping?: ColumnMapping): Steps<ParseResult & { mapping?: ColumnMapping; header?: string[] }> {
  try {
    if (format === 'linkedin') {
      const source = yield* linkedInTextSteps(bytes);
      if ('problem' in source) return { records: [], problems: [{ line: 1, severity: 'fatal', message: source.problem }] };
      return yield* parseLinkedInSteps(source.text);
    }
    if (format === 'vcard') return yield* parseVCardSteps(vCardBytes(bytes));
    const text = new TextDecoder('utf-8').decode(bytes);
    if (format === 'google') return yield* parseGoogleSteps(text);
    return yield* parseMappedCsvSteps(text, mapping);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { records: [], problems: [{ line: error.line, severity: 'fatal', message: error.message, ...(error.field ? { field: error.field } : {}) }] };
    throw error;
  }
}

/** Reads a file of the given format at once. Pure apart from decoding. */
export function parseImportFile(format: ImportFormat, bytes: Uint8Array, mapping?: ColumnMapping): ParseResult & { mapping?: ColumnMapping; header?: string[] } {
  return runAtOnce(parseImportFileSteps(format, bytes, mapping));
}

/** A matched row the user should look at: the import changes the person, or the two differ. */
const needsDecision = (p: PlannedRecord) => p.action === 'update' || p.conflicts.length > 0;

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
 * Files over IMPORT_LIMITS are refused (413). Parsing, matching and writing run in
 * slices that give the event loop back, so a large import does not stall other requests.
 * The report has the counts and one page of the rows that need a decision.
 */
export async function runImport({
  ctx,
  format,
  bytes,
  mapping,
  merge = 'fill',
  dryRun = false,
  strict = false,
  page = { offset: 0, limit: importPageSize },
}: {
  ctx: AppContext;
  format: ImportFormat;
  bytes: Uint8Array;
  mapping?: ColumnMapping | undefined;
  merge?: MergeChoice;
  dryRun?: boolean;
  strict?: boolean;
  page?: { offset: number; limit: number };
}): Promise<ImportReport> {
  if (bytes.length > IMPORT_LIMITS.bytes) {
    throw tooLarge(`This file is ${megabytes(bytes.length)}; Inroads imports files of up to ${megabytes(IMPORT_LIMITS.bytes)}. Split it into smaller files. Nothing was imported.`, { maxBytes: IMPORT_LIMITS.bytes });
  }
  const parsed = await runInSlices(parseImportFileSteps(format, bytes, mapping));
  if (parsed.records.length > IMPORT_LIMITS.rows) {
    throw tooManyPeople(parsed.records.length);
  }
  const fatal = parsed.problems.filter((p) => p.severity === 'fatal' || (strict && p.severity === 'row'));
  if (fatal.length > 0) {
    const first = fatal[0];
    throw new AppError('imports.invalid_file', 400, `Line ${first?.line ?? 1}: ${first?.message ?? 'the file cannot be imported'} Nothing was imported.`, fatal.slice(0, maxImportProblems).map((p) => ({ ...p })));
  }
  // A preview writes nothing, so it holds no transaction (on SQLite, the one connection)
  // while it matches; an import plans and writes in one transaction.
  const work = async (tx: AppContext): Promise<ImportReport> => {
    const existing = (await tx.repos.contacts.all()).map(toExisting);
    const { planned, problems } = await runInSlices(planImportSteps(parsed.records, existing, merge));
    const allProblems = [...parsed.problems, ...problems].sort((a, b) => a.line - b.line);
    const createdIds = new Map<PlannedRecord, string>();
    if (!dryRun) await apply(tx, planned, createdIds);
    const decisions = planned.filter(needsDecision);
    const items: ImportReportItem[] = decisions.slice(page.offset, page.offset + page.limit).map((p) => ({
      line: p.record.line,
      name: p.record.name,
      action: p.action,
      contactId: p.match?.id ?? createdIds.get(p) ?? null,
      matchedBy: p.match?.by ?? null,
      conflicts: p.conflicts,
      changes: Object.keys(p.patch),
    }));
    const plannedFor = new Map(planned.map((p) => [p.record, p]));
    const remarked = parsed.records.filter((r) => r.remarks?.length || r.unnamed);
    return {
      format,
      dryRun,
      applied: !dryRun,
      counts: {
        records: parsed.records.length,
        new: planned.filter((p) => p.action === 'create').length,
        matched: planned.filter((p) => p.match).length,
        updated: planned.filter((p) => p.action === 'update').length,
        conflicting: planned.filter((p) => p.conflicts.length > 0).length,
        unchanged: planned.filter((p) => p.action === 'unchanged').length,
        skipped: planned.filter((p) => p.action === 'skip').length,
        problems: allProblems.length,
        remarked: remarked.length,
      },
      items,
      page: { offset: page.offset, limit: page.limit, total: decisions.length },
      problems: allProblems.slice(0, maxImportProblems),
      ...('mapping' in parsed && parsed.mapping ? { mapping: parsed.mapping } : {}),
      ...('header' in parsed && parsed.header ? { header: parsed.header } : {}),
      remarks: remarked.slice(0, maxImportProblems).map((r) => {
        const p = plannedFor.get(r);
        return { line: r.line, name: r.name, contactId: (p && (p.match?.id ?? createdIds.get(p))) ?? null, needsName: Boolean(r.unnamed), remarks: r.remarks ?? [] };
      }),
    };
  };
  return dryRun ? work(ctx) : ctx.transaction(work);
}

async function apply(tx: AppContext, planned: PlannedRecord[], createdIds: Map<PlannedRecord, string>): Promise<void> {
  const at = now(tx);
  const slice = slicer();
  const organizations = await organizationsByName({ ctx: tx, defaults: { target: false, motivation: 0, posting: 1, advocacy: false } });
  const organizationId = organizations.idFor;

  const rows: NewContact[] = [];
  const tags = new Map<string, string[]>();
  const documents = [];
  for (const item of planned) {
    await slice.tick();
    if (item.action !== 'create') continue;
    const r = item.record;
    const id = newId();
    createdIds.set(item, id);
    const orgId = organizationId(r.organization);
    rows.push({
      id,
      name: r.name,
      givenName: r.givenName,
      familyName: r.familyName,
      title: r.title,
      organizationId: orgId,
      seniority: null,
      department: r.department,
      isHR: looksLikeHR(r.title, r.department),
      isHRManual: false,
      relationship: r.relationship,
      referredById: null,
      howWeMet: null,
      emails: r.emails,
      phones: r.phones,
      linkedinUrl: r.linkedinUrl,
      notes: r.notes,
      connectedOn: r.connectedOn,
      preferredFormat: null,
      responsiveness: 'unknown',
      timeZone: null,
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
  const flushOrganizations = organizations.flush;
  await flushOrganizations();
  await tx.repos.contacts.insertMany(rows, tags);
  await tx.repos.search.upsert(documents);

  for (const item of planned) {
    await slice.tick();
    if (item.action !== 'update' || !item.match) continue;
    const { organization, ...patch } = item.patch;
    const input = { ...patch, ...(organization ? { organizationId: organizationId(organization) } : {}) } as Parameters<typeof updateContact>[0]['input'];
    await flushOrganizations();
    await updateContact({ ctx: tx, id: item.match.id, input });
  }
  // A big import leaves the search index in many pieces: merge them while still in the transaction.
  const written = planned.filter((p) => p.action === 'create' || p.action === 'update').length;
  if (written >= COMPACT_AFTER_DOCUMENTS) await compactSearchIndex(tx, () => slice.tick());
}
