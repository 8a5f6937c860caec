import { Link } from 'react-router';
import { useAccount } from '../../app/session.api.js';
import { useSwitchWorkspace, useWorkspace } from '../../app/workspace.api.js';
import { MailboxSettings } from '../mail/MailboxSettings.js';
import { ComingHolidays } from './ComingHolidays.js';
import { ProfileForm } from './ProfileForm.js';
import { SignOutEverywhere } from './SignOutEverywhere.js';
import { plural } from '../../ui/format.js';
import { ErrorState } from '../../ui/States.js';
import { exportLinks, useCalendarFeed, useRegenerateCalendarFeed } from './settings.api.js';

export function SettingsPage() {
  const workspace = useWorkspace();
  const account = useAccount();
  const switcher = useSwitchWorkspace();
  const feed = useCalendarFeed();
  const regenerate = useRegenerateCalendarFeed();
  const feedUrl = feed.data ? `${window.location.origin}${feed.data.path}` : '';
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>Your profile, your working week, your calendar and your data.</p>
        </div>
      </div>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile and working week</h2>
        <ProfileForm full />
      </section>
      <ComingHolidays />
      <section className="card" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Calendar feed</h2>
        <p>Subscribe to this private address in your calendar app to see scheduled interviews and due follow-ups, with reminders.</p>
        <div className="field">
          <label htmlFor="feed-url">Feed address</label>
          <input id="feed-url" readOnly value={feedUrl} onFocus={(e) => e.currentTarget.select()} />
        </div>
        <div className="actions">
          <button type="button" onClick={() => void navigator.clipboard?.writeText(feedUrl)}>
            Copy address
          </button>
          <button type="button" onClick={() => regenerate.mutate()}>
            Make a new address
          </button>
          <span className="muted">The old address stops working at once.</span>
        </div>
        {regenerate.isError ? <ErrorState error={regenerate.error} /> : null}
      </section>
      <MailboxSettings />
      <section className="card" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <dl className="facts">
          <dt>Stored in</dt>
          <dd>
            <code>{workspace.data?.location}</code> ({workspace.data?.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'})
          </dd>
          <dt>Holds</dt>
          <dd>
            {workspace.data
              ? `${plural(workspace.data.counts.contacts, 'person', 'people')}, ${plural(workspace.data.counts.organizations, 'organisation')}, ${plural(workspace.data.counts.interviews, 'interview')}`
              : ''}
          </dd>
        </dl>
        <p>
          {account
            ? 'Your data is kept in a workspace of its own on this server: no other account can read it, and you share only what you choose from your Account page.'
            : 'Nothing leaves this computer.'}{' '}
          A backup is a single file you can keep anywhere and open again with Inroads.
        </p>
        <p>
          Take everything out at any time: <a href={exportLinks.everything} download>complete export (JSON)</a> ·{' '}
          <a href={exportLinks.contactsCsv} download>people (CSV)</a> · <a href={exportLinks.interviewsCsv} download>interviews (CSV)</a> ·{' '}
          <a href={exportLinks.contactsVcard} download>people (vCard)</a>. Bring people in on the <Link to="/import">import page</Link>.
        </p>
        <div className="actions">
          <a className="button primary" href={exportLinks.backup} download>
            Download a backup
          </a>
          {workspace.data?.canSwitch ? (
            <button type="button" onClick={() => switcher.mutate(workspace.data.demo ? 'own' : 'demo')}>
              {workspace.data.demo ? 'Back to my workspace' : 'Open the demo workspace'}
            </button>
          ) : null}
        </div>
        {switcher.isError ? <ErrorState error={switcher.error} /> : null}
      </section>
      <SignOutEverywhere />
    </section>
  );
}
