import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { AppError } from '../../shared/errors.js';
import { runImport, type ImportFormat } from './imports.usecases.js';

const RUNS = 1000;

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' ', '"', '""', ',', '\n', '\r\n', '=SUM(A1)', '@cmd', 'Ünïcødé 名前', 'a@b.co', '12 Mar 2024', ':::', ';', '\\n'),
);
const csvCell = text.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v));
const csvRow = (width: number) => fc.array(csvCell, { minLength: 0, maxLength: width + 2 }).map((cells) => cells.join(','));
const newline = fc.constantFrom('\n', '\r\n');
const bom = fc.constantFrom('', '\uFEFF');

const linkedinFile = fc
  .record({ bom, nl: newline, preamble: fc.boolean(), url: fc.boolean(), rows: fc.array(csvRow(7), { maxLength: 6 }) })
  .map(({ bom: b, nl, preamble, url, rows }) =>
    [
      ...(preamble ? ['Notes:', '"Some email addresses are missing."', ''] : []),
      url ? 'First Name,Last Name,URL,Email Address,Company,Position,Connected On' : 'First Name,Last Name,Email Address,Company,Position,Connected On',
      ...rows,
    ]
      .join(nl)
      .replace(/^/, b),
  );
const vcardProperty = fc.tuple(
  fc.constantFrom('FN', 'N', 'ORG', 'TITLE', 'EMAIL;TYPE=work', 'item1.EMAIL', 'TEL;CELL', 'NOTE', 'URL', 'CATEGORIES', 'PHOTO;ENCODING=b', 'X-UNKNOWN', 'FN;ENCODING=QUOTED-PRINTABLE'),
  text,
);
const vcardFile = fc
  .record({ nl: newline, cards: fc.array(fc.record({ props: fc.array(vcardProperty, { maxLength: 8 }), closed: fc.boolean() }), { maxLength: 4 }), junk: text })
  .map(({ nl, cards, junk }) =>
    [
      ...cards.flatMap(({ props, closed }) => ['BEGIN:VCARD', 'VERSION:3.0', ...props.map(([k, v]) => `${k}:${v}`.replace(/(.{40})/g, `$1${nl} `)), ...(closed ? ['END:VCARD'] : [])]),
      junk,
    ].join(nl),
  );
const googleFile = fc
  .record({ nl: newline, rows: fc.array(csvRow(8), { maxLength: 6 }) })
  .map(({ nl, rows }) => ['First Name,Last Name,Organization Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value,Notes', ...rows].join(nl));
const anyCsvFile = fc
  .record({ nl: newline, header: fc.array(fc.constantFrom('Name', 'Full name', 'E-mail', 'Employer', 'Title', 'Tags', 'Notes', 'Whatever'), { maxLength: 6 }), rows: fc.array(csvRow(6), { maxLength: 6 }) })
  .map(({ nl, header, rows }) => [header.join(','), ...rows].join(nl));

const files: Array<[ImportFormat, fc.Arbitrary<string>]> = [
  ['linkedin', linkedinFile],
  ['vcard', vcardFile],
  ['google', googleFile],
  ['csv', anyCsvFile],
];

describe('imports of generated files (property tests, SQLite)', () => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace('sqlite');
  });
  afterAll(async () => w?.dispose());

  const counts = async () => {
    const [contacts, organizations] = await Promise.all([
      w.ctx.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 1, offset: 0 }),
      w.ctx.repos.organizations.list({}, { field: 'name', direction: 'asc' }, { limit: 1, offset: 0 }),
    ]);
    return { contacts: contacts.total, organizations: organizations.total };
  };

  it.each(files)('%s: never crashes, and either writes nothing or exactly what it reports', async (format, arbitrary) => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (file) => {
        const bytes = new TextEncoder().encode(file);
        // Each run starts from an empty workspace, so runs stay independent and quick.
        for (const table of ['contacts', 'organizations', 'searchDocuments'] as const) await w.handle.db.deleteFrom(table).execute();
        const before = await counts();
        try {
          const report = await runImport({ ctx: w.ctx, format, bytes });
          const after = await counts();
          expect(after.contacts - before.contacts).toBe(report.counts.new);
          expect(report.items.every((i) => i.line >= 1)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).message).toMatch(/^Line \d+: /);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
