import { describe, expect, it } from 'vitest';
import { parseMappedCsv } from './generic.parser.js';
import { parseGoogle } from './google.parser.js';
import { parseImportFile } from './imports.usecases.js';
import { parseVCard } from './vcard.parser.js';

/** A card from lines of text (ASCII or UTF-8), CRLF line ends. */
const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n');
/** A card from raw byte chunks: strings are ASCII, arrays are bytes. */
const cardBytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
/** Base64 of text written in ISO-8859-1. */
const latin = (text: string) => Buffer.from(text, 'latin1').toString('base64');
const only = (text: string | Uint8Array) => {
  const { records, problems } = parseVCard(text);
  expect(problems).toEqual([]);
  expect(records).toHaveLength(1);
  return records[0];
};

describe('issue 20, item 1: vCard 2.1 legacy encodings and charsets', () => {
  it('reads quoted-printable Latin-1 bytes without a CHARSET as Windows-1252, not as broken UTF-8', () => {
    const record = only(card('VERSION:2.1', 'N:Kr=E4mer;J=F6rg', 'FN;ENCODING=QUOTED-PRINTABLE:J=F6rg Kr=E4mer', 'ORG;QUOTED-PRINTABLE:B=E4ckerei =80 GmbH', 'NOTE;ENCODING=QUOTED-PRINTABLE:Gr=FC=DFe', 'TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Gesch=E4ftsf=FChrer'));
    expect(record).toMatchObject({ name: 'Jörg Krämer', organization: 'Bäckerei € GmbH', notes: 'Grüße', title: 'Geschäftsführer' });
  });

  it('reads 8-bit values in the CHARSET the property names (ISO-8859-1, windows-1252, Shift_JIS, KOI8-R)', () => {
    const file = cardBytes(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M',
      [0xfc],
      'ller;J',
      [0xfc],
      'rgen\r\nFN;CHARSET=ISO-8859-1:J',
      [0xfc],
      'rgen M',
      [0xfc],
      'ller\r\nORG;CHARSET=SHIFT_JIS:',
      [0x93, 0xfa, 0x96, 0x7b],
      '\r\nTITLE;CHARSET=KOI8-R:',
      [0xe4, 0xc9, 0xd2, 0xc5, 0xcb, 0xd4, 0xcf, 0xd2],
      '\r\nNOTE;CHARSET=windows-1252:',
      [0x93],
      'Hi',
      [0x94, 0x20, 0x80],
      '5\r\nEND:VCARD\r\n',
    );
    const record = only(file);
    expect(record).toMatchObject({ name: 'Jürgen Müller', familyName: 'Müller', organization: '日本', title: 'Директор', notes: '“Hi” €5' });
    expect(parseImportFile('vcard', file).records[0]).toMatchObject({ name: 'Jürgen Müller', organization: '日本' });
  });

  it('reads base64 and quoted-printable in the CHARSET on any property, also with 2.1 bare parameters', () => {
    const record = only(
      card(
        'VERSION:2.1',
        'N;CHARSET=UTF-8;QUOTED-PRINTABLE:=C3=89lise;Dupont',
        `FN;CHARSET=ISO-8859-1;BASE64:${latin('Élise Dupont')}`,
        `TITLE;CHARSET=ISO-8859-1;ENCODING=BASE64:${latin('Directrice générale')}`,
        'CATEGORIES;CHARSET=ISO-8859-15;QUOTED-PRINTABLE:=A4uro,Caf=E9',
        'TEL;CELL;PREF:+33 6 12 34 56 78',
        'EMAIL;PREF;INTERNET:elise@example.fr',
        'NOTE;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:=93Oui=94 =96 =8010',
      ),
    );
    expect(record).toMatchObject({ notes: '“Oui” – €10', name: 'Élise Dupont', title: 'Directrice générale', tags: ['€uro', 'Café'], phones: [{ value: '+33 6 12 34 56 78', label: 'cell' }], emails: [{ value: 'elise@example.fr' }] });
  });

  it('keeps the space after a soft line break when the next line starts with one', () => {
    const record = only(card('VERSION:2.1', 'FN:Ana Lima', 'ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Soci=E9t=E9 G=E9n=E9rale=', ' Bank', 'NOTE;ENCODING=QUOTED-PRINTABLE:one=', ' two=0D=0A=', 'three'));
    expect(record).toMatchObject({ organization: 'Société Générale Bank', notes: 'one two\nthree' });
  });

  it('joins a fold in the middle of a multi-byte UTF-8 character before decoding it', () => {
    const u = [...Buffer.from('ü')];
    const file = cardBytes('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:J', [u[0] ?? 0], '\r\n ', [u[1] ?? 0], 'rgen\r\nNOTE:Tsch', [0xc3], '\r\n\t', [0xbc], 's\r\nEND:VCARD\r\n');
    expect(only(file)).toMatchObject({ name: 'Jürgen', notes: 'Tschüs' });
  });

  it('reads CR CR LF line ends (as Outlook’s files come out of some mail programs) as one line end', () => {
    const text = ['BEGIN:VCARD', 'VERSION:2.1', 'FN:Ana Lima', 'NOTE;ENCODING=QUOTED-PRINTABLE:one=', 'two', 'ORG:Acme Corpor', ' ation', 'END:VCARD', ''].join('\r\r\n');
    expect(only(text)).toMatchObject({ name: 'Ana Lima', notes: 'onetwo', organization: 'Acme Corporation' });
  });
});

describe('issue 20, item 2: several CATEGORIES lines', () => {
  it('makes tags of every line, without repeats', () => {
    const record = only(card('VERSION:3.0', 'FN:Ana Lima', 'CATEGORIES:Work,Friends', 'CATEGORIES:Book club', 'item1.CATEGORIES:Friends,Climbing'));
    expect(record?.tags).toEqual(['Work', 'Friends', 'Book club', 'Climbing']);
  });
});

describe('issue 20, item 3: tel: URIs and extensions', () => {
  it('keeps the number and its extension from RFC 6350’s example card', () => {
    const record = only(card('VERSION:4.0', 'FN:Simon Perreault', 'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102', 'TEL;VALUE=uri;TYPE="work,cell,voice,video,text":tel:+1-418-262-6501'));
    expect(record?.phones).toEqual([
      { value: '+1-418-656-9254 x102', label: 'work' },
      { value: '+1-418-262-6501', label: 'work cell' },
    ]);
  });

  it('reads extensions written in words, as Outlook and people type them', () => {
    const record = only(card('VERSION:3.0', 'FN:Ana Lima', 'TEL;TYPE=WORK:+44 20 7946 0000 ext. 12', 'TEL:555-0100 extension 7', 'TEL:(555) 010-0199 x3'));
    expect(record?.phones.map((p) => p.value)).toEqual(['+44 20 7946 0000 x12', '555-0100 x7', '(555) 010-0199 x3']);
  });
});

describe('issue 20, item 4: escaped quotes', () => {
  it('reads \\" as a quote in notes, names and organisations, as Gmail and Apple write it', () => {
    const record = only(card('VERSION:3.0', 'N:Walsh;Ben \\"BJ\\";;;', 'FN:Ben \\"BJ\\" Walsh', 'ORG:\\"Kestrel\\" Labs', 'NOTE:She said \\"call me\\"\\: soon'));
    expect(record).toMatchObject({ name: 'Ben "BJ" Walsh', givenName: 'Ben "BJ"', organization: '"Kestrel" Labs', notes: 'She said "call me": soon' });
  });
});

describe('issue 20, item 5: line breaks in CSV cells stay in notes, as they do from a vCard', () => {
  const note = 'First line\nsecond line\n\nafter a blank line';
  it('keeps them from any CSV and from Google CSV, the same as from a vCard', () => {
    const generic = parseMappedCsv(`Name,Notes\r\nAna Lima,"First line\r\nsecond line\r\n\r\nafter a blank line"\r\n`);
    const google = parseGoogle(`First Name,Last Name,Notes\nAna,Lima,"First line\nsecond line\n\nafter a blank line  "\n`);
    const vcard = parseVCard(card('VERSION:3.0', 'FN:Ana Lima', 'NOTE:First line\\nsecond line\\n\\nafter a blank line'));
    expect(generic.records[0]?.notes).toBe(note);
    expect(google.records[0]?.notes).toBe(note);
    expect(vcard.records[0]?.notes).toBe(note);
  });
});

describe('issue 20, item 6: a card with an email address and no name', () => {
  it('is kept, named from the address and flagged for the user to name', () => {
    const { records, problems } = parseVCard(card('VERSION:2.1', 'N:;;;;', 'EMAIL;INTERNET:jo.smith@example.com', 'TEL;CELL:+44 7700 900001') + card('VERSION:2.1', 'N:;;;;', 'TEL;CELL:+44 7700 900002'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ name: 'jo.smith', unnamed: true, givenName: null, emails: [{ value: 'jo.smith@example.com' }] });
    expect(records[0]?.remarks).toEqual([expect.stringContaining('called “jo.smith” for now')]);
    expect(problems).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('no name and no email address') })]);
  });

  it('is kept from a CSV row and a Google CSV row too', () => {
    expect(parseMappedCsv('Name,Email\r\n,jo.smith@example.com\r\n').records[0]).toMatchObject({ name: 'jo.smith', unnamed: true });
    expect(parseGoogle('First Name,Last Name,E-mail 1 - Value\n,,jo.smith@example.com\n').records[0]).toMatchObject({ name: 'jo.smith', unnamed: true });
  });
});

describe('issue 20: nothing is dropped without being named', () => {
  it('names, in plain words, each detail of a card that Inroads does not keep', () => {
    const record = only(
      card(
        'VERSION:3.0',
        'N:Costa;Maya;Ana;Dr.;PhD',
        'FN:Maya Costa',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==',
        'BDAY:1984-05-02',
        'ADR;TYPE=HOME:;;1 High Street;Leeds;;LS1 1AA;UK',
        'URL:https://maya.example',
        'item2.X-ABRELATEDNAMES:Sam',
        'X-CUSTOM-THING:whatever',
        'UID:abc',
        'PRODID:-//Apple Inc.//iPhone OS 17.0//EN',
      ),
    );
    expect(record?.remarks).toEqual([
      'The middle name “Ana” is not kept.',
      'The title before the name “Dr.” is not kept.',
      'The part after the name “PhD” is not kept.',
      'The web address “https://maya.example” is not kept.',
      'The photo is not kept.',
      'The birthday “1984-05-02” is not kept.',
      'The postal address “1 High Street, Leeds, LS1 1AA, UK” is not kept.',
      'A related person “Sam” is not kept.',
      'The detail “whatever” (marked X-CUSTOM-THING in the file) is not kept.',
    ]);
  });

  it('names the columns of a CSV that the mapping leaves out', () => {
    const { records } = parseMappedCsv('Name,Birthday,Favourite colour\r\nAna Lima,1984-05-02,\r\n');
    expect(records[0]?.remarks).toEqual(['The “Birthday” column (“1984-05-02”) is not kept.']);
  });
});
