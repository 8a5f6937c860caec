import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview, anOrganization } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { parseVCard } from '../imports/vcard.parser.js';
import { createReferral } from '../referrals/referrals.usecases.js';
import { exportJson, restoreJson } from './exports.usecases.js';
import { contactsCsv, contactsVCard, csvCell } from './formats.js';

const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  fc.constantFrom('=HYPERLINK("http://x")', '+1 555', '-2', '@SUM(A1)', 'Zoë Ångström', '名前', 'a,b;c\\d', 'line\nbreak', '"quoted"', '🙂 emoji'),
);
const nonBlank = tricky.filter((s) => s.trim().length > 0);

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['plain', 'plain'],
  ])('%s is written as %s', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('never lets a cell start a formula, whatever the text', () => {
    fc.assert(
      fc.property(tricky, (value) => {
        const cell = csvCell(value).replace(/^"/, '');
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
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
      previous = contact.id;
    }
    const exported = await exportJson({ ctx: source.ctx });
    const restored = await restoreJson({ ctx: target.ctx, text: JSON.stringify(exported) });
    expect(restored.rows).toBeGreaterThan(100);
    const again = await exportJson({ ctx: target.ctx });
    expect({ ...again, exportedAt: null }).toEqual({ ...exported, exportedAt: null });
    expect(contactsCsv(await target.ctx.repos.contacts.all()).split('\r\n')[1]).not.toMatch(/^=/);

    await expect(restoreJson({ ctx: target.ctx, text: JSON.stringify(exported) })).rejects.toMatchObject({ code: 'restore.not_empty' });
    await expect(restoreJson({ ctx: target.ctx, text: '{"format":"something-else"}', replace: true })).rejects.toMatchObject({ code: 'restore.invalid_file' });
    const broken = { ...exported, tables: { ...exported.tables, interviews: [{ id: 'x', contactId: 'missing' }] } };
    await expect(restoreJson({ ctx: target.ctx, text: JSON.stringify(broken), replace: true })).rejects.toMatchObject({ code: 'restore.failed' });
    expect({ ...(await exportJson({ ctx: target.ctx })), exportedAt: null }).toEqual({ ...exported, exportedAt: null });
  });
});
