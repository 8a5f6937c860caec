import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from './imports.usecases.js';
import { guessMapping, parseMappedCsv } from './generic.parser.js';
import { parseGoogle } from './google.parser.js';
import { linkedInDate, linkedInText, parseLinkedIn } from './linkedin.parser.js';
import { parseVCard } from './vcard.parser.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/imports/${name}`, import.meta.url), 'utf8');

const LINKEDIN = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed it."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Maya,Costa,https://www.linkedin.com/in/maya-costa,,Brightpath Learning,"Researcher, UX",12 Mar 2024',
  '"Ben ""BJ""",Walsh,https://www.linkedin.com/in/benwalsh,ben@example.com,Kestrel Labs,Engineer,01 Jan 2023',
  ',,https://www.linkedin.com/in/nobody,,,,01 Jan 2023',
].join('\r\n');

const bomb = (size: number) => zipSync({ 'Basic_LinkedInDataExport/Connections.csv': strToU8(`First Name,Last Name\r\n${'Ana,Lima\r\n'.repeat(size / 10)}`) }, { level: 9 });
/** Makes the ZIP claim its Connections.csv unpacks to `declared` bytes, in the local and the central header. */
const lying = (zip: Uint8Array, declared: number) => {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  view.setUint32(22, declared, true);
  for (let at = copy.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, declared, true);
  }
  return copy;
};

describe('LinkedIn Connections.csv', () => {
  it('reads the file exactly as LinkedIn exports it: BOM, CRLF, preamble, quoted commas and doubled quotes', () => {
    const { records, problems } = parseLinkedIn(`\uFEFF${LINKEDIN}`);
    expect(records.map((r) => [r.line, r.name, r.title, r.organization, r.connectedOn, r.relationship])).toEqual([
      [5, 'Maya Costa', 'Researcher, UX', 'Brightpath Learning', '2024-03-12', 'linkedin-connection'],
      [6, 'Ben "BJ" Walsh', 'Engineer', 'Kestrel Labs', '2023-01-01', 'linkedin-connection'],
    ]);
    expect(records[0]?.emails).toEqual([]);
    expect(records[1]?.emails).toEqual([{ value: 'ben@example.com' }]);
    expect(problems).toEqual([{ line: 7, severity: 'row', message: 'No first or last name: this row is skipped.' }]);
  });

  it('picks Connections.csv out of the whole data-export ZIP', () => {
    const zip = zipSync({ 'Basic_LinkedInDataExport/Profile.csv': strToU8('x'), 'Basic_LinkedInDataExport/Connections.csv': strToU8(LINKEDIN) });
    const result = parseImportFile('linkedin', zip);
    expect(result.records.map((r) => r.name)).toEqual(['Maya Costa', 'Ben "BJ" Walsh']);
    const empty = parseImportFile('linkedin', zipSync({ 'Profile.csv': strToU8('x') }));
    expect(empty.problems[0]).toMatchObject({ severity: 'fatal', message: expect.stringContaining('no Connections.csv') });
  });

  describe('a ZIP that unpacks to far more than it holds (a zip bomb)', () => {
    it('is refused with a 413 naming the ratio, before it is unpacked in full', () => {
      const zip = bomb(4 * 1024 * 1024);
      expect(() => linkedInText(zip)).toThrow(expect.objectContaining({ code: 'imports.too_large', status: 413, details: { zipRatio: 100 }, message: expect.stringContaining('more than 100 times') }));
      expect(() => parseImportFile('linkedin', zip)).toThrow(expect.objectContaining({ status: 413 }));
    });

    it('is refused while unpacking when its headers understate the size', () => {
      const zip = lying(bomb(4 * 1024 * 1024), 100);
      expect(() => linkedInText(zip)).toThrow(expect.objectContaining({ status: 413, details: { zipRatio: 100 } }));
      const small = zipSync({ 'Connections.csv': strToU8(LINKEDIN.repeat(4)) });
      expect(() => linkedInText(lying(small, 10), { bytes: 1000, zipRatio: 1000 })).toThrow(expect.objectContaining({ status: 413, details: { maxBytes: 1000 }, message: expect.stringContaining('more than 0 MB') }));
      expect(() => linkedInText(small, { bytes: 1000, zipRatio: 1000 })).toThrow(expect.objectContaining({ status: 413, details: { maxBytes: 1000 } }));
    });

    it('unpacks only the first Connections.csv', () => {
      const zip = zipSync({ 'a/Connections.csv': strToU8(LINKEDIN), 'b/connections.csv': strToU8('x'.repeat(8 * 1024 * 1024)) }, { level: 9 });
      expect(parseImportFile('linkedin', zip).records.map((r) => r.name)).toEqual(['Maya Costa', 'Ben "BJ" Walsh']);
    });
  });

  it('accepts older exports without the URL column', () => {
    const old = 'First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Lima,,Acme,PM,3 Feb 2019\n';
    expect(parseLinkedIn(old).records[0]).toMatchObject({ name: 'Ana Lima', linkedinUrl: null, organization: 'Acme', connectedOn: '2019-02-03' });
  });

  it('refuses a file that is not a connections export, naming the line', () => {
    expect(parseLinkedIn('a,b,c\n1,2,3\n').problems).toEqual([expect.objectContaining({ line: 1, severity: 'fatal' })]);
  });

  it.each([
    ['12 Mar 2024', '2024-03-12'],
    ['1 Sept 2020', '2020-09-01'],
    ['2021-07-04', '2021-07-04'],
    ['03/12/24', '2024-03-12'],
    ['yesterday', null],
  ])('reads the date %s', (input, expected) => {
    expect(linkedInDate(input)).toBe(expected);
  });
});

describe('vCard', () => {
  it('reads 2.1, 3.0 and 4.0 cards: folding, escapes, groups, ORG units, several emails and phones, photos skipped', () => {
    const { records, problems } = parseVCard(fixture('phone.vcf'));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      line: 1,
      name: 'Maya Costa',
      givenName: 'Maya',
      familyName: 'Costa',
      organization: 'Brightpath Learning',
      department: 'Research / Accessibility',
      title: 'UX Researcher',
      emails: [
        { value: 'maya@brightpath.example', label: 'work' },
        { value: 'maya.costa@example.com', label: 'home' },
      ],
      phones: [
        { value: '+44 7700 900123', label: 'cell' },
        { value: '+44 20 7946 0000', label: 'work' },
      ],
      notes: 'Met at the research meetup, said to write any time.\nPrefers mornings.',
      linkedinUrl: 'https://www.linkedin.com/in/maya-costa',
      tags: ['ux', 'meetup'],
    });
    expect(records[1]?.notes).toBe('A very long note that was folded by the exporting program because it went past seventy-five characters on one line.');
    expect(records[2]).toMatchObject({ name: 'Jürgen Müller', familyName: 'Müller', phones: [{ value: '+49 30 123456', label: 'work' }] });
  });

  it('decodes quoted-printable and base64 in every property, in the card\u2019s CHARSET, as Outlook writes vCard 2.1', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen',
      'FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller',
      'ORG;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:B=E4ckerei M=FCller;Verk=E4ufe',
      'TITLE;CHARSET=utf-8;QUOTED-PRINTABLE:Gesch=C3=A4ftsf=C3=BChrer',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Erste Zeile: gr=FC=DFe=0D=0A=',
      ' zweite Zeile',
      'CATEGORIES;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:Kund=C3=A9,M=C3=BCnchen',
      'EMAIL;INTERNET;QUOTED-PRINTABLE:j=3Dm@example.com',
      `TEL;WORK;VOICE;ENCODING=BASE64:${Buffer.from('+49 30 123456').toString('base64')}`,
      'END:VCARD',
      '',
    ].join('\r\n');
    const { records, problems } = parseVCard(card);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      name: 'J\u00fcrgen M\u00fcller',
      familyName: 'M\u00fcller',
      organization: 'B\u00e4ckerei M\u00fcller',
      department: 'Verk\u00e4ufe',
      title: 'Gesch\u00e4ftsf\u00fchrer',
      notes: 'Erste Zeile: gr\u00fc\u00dfe\n zweite Zeile',
      tags: ['Kund\u00e9', 'M\u00fcnchen'],
      emails: [{ value: 'j=m@example.com' }],
      phones: [{ value: '+49 30 123456', label: 'work' }],
    });
  });

  it('refuses a file with no cards', () => {
    expect(parseVCard('hello').problems).toEqual([expect.objectContaining({ severity: 'fatal', line: 1 })]);
  });
});

describe('Google Contacts CSV', () => {
  it('reads the current header set with ::: multi-values', () => {
    const { records } = parseGoogle(fixture('google-current.csv'));
    expect(records[0]).toMatchObject({
      name: 'Priya Shah',
      organization: 'Northwind Health',
      title: 'Service Designer',
      department: 'Digital',
      tags: ['Health'],
      emails: [
        { value: 'priya@northwind.example', label: 'work' },
        { value: 'priya.shah@example.com', label: 'work' },
      ],
      phones: [{ value: '+44 7700 900456', label: 'mobile' }],
      linkedinUrl: 'https://www.linkedin.com/in/priya-shah',
    });
    expect(records[1]).toMatchObject({ name: 'Acme Only Org', organization: 'Acme Only Org' });
  });

  it('reads the legacy header set', () => {
    const { records } = parseGoogle(fixture('google-legacy.csv'));
    expect(records).toEqual([
      expect.objectContaining({
        name: 'Tara Reid',
        organization: 'Tidewater Grid',
        title: 'Engineer',
        tags: ['Friends'],
        emails: [
          { value: 'tara@example.com', label: 'home' },
          { value: 'tara.reid@work.example', label: 'home' },
        ],
      }),
    ]);
  });
});

describe('any other CSV', () => {
  it('guesses the columns and lets a mapping correct them', () => {
    const csv = 'Full name,Employer,Job,E-mail,Phone number,Remarks\nAna Lima,Acme,PM,ana@example.com,+1 555 0101,met at a fair\n';
    expect(guessMapping(['Full name', 'Employer', 'Job', 'E-mail', 'Phone number', 'Remarks'])).toEqual({
      name: 'Full name',
      email: 'E-mail',
      phone: 'Phone number',
      organization: 'Employer',
      notes: 'Remarks',
    });
    const guessed = parseMappedCsv(csv);
    expect(guessed.records[0]).toMatchObject({ name: 'Ana Lima', organization: 'Acme', title: null });
    const corrected = parseMappedCsv(csv, { ...guessed.mapping, title: 'Job' });
    expect(corrected.records[0]).toMatchObject({ title: 'PM', emails: [{ value: 'ana@example.com' }] });
    expect(parseMappedCsv(csv, { name: 'Nope' }).problems[0]).toMatchObject({ severity: 'fatal', line: 1 });
  });
});
