import type { Contact } from '../../../shared/schemas/contacts.js';
import { formatDate } from '../../ui/format.js';
import { relationshipLabels, responsivenessLabels, seniorityLabels } from '../../ui/labels.js';

/** The facts recorded about the person. */
export function AboutPerson({ contact: c }: { contact: Contact }) {
  return (
    <section className="card" aria-labelledby="about-heading">
      <h2 id="about-heading">About</h2>
      <dl className="facts">
        <dt>Relationship</dt>
        <dd>{relationshipLabels[c.relationship]}</dd>
        <dt>Seniority</dt>
        <dd>{c.seniority ? seniorityLabels[c.seniority] : 'Not set'}</dd>
        <dt>Responds</dt>
        <dd>{responsivenessLabels[c.responsiveness]}</dd>
        {c.isHR ? (
          <>
            <dt>Note</dt>
            <dd>Works in HR or recruiting — likely to point you to job postings rather than advice.</dd>
          </>
        ) : null}
        {c.emails.length ? (
          <>
            <dt>Email</dt>
            <dd>
              {c.emails.map((e) => (
                <a key={e.value} href={`mailto:${e.value}`}>
                  {e.value}
                </a>
              ))}
            </dd>
          </>
        ) : null}
        {c.linkedinUrl ? (
          <>
            <dt>LinkedIn</dt>
            <dd>
              <a href={c.linkedinUrl} rel="noreferrer noopener" target="_blank">
                Profile
              </a>
            </dd>
          </>
        ) : null}
        {c.howWeMet ? (
          <>
            <dt>How you met</dt>
            <dd>{c.howWeMet}</dd>
          </>
        ) : null}
        {c.connectedOn ? (
          <>
            <dt>Connected</dt>
            <dd>{formatDate(c.connectedOn)}</dd>
          </>
        ) : null}
        {c.tags.length ? (
          <>
            <dt>Tags</dt>
            <dd>
              {c.tags.map((t) => (
                <span key={t} className="badge">
                  {t}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {c.notes ? <p>{c.notes}</p> : null}
    </section>
  );
}
