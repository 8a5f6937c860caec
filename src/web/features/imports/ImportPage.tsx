import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeFields, importFieldLabels, importPageSize } from '../../../shared/vocabulary/imports.js';
import type { ImportFormat as Format, ImportReport as Report } from '../../../shared/schemas/imports.js';
import { ErrorState } from '../../ui/States.js';
import { sendImport as send, useRefreshAfterImport } from './imports.api.js';
import { ImportRemarks } from './ImportRemarks.js';

const formats: Array<{ value: Format; label: string; hint: string; accept: string }> = [
  { value: 'linkedin', label: 'LinkedIn connections', hint: 'Connections.csv, or the whole data-export ZIP from LinkedIn (Settings → Data privacy → Get a copy of your data).', accept: '.csv,.zip' },
  { value: 'vcard', label: 'Phone or mail contacts (vCard)', hint: 'A .vcf file exported from your phone, Apple Contacts or Outlook.', accept: '.vcf,.vcard,text/vcard' },
  { value: 'google', label: 'Google Contacts', hint: 'Google Contacts → Export → Google CSV.', accept: '.csv' },
  { value: 'csv', label: 'Any other spreadsheet (CSV)', hint: 'You will match its columns to Inroads fields before importing.', accept: '.csv,.txt' },
];

/** The fields a CSV column can be matched to, with the words the preview uses for them. */
const mappable = ['name', 'givenName', 'familyName', 'email', 'phone', 'title', 'organization', 'department', 'linkedinUrl', 'notes', 'tags', 'connectedOn'];

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What the import does to one matched person, in words. */
function whatHappens(item: Report['items'][number]): string {
  if (item.action === 'update') return 'Gains details';
  if (item.action === 'skip') return 'Left exactly as it is';
  return item.conflicts.length ? 'Keeps what you have' : 'Already there, nothing new';
}

export function ImportPage() {
  const [format, setFormat] = useState<Format>('linkedin');
  const [file, setFile] = useState<File | null>(null);
  const [merge, setMerge] = useState('fill');
  const [mapping, setMapping] = useState<Record<string, string> | undefined>();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useRefreshAfterImport();
  const chosen = formats.find((f) => f.value === format) ?? formats[0];

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await send(format, file, { dryRun, merge, ...(format === 'csv' && mapping ? { mapping } : {}) });
      setReport(result);
      if (result.mapping && !mapping) setMapping(result.mapping);
      if (!dryRun) await refresh();
    } catch (e) {
      setError(e);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };
  /** The next page of rows needing a decision, from the same file and choices. */
  const more = async () => {
    if (!file || !report) return;
    setBusy(true);
    try {
      const next = await send(format, file, { dryRun: true, merge, offset: report.items.length, ...(format === 'csv' && mapping ? { mapping } : {}) });
      setReport({ ...report, items: [...report.items, ...next.items] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const preview = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Import people</h1>
          <p>Bring your network in from LinkedIn, your phone or Google. You see a preview first; nothing is written until you say so.</p>
        </div>
      </div>
      <form className="card" onSubmit={preview} aria-labelledby="source-heading">
        <h2 id="source-heading">1. Choose the file</h2>
        <fieldset className="field">
          <legend>
            <strong>Where is it from?</strong>
          </legend>
          {formats.map((f) => (
            <div key={f.value}>
              <label className="muted">
                <input
                  type="radio"
                  name="format"
                  value={f.value}
                  checked={format === f.value}
                  onChange={() => {
                    setFormat(f.value);
                    setReport(null);
                    setMapping(undefined);
                  }}
                />{' '}
                {f.label}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="import-file">File</label>
          <input
            id="import-file"
            type="file"
            accept={chosen?.accept}
            aria-describedby="import-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setMapping(undefined);
            }}
          />
          <div className="hint" id="import-hint">
            {chosen?.hint}
          </div>
        </div>
        <div className="field">
          <label htmlFor="merge">People who are already in Inroads</label>
          <select id="merge" value={merge} onChange={(e) => setMerge(e.target.value)}>
            <option value="fill">Add what is missing, keep what I have</option>
            <option value="overwrite">Let the file win where the two differ</option>
            <option value="skip">Leave them exactly as they are</option>
          </select>
        </div>
        <button type="submit" className="primary" disabled={!file || busy}>
          Preview
        </button>
      </form>

      {error ? <ErrorState error={error} /> : null}

      {report && format === 'csv' && report.header ? (
        <section className="card" aria-labelledby="mapping-heading">
          <h2 id="mapping-heading">2. Match the columns</h2>
          <p className="muted">Inroads guessed which column holds what. Correct anything it got wrong, then preview again.</p>
          <div className="leanings">
            {mappable.map((field) => [field, importFieldLabels[field] ?? field] as const).map(([field, label]) => (
              <div className="field" key={field}>
                <label htmlFor={`map-${field}`}>{label}</label>
                <select
                  id={`map-${field}`}
                  value={mapping?.[field] ?? ''}
                  onChange={(e) => {
                    const next: Record<string, string> = { ...mapping };
                    if (e.target.value) next[field] = e.target.value;
                    else delete next[field];
                    setMapping(next);
                  }}
                >
                  <option value="">Not in this file</option>
                  {report.header?.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <button type="button" onClick={() => void run(true)} disabled={busy}>
            Preview again
          </button>
        </section>
      ) : null}

      {report ? (
        <section className="card" aria-labelledby="result-heading" aria-live="polite">
          <h2 id="result-heading">{report.applied ? 'Done' : `${format === 'csv' ? '3' : '2'}. Check the preview`}</h2>
          <p>
            {plural(report.counts.records, 'person', 'people')} in the file: <strong>{report.counts.new.toLocaleString('en')} new</strong>,{' '}
            <strong>{report.counts.matched.toLocaleString('en')} already in Inroads</strong>
            {report.counts.matched
              ? ` (${report.counts.updated.toLocaleString('en')} ${report.applied ? 'gained' : report.counts.updated === 1 ? 'gains' : 'gain'} details, ${report.counts.conflicting.toLocaleString('en')} ${report.counts.conflicting === 1 ? 'differs' : 'differ'} from what you have, ${report.counts.unchanged.toLocaleString('en')} unchanged${report.counts.skipped ? `, ${report.counts.skipped.toLocaleString('en')} left as they are` : ''})`
              : ''}
            .
          </p>
          {report.problems.length ? (
            <>
              <h3>Notes about the file</h3>
              <ul>
                {report.problems.map((p, i) => (
                  <li key={i}>
                    Line {p.line}: {p.message}
                  </li>
                ))}
              </ul>
              {report.counts.problems > report.problems.length ? <p className="muted">…and {plural(report.counts.problems - report.problems.length, 'more note', 'more notes')}, much like these.</p> : null}
            </>
          ) : null}
          <ImportRemarks report={report} />
          {report.page.total ? (
            <>
              <h3>{plural(report.page.total, 'person to look at', 'people to look at')}</h3>
              <p className="muted">
                {report.applied
                  ? 'These people were already in Inroads; this is what the import did to each.'
                  : 'These people are already in Inroads. Check what the import adds, and where your details and the file’s differ; the choice above decides which wins.'}
              </p>
              <div className="table-wrap" role="region" aria-label="People to look at, scrolls sideways on small screens" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">People already in Inroads that the import touches</caption>
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">Name</th>
                      <th scope="col">What happens</th>
                      <th scope="col">Adds</th>
                      <th scope="col">Differs from what you have</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.items.map((item) => (
                      <tr key={item.line}>
                        <td>{item.line}</td>
                        <td>{item.contactId ? <Link to={`/people/${item.contactId}`}>{item.name}</Link> : item.name}</td>
                        <td>
                          {whatHappens(item)}
                          {item.matchedBy ? <span className="muted"> · found by {item.matchedBy === 'name-and-organization' ? 'name and organisation' : item.matchedBy === 'linkedin' ? 'LinkedIn address' : 'email'}</span> : null}
                        </td>
                        <td>{describeFields(item.changes) || '—'}</td>
                        <td>{describeFields(item.conflicts) || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {report.items.length < report.page.total && report.applied ? <p className="muted">…and {plural(report.page.total - report.items.length, 'more person', 'more people')}.</p> : null}
              {report.items.length < report.page.total && !report.applied ? (
                <div className="item-actions">
                <button type="button" onClick={() => void more()} disabled={busy}>
                  Show {Math.min(importPageSize, report.page.total - report.items.length)} more (of {report.page.total - report.items.length} left)
                </button>
                </div>
              ) : null}
            </>
          ) : (
            <p>{report.applied ? 'Nobody already in Inroads needed a decision.' : 'Nobody already in Inroads needs a decision.'}</p>
          )}
          {report.dryRun ? (
            <div className="actions item-actions">
            <button type="button" className="primary" onClick={() => void run(false)} disabled={busy}>
              Import {plural(report.counts.new + report.counts.updated, 'change', 'changes')}
            </button>
            </div>
          ) : (
            <p>
              <Link to="/people">See your people</Link>
            </p>
          )}
        </section>
      ) : null}
    </section>
  );
}
