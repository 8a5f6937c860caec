import { useId, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import type { MailOutcome } from '../../../shared/schemas/mail.js';
import { ErrorState } from '../../ui/States.js';
import { readEmlFiles, useImportMail } from './mail.api.js';
import './mail.css';

export const outcomeLabels: Record<MailOutcome, string> = {
  reply: 'Reply',
  'auto-reply': 'Automatic reply',
  bounce: 'Bounce',
  sent: 'Sent by you',
  forward: 'Forward',
  other: 'Message',
  duplicate: 'Already added',
  ignored: 'Not kept',
};

/**
 * Drop `.eml` files here, or choose them with the button (the keyboard way): each is read in the
 * browser as text, sent to the server, matched like mail from a mailbox, and answered with one line.
 */
export function EmlDrop({ contactId, name }: { contactId?: string | undefined; name?: string | undefined }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const importMail = useImportMail();

  const take = async (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (!files.length) return;
    const emails = files.filter((f) => /\.eml$/i.test(f.name) || f.type === 'message/rfc822');
    const skipped = files.length - emails.length;
    setProblem(skipped ? `${skipped === 1 ? 'One file was' : `${skipped} files were`} left out: only .eml files (saved emails) can be added.` : null);
    if (!emails.length) return;
    importMail.mutate({ files: await readEmlFiles(emails), ...(contactId ? { contactId } : {}) });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files);
  };

  return (
    <div
      className={dragging ? 'eml-drop dragging' : 'eml-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p id={`${id}-about`}>
        Drop saved emails (.eml) here{name ? ` to add them to ${name}` : ''}: replies, bounces and requests you sent are recorded as if your mailbox were connected.
      </p>
      <label className="button eml-pick" htmlFor={`${id}-files`}>
        Add emails (.eml)
        <input
          id={`${id}-files`}
          ref={input}
          className="visually-hidden"
          type="file"
          multiple
          accept=".eml,message/rfc822"
          aria-describedby={`${id}-about`}
          onChange={(e) => {
            void take(e.currentTarget.files).finally(() => {
              if (input.current) input.current.value = '';
            });
          }}
        />
      </label>
      {importMail.isPending ? <p role="status">Reading the emails…</p> : null}
      {problem ? <p className="muted">{problem}</p> : null}
      {importMail.isError ? <ErrorState error={importMail.error} /> : null}
      <div role="status">
        {importMail.data ? (
          <ul className="eml-results" aria-label="What the emails added">
            {importMail.data.files.map((file, i) => (
              <li key={`${file.name}-${i}`}>
                <strong>{file.name}</strong> — {outcomeLabels[file.outcome]}
                {file.contact ? (
                  <>
                    {' · '}
                    <Link to={`/people/${file.contact.id}`}>{file.contact.name}</Link>
                  </>
                ) : null}
                : {file.note}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
