import { exportLinks } from '../settings/settings.api.js';

/** One's whole workspace as a file: what to keep before an account is deleted, or to move elsewhere. */
export function DownloadEverything() {
  return (
    <section className="card" aria-labelledby="download-heading">
      <h2 id="download-heading">Your data</h2>
      <p>
        Everything in your workspace (people, organisations, conversations, notes) in one file you can keep or bring into Inroads elsewhere. Nobody else,
        administrators included, can download it for you.
      </p>
      <div className="actions">
        <a className="button primary" href={exportLinks.everything} download>
          Download everything
        </a>
      </div>
    </section>
  );
}
