import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { parseVCard } from '../imports/vcard.parser.js';
import { createReferral } from '../referrals/referrals.usecases.js';
import { createLead } from '../leads/leads.usecases.js';
import { search } from '../search/search.usecases.js';
import { createLeadInput } from '../../shared/schemas/leads.js';
import { exportJson, restoreJson } from './exports.usecases.js';
import { contactsCsv, contactsVCard, csvCell } from './formats.js';

const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  fc.constantFrom('=HYPERLINK("http://x")', '+1 555', '-2', '@SUM(A1)', 'Zoë Ångström', '名前', 'a,b;c\\d', 'line\nbreak', '"quoted"', '🙂 emoji'),
);
const nonBlank = tricky.filter((s) => s.trim().length > 0);

describe('CSV cells', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+SUM(A1)', `"'+SUM(A1)"`],
    ['-2', `"'-2"`],
    ['@cmd', `"'@cmd"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['  =1+1', `"'  =1+1"`],
    ['\uFF1D1+1', `"'\uFF1D1+1"`],
    ['\uFF0BSUM(A1)', `"'\uFF0BSUM(A1)"`],
    ['\uFE621', `"'\uFE621"`],
    ['\u200B=1+1', `"'\u200B=1+1"`],
    ['\uFEFF\u2060 @cmd', `"'\uFEFF\u2060 @cmd"`],
    ['\u3000\uFF1D1', `"'\u3000\uFF1D1"`],
    ['a;=1+1', '"a;=1+1"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['plain', '"plain"'],
    ['', '""'],
  ])('%j is written as %s', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('quotes every field, so a spreadsheet splitting on ; or tabs keeps each cell whole', () => {
    const [header, row] = contactsCsv([
      { name: 'a;=1+1', givenName: null, familyName: null, title: '\u200B=1+1', organization: null, department: null, relationship: 'friend', seniority: null, emails: [], phones: [], linkedinUrl: null, tags: [], connectedOn: null, howWeMet: null, notes: '\uFF1D1+1', responsiveness: 'unknown', id: 'x' } as never,
    ]).split('\r\n');
    expect(header?.startsWith('"Name","Given name",')).toBe(true);
    expect(row).toBe(`"a;=1+1","","","'\u200B=1+1","","","friend","","","","","","","","'\uFF1D1+1","unknown","x"`);
  });

  it('never lets a cell start a formula, whatever the text', () => {
    const invisible = fc.constantFrom('', ' ', '\u200B', '\u200D', '\uFEFF', '\u2060', '\u00A0', '\u3000', '\t');
    const trigger = fc.constantFrom('=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE62', '\uFE63', '\uFE66');
    const hostile = fc.tuple(fc.array(invisible, { maxLength: 3 }), trigger, tricky).map(([lead, t, rest]) => `${lead.join('')}${t}${rest}`);
    fc.assert(
      fc.property(fc.oneof(tricky, hostile), (value) => {
        const cell = csvCell(value);
        expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
        const inner = cell.slice(1, -1);
        if (inner.startsWith("'")) return;
        const visible = inner.replace(/^[\s\u200B-\u200F\u2060\uFEFF]+/u, '').normalize('NFKC').trimStart();
        expect(/^[=+\-@]/.test(visible)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('vCard export', () => {
  it('is read back by the vCard importer with names, emails, notes and tags intact', () => {
    fc.assert(
      fc.property(nonBlank, tricky, fc.array(nonBlank.filter((t) => !t.includes(',')), { maxLength: 3 }), (name, notes, tags) => {
        const contact = {
          id: '01900000-0000-7000-8000-000000000001',
          name: name.replace(/\s+/g, ' ').trim(),
          givenName: null,
          familyName: null,
          title: 'Researcher',
          organization: { id: '01900000-0000-7000-8000-000000000002', name: 'Acme; Inc.' },
          department: null,
          emails: [{ value: 'a@example.com', label: 'work' }],
          phones: [],
          linkedinUrl: null,
          tags: [...new Set(tags.map((t) => t.trim()))],
          notes: notes.trim() || null,
        };
        const [record] = parseVCard(contactsVCard([contact as never], '2026-03-10T10:00:00.000Z')).records;
        expect(record?.name).toBe(contact.name);
        expect(record?.organization).toBe('Acme; Inc.');
        expect(record?.emails).toEqual([{ value: 'a@example.com', label: 'work' }]);
        expect(record?.tags).toEqual(contact.tags);
        expect(record?.notes ?? null).toBe(contact.notes?.replace(/\r\n|\r/g, '\n') ?? null);
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(dialects)('JSON export and restore on %s', (dialect) => {
  let source: TestWorkspace;
  let target: TestWorkspace;
  beforeAll(async () => {
    source = await createTestWorkspace(dialect);
    target = await createTestWorkspace(dialect);
  });
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
  });

  it('restores a workspace exactly, Unicode and formula-like text included', async () => {
    const samples = fc.sample(fc.tuple(nonBlank, tricky, tricky), { numRuns: 25, seed: 42 });
    const org = await anOrganization(source.ctx, { name: '=Acme & Søn', notes: '+formula' });
    let previous: string | null = null;
    for (const [name, title, notes] of samples) {
      const contact = await aContact(source.ctx, { name: name.slice(0, 200), title: title.slice(0, 200), notes, organizationId: org.id, tags: ['ü', '=x'] });
      const interview = await anInterview(source.ctx, { contactId: contact.id, notes, status: 'held', heldAt: '2026-03-01T10:00:00Z' });
      await createInteraction({ ctx: source.ctx, input: { contactId: contact.id, interviewId: interview.id, kind: 'note', summary: notes } });
      if (previous) await createReferral({ ctx: source.ctx, input: { fromContactId: previous, toContactId: contact.id, status: 'suggested' } });
      await createLead({ ctx: source.ctx, input: createLeadInput.parse({ title: `Role opening · ${title}`.slice(0, 200), details: notes, interviewId: interview.id, mayNamePerson: true, nextStep: 'Ask about the posting', nextStepAt: '2026-03-20T09:00:00Z' }) });
      previous = contact.id;
    }
    const exported = await exportJson({ ctx: source.ctx });
    expect(exported.tables.leads).toHaveLength(samples.length);
    const restored = await restoreJson({ ctx: target.ctx, text: JSON.stringify(exported) });
    expect(restored.rows).toBeGreaterThan(100);
    const again = await exportJson({ ctx: target.ctx });
    expect({ ...again, exportedAt: null }).toEqual({ ...exported, exportedAt: null });
    expect(contactsCsv(await target.ctx.repos.contacts.all()).split('\r\n')[1]).not.toMatch(/^"?=/);
    // Leads come back with their links and permission, and stay searchable.
    const leads = await target.ctx.repos.leads.list({ organizationId: org.id }, { field: 'createdAt', direction: 'asc' }, { limit: 100, offset: 0 });
    expect(leads.total).toBe(samples.length);
    expect(leads.items[0]).toMatchObject({ organization: { id: org.id, name: '=Acme & Søn' }, mayNamePerson: true, nextStepAt: '2026-03-20T09:00:00.000Z' });
    expect((await search({ ctx: target.ctx, query: 'posting', types: ['lead'] })).items.length).toBeGreaterThan(0);

    await expect(restoreJson({ ctx: target.ctx, text: JSON.stringify(exported) })).rejects.toMatchObject({ code: 'restore.not_empty' });
    await expect(restoreJson({ ctx: target.ctx, text: '{"format":"something-else"}', replace: true })).rejects.toMatchObject({ code: 'restore.invalid_file' });
    const broken = { ...exported, tables: { ...exported.tables, interviews: [{ id: 'x', contactId: 'missing' }] } };
    await expect(restoreJson({ ctx: target.ctx, text: JSON.stringify(broken), replace: true })).rejects.toMatchObject({ code: 'restore.failed' });
    expect({ ...(await exportJson({ ctx: target.ctx })), exportedAt: null }).toEqual({ ...exported, exportedAt: null });
  });

  it('refuses a file holding a NUL character (as `inroads restore FILE` reads it) with a 400 naming the field, changing nothing', async () => {
    for (const name of ['Nul One', 'Nul Two']) await aContact(target.ctx, { name });
    const exported = await exportJson({ ctx: target.ctx });
    const contacts = exported.tables.contacts as Array<Record<string, unknown>>;
    const withNul = { ...exported, tables: { ...exported.tables, contacts: contacts.map((c, i) => (i === 1 ? { ...c, notes: 'before\u0000after' } : c)) } };
    await expect(restoreJson({ ctx: target.ctx, text: JSON.stringify(withNul), replace: true })).rejects.toMatchObject({
      code: 'restore.invalid_file',
      status: 400,
      message: expect.stringContaining('tables.contacts.1.notes contains a NUL character'),
      details: { field: 'tables.contacts.1.notes' },
    });
    expect({ ...(await exportJson({ ctx: target.ctx })), exportedAt: null }).toEqual({ ...exported, exportedAt: null });
  });
});
