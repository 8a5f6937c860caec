import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { ExplorationsPage } from '../features/explorations/ExplorationsPage.js';
import { ActiveExplorationSelect } from '../features/explorations/ActiveExplorationSelect.js';
import { InterviewBoard } from '../features/interviews/InterviewBoard.js';
import { InterviewPage } from '../features/interviews/InterviewPage.js';
import { NextPage } from '../features/next/NextPage.js';
import { Onboarding } from '../features/onboarding/Onboarding.js';
import { OrganizationPage } from '../features/organizations/OrganizationPage.js';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage.js';
import { PeoplePage } from '../features/people/PeoplePage.js';
import { PersonPage } from '../features/people/PersonPage.js';
import { SearchDialog } from '../features/search/SearchDialog.js';
import { UndoRegion } from '../ui/undo.js';
import { TodayPage } from '../features/today/TodayPage.js';
import type { Account } from '../../shared/schemas/accounts.js';
import { SignedOut } from '../features/account/SignedOut.js';
import { ChoosePassword } from '../features/account/ChoosePassword.js';
import { ResetPassword } from '../features/account/ResetPassword.js';
import { QuestionsPage } from '../features/questions/QuestionsPage.js';
import { ErrorState, Loading } from '../ui/States.js';
import { ApiError } from '../api/client.js';
import { useAuthStatus } from './session.api.js';
import { useSwitchWorkspace, useWorkspace } from './workspace.api.js';

// The charts and the graph library are loaded only when the insights page is opened.
const InsightsPage = lazy(async () => ({ default: (await import('../features/insights/InsightsPage.js')).InsightsPage }));

// Pages most people open less often are loaded when first opened, so the first load stays small.
const InterviewMode = lazy(async () => ({ default: (await import('../features/interviews/InterviewMode.js')).InterviewMode }));
const ExplorationPage = lazy(async () => ({ default: (await import('../features/explorations/ExplorationPage.js')).ExplorationPage }));
const DecisionBoard = lazy(async () => ({ default: (await import('../features/explorations/DecisionBoard.js')).DecisionBoard }));
const ImportPage = lazy(async () => ({ default: (await import('../features/imports/ImportPage.js')).ImportPage }));
const SettingsPage = lazy(async () => ({ default: (await import('../features/settings/SettingsPage.js')).SettingsPage }));
const TemplatesPage = lazy(async () => ({ default: (await import('../features/templates/TemplatesPage.js')).TemplatesPage }));
const LeadsPage = lazy(async () => ({ default: (await import('../features/leads/LeadsPage.js')).LeadsPage }));
const WeeklyReviewPage = lazy(async () => ({ default: (await import('../features/week/WeeklyReviewPage.js')).WeeklyReviewPage }));
const AccountPage = lazy(async () => ({ default: (await import('../features/account/AccountPage.js')).AccountPage }));
const AdminPage = lazy(async () => ({ default: (await import('../features/admin/AdminPage.js')).AdminPage }));
const CohortReportPage = lazy(async () => ({ default: (await import('../features/report/CohortReportPage.js')).CohortReportPage }));
const CoachingPage = lazy(async () => ({ default: (await import('../features/coaching/CoachingPage.js')).CoachingPage }));
const ExplorerPage = lazy(async () => ({ default: (await import('../features/coaching/CoachingPage.js')).ExplorerPage }));

const links = [
  { to: '/', label: 'Today' },
  { to: '/next', label: 'Whom to ask' },
  { to: '/people', label: 'People' },
  { to: '/organizations', label: 'Organisations' },
  { to: '/interviews', label: 'Interviews' },
  { to: '/explorations', label: 'Explorations' },
  { to: '/leads', label: 'Leads' },
  { to: '/week', label: 'Weekly review' },
  { to: '/insights', label: 'Insights' },
  { to: '/questions', label: 'Questions' },
  { to: '/templates', label: 'Templates' },
  { to: '/import', label: 'Import' },
  { to: '/settings', label: 'Settings' },
];

/** Where each role starts: an invitation or a reset link lands there once the person is in. */
const homeOf = (account: Account | null) => (account?.role === 'coach' ? '/coaching' : account?.role === 'admin' ? '/admin' : '/');

/** On a shared server: one's account, and the pages of one's role. */
function accountLinks(account: Account | null) {
  if (!account) return [];
  return [
    ...(account.role === 'coach' ? [{ to: '/coaching', label: 'Coaching' }] : []),
    ...(account.role === 'admin' ? [{ to: '/admin', label: 'Administration' }] : []),
    { to: '/account', label: 'Account' },
  ];
}

const titles: Record<string, string> = {
  account: 'Account',
  reset: 'New password',
  admin: 'Administration',
  coaching: 'Coaching',
  join: 'Join', next: 'Whom to ask next', '': 'Today', people: 'People', organizations: 'Organisations', interviews: 'Interviews', explorations: 'Explorations', leads: 'Leads', settings: 'Settings', welcome: 'Welcome', import: 'Import', questions: 'Questions', templates: 'Templates', insights: 'Insights', week: 'Weekly review' };

/** Moves focus to the page heading after navigation, so screen readers announce the new page. */
function useRouteAnnouncements() {
  const location = useLocation();
  useEffect(() => {
    const section = location.pathname.split('/')[1] ?? '';
    document.title = `${titles[section] ?? 'Inroads'} · Inroads`;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [location.pathname]);
}

/** A personal install opens straight into the workbench; a shared server asks who you are first. */
export function App() {
  const status = useAuthStatus();
  if (status.isPending) return <Loading what="Inroads" />;
  if (status.isError) return <ErrorState error={status.error} retry={() => void status.refetch()} />;
  if (status.data.mode === 'multi-user' && !status.data.user) return <SignedOut status={status.data} />;
  if (status.data.user?.mustChangePassword) return <ChoosePassword account={status.data.user} />;
  return <Workbench account={status.data.user} />;
}

function Workbench({ account }: { account: Account | null }) {
  const workspace = useWorkspace();
  const switcher = useSwitchWorkspace();
  const [searchOpen, setSearchOpen] = useState(false);
  const location = useLocation();
  useRouteAnnouncements();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (workspace.isPending) return <Loading what="your workspace" />;
  if (workspace.isError) return <ErrorState error={workspace.error} retry={() => void workspace.refetch()} />;
  const info = workspace.data;
  // A new explorer is walked through setting up first; coaches, admins and one's account page are not held up by it.
  const fresh = !info.demo && !info.profileSaved && info.counts.contacts === 0 && info.counts.explorations === 0 && (!account || account.role === 'explorer');
  // Keyed by the location, so a navigation that lands on '/' again redirects again instead of leaving an empty page.
  if (fresh && !['/welcome', '/account', '/reset'].includes(location.pathname)) return <Navigate key={location.key} to="/welcome" replace />;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {info.demo ? (
        <div className="banner" role="region" aria-label="Demo workspace">
          <span>You are looking at the demo workspace: fictional people, nothing of yours.</span>
          <button type="button" onClick={() => switcher.mutate('own')}>
            Back to my workspace
          </button>
          {switcher.isError ? (
            <span className="error" role="alert">
              {switcher.error instanceof ApiError ? switcher.error.message : 'Could not leave the demo.'}
            </span>
          ) : null}
        </div>
      ) : null}
      <div className="shell">
        <nav className="sidebar" aria-label="Main">
          <NavLink to="/" className="brand">
            <img src="/favicon.svg" alt="" /> Inroads
          </NavLink>
          <button type="button" className="search-button" onClick={() => setSearchOpen(true)} aria-keyshortcuts="Control+K Meta+K">
            Search <kbd>Ctrl K</kbd>
          </button>
          <ActiveExplorationSelect />
          <ul className="nav">
            {[...links, ...accountLinks(account)].map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === '/'}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main className="main" id="main">
          <Suspense fallback={<Loading what="this page" />}>
            <Routes>
              <Route path="/" element={<TodayPage />} />
              <Route path="/welcome" element={<Onboarding />} />
              <Route path="/next" element={<NextPage />} />
              <Route path="/people" element={<PeoplePage />} />
              <Route path="/people/:id" element={<PersonPage />} />
              <Route path="/organizations" element={<OrganizationsPage />} />
              <Route path="/organizations/:id" element={<OrganizationPage />} />
              <Route path="/interviews" element={<InterviewBoard />} />
              <Route path="/interviews/:id" element={<InterviewPage />} />
              <Route path="/interviews/:id/live" element={<InterviewMode />} />
              <Route path="/explorations" element={<ExplorationsPage />} />
              <Route path="/explorations/:id" element={<ExplorationPage />} />
              <Route path="/explorations/:id/decision" element={<DecisionBoard />} />
              <Route path="/leads" element={<LeadsPage />} />
              <Route
                path="/insights"
                element={
                  <Suspense fallback={<Loading what="insights" />}>
                    <InsightsPage />
                  </Suspense>
                }
              />
              <Route path="/week" element={<WeeklyReviewPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/questions" element={<QuestionsPage />} />
              <Route path="/templates" element={<TemplatesPage />} />
              {account ? <Route path="/account" element={<AccountPage />} /> : null}
              {account ? <Route path="/join" element={<Navigate to={homeOf(account)} replace />} /> : null}
              {account ? <Route path="/sso/callback" element={<Navigate to={homeOf(account)} replace />} /> : null}
              {account ? <Route path="/reset" element={<ResetPassword />} /> : null}
              {account?.role === 'admin' ? <Route path="/admin" element={<AdminPage />} /> : null}
              {account?.role === 'admin' ? <Route path="/admin/report" element={<CohortReportPage />} /> : null}
              {account?.role === 'coach' ? <Route path="/coaching" element={<CoachingPage />} /> : null}
              {account?.role === 'coach' ? <Route path="/coaching/:id" element={<ExplorerPage />} /> : null}
              <Route
                path="*"
                element={
                  <section>
                    <h1>Page not found</h1>
                    <p>
                      There is nothing at this address. <NavLink to="/">Go to Today</NavLink>.
                    </p>
                  </section>
                }
              />
            </Routes>
          </Suspense>
        </main>
      </div>
      <SearchDialog isOpen={searchOpen} onClose={() => setSearchOpen(false)} />
      <UndoRegion />
    </>
  );
}
