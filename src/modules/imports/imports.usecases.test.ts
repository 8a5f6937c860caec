import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { AppError } from '../../shared/errors.js';
import { listOrganizations, updateOrganization } from '../organizations/organizations.usecases.js';
import { search } from '../search/search.usecases.js';
import { IMPORT_LIMITS } from './imports.types.js';
import { runImport } from './imports.usecases.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
const card = (...lines: string[]) => bytes(['BEGIN:VCARD', 'VERSION:2.1', 'N:Nul;Nora', 'FN:Nora Nul', ...lines, 'END:VCARD', ''].join('\r\n'));
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe.each(dialects)('importing on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());
  const total = async () => (await w.ctx.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 1, offset: 0 })).total;

  it('previews, imports, and changes nothing the second time', async () => {
    const file = bytes(
      [
        HEADER,
        'Maya,Costa,https://www.linkedin.com/in/maya-costa,,Brightpath Learning,UX Researcher,12 Mar 2024',
        'Ben,Walsh,,ben@example.com,Kestrel Labs,Recruiter,1 Jan 2023',
        'Ben,Walsh,https://www.linkedin.com/in/benwalsh,ben@example.com,Kestrel Labs,Recruiter,1 Jan 2023',
      ].join('\n'),
    );
    const preview = await runImport({ ctx: w.ctx, format: 'linkedin', bytes: file, dryRun: true });
    expect(preview.counts).toMatchObject({ records: 3, new: 2, matched: 0 });
    expect(preview.problems).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('same person as line 3') })]);
    expect(await total()).toBe(0);

    const first = await runImport({ ctx: w.ctx, format: 'linkedin', bytes: file });
    expect(first.counts).toMatchObject({ new: 2, matched: 0 });
    const ben = (await w.ctx.repos.contacts.all()).find((c) => c.name === 'Ben Walsh');
    expect(ben).toMatchObject({ relationship: 'linkedin-connection', connectedOn: '2023-01-01', isHR: true, linkedinUrl: 'https://www.linkedin.com/in/benwalsh', organization: { name: 'Kestrel Labs' } });
    expect((await search({ ctx: w.ctx, query: 'brightpath' })).items.map((h) => h.type).sort()).toEqual(['contact', 'organization']);

    const second = await runImport({ ctx: w.ctx, format: 'linkedin', bytes: file });
    expect(second.counts).toMatchObject({ new: 0, matched: 3, unchanged: 3, conflicting: 0 });
    expect(await total()).toBe(2);
    const organizations = await w.ctx.repos.organizations.list({}, { field: 'name', direction: 'asc' }, { limit: 10, offset: 0 });
    expect(organizations.items.map((o) => o.name)).toEqual(['Brightpath Learning', 'Kestrel Labs']);
  });

  it('matches people already there by email, LinkedIn address or name with organisation, filling gaps and reporting differences', async () => {
    const org = await anOrganization(w.ctx, { name: 'Northwind Health' });
    const priya = await aContact(w.ctx, { name: 'Priya Shah', organizationId: org.id, title: 'Designer', relationship: 'friend' });
    const vcf = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Priya Shah', 'ORG:Northwind Health', 'TITLE:Service Designer', 'EMAIL:priya@northwind.example', 'END:VCARD'].join('\r\n');
    const fill = await runImport({ ctx: w.ctx, format: 'vcard', bytes: bytes(vcf), dryRun: true });
    expect(fill.items).toEqual([expect.objectContaining({ action: 'update', contactId: priya.id, matchedBy: 'name-and-organization', conflicts: ['title'], changes: ['emails'] })]);
    await runImport({ ctx: w.ctx, format: 'vcard', bytes: bytes(vcf) });
    expect(await w.ctx.repos.contacts.get(priya.id)).toMatchObject({ title: 'Designer', relationship: 'friend', emails: [{ value: 'priya@northwind.example' }] });
    const overwrite = await runImport({ ctx: w.ctx, format: 'vcard', bytes: bytes(vcf), merge: 'overwrite' });
    expect(overwrite.items[0]).toMatchObject({ matchedBy: 'email', changes: ['title'] });
    expect((await w.ctx.repos.contacts.get(priya.id))?.title).toBe('Service Designer');
  });

  it('writes nothing when the file has a fatal problem, and names the line', async () => {
    const before = await total();
    await expect(runImport({ ctx: w.ctx, format: 'csv', bytes: bytes('Colour,Size\nred,big\n') })).rejects.toMatchObject({
      code: 'imports.invalid_file',
      status: 400,
      message: expect.stringMatching(/^Line 1: No column holds a name/),
    });
    const strict = runImport({ ctx: w.ctx, format: 'linkedin', bytes: bytes(`${HEADER}\nZed,Zulu,,not-an-email,Acme,PM,1 Jan 2020\n`), strict: true });
    await expect(strict).rejects.toBeInstanceOf(AppError);
    await expect(strict).rejects.toMatchObject({ message: expect.stringMatching(/^Line 2: /) });
    expect(await total()).toBe(before);
  });

  describe('a NUL character that only appears once the file is decoded', () => {
    const cases: Array<{ what: string; format: 'linkedin' | 'vcard' | 'csv' | 'google'; file: Uint8Array; line: number; field: string }> = [
      { what: 'a quoted-printable =00 in a vCard ORG', format: 'vcard', file: card('TITLE:PM', 'ORG;ENCODING=QUOTED-PRINTABLE:Acme=00Corp'), line: 6, field: 'ORG' },
      { what: 'a base64 vCard NOTE', format: 'vcard', file: card('NOTE;ENCODING=b:' + Buffer.from('hi\u0000there').toString('base64')), line: 5, field: 'NOTE' },
      {
        what: 'a cell of the Connections.csv inside a LinkedIn ZIP',
        format: 'linkedin',
        file: zipSync({ 'Basic_LinkedInDataExport/Connections.csv': strToU8(`${HEADER}\r\nAna,Lima,,,Acme,PM,1 Jan 2020\r\nNul,Person,,,Evil\u0000Co,PM,1 Jan 2020\r\n`) }),
        line: 3,
        field: 'Company',
      },
      { what: 'a CSV saved as UTF-16', format: 'csv', file: utf16('Name,Company\r\nAna Lima,Acme\r\n'), line: 1, field: 'column 1' },
      { what: 'a raw NUL in a Google CSV cell (as the command line sends it)', format: 'google', file: bytes('First Name,Last Name,Notes\nAna,Lima,ok\nBen,Walsh,"two\nlines \u0000"\n'), line: 3, field: 'Notes' },
    ];
    it.each(cases)('refuses $what with a 400 naming the line and field, writing nothing', async ({ format, file, line, field }) => {
      const before = await total();
      for (const dryRun of [true, false]) {
        const error = await runImport({ ctx: w.ctx, format, bytes: file, dryRun }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: 'imports.invalid_file', status: 400, message: expect.stringMatching(new RegExp(`^Line ${line}: .*${field}.*NUL character`)) });
        expect((error as AppError).details).toEqual([expect.objectContaining({ line, field, severity: 'fatal' })]);
      }
      expect(await total()).toBe(before);
    });
  });

  it('lists only the rows that need a decision, a page at a time, beside counts of everything', async () => {
    const org = await anOrganization(w.ctx, { name: 'Paging Co' });
    for (let i = 0; i < 5; i++) await aContact(w.ctx, { name: `Pat Page${i}`, organizationId: org.id, title: 'Old title' });
    const rows = [HEADER];
    for (let i = 0; i < 5; i++) rows.push(`Pat,Page${i},https://www.linkedin.com/in/pat-page${i},,Paging Co,New title,1 Jan 2020`);
    for (let i = 0; i < 300; i++) rows.push(`New,Person${i},,,Fresh Ltd,Engineer,1 Jan 2020`);
    const file = bytes(rows.join('\n'));
    const first = await runImport({ ctx: w.ctx, format: 'linkedin', bytes: file, dryRun: true, page: { offset: 0, limit: 2 } });
    expect(first.counts).toMatchObject({ records: 305, new: 300, matched: 5, updated: 5, conflicting: 5 });
    expect(first.page).toEqual({ offset: 0, limit: 2, total: 5 });
    expect(first.items.map((i) => i.name)).toEqual(['Pat Page0', 'Pat Page1']);
    expect(first.items[0]).toMatchObject({ action: 'update', conflicts: ['title'], changes: ['givenName', 'familyName', 'linkedinUrl', 'connectedOn', 'relationship'] });
    const last = await runImport({ ctx: w.ctx, format: 'linkedin', bytes: file, dryRun: true, page: { offset: 4, limit: 2 } });
    expect(last.items.map((i) => i.name)).toEqual(['Pat Page4']);
  });

  it('refuses files over the size and row limits with a 413 that names the limit, writing nothing', async () => {
    const before = await total();
    const huge = new Uint8Array(IMPORT_LIMITS.bytes + 1);
    await expect(runImport({ ctx: w.ctx, format: 'vcard', bytes: huge })).rejects.toMatchObject({ code: 'imports.too_large', status: 413, details: { maxBytes: IMPORT_LIMITS.bytes }, message: expect.stringContaining('up to 32 MB') });
    const many = bytes(`Name\n${'A\n'.repeat(IMPORT_LIMITS.rows + 1)}`);
    await expect(runImport({ ctx: w.ctx, format: 'csv', bytes: many, dryRun: true })).rejects.toMatchObject({ code: 'imports.too_large', status: 413, details: { maxRows: 50_000 }, message: expect.stringContaining('at most 50,000') });
    // Reading stops early: blank rows and cards count before any person is made of them.
    const blank = bytes(`Name\n${',\n'.repeat(IMPORT_LIMITS.rows + 20_000)}`);
    await expect(runImport({ ctx: w.ctx, format: 'csv', bytes: blank, dryRun: true })).rejects.toMatchObject({ status: 413, message: expect.stringContaining('more than 50,000 people') });
    const cards = bytes('BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n'.repeat(IMPORT_LIMITS.rows + 1));
    await expect(runImport({ ctx: w.ctx, format: 'vcard', bytes: cards, dryRun: true })).rejects.toMatchObject({ status: 413, details: { maxRows: 50_000 } });
    expect(await total()).toBe(before);
  });

  it('gives the event loop back while it reads and matches a large file', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 20_000; i++) rows.push(`Loop,Person${i},https://www.linkedin.com/in/loop-${i},,Company ${i % 500},Engineer,1 Jan 2020`);
    const file = bytes(rows.join('\n'));
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const report = await runImport({ ctx: w.ctx, format: 'linkedin', bytes: file, dryRun: true });
    running = false;
    expect(report.counts.new).toBe(20_000);
    // Reading and matching 20,000 rows at once would hold the loop from start to end (no tick at all);
    // in slices, other work (here, the ticker) runs many times in between.
    expect(ticks).toBeGreaterThan(3);
  });

  it('makes imported employers organisations, not targets, until the user ranks them', async () => {
    const chosen = await anOrganization(w.ctx, { name: 'Chosen Target' });
    const file = bytes([HEADER, 'Tess,Target,,,Employer One,PM,1 Jan 2020', 'Ugo,Target,,,Employer Two,PM,1 Jan 2020'].join('\n'));
    await runImport({ ctx: w.ctx, format: 'linkedin', bytes: file });
    const list = async (target?: boolean) =>
      (await listOrganizations({ ctx: w.ctx, filters: { target }, sort: { field: 'rank', direction: 'asc' }, page: { limit: 500, offset: 0 } })).items;
    const all = await list();
    const byName = (name: string) => all.find((o) => o.name === name);
    expect(byName('Employer One')).toMatchObject({ target: false, rank: null });
    expect(byName('Chosen Target')).toMatchObject({ target: true, rank: expect.any(Number) });
    // Targets come first, every one with a rank; the imported employers follow without one.
    const firstOther = all.findIndex((o) => !o.target);
    expect(all.slice(0, firstOther).every((o) => o.target && o.rank !== null)).toBe(true);
    expect(all.slice(firstOther).every((o) => !o.target && o.rank === null)).toBe(true);
    expect((await list(true)).map((o) => o.name)).not.toContain('Employer One');
    expect((await list(false)).map((o) => o.name)).toEqual(expect.arrayContaining(['Employer One', 'Employer Two']));

    const one = byName('Employer One');
    const { organization } = await updateOrganization({ ctx: w.ctx, id: one?.id ?? '', input: { motivation: 3 } });
    expect(organization).toMatchObject({ target: true, rank: 1 });
    expect((await list(false)).map((o) => o.name)).not.toContain('Employer One');
    expect(chosen.id).toBeTruthy();
  });
});
