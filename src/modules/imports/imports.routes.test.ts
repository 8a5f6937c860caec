import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { dialects } from '../../../test/fixtures/databases.js';

describe('import and export over HTTP', () => {
  const t = useTestApp();

  const csv = 'Full name,Employer,Job\r\nAna Lima,=Acme,PM\r\n';
  const upload = (query: string, payload = csv) =>
    asBrowser(t.app, { method: 'POST', url: `/api/v1/imports/csv?${query}`, payload, headers: { 'content-type': 'text/csv' } });

  it('previews with a guessed mapping and the file header, then imports with the corrected mapping', async () => {
    const preview = await upload('dryRun=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, header: ['Full name', 'Employer', 'Job'], mapping: { name: 'Full name', organization: 'Employer' }, counts: { new: 1 } });
    const mapping = encodeURIComponent(JSON.stringify({ name: 'Full name', organization: 'Employer', title: 'Job' }));
    const done = await upload(`mapping=${mapping}`);
    expect(done.json()).toMatchObject({ applied: true, counts: { new: 1 } });
    const contact = (await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts' })).json().items[0];
    expect(contact).toMatchObject({ name: 'Ana Lima', title: 'PM', organization: { name: '=Acme' } });
    const bad = await upload(`mapping=${encodeURIComponent('{"colour":"x"}')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('mapping');
  });

  it('downloads exports with formulas neutralised, and restores only into an empty workspace', async () => {
    const people = await asBrowser(t.app, { method: 'GET', url: '/api/v1/exports/contacts.csv' });
    expect(people.headers['content-disposition']).toBe('attachment; filename="contacts.csv"');
    expect(people.body).toContain(`,"'=Acme",`);
    const backup = await asBrowser(t.app, { method: 'GET', url: '/api/v1/exports/inroads-export.json' });
    expect(backup.json()).toMatchObject({ format: 'inroads-export', version: 1 });
    const refused = await asBrowser(t.app, { method: 'POST', url: '/api/v1/restore', payload: backup.json() });
    expect(refused.statusCode).toBe(409);
    const replaced = await asBrowser(t.app, { method: 'POST', url: '/api/v1/restore?replace=true', payload: backup.json() });
    expect(replaced.statusCode).toBe(200);
    expect((await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts' })).json().total).toBe(1);
  });

  it('answers a zip bomb with a 413 that names the limit, and pages the rows needing a decision', async () => {
    const bomb = zipSync({ 'Connections.csv': strToU8(`First Name,Last Name\r\n${'Ana,Lima\r\n'.repeat(400_000)}`) }, { level: 9 });
    const refused = await asBrowser(t.app, { method: 'POST', url: '/api/v1/imports/linkedin?dryRun=true', payload: Buffer.from(bomb), headers: { 'content-type': 'application/zip' } });
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toEqual({ error: { code: 'imports.too_large', message: expect.stringContaining('more than 100 times its packed size'), details: { zipRatio: 100 } } });
    const page = await upload('dryRun=true&offset=0&limit=5');
    expect(page.json()).toMatchObject({ page: { offset: 0, limit: 5, total: expect.any(Number) }, counts: { updated: expect.any(Number) } });
    expect((await upload('limit=5000')).statusCode).toBe(400);
  });
});

describe.each(dialects)('a NUL that only decoding reveals, over HTTP on %s', (dialect) => {
  const t = useTestApp(dialect);
  const post = (format: string, payload: Buffer, type: string) =>
    asBrowser(t.app, { method: 'POST', url: `/api/v1/imports/${format}`, payload, headers: { 'content-type': type } });

  it('is refused with a 400 naming the line and field, and nothing is written', async () => {
    const zip = Buffer.from(zipSync({ 'Basic_LinkedInDataExport/Connections.csv': strToU8('First Name,Last Name,Company\r\nAna,Lima,Acme\r\nBen,Walsh,Evil\u0000Co\r\n') }));
    const card = Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Nora Nul\r\nORG;CHARSET=UTF-8;QUOTED-PRINTABLE:Acme=00Corp\r\nEND:VCARD\r\n');
    for (const [format, payload, type, line, field] of [
      ['linkedin', zip, 'application/zip', 3, 'Company'],
      ['vcard', card, 'text/vcard', 4, 'ORG'],
    ] as const) {
      const response = await post(format, payload, type);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: { code: 'imports.invalid_file', message: expect.stringMatching(new RegExp(`^Line ${line}: .*${field}.*NUL character.*Nothing was imported\\.$`)), details: [expect.objectContaining({ line, field })] },
      });
    }
    expect((await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts' })).json().total).toBe(0);
  });
});
