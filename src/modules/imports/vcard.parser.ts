import { hasNul } from '../../shared/input.js';
import { runAtOnce, type Steps } from './slices.js';
import { clean, displayName, emptyRecord, IMPORT_LIMITS, isEmail, nulInFile, tooManyPeople, webLink, type ImportProblem, type ImportRecord, type ParseResult } from './imports.types.js';

interface Property {
  name: string;
  params: Record<string, string[]>;
  value: string;
  line: number;
}

/** Undoes vCard text escaping: \n, \, \; and \\. */
function unescape(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
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

/** A decoder for a vCard CHARSET label; UTF-8 when the label is missing or unknown. */
function decoderFor(charset: string | undefined) {
  try {
    return new TextDecoder(charset?.trim() || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Quoted-printable (RFC 2045 §6.7): =XX is a byte, "=" at a line end is a soft break; bytes read in the card's charset. */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const text = value.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = text.charCodeAt(i);
      if (code < 0x80) bytes.push(code);
      else bytes.push(...new TextEncoder().encode(text[i] ?? ''));
    }
  }
  return decoderFor(charset).decode(new Uint8Array(bytes));
}

function decodeBase64(value: string, charset: string | undefined): string {
  return decoderFor(charset).decode(Buffer.from(value.replace(/\s+/g, ''), 'base64'));
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
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
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

const BINARY = ['PHOTO', 'LOGO', 'SOUND', 'KEY'];

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
    const eq = p.indexOf('=');
    // vCard 2.1 allows bare types: TEL;WORK;VOICE:…
    const key = (eq === -1 ? 'TYPE' : p.slice(0, eq)).toUpperCase();
    const values = (eq === -1 ? p : p.slice(eq + 1)).replace(/"/g, '').split(',');
    params[key] = [...(params[key] ?? []), ...values.map((v) => v.toLowerCase())];
  }
  let value = text.slice(colon + 1);
  // Every property may be encoded, in 2.1 also with a bare parameter (ORG;QUOTED-PRINTABLE:…).
  const encodings = [...(params.ENCODING ?? []), ...(params.TYPE ?? [])];
  const charset = params.CHARSET?.[0];
  if (!BINARY.includes(name)) {
    if (encodings.includes('quoted-printable')) value = decodeQuotedPrintable(value, charset).replace(/\r\n?/g, '\n');
    else if (encodings.includes('base64') || encodings.includes('b')) value = decodeBase64(value, charset).replace(/\r\n?/g, '\n');
  }
  return { name, params, value, line };
}

const label = (p: Property) => (p.params.TYPE ?? []).find((t) => !['internet', 'pref', 'voice', 'x400', 'quoted-printable', 'base64', 'b', '8bit', '7bit'].includes(t));

/**
 * vCard 2.1, 3.0 and 4.0, as phones and mail programs export them: folded lines,
 * escapes, several EMAIL/TEL with types, grouped properties (item1.EMAIL), ORG with
 * units, TITLE, NOTE, URL. Photos and other binary data are skipped.
 */
export function parseVCard(text: string): ParseResult {
  return runAtOnce(parseVCardSteps(text));
}

export function* parseVCardSteps(text: string): Steps<ParseResult> {
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  let current: Property[] | null = null;
  let start = 0;
  let sawCard = false;
  for (const { text: lineText, line } of yield* unfold(text)) {
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
    if (property && !BINARY.includes(property.name)) {
      // Quoted-printable (=00) and base64 can hide a NUL that only the decoded value shows.
      if (hasNul(property.value)) return refuseNul(lineText, line);
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

function toRecord(properties: Property[], line: number, problems: ImportProblem[]): ImportRecord | null {
  const record = emptyRecord(line, 'cold');
  const first = (name: string) => properties.find((p) => p.name === name);
  const n = first('N');
  if (n) {
    const [family = '', given = ''] = split(n.value, ';').map(unescape);
    record.familyName = clean(family);
    record.givenName = clean(given);
  }
  const fn = clean(unescape(first('FN')?.value ?? ''));
  const org = first('ORG');
  if (org) {
    const [company = '', ...units] = split(org.value, ';').map(unescape);
    record.organization = clean(company);
    record.department = clean(units.filter(Boolean).join(' / '));
  }
  record.title = clean(unescape(first('TITLE')?.value ?? '')) ?? clean(unescape(first('ROLE')?.value ?? ''));
  record.name = fn ?? displayName(record.givenName, record.familyName, record.organization);
  const note = properties.filter((p) => p.name === 'NOTE').map((p) => unescape(p.value).trim()).filter(Boolean);
  record.notes = note.length ? note.join('\n') : null;
  for (const p of properties.filter((q) => q.name === 'EMAIL')) {
    const value = unescape(p.value).trim().replace(/^mailto:/i, '');
    if (!value) continue;
    if (isEmail(value)) record.emails.push({ value, ...(label(p) ? { label: label(p) } : {}) });
    else problems.push({ line: p.line, severity: 'row', message: `“${value}” is not an email address; it is left out.` });
  }
  for (const p of properties.filter((q) => q.name === 'TEL')) {
    const value = unescape(p.value).trim().replace(/^tel:/i, '');
    if (/^[+0-9 ().\-/x]{3,40}$/i.test(value)) record.phones.push({ value, ...(label(p) ? { label: label(p) } : {}) });
    else if (value) problems.push({ line: p.line, severity: 'row', message: `“${value}” is not a phone number; it is left out.` });
  }
  const links = properties.filter((p) => p.name === 'URL' || p.name === 'X-SOCIALPROFILE').map((p) => webLink(unescape(p.value).trim()));
  record.linkedinUrl = links.find((l) => l && /linkedin\.com/i.test(l)) ?? null;
  const categories = first('CATEGORIES');
  if (categories) record.tags = [...new Set(split(categories.value, ',').map((t) => unescape(t).trim()).filter(Boolean))].slice(0, 50);
  record.emails = record.emails.slice(0, 20);
  record.phones = record.phones.slice(0, 20);
  if (!record.name) {
    problems.push({ line, severity: 'row', message: 'This card has no name (FN or N): it is skipped.' });
    return null;
  }
  return record;
}
