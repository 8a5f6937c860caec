import { Link } from 'react-router';

/** One clear state for an interview that is not there (deleted here, in another tab, or never existed). */
export function InterviewGone() {
  return (
    <section className="card gone" aria-labelledby="gone-heading">
      <h1 id="gone-heading">This interview was deleted</h1>
      <p>It is not in Inroads any more (or the link is wrong). The person it was with is still in your people.</p>
      <p>
        <Link className="button primary" to="/interviews">
          Go to the interview board
        </Link>
      </p>
    </section>
  );
}
