import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestWorkspace, dialects } from '../../../test/fixtures/databases.js';
import type { Contact } from '../../shared/schemas/contacts.js';
import { AppError } from '../../shared/errors.js';
import type { ImportFormat, ImportReport } from '../../shared/schemas/imports.js';
import { exportFile } from '../exports/exports.usecases.js';
import type { AppContext } from '../repositories.js';
import { runImport } from './imports.usecases.js';

/**
 * The import corpus (issue 20): address-book files in the shapes real exporters write
 * (test/fixtures/import-corpus/vcard) and CSV edge cases (…/csv), each beside the result
 * it must give as data (`.expected.json`): the people as stored, the plain-words remarks
 * about what is left out, the notes about the file, or the refusal. Every file goes
 * through the real import into an empty home on SQLite and PostgreSQL. Then the round
 * trip: export vCard → import into another empty home → export again gives the same file
 * apart from the revision time and the ids (a new home gives its people new ids).
 * `UPDATE_CORPUS=1` writes the expected files from what the import does (then read them!).
 */
const root = new URL('../../../test/fixtures/import-corpus/', import.meta.url);
const files = ['vcard', 'csv'].flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, root))
    .filter((name) => /\.(vcf|csv)$/.test(name))
    .sort()
    .map((name) => ({ path: `${folder}/${name}`, url: new URL(`${folder}/${name}`, root), expected: new URL(`${folder}/${name.replace(/\.(vcf|csv)$/, '.expected.json')}`, root) })),
);

interface Expected {
  format: ImportFormat;
  people?: Array<Record<string, unknown>>;
  remarks?: ImportReport['remarks'];
  problems?: ImportReport['problems'];
  refused?: { code: string; message: string };
}

const formatOf = (path: string): ImportFormat => (path.endsWith('.vcf') ? 'vcard' : /\/google-/.test(path) ? 'google' : /\/linkedin-/.test(path) ? 'linkedin' : 'csv');

/** A stored person as the corpus writes it down: what an import can set, without ids or times. */
const person = (c: Contact) => ({
  name: c.name,
  givenName: c.givenName,
  familyName: c.familyName,
  title: c.title,
  organization: c.organization?.name ?? null,
  department: c.department,
  emails: c.emails,
  phones: c.phones,
  linkedinUrl: c.linkedinUrl,
  notes: c.notes,
  tags: c.tags,
  relationship: c.relationship,
});
const people = async (ctx: AppContext) => (await ctx.repos.contacts.all()).map(person).sort((a, b) => a.name.localeCompare(b.name) || (a.emails[0]?.value ?? '').localeCompare(b.emails[0]?.value ?? ''));
/** A remark as the corpus writes it down: the id of the person is new in every home. */
const withoutId = (r: ImportReport['remarks'][number]) => ({ line: r.line, name: r.name, needsName: r.needsName, remarks: r.remarks });
/** An export with the parts a new home always changes masked: the revision time and the ids. */
const masked = (vcf: string) => vcf.replace(/^REV:.*$/gm, 'REV:…').replace(/^UID:.*$/gm, 'UID:…');

describe('the import corpus', () => {
  it('has at least 30 vCard files and 15 CSV files, each with its expected result', () => {
    expect(files.filter((f) => f.path.endsWith('.vcf')).length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => f.path.endsWith('.csv')).length).toBeGreaterThanOrEqual(15);
  });
});

describe.each(dialects)('the import corpus on %s', (dialect) => {
  it.each(files)('$path imports as its expected.json says, and round-trips through vCard', async ({ path, url, expected }) => {
    const bytes = new Uint8Array(readFileSync(url));
    const format = formatOf(path);
    const home = await createTestWorkspace(dialect);
    const other = await createTestWorkspace(dialect);
    try {
      const actual: Expected = { format };
      try {
        const preview = await runImport({ ctx: home.ctx, format, bytes, dryRun: true });
        const report = await runImport({ ctx: home.ctx, format, bytes });
        // The result says again what the preview said would be left out.
        expect(report.remarks.map(withoutId)).toEqual(preview.remarks.map(withoutId));
        expect(report.remarks.every((r) => r.contactId)).toBe(true);
        actual.people = await people(home.ctx);
        actual.remarks = report.remarks.map(withoutId) as ImportReport['remarks'];
        actual.problems = report.problems;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        actual.refused = { code: error.code, message: error.message };
      }
      if (process.env.UPDATE_CORPUS && dialect === 'sqlite') writeFileSync(expected, `${JSON.stringify(actual, null, 2)}\n`);
      const want = JSON.parse(readFileSync(expected, 'utf8')) as Expected;
      expect(actual).toEqual(want);
      if (!actual.people?.length) return;

      const first = await exportFile({ ctx: home.ctx, kind: 'vcard' });
      const again = await runImport({ ctx: other.ctx, format: 'vcard', bytes: new TextEncoder().encode(first) });
      expect(again.problems).toEqual([]);
      expect(again.remarks).toEqual([]);
      expect((await people(other.ctx)).map((p) => p.name)).toEqual(actual.people.map((p) => p.name));
      expect(masked(await exportFile({ ctx: other.ctx, kind: 'vcard' }))).toBe(masked(first));
    } finally {
      await home.dispose();
      await other.dispose();
    }
  });
});
