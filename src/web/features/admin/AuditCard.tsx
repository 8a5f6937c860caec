import { auditCsvLink } from './audit.api.js';

/** The audit of sharing, for the centre's records: who looked at whose shared data, and every share and stop. */
export function AuditCard() {
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit of sharing</h2>
      <p>
        Every time a coach looks at what a student shares (looks within half an hour count as one), and every time a student shares, changes what a coach sees
        or stops. Each student can read their own entries on their Account page. Times in the file are in UTC.
      </p>
      <div className="actions">
        <a className="button" href={auditCsvLink} download>
          Download the audit log (CSV)
        </a>
      </div>
    </section>
  );
}
