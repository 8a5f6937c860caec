import { cell, readCsvSteps } from './csv.js';
import { runAtOnce, type Steps } from './slices.js';
import { linkedInDate } from './linkedin.parser.js';
import { clean, displayName, emptyRecord, isEmail, webLink, type ImportProblem, type ImportRecord, type ParseResult } from './imports.types.js';
import { mappableFields, type ColumnMapping, type MappableField } from '../../shared/schemas/imports.js';

const synonyms: Record<MappableField, RegExp> = {
  name: /^(full ?name|name|display ?name|contact|contact name|person)$/i,
  givenName: /^(first ?name|given ?name|forename|first)$/i,
  familyName: /^(last ?name|family ?name|surname|last)$/i,
  email: /^(e-?mail( ?address)?( ?1)?|mail|email ?\(work\))$/i,
  phone: /^(phone( ?number)?( ?1)?|mobile|cell|telephone|tel)$/i,
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
    const found = header.find((h) => synonyms[field].test(h.trim()) && !Object.values(mapping).includes(h));
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
  for (const { line, cells } of table.rows) {
    yield;
    const record = emptyRecord(line, 'cold');
    record.givenName = clean(at(cells, 'givenName'));
    record.familyName = clean(at(cells, 'familyName'));
    record.name = clean(at(cells, 'name')) ?? displayName(record.givenName, record.familyName, null);
    record.title = clean(at(cells, 'title'));
    record.organization = clean(at(cells, 'organization'));
    record.department = clean(at(cells, 'department'));
    record.notes = clean(at(cells, 'notes'));
    record.linkedinUrl = webLink(clean(at(cells, 'linkedinUrl')));
    record.tags = [...new Set(at(cells, 'tags').split(/[,;]/).map((t) => t.trim()).filter(Boolean))].slice(0, 50);
    const email = clean(at(cells, 'email'));
    if (email) {
      if (isEmail(email)) record.emails = [{ value: email }];
      else problems.push({ line, severity: 'row', message: `“${email}” is not an email address; it is left out.` });
    }
    const phone = clean(at(cells, 'phone'));
    if (phone && /^[+0-9 ().\-/x]{3,40}$/i.test(phone)) record.phones = [{ value: phone }];
    const connected = clean(at(cells, 'connectedOn'));
    if (connected) record.connectedOn = linkedInDate(connected);
    if (!record.name) {
      problems.push({ line, severity: 'row', message: 'No name: this row is skipped.' });
      continue;
    }
    records.push(record);
  }
  return { records, problems, header: table.header, mapping };
}
