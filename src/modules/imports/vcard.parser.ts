import { hasNul } from '../../shared/input.js';
import { runAtOnce, type Steps } from './slices.js';
import { clean, cleanText, displayName, emptyRecord, IMPORT_LIMITS, isEmail, nameFromEmail, nulInFile, phoneNumber, quote, remark, tooManyPeople, webLink, type ImportProblem, type ImportRecord, type ParseResult } from './imports.types.js';

interface Property {
  name: string;
  /** The group (item1 in item1.EMAIL), lower case, or null. */
  group: string | null;
  params: Record<string, string[]>;
  value: string;
  line: number;
}

/**
 * Undoes vCard text escaping: \n (or \N) is a line break and a backslash before any other
 * punctuation stands for itself (\, \; \\ by the standard, and \" \: \' as Gmail and Apple
 * write them). A backslash before a letter or digit is kept, as in a Windows path.
 */
function unescape(value: string): string {
  return value.replace(/\\([nN,;:\\"'])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on unescaped `sep`. */
function split(value: string, sep: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === sep) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether these bytes are well-formed UTF-8. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest is ISO-8859-1); 0 where it has none. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Windows-1252, which the web (and so TextDecoder) also uses for ISO-8859-1 and US-ASCII
 * labels. Written out because Node 20's TextDecoder reads it as plain ISO-8859-1, turning
 * Outlook's € and curly quotes into invisible control characters.
 */
const windows1252 = {
  decode(bytes: Uint8Array): string {
    let out = '';
    for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b);
    return out;
  },
};

/** A decoder for a vCard CHARSET label (any label Node's TextDecoder knows), or null. */
function decoderFor(charset: string | undefined): { decode(bytes: Uint8Array): string } | null {
  if (!charset?.trim()) return null;
  try {
    const decoder = new TextDecoder(charset.trim());
    return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
  } catch {
    return null;
  }
}

/**
 * Text from a value's bytes. Bytes that are well-formed UTF-8 are read as UTF-8 unless the
 * property names another CHARSET for encoded bytes; other bytes are read in the property's
 * CHARSET, or as Windows-1252 (a superset of ISO-8859-1), which is what exporters that
 * write 8-bit text without a CHARSET (old Outlook, Nokia and Sony Ericsson phones) used.
 */
function decodeBytes(bytes: Uint8Array, charset: string | undefined, encoded: boolean): string {
  const named = decoderFor(charset);
  // A card that says UTF-8 but holds other bytes (an old phone's Latin-1) is read as Windows-1252.
  if (named instanceof TextDecoder && named.encoding === 'utf-8' && !isUtf8(bytes)) return windows1252.decode(bytes);
  if (named && (encoded || !isUtf8(bytes))) return named.decode(bytes);
  if (isUtf8(bytes)) return utf8.decode(bytes);
  return (named ?? windows1252).decode(bytes);
}

/** The bytes a string of byte-characters (read as latin1) stands for. */
const byteArray = (raw: string) => Uint8Array.from(Buffer.from(raw, 'latin1'));

/** Quoted-printable (RFC 2045 §6.7): =XX is a byte, "=" at a line end is a soft break. */
function decodeQuotedPrintable(raw: string, charset: string | undefined): string {
  const text = raw.replace(/=[ \t]*\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return decodeBytes(new Uint8Array(bytes), charset, true);
}

function decodeBase64(raw: string, charset: string | undefined): string {
  return decodeBytes(new Uint8Array(Buffer.from(raw.replace(/\s+/g, ''), 'base64')), charset, true);
}

/**
 * A vCard file's bytes as a string of byte-characters (each char one byte, as latin1),
 * so folded lines join before any decoding: a fold may fall in the middle of a multi-byte
 * character, and each property may name its own CHARSET. A UTF-16 file (with its
 * byte-order mark, as macOS Contacts can write) is turned into UTF-8 first.
 */
export function vCardBytes(bytes: Uint8Array): string {
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data[0] === 0xff && data[1] === 0xfe) data = Buffer.from(new TextDecoder('utf-16le').decode(data.subarray(2)), 'utf8');
  else if (data[0] === 0xfe && data[1] === 0xff) data = Buffer.from(new TextDecoder('utf-16be').decode(data.subarray(2)), 'utf8');
  else if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
  return data.toString('latin1');
}

/** The part of a content line before its value: name and parameters. */
const head = (text: string) => text.split(':')[0] ?? '';
const isQuotedPrintable = (text: string) => /;\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\b/i.test(head(text));

/**
 * Unfolds lines keeping each start line: RFC 6350 folding (a line starting with a space or
 * tab continues the last one, minus that one character) and vCard 2.1 quoted-printable soft
 * breaks (a line ending in "=" continues on the next line, which is kept whole).
 */
function* unfold(text: string): Steps<Array<{ text: string; line: number }>> {
  // CR CR LF (Outlook on Windows, through a text-mode copy) is one line end, not two.
  const raw = text.split(/\r*\n|\r+/);
  const out: Array<{ text: string; line: number }> = [];
  for (let i = 0; i < raw.length; i++) {
    if (i % 64 === 0) yield;
    const line = raw[i] ?? '';
    const last = out.at(-1);
    if (last && last.text.endsWith('=') && isQuotedPrintable(last.text)) {
      last.text = last.text.slice(0, -1) + line;
    } else if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last.text += line.slice(1);
    } else {
      out.push({ text: line, line: i + 1 });
    }
  }
  return out;
}

const BINARY = ['PHOTO', 'LOGO', 'SOUND', 'KEY', 'X-MS-CARDPICTURE'];
/** Binary, unless it is Japanese phones' SOUND;X-IRMC-N, the written reading of the name. */
const isBinary = (name: string, params: Record<string, string[]>) => BINARY.includes(name) && !(name === 'SOUND' && params.TYPE?.includes('x-irmc-n'));

function parseProperty(text: string, line: number): Property | null {
  const colon = (() => {
    // The first colon outside a quoted parameter value.
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '"') quoted = !quoted;
      else if (text[i] === ':' && !quoted) return i;
    }
    return -1;
  })();
  if (colon === -1) return null;
  const [rawName = '', ...rawParams] = text.slice(0, colon).split(';');
  const name = (rawName.includes('.') ? rawName.slice(rawName.indexOf('.') + 1) : rawName).toUpperCase();
  const params: Record<string, string[]> = {};
  for (const p of rawParams) {
    // Samsung phones write a custom label as TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=ED=9A=8C…).
    const samsung = /^X-CUSTOM\((?:CHARSET=([^,]*),)?(ENCODING=QUOTED-PRINTABLE,)?(.*)\)$/i.exec(p);
    if (samsung) {
      const custom = samsung[2] ? decodeQuotedPrintable(samsung[3] ?? '', samsung[1]) : decodeBytes(byteArray(samsung[3] ?? ''), samsung[1], false);
      params.TYPE = [...(params.TYPE ?? []), custom.toLowerCase()];
      continue;
    }
    const eq = p.indexOf('=');
    // vCard 2.1 allows bare types: TEL;WORK;VOICE:…
    const key = (eq === -1 ? 'TYPE' : p.slice(0, eq)).toUpperCase();
    // Parameter values may hold text too (a label in UTF-8, or in 8-bit).
    const values = decodeBytes(byteArray((eq === -1 ? p : p.slice(eq + 1)).replace(/"/g, '')), undefined, false).split(',');
    params[key] = [...(params[key] ?? []), ...values.map((v) => v.toLowerCase())];
  }
  const raw = text.slice(colon + 1);
  // Every property may be encoded, in 2.1 also with a bare parameter (ORG;QUOTED-PRINTABLE:…).
  const encodings = [...(params.ENCODING ?? []), ...(params.TYPE ?? [])];
  const charset = params.CHARSET?.[0];
  let value = raw;
  if (!isBinary(name, params)) {
    if (encodings.includes('quoted-printable')) value = decodeQuotedPrintable(raw, charset);
    else if (encodings.includes('base64') || encodings.includes('b')) value = decodeBase64(raw, charset);
    else value = decodeBytes(byteArray(raw), charset, false);
    value = value.replace(/\r\n?/g, '\n');
  }
  return { name, group: rawName.includes('.') ? rawName.slice(0, rawName.indexOf('.')).toLowerCase() : null, params, value, line };
}

/** TYPE values that say how a value is written or delivered, not what kind of address or number it is. */
const NOT_LABELS = ['internet', 'pref', 'voice', 'msg', 'video', 'text', 'textphone', 'x400', 'quoted-printable', 'base64', 'b', '8bit', '7bit', 'uri', 'postal', 'parcel', 'dom', 'intl', 'bbs', 'modem', 'isdn'];

/**
 * The kind of an email, phone or link: Apple's X-ABLabel in the same group ("_$!<Mobile>!$_"
 * → "mobile"), else its telling TYPEs together ("work", "work fax", "cell"; "X-Trabalho" → "trabalho").
 */
function label(p: Property, all: Property[]): string | undefined {
  const apple = p.group ? all.find((q) => q.group === p.group && q.name === 'X-ABLABEL') : undefined;
  const named = apple ? clean(unescape(apple.value).replace(/^_\$!<(.*)>!\$_$/, '$1'))?.toLowerCase() : undefined;
  const types = [...new Set((p.params.TYPE ?? []).map((t) => t.replace(/^x-(?!\w*-)/, '').trim()).filter((t) => t && !NOT_LABELS.includes(t)))];
  return named ?? (clean(types.join(' ')) || undefined);
}

/**
 * vCard 2.1, 3.0 and 4.0, as phones and mail programs export them: folded lines (also in
 * the middle of a multi-byte character), escapes, quoted-printable and base64 in any
 * CHARSET, several EMAIL/TEL with types, grouped properties (item1.EMAIL), ORG with units,
 * TITLE, NOTE, URL, CATEGORIES. What Inroads has no place for (photos, birthdays,
 * addresses…) is named on the record's remarks, never dropped silently.
 * `text` is read as UTF-8 text; parseVCardSteps takes the file's bytes (see vCardBytes).
 */
export function parseVCard(text: string | Uint8Array): ParseResult {
  return runAtOnce(parseVCardSteps(vCardBytes(typeof text === 'string' ? new TextEncoder().encode(text) : text)));
}

/** `raw` is the file as byte-characters, from vCardBytes. */
export function* parseVCardSteps(raw: string): Steps<ParseResult> {
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  let current: Property[] | null = null;
  let start = 0;
  let sawCard = false;
  for (const { text: lineText, line } of yield* unfold(raw)) {
    yield;
    if (/^BEGIN:VCARD\s*$/i.test(lineText)) {
      if (records.length >= IMPORT_LIMITS.rows) throw tooManyPeople();
      current = [];
      start = line;
      sawCard = true;
      continue;
    }
    if (/^END:VCARD\s*$/i.test(lineText)) {
      if (current) {
        const record = toRecord(current, start, problems);
        if (record) records.push(record);
      }
      current = null;
      continue;
    }
    if (hasNul(lineText)) return refuseNul(lineText, line);
    if (!current || lineText.trim() === '') continue;
    const property = parseProperty(lineText, line);
    if (property) {
      // Quoted-printable (=00) and base64 can hide a NUL that only the decoded value shows.
      if (!isBinary(property.name, property.params) && hasNul(property.value)) return refuseNul(lineText, line);
      current.push(property);
    }
  }
  if (current) problems.push({ line: start, severity: 'row', message: 'This card has no END:VCARD; the file may be cut short. The card is skipped.' });
  if (!sawCard) problems.push({ line: 1, severity: 'fatal', message: 'No BEGIN:VCARD found: this is not a vCard file.' });
  return { records, problems };
}

/** A file with a NUL in a property is refused whole, naming the line and the property. */
function refuseNul(lineText: string, line: number): ParseResult {
  const name = head(lineText).split(';')[0]?.replace(/^[^.]*\./, '').toUpperCase().replaceAll('\u0000', '') || 'line';
  return { records: [], problems: [{ line, severity: 'fatal', field: name, message: nulInFile(`The ${name} value`) }] };
}

/** Properties that describe the card rather than the person (or are read with another one): nothing of the person's is lost with them. */
const CARD_DETAILS = new Set(['BEGIN', 'END', 'VERSION', 'PRODID', 'REV', 'UID', 'KIND', 'X-ADDRESSBOOKSERVER-KIND', 'MAILER', 'CLIENTPIDMAP', 'SOURCE', 'NAME', 'PROFILE', 'SORT-STRING', 'X-ABUID', 'X-ABLABEL', 'X-ABSHOWAS', 'X-MS-OL-DEFAULT-POSTAL-ADDRESS', 'X-MS-CARDPICTURE-TYPE', 'X-IMAGETYPE', 'X-IMAGEHASH', 'X-ABADR', 'X-ABPERSON', 'X-EVOLUTION-FILE-AS', 'X-MOZILLA-HTML', 'X-MS-IMADDRESS-TYPE', 'X-GENERATOR']);

/** What a person sees for a property Inroads does not keep ("the birthday"). */
const PLAIN: Record<string, string> = {
  PHOTO: 'the photo',
  LOGO: 'the logo',
  SOUND: 'the recorded name',
  KEY: 'the encryption key',
  'X-MS-CARDPICTURE': 'the business-card picture',
  'X-MS-OL-DESIGN': 'the business-card layout',
  ADR: 'the postal address',
  LABEL: 'the postal address label',
  BDAY: 'the birthday',
  ANNIVERSARY: 'the anniversary',
  'X-ANNIVERSARY': 'the anniversary',
  'X-MS-ANNIVERSARY': 'the anniversary',
  NICKNAME: 'the nickname',
  'X-MS-SPOUSE': 'the partner’s name',
  'X-SPOUSE': 'the partner’s name',
  'X-ASSISTANT': 'the assistant’s name',
  'X-MS-ASSISTANT': 'the assistant’s name',
  'X-MANAGER': 'the manager’s name',
  'X-MS-MANAGER': 'the manager’s name',
  RELATED: 'a related person',
  'X-ABRELATEDNAMES': 'a related person',
  IMPP: 'the chat address',
  'X-AIM': 'the chat address',
  'X-JABBER': 'the chat address',
  'X-SKYPE': 'the chat address',
  'X-SKYPE-USERNAME': 'the chat address',
  'X-MSN': 'the chat address',
  'X-YAHOO': 'the chat address',
  'X-ICQ': 'the chat address',
  'X-GOOGLE-TALK': 'the chat address',
  'X-GTALK': 'the chat address',
  'X-QQ': 'the chat address',
  'X-GADUGADU': 'the chat address',
  'X-TWITTER': 'the social profile',
  'X-SOCIALPROFILE': 'the social profile',
  URL: 'the web address',
  GEO: 'the map location',
  TZ: 'the time zone',
  GENDER: 'the gender',
  'X-GENDER': 'the gender',
  'X-WAB-GENDER': 'the gender',
  LANG: 'the language',
  ROLE: 'the role',
  TITLE: 'the other job title',
  ORG: 'the other organisation',
  FBURL: 'the free/busy calendar address',
  CALURI: 'the calendar address',
  CALADRURI: 'the calendar address',
  MEMBER: 'a member of the group',
  'X-PHONETIC-FIRST-NAME': 'how the first name sounds',
  'X-PHONETIC-LAST-NAME': 'how the last name sounds',
  'X-PHONETIC-MIDDLE-NAME': 'how the middle name sounds',
  'X-PHONETIC-ORG': 'how the organisation’s name sounds',
  'X-ABDATE': 'a date',
  'X-ANDROID-CUSTOM': 'a detail Android added',
  'X-NICKNAME': 'the nickname',
  'X-MS-IMADDRESS': 'the chat address',

  'X-EVENT': 'a date',
  EXPERTISE: 'an area of expertise',
  HOBBY: 'a hobby',
  INTEREST: 'an interest',
  'ORG-DIRECTORY': 'the organisation’s directory',
  'X-MAIDENNAME': 'the maiden name',
  'X-NOTES-ANNIVERSARY': 'the anniversary',
};

/** How a dropped property is named in a remark: its plain name, with its value where that helps. */
/** Android's X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Eli;… → what it holds, in words. */
const ANDROID: Record<string, string> = { nickname: 'the nickname', relation: 'a related person', contact_event: 'a date', im: 'the chat address', sip_address: 'the internet call address', website: 'the web address', postal: 'the postal address' };

function dropped(p: Property): string {
  if (p.name === 'SOUND' && !isBinary(p.name, p.params)) return `how the name is read ${quote(split(p.value, ';').map(unescape).filter(Boolean).join(' '))}`;
  const android = p.name === 'X-ANDROID-CUSTOM' ? /^vnd\.android\.cursor\.item\/([^;]+);([^;]*)/.exec(p.value) : null;
  if (android?.[1] && ANDROID[android[1]]) return android[2] ? `${ANDROID[android[1]]} ${quote(unescape(android[2]))}` : (ANDROID[android[1]] ?? '');
  const plain = PLAIN[p.name];
  if (isBinary(p.name, p.params) || p.name === 'X-MS-OL-DESIGN') return plain ?? `the file’s ${p.name} data`;
  const text = (p.name === 'ADR' ? split(p.value, ';').map(unescape).map((s) => s.trim()).filter(Boolean).join(', ') : unescape(p.value)).replace(/\s+/g, ' ').trim();
  if (!plain) return `the detail ${text ? `${quote(text)} ` : ''}(marked ${p.name} in the file)`;
  return text ? `${plain} ${quote(text)}` : plain;
}

const LIMITS = { emails: 20, phones: 20, tags: 50 } as const;

function toRecord(properties: Property[], line: number, problems: ImportProblem[]): ImportRecord | null {
  const record = emptyRecord(line, 'cold');
  const used = new Set<Property>();
  const first = (name: string) => {
    const found = properties.find((p) => p.name === name);
    if (found) used.add(found);
    return found;
  };
  const all = (name: string) => {
    const found = properties.filter((p) => p.name === name);
    for (const p of found) used.add(p);
    return found;
  };
  const kind = (first('KIND') ?? first('X-ADDRESSBOOKSERVER-KIND'))?.value.trim().toLowerCase();
  const fn = clean(unescape(first('FN')?.value ?? ''));
  if (kind === 'group') {
    problems.push({ line, severity: 'row', message: `This card is a contact group${fn ? ` (${quote(fn)})` : ''}, not a person: it is skipped.` });
    return null;
  }
  const n = first('N');
  const nameParts = n ? split(n.value, ';').map(unescape).map((v) => v.trim()) : [];
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = nameParts;
  record.familyName = clean(family);
  record.givenName = clean(given);
  const org = first('ORG');
  if (org) {
    const [company = '', ...units] = split(org.value, ';').map(unescape);
    record.organization = clean(company);
    record.department = clean(units.filter(Boolean).join(' / '));
  }
  const title = first('TITLE');
  const role = first('ROLE');
  record.title = clean(unescape(title?.value ?? '')) ?? clean(unescape(role?.value ?? ''));
  if (role && record.title && clean(unescape(role.value)) && clean(unescape(role.value)) !== record.title) remark(record, `${dropped(role)} is not kept (only the job title ${quote(record.title)} is).`);
  record.name = fn ?? displayName(record.givenName, record.familyName, record.organization);
  // Middle names, prefixes (Dr.) and suffixes (Jr.) live on in the full name when it has them.
  for (const [part, words] of [[middle, 'middle name'], [prefix, 'title before the name'], [suffix, 'part after the name']] as const) {
    if (part && !record.name.includes(part)) remark(record, `The ${words} ${quote(part)} is not kept.`);
  }
  const note = all('NOTE').map((p) => cleanText(unescape(p.value))).filter((t): t is string => Boolean(t));
  record.notes = note.length ? note.join('\n') : null;
  for (const p of all('EMAIL')) {
    const value = unescape(p.value).trim().replace(/^mailto:/i, '');
    if (!value) continue;
    const kindOf = label(p, properties);
    if (isEmail(value)) record.emails.push({ value, ...(kindOf ? { label: kindOf } : {}) });
    else problems.push({ line: p.line, severity: 'row', message: `“${value}” is not an email address; it is left out.` });
  }
  for (const p of all('TEL')) {
    const written = unescape(p.value).trim();
    if (!written) continue;
    const value = phoneNumber(written);
    const kindOf = label(p, properties);
    if (value) record.phones.push({ value, ...(kindOf ? { label: kindOf } : {}) });
    else problems.push({ line: p.line, severity: 'row', message: `“${written}” is not a phone number; it is left out.` });
  }
  const links = [...all('URL'), ...all('X-SOCIALPROFILE')];
  const linkedin = links.find((p) => /linkedin\.com/i.test(webLink(unescape(p.value).trim()) ?? ''));
  record.linkedinUrl = linkedin ? webLink(unescape(linkedin.value).trim()) : null;
  for (const p of links) if (p !== linkedin && unescape(p.value).trim()) remark(record, `${dropped(p)} is not kept.`);
  // Every CATEGORIES line adds tags (Apple and Thunderbird write one line per group).
  const tags = all('CATEGORIES').flatMap((p) => split(p.value, ',').map((t) => unescape(t).trim()).filter(Boolean));
  // Google's system groups say nothing about the person.
  record.tags = [...new Set(tags)].filter((t) => !/^(my ?contacts|starred)$/i.test(t));
  for (const [field, words] of [['emails', 'email addresses'], ['phones', 'phone numbers'], ['tags', 'tags']] as const) {
    const list = record[field] as unknown[];
    if (list.length > LIMITS[field]) {
      remark(record, `${list.length - LIMITS[field]} more ${words} past the first ${LIMITS[field]} are not kept.`);
      record[field] = list.slice(0, LIMITS[field]) as never;
    }
  }
  // The second ORG or TITLE, and everything Inroads has no place for, is named.
  for (const p of properties) {
    if (used.has(p) || CARD_DETAILS.has(p.name) || p.name === 'FN' || p.name === 'N') continue;
    if (!isBinary(p.name, p.params) && !p.value.trim()) continue;
    remark(record, `${dropped(p)} is not kept.`);
  }
  if (!record.name && !nameFromEmail(record)) {
    problems.push({ line, severity: 'row', message: 'This card has no name and no email address: it is skipped.' });
    return null;
  }
  return record;
}
