import { Link } from 'react-router';
import type { ImportReport } from '../../../shared/schemas/imports.js';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Per person, in plain words, what the import leaves out or changes: the preview says what
 * will happen and the result says it again, so nothing from the file goes without a word.
 * People the file gave no name are flagged; after the import they link to their page.
 */
export function ImportRemarks({ report }: { report: ImportReport }) {
  const { remarks, applied } = report;
  const total = report.counts.remarked;
  if (!total) {
    return <p>{applied ? 'Everything in the file that Inroads keeps was kept as it was.' : 'Inroads keeps everything in this file as it is.'}</p>;
  }
  const unnamed = remarks.filter((r) => r.needsName).length;
  return (
    <section aria-labelledby="remarks-heading">
      <h3 id="remarks-heading">{applied ? 'What was left out or changed' : 'What will be left out or changed'}</h3>
      <p className="muted">
        For {count(total, 'person', 'people')} the file holds something Inroads {applied ? 'did not keep, or kept differently' : 'does not keep, or keeps differently'}
        {unnamed ? `; ${count(unnamed, 'person', 'people')} with no name in the file ${applied ? (unnamed === 1 ? 'was' : 'were') : 'will be'} named from the email address for now` : ''}.
      </p>
      <ul className="import-remarks">
        {remarks.map((r) => (
          <li key={r.line}>
            <strong>
              Line {r.line}: {applied && r.contactId ? <Link to={`/people/${r.contactId}`}>{r.name}</Link> : r.name}
            </strong>{' '}
            {r.needsName ? <span className="badge warn">Needs a name</span> : null}
            <ul>
              {r.remarks.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {total > remarks.length ? <p className="muted">…and {count(total - remarks.length, 'more person', 'more people')} with details left out, much like these.</p> : null}
    </section>
  );
}
