import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, csrfToken } from '../../api/client.js';
import { ErrorState } from '../../ui/States.js';

type Format = 'linkedin' | 'vcard' | 'google' | 'csv';

interface Report {
  dryRun: boolean;
  applied: boolean;
  counts: { records: number; new: number; matched: number; conflicting: number; unchanged: number; skipped: number; problems: number };
  items: Array<{ line: number; name: string; action: string; contactId: string | null; matchedBy: string | null; conflicts: string[]; changes: string[] }>;
  problems: Array<{ line: number; severity: string; message: string }>;
  mapping?: Record<string, string>;
  header?: string[];
}

const formats: Array<{ value: Format; label: string; hint: string; accept: string }> = [
  { value: 'linkedin', label: 'LinkedIn connections', hint: 'Connections.csv, or the whole data-export ZIP from LinkedIn (Settings → Data privacy → Get a copy of your data).', accept: '.csv,.zip' },
  { value: 'vcard', label: 'Phone or mail contacts (vCard)', hint: 'A .vcf file exported from your phone, Apple Contacts or Outlook.', accept: '.vcf,.vcard,text/vcard' },
  { value: 'google', label: 'Google Contacts', hint: 'Google Contacts → Export → Google CSV.', accept: '.csv' },
  { value: 'csv', label: 'Any other spreadsheet (CSV)', hint: 'You will match its columns to Inroads fields before importing.', accept: '.csv,.txt' },
];

const fieldLabels: Record<string, string> = {
  name: 'Full name',
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  title: 'Job title',
  organization: 'Organisation',
  department: 'Department',
  linkedinUrl: 'LinkedIn address',
  notes: 'Notes',
  tags: 'Tags',
  connectedOn: 'Connected on',
};


/** The file goes to the server as it is; the first call is always a preview. */
async function send(format: Format, file: File, options: { dryRun: boolean; merge: string; mapping?: Record<string, string> }): Promise<Report> {
  const query = new URLSearchParams({ dryRun: String(options.dryRun), merge: options.merge });
  if (options.mapping) query.set('mapping', JSON.stringify(options.mapping));
  const response = await fetch(`/api/v1/imports/${format}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken() },
    body: file,
  });
  const data = (await response.json()) as Report | { error: { code: string; message: string; details?: unknown } };
  if (!response.ok || 'error' in data) throw new ApiError(response.status, 'error' in data ? data.error : { code: 'http', message: 'The import failed.' });
  return data;
}

export function ImportPage() {
  const [format, setFormat] = useState<Format>('linkedin');
  const [file, setFile] = useState<File | null>(null);
  const [merge, setMerge] = useState('fill');
  const [mapping, setMapping] = useState<Record<string, string> | undefined>();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const client = useQueryClient();
  const chosen = formats.find((f) => f.value === format) ?? formats[0];

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await send(format, file, { dryRun, merge, ...(format === 'csv' && mapping ? { mapping } : {}) });
      setReport(result);
      if (result.mapping && !mapping) setMapping(result.mapping);
      if (!dryRun) await client.invalidateQueries();
    } catch (e) {
      setError(e);
      setReport(null);
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
            {Object.entries(fieldLabels).map(([field, label]) => (
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
            <strong>{report.counts.records}</strong> {report.counts.records === 1 ? 'person' : 'people'} in the file: <strong>{report.counts.new}</strong> new,{' '}
            <strong>{report.counts.matched}</strong> already in Inroads ({report.counts.conflicting} with differences, {report.counts.unchanged} unchanged).
          </p>
          {report.problems.length ? (
            <>
              <h3>Notes about the file</h3>
              <ul>
                {report.problems.slice(0, 100).map((p, i) => (
                  <li key={i}>
                    Line {p.line}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="table-wrap" role="region" aria-label="Preview, scrolls sideways on small screens" tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">What the import does, person by person</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Name</th>
                  <th scope="col">What happens</th>
                  <th scope="col">Differences</th>
                </tr>
              </thead>
              <tbody>
                {report.items.slice(0, 200).map((item) => (
                  <tr key={item.line}>
                    <td>{item.line}</td>
                    <td>{item.contactId && report.applied ? <Link to={`/people/${item.contactId}`}>{item.name}</Link> : item.name}</td>
                    <td>
                      {item.action === 'create' ? 'New person' : item.action === 'update' ? `Update (${item.changes.join(', ')})` : item.action === 'unchanged' ? 'Already there, nothing new' : 'Left as is'}
                      {item.matchedBy ? <span className="muted"> · matched by {item.matchedBy.replace(/-/g, ' ')}</span> : null}
                    </td>
                    <td>{item.conflicts.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.items.length > 200 ? <p className="muted">…and {report.items.length - 200} more.</p> : null}
          {report.dryRun ? (
            <button type="button" className="primary" onClick={() => void run(false)} disabled={busy}>
              Import {report.counts.new + report.items.filter((i) => i.action === 'update').length} changes
            </button>
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
