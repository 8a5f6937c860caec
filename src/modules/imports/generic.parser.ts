import { cell, readCsvSteps } from './csv.js';
import { runAtOnce, type Steps } from './slices.js';
import { linkedInDate } from './linkedin.parser.js';
import { clean, cleanText, displayName, emptyRecord, isEmail, nameFromEmail, phoneNumber, quote, remark, webLink, type ImportProblem, type ImportRecord, type ParseResult } from './imports.types.js';
import { mappableFields, type ColumnMapping, type MappableField } from '../../shared/schemas/imports.js';

const synonyms: Record<MappableField, RegExp> = {
  name: /^(full ?name|name|display ?name|contact|contact name|person)$/i,
  givenName: /^(first ?name|given ?name|forename|first)$/i,
  familyName: /^(last ?name|family ?name|surname|last)$/i,
  email: /^(e-?mails?( ?address(es)?)?( ?1)?|mail|email ?\(work\))$/i,
  phone: /^((mobile|cell|business|work|home|primary) ?)?(phones?( ?numbers?)?( ?1)?|mobile|cell|telephone|tel)$/i,
  title: /^(title|job ?title|position|role)$/i,
  organization: /^(company|organi[sz]ation( ?name)?|employer|org)$/i,
  department: /^(department|team|dept)$/i,
  linkedinUrl: /^(linkedin( ?url| ?profile)?|profile ?url|url)$/i,
  notes: /^(notes?|comments?|remarks?|description)$/i,
  tags: /^(tags?|labels?|groups?|categories)$/i,
  connectedOn: /^(connected ?on|date ?added|added)$/i,
};

/** A first guess at which column holds what, from the header names; the user can correct it. */
export function guessMapping(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of mappableFields) {
    // Outlook's CSV has "Title" (Mr., Ms.) beside "Job Title": the job title wins.
    const preferred = field === 'title' ? header.find((h) => /^job ?title$/i.test(h.trim())) : undefined;
    const found = preferred ?? header.find((h) => synonyms[field].test(h.trim()) && !Object.values(mapping).includes(h));
    if (found) mapping[field] = found;
  }
  return mapping;
}

/** Any CSV, read through a column mapping (guessed when none is given). */
export function parseMappedCsv(text: string, given?: ColumnMapping): ParseResult & { header: string[]; mapping: ColumnMapping } {
  return runAtOnce(parseMappedCsvSteps(text, given));
}

export function* parseMappedCsvSteps(text: string, given?: ColumnMapping): Steps<ParseResult & { header: string[]; mapping: ColumnMapping }> {
  const table = yield* readCsvSteps(text);
  const mapping = given ?? guessMapping(table.header);
  const problems: ImportProblem[] = [];
  for (const [field, headerName] of Object.entries(mapping)) {
    if (headerName && !table.header.includes(headerName)) {
      problems.push({ line: 1, severity: 'fatal', message: `The mapping reads ${field} from a column “${headerName}” that the file does not have.` });
    }
  }
  if (!mapping.name && !mapping.givenName && !mapping.familyName) {
    problems.push({ line: 1, severity: 'fatal', message: 'No column holds a name: map name, or first and last name.' });
  }
  if (problems.some((p) => p.severity === 'fatal')) return { records: [], problems, header: table.header, mapping };
  const at = (cells: string[], field: MappableField) => (mapping[field] ? cell(cells, table.header.indexOf(mapping[field] ?? '')) : '');
  const records: ImportRecord[] = [];
  const read = new Set(Object.values(mapping).map((h) => table.header.indexOf(h ?? '')));
  for (const { line, cells } of table.rows) {
    yield;
    const record = emptyRecord(line, 'cold');
    record.givenName = clean(at(cells, 'givenName'));
    record.familyName = clean(at(cells, 'familyName'));
    record.name = clean(at(cells, 'name')) ?? displayName(record.givenName, record.familyName, null);
    record.title = clean(at(cells, 'title'));
    record.organization = clean(at(cells, 'organization'));
    record.department = clean(at(cells, 'department'));
    record.notes = cleanText(at(cells, 'notes'));
    record.linkedinUrl = webLink(clean(at(cells, 'linkedinUrl')));
    record.tags = [...new Set(tagList(at(cells, 'tags')))];
    // Several addresses or numbers in one cell ("a@x.org; b@y.org", as Inroads exports them) are each kept.
    for (const email of at(cells, 'email').split(/[;,]/).map((e) => e.trim()).filter(Boolean)) {
      if (isEmail(email)) record.emails.push({ value: email });
      else problems.push({ line, severity: 'row', message: `“${email}” is not an email address; it is left out.` });
    }
    for (const phone of at(cells, 'phone').split(';').map((e) => clean(e)).filter((e): e is string => Boolean(e))) {
      const value = phoneNumber(phone);
      if (value) record.phones.push({ value });
      else problems.push({ line, severity: 'row', message: `“${phone}” is not a phone number; it is left out.` });
    }
    for (const [field, words, most] of [['emails', 'email addresses', 20], ['phones', 'phone numbers', 20], ['tags', 'tags', 50]] as const) {
      const list = record[field] as unknown[];
      if (list.length > most) remark(record, `${list.length - most} more ${words} past the first ${most} are not kept.`);
      record[field] = list.slice(0, most) as never;
    }
    const connected = clean(at(cells, 'connectedOn'));
    if (connected) {
      record.connectedOn = linkedInDate(connected);
      if (!record.connectedOn) problems.push({ line, severity: 'row', message: `“${connected}” is not a date Inroads can read; the connection date is left empty.` });
    }
    unreadColumns(record, table.header, cells, read);
    if (!record.name && !nameFromEmail(record)) {
      problems.push({ line, severity: 'row', message: 'No name and no email address: this row is skipped.' });
      continue;
    }
    records.push(record);
  }
  return { records, problems, header: table.header, mapping };
}

/** Names every filled cell of a column the import does not read (by its header, the file's own words). */
export function unreadColumns(record: ImportRecord, header: string[], cells: string[], read: ReadonlySet<number>): void {
  cells.forEach((value, index) => {
    if (read.has(index) || !value.trim()) return;
    const name = header[index]?.trim();
    remark(record, `${name ? `The “${name}” column` : `Column ${index + 1}, which has no heading,`} (${quote(value)}) is not kept.`);
  });
}

/** Tags from a cell: "a, b; c", or a JSON list of strings (["a","b"]) as some tools write them. */
function tagList(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    try {
      const list: unknown = JSON.parse(trimmed);
      if (Array.isArray(list) && list.every((t) => typeof t === 'string')) return list.map((t: string) => t.trim()).filter(Boolean);
    } catch {
      // Not JSON after all: read it as a plain list.
    }
  }
  return trimmed.split(/[,;]/).map((t) => t.trim()).filter(Boolean);
}
