import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/fixtures/databases.js';
import { errorAnswers } from '../../test/fixtures/error-answers.js';
import { anonymous, browserFor, cookieValue, createMultiUserApp, signedIn, type Browser, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import { disableUser } from '../modules/accounts/accounts.usecases.js';
import { exportJson } from '../modules/exports/exports.usecases.js';
import { fixedClock } from '../shared/clock.js';
import { routeNotFound } from './errors.js';
import { csrfFor } from './multi-user.js';

/**
 * Every route × every kind of caller. Each route has exactly one entry; a route
 * added without one fails the first test, so nothing new is reachable by accident.
 *
 * - public: anyone; never refused for want of a session.
 * - record: one of the owner's records by id. Everyone else signed in gets a 404
 *   identical to the one for an id that exists nowhere; no session gets a 401.
 * - collection / self: each signed-in caller reads and writes their own workspace
 *   (or account): never the owner's.
 * - admin: admins only; to anyone else signed in the route does not exist.
 * - coaching: a coach the owner shares with; to everyone else it is missing.
 * - feed: the owner's calendar address; the token in it is the credential.
 */
type Kind = 'public' | 'record' | 'collection' | 'self' | 'admin' | 'coaching' | 'feed';
interface Entry {
  kind: Kind;
  body?: unknown;
  contentType?: string;
  /** Ends or replaces the caller's session: run after everything else. */
  endsSession?: boolean;
}

const MARK = 'Zephyrine-Owner-Mark';
const LINKEDIN = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAda,Lovelace,,,Analytical,Engineer,12 Mar 2024\r\n';

const MATRIX: Record<string, Entry> = {
  'GET /api/v1/auth/status': { kind: 'public' },
  'POST /api/v1/auth/sign-in': { kind: 'public', body: { email: 'nobody@uni.example', password: 'not the password' } },
  'POST /api/v1/auth/register': { kind: 'public', body: { email: 'newcomer@uni.example', name: 'Newcomer', password: 'a long enough passphrase' } },
  'POST /api/v1/auth/sign-out': { kind: 'public', endsSession: true },
  'POST /api/v1/auth/invitation': { kind: 'public', body: { invitation: 'not-a-real-invitation' } },
  'POST /api/v1/auth/reset-link': { kind: 'public', body: { token: 'not-a-real-token' } },
  'POST /api/v1/auth/reset': { kind: 'public', body: { token: 'not-a-real-token', newPassword: 'a long enough passphrase' } },
  'GET /api/v1/auth/sso': { kind: 'public' },
  'POST /api/v1/auth/sso/start': { kind: 'public', body: {} },
  'POST /api/v1/auth/sso/finish': { kind: 'public', body: { response: '?code=not-a-real-code&state=not-a-real-state' } },
  'GET /api/v1/health': { kind: 'public' },
  'GET /api/openapi.json': { kind: 'collection' },
  'GET /*': { kind: 'public' },
  'GET /calendar/:userId/:file': { kind: 'feed' },

  'GET /api/v1/account': { kind: 'self' },
  'PATCH /api/v1/account': { kind: 'self', body: { reminderEmails: true } },
  'POST /api/v1/account/password': { kind: 'self', body: { currentPassword: 'correct horse battery staple', newPassword: 'another long passphrase' }, endsSession: true },
  'GET /api/v1/account/sharing': { kind: 'self' },
  'POST /api/v1/account/sharing': { kind: 'self', body: { coachEmail: 'unshared-coach@uni.example', scope: 'progress' } },
  'DELETE /api/v1/account/sharing/:coachId': { kind: 'self' },
  'GET /api/v1/account/sharing/preview': { kind: 'self' },
  'GET /api/v1/account/access-log': { kind: 'self' },
  'GET /api/v1/account/adviser': { kind: 'self' },
  'POST /api/v1/account/adviser/share': { kind: 'self' },

  'GET /api/v1/admin/users': { kind: 'admin' },
  'POST /api/v1/admin/users': { kind: 'admin', body: { email: 'created@uni.example', name: 'Created', role: 'explorer' } },
  'POST /api/v1/admin/users/:id/disable': { kind: 'admin' },
  'POST /api/v1/admin/users/:id/enable': { kind: 'admin' },
  'PUT /api/v1/admin/users/:id/role': { kind: 'admin', body: { role: 'coach' } },
  'POST /api/v1/admin/users/:id/unlock': { kind: 'admin' },
  'POST /api/v1/admin/users/:id/password-reset': { kind: 'admin' },
  'DELETE /api/v1/admin/users/:id': { kind: 'admin' },
  'GET /api/v1/admin/settings': { kind: 'admin' },
  'PUT /api/v1/admin/settings': { kind: 'admin', body: { registration: 'invitation' } },
  'GET /api/v1/admin/invitations': { kind: 'admin' },
  'POST /api/v1/admin/reminders/run': { kind: 'admin', body: { anyway: false } },
  'GET /api/v1/admin/reminders/rounds': { kind: 'admin' },
  'GET /api/v1/admin/audit.csv': { kind: 'admin' },
  'GET /api/v1/admin/report': { kind: 'admin' },
  'GET /api/v1/admin/report.csv': { kind: 'admin' },
  'POST /api/v1/admin/invitations': { kind: 'admin', body: { email: 'invited@uni.example', role: 'explorer' } },
  'POST /api/v1/admin/invitations/csv': { kind: 'admin', body: { csv: 'email,name,role,cohort\nnewcomer-csv@uni.example,New Comer,explorer,Matrix 2027\n' } },
  'GET /api/v1/admin/invitations/statuses': { kind: 'admin' },
  'POST /api/v1/admin/invitations/revoke': { kind: 'admin', body: { email: 'to-revoke@uni.example' } },
  'GET /api/v1/admin/cohorts': { kind: 'admin' },
  'POST /api/v1/admin/cohorts': { kind: 'admin', body: { name: 'Matrix new cohort' } },
  'PUT /api/v1/admin/cohorts/:id/advisers/:adviserId': { kind: 'admin' },
  'DELETE /api/v1/admin/cohorts/:id/advisers/:adviserId': { kind: 'admin' },
  'PUT /api/v1/admin/users/:id/cohort': { kind: 'admin', body: { cohortId: null, adviserId: null } },

  'GET /api/v1/coaching/explorers': { kind: 'coaching' },
  'GET /api/v1/coaching/caseload': { kind: 'coaching' },
  'GET /api/v1/coaching/explorers/:id': { kind: 'coaching' },
  'GET /api/v1/coaching/explorers/:id/notes': { kind: 'coaching' },

  'GET /api/v1/workspace': { kind: 'collection' },
  'POST /api/v1/workspace/switch': { kind: 'collection', body: { to: 'demo' } },
  'GET /api/v1/backup': { kind: 'collection' },
  'GET /api/v1/profile': { kind: 'collection' },
  'PATCH /api/v1/profile': { kind: 'collection', body: { pitch: 'I am exploring research roles.' } },
  'GET /api/v1/profile/places': { kind: 'collection' },
  'GET /api/v1/profile/holidays': { kind: 'collection' },
  'GET /api/v1/explorations': { kind: 'collection' },
  'POST /api/v1/explorations': { kind: 'collection', body: { title: 'Policy work', kind: 'field', transition: 'change-career' } },
  'GET /api/v1/explorations/:id': { kind: 'record' },
  'GET /api/v1/explorations/active': { kind: 'collection' },
  'PUT /api/v1/explorations/active': { kind: 'collection', body: { explorationId: null } },
  'GET /api/v1/explorations/deleted': { kind: 'collection' },
  'POST /api/v1/explorations/:id/restore': { kind: 'record' },
  'PATCH /api/v1/explorations/:id': { kind: 'record', body: { conclusion: 'Changed' } },
  'DELETE /api/v1/explorations/:id': { kind: 'record' },
  'GET /api/v1/explorations/:id/decision': { kind: 'record' },
  'GET /api/v1/organizations': { kind: 'collection' },
  'POST /api/v1/organizations': { kind: 'collection', body: { name: 'Elsewhere Ltd' } },
  'GET /api/v1/organizations/:id': { kind: 'record' },
  'PATCH /api/v1/organizations/:id': { kind: 'record', body: { posting: 3 } },
  'DELETE /api/v1/organizations/:id': { kind: 'record' },
  'POST /api/v1/trash/:id/restore': { kind: 'record' },
  'GET /api/v1/contacts': { kind: 'collection' },
  'POST /api/v1/contacts': { kind: 'collection', body: { name: 'Someone Else' } },
  'GET /api/v1/contacts/:id': { kind: 'record' },
  'PATCH /api/v1/contacts/:id': { kind: 'record', body: { title: 'Changed' } },
  'DELETE /api/v1/contacts/:id': { kind: 'record' },
  'GET /api/v1/contacts/:id/timeline': { kind: 'record' },
  'GET /api/v1/interviews': { kind: 'collection' },
  'POST /api/v1/interviews': { kind: 'collection', body: { contactId: '01900000-0000-7000-8000-00000000abcd' } },
  'GET /api/v1/interviews/:id': { kind: 'record' },
  'PATCH /api/v1/interviews/:id': { kind: 'record', body: { notes: 'Changed' } },
  'POST /api/v1/interviews/:id/transitions': { kind: 'record', body: { to: 'thanked' } },
  'DELETE /api/v1/interviews/:id': { kind: 'record' },
  'GET /api/v1/interviews/:id/notes': { kind: 'record' },
  'POST /api/v1/interviews/:id/notes': { kind: 'record', body: { body: 'Injected note' } },
  'PATCH /api/v1/interviews/:id/notes/:noteId': { kind: 'record', body: { body: 'Changed note' } },
  'DELETE /api/v1/interviews/:id/notes/:noteId': { kind: 'record' },
  'PUT /api/v1/interviews/:id/live': { kind: 'record', body: { step: 'thank' } },
  'PUT /api/v1/interviews/:id/debrief': { kind: 'record', body: { learned: 'Something else' } },
  'POST /api/v1/interviews/:id/referrals': { kind: 'record', body: { name: 'Referred Person' } },
  'GET /api/v1/interviews/:id/thank-you/draft': { kind: 'record' },
  'POST /api/v1/interviews/:id/thank-you': { kind: 'record', body: { format: 'email', message: 'Thanks!' } },
  'GET /api/v1/interviews/:id/calendar.ics': { kind: 'record' },
  'GET /api/v1/interactions': { kind: 'collection' },
  'POST /api/v1/interactions': { kind: 'collection', body: { contactId: '01900000-0000-7000-8000-00000000abcd', kind: 'note', occurredAt: '2026-03-09T10:00:00Z', summary: 'x' } },
  'GET /api/v1/interactions/:id': { kind: 'record' },
  'PATCH /api/v1/interactions/:id': { kind: 'record', body: { summary: 'Changed' } },
  'DELETE /api/v1/interactions/:id': { kind: 'record' },
  'GET /api/v1/insights': { kind: 'collection' },
  'GET /api/v1/referrals/graph': { kind: 'collection' },
  'GET /api/v1/week': { kind: 'collection' },
  'GET /api/v1/week/targets': { kind: 'collection' },
  'PUT /api/v1/week/targets': { kind: 'collection', body: { requests: 4 } },
  'GET /api/v1/referrals': { kind: 'collection' },
  'POST /api/v1/referrals': { kind: 'collection', body: { fromContactId: '01900000-0000-7000-8000-00000000abcd', toContactId: '01900000-0000-7000-8000-00000000abce' } },
  'GET /api/v1/referrals/:id': { kind: 'record' },
  'PATCH /api/v1/referrals/:id': { kind: 'record', body: { status: 'contacted' } },
  'DELETE /api/v1/referrals/:id': { kind: 'record' },
  'GET /api/v1/leads': { kind: 'collection' },
  'POST /api/v1/leads': { kind: 'collection', body: { title: 'A role opens soon' } },
  'GET /api/v1/leads/:id': { kind: 'record' },
  'PATCH /api/v1/leads/:id': { kind: 'record', body: { status: 'pursuing' } },
  'DELETE /api/v1/leads/:id': { kind: 'record' },
  'GET /api/v1/questions': { kind: 'collection' },
  'POST /api/v1/questions': { kind: 'collection', body: { text: 'What does a good week look like?', category: 'day-in-the-life' } },
  'GET /api/v1/questions/:id': { kind: 'record' },
  'PATCH /api/v1/questions/:id': { kind: 'record', body: { favourite: true } },
  'DELETE /api/v1/questions/:id': { kind: 'record' },
  'GET /api/v1/templates': { kind: 'collection' },
  'POST /api/v1/templates': { kind: 'collection', body: { name: 'Another', kind: 'request', channel: 'email', body: 'Hello' } },
  'POST /api/v1/templates/preview': { kind: 'collection', body: { body: 'Hi {{contact.givenName}}' } },
  'GET /api/v1/templates/:id': { kind: 'record' },
  'PATCH /api/v1/templates/:id': { kind: 'record', body: { name: 'Changed' } },
  'DELETE /api/v1/templates/:id': { kind: 'record' },
  'GET /api/v1/search': { kind: 'collection' },
  'GET /api/v1/agenda': { kind: 'collection' },
  'PUT /api/v1/agenda/items/:key/state': { kind: 'collection', body: { state: 'done' } },
  'POST /api/v1/agenda/draft': { kind: 'collection', body: { key: 'thank-you:01900000-0000-7000-8000-00000000abcd' } },
  'GET /api/v1/calendar': { kind: 'collection' },
  'POST /api/v1/calendar/regenerate': { kind: 'collection' },
  'POST /api/v1/imports/:format': { kind: 'collection', body: LINKEDIN, contentType: 'text/csv' },
  'GET /api/v1/exports/:file': { kind: 'collection' },
  'POST /api/v1/restore': { kind: 'collection', body: { format: 'inroads-export', version: 1, tables: {} } },
  'GET /api/v1/suggestions': { kind: 'collection' },
  'POST /api/v1/coach/email': { kind: 'collection', body: { subject: 'Hello', body: 'Could we talk for 20 minutes?' } },
  'POST /api/v1/outreach/request-draft': { kind: 'collection', body: { contactId: '01900000-0000-7000-8000-00000000abcd' } },
  'POST /api/v1/outreach/request-sent': { kind: 'collection', body: { contactId: '01900000-0000-7000-8000-00000000abcd', body: 'Hello' } },
  'GET /api/v1/mail/mailbox': { kind: 'collection' },
  'PUT /api/v1/mail/mailbox': {
    kind: 'collection',
    body: { address: 'me@uni.example', imap: { host: '127.0.0.1', port: 1, security: 'none' }, smtp: { host: '127.0.0.1', port: 1, security: 'none' }, secret: 'app password' },
  },
  'DELETE /api/v1/mail/mailbox': { kind: 'collection' },
  'POST /api/v1/mail/sync': { kind: 'collection' },
  'POST /api/v1/mail/send': { kind: 'collection', body: { kind: 'check-in', contactId: '01900000-0000-7000-8000-00000000abcd', subject: 'Hello', body: 'How are you?' } },
  'GET /api/v1/mail/messages': { kind: 'collection' },
  'POST /api/v1/mail/import': { kind: 'collection', body: { files: [{ name: 'note.eml', content: 'From: someone@else.example\r\nTo: me@uni.example\r\nSubject: Hi\r\n\r\nHello\r\n' }] } },
  'POST /api/v1/mail/messages/:id/mark-requested': { kind: 'record' },
  'POST /api/v1/coach/pitch': { kind: 'collection', body: { pitch: 'I am a teacher exploring UX research.' } },
  'POST /api/v1/coach/question': { kind: 'collection', body: { text: 'What is a typical day like?', audience: 'peer' } },
};

type Principal = 'owner' | 'other' | 'coach without consent' | 'coach with consent' | 'admin' | 'anonymous' | 'disabled';
const PRINCIPALS: Principal[] = ['owner', 'other', 'coach without consent', 'coach with consent', 'admin', 'anonymous', 'disabled'];
const NOWHERE = '01900000-0000-7000-8000-0000000fffff';
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Deleting in this order leaves every later owner request something to act on. */
const DELETE_ORDER = ['notes/:noteId', 'interactions', 'referrals', 'leads', 'questions', 'templates', 'interviews', 'contacts', 'organizations', 'explorations', 'sharing'];

/** Routes that end the caller's session go last. */
const order = (route: string) => (MATRIX[route]?.endsSession ? 1 : 0);
/** The owner's turn: reads and changes first, then deletions in DELETE_ORDER, then the session-enders. */
const rank = (route: string) => {
  if (MATRIX[route]?.endsSession) return 100;
  if (!route.startsWith('DELETE')) return 0;
  const index = DELETE_ORDER.findIndex((part) => route.includes(`/${part}`));
  return 1 + (index === -1 ? DELETE_ORDER.length : index);
};

describe.each(dialects)('the authorisation matrix on %s', (dialect) => {
  let t: MultiUserTestApp;
  const routes: string[] = [];
  const browsers = {} as Record<Exclude<Principal, 'anonymous'>, Browser>;
  let victimId = '';
  const ids: Record<string, string> = {};
  let feedPath = '';
  // Every error answered, by route: each must be one its route declares (src/shared/route-errors.ts).
  const answers = errorAnswers();

  const concrete = (route: string, target: 'owner' | 'nowhere' = 'owner'): string => {
    const [, path = ''] = route.split(' ');
    if (path === '/*') return '/people';
    if (path === '/calendar/:userId/:file') return feedPath;
    const resource = path.split('/')[3] ?? '';
    const id = (key: string) => (target === 'nowhere' ? NOWHERE : (ids[key] ?? NOWHERE));
    return path
      .replace(':noteId', id('note'))
      .replace(':coachId', browsers['coach with consent'].id)
      .replace(':adviserId', browsers['coach with consent'].id)
      .replace('/cohorts/:id/', `/cohorts/${ids.cohort}/`)
      .replace(':key', `thank-you:${ids.interviews}`)
      .replace(':format', 'linkedin')
      .replace(':file', 'inroads-export.json')
      .replace(':id', resource === 'coaching' ? (target === 'nowhere' ? NOWHERE : browsers.owner.id) : resource === 'admin' ? victimId : id(resource))
      .concat(path === '/api/v1/search' ? `?q=${MARK}` : '')
      .concat(path === '/api/v1/account/sharing/preview' ? '?scope=notes&showNames=true' : '');
  };

  /** Sends as `who`; a response that replaces the session (a password change) is followed, as a browser would. */
  const send = async (who: Principal, route: string, url: string): Promise<LightMyRequestResponse> => {
    const response = await sendOnce(who, route, url);
    const renewed = cookieValue(response, 'inroads_session');
    if (who !== 'anonymous' && renewed) browsers[who] = browserFor(t.app, browsers[who].id, browsers[who].email, renewed);
    return response;
  };
  const sendOnce = (who: Principal, route: string, url: string): Promise<LightMyRequestResponse> => {
    const [method = 'GET'] = route.split(' ');
    const entry = MATRIX[route] as Entry;
    if (entry.contentType) {
      const headers = who === 'anonymous' ? {} : { cookie: `inroads_session=${browsers[who].token}` };
      return t.app.inject({ method: method as 'POST', url, payload: entry.body as string, headers: { host: '127.0.0.1:4590', origin: 'http://127.0.0.1:4590', 'content-type': entry.contentType, 'x-csrf-token': who === 'anonymous' ? 'none' : csrfOf(who), ...headers } });
    }
    const body = method === 'GET' || method === 'DELETE' ? undefined : (entry.body ?? {});
    return who === 'anonymous' ? anonymous(t.app, method as 'GET', url, body) : browsers[who].call(method as 'GET', url, body);
  };
  const csrfOf = (who: Exclude<Principal, 'anonymous'>) => csrfFor(browsers[who].token);

  const ownerData = async () => JSON.stringify(await t.workspaces.use(browsers.owner.id, (ctx) => exportJson({ ctx })));
  const controlData = async () =>
    JSON.stringify([
      await t.control.repos.accounts.users(),
      await t.control.repos.accounts.grantsBy(browsers.owner.id),
      await t.control.repos.accounts.setting('registration'),
    ]);

  beforeAll(async () => {
    t = await createMultiUserApp(dialect, fixedClock('2026-03-10T10:00:00.000Z'), { onRoute: (method, url) => routes.push(`${method} ${url}`), onErrorResponse: answers.record });
    browsers.owner = await signedIn(t, 'owner@uni.example');
    browsers.other = await signedIn(t, 'other@uni.example');
    browsers['coach without consent'] = await signedIn(t, 'coach-a@uni.example', 'coach');
    browsers['coach with consent'] = await signedIn(t, 'coach-b@uni.example', 'coach');
    await signedIn(t, 'unshared-coach@uni.example', 'coach');
    browsers.admin = await signedIn(t, 'admin@uni.example', 'admin');
    browsers.disabled = await signedIn(t, 'gone@uni.example');
    victimId = (await signedIn(t, 'victim@uni.example')).id;
    await disableUser({ ctx: t.control, id: browsers.disabled.id });

    const owner = browsers.owner;
    const post = async (url: string, body: unknown) => {
      const response = await owner.call('POST', url, body);
      if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
      return response.json().id as string;
    };
    ids.explorations = await post('/api/v1/explorations', { title: `${MARK} research`, kind: 'role', transition: 'change-career' });
    ids.organizations = await post('/api/v1/organizations', { name: `${MARK} Org` });
    ids.contacts = await post('/api/v1/contacts', { name: `${MARK} Person`, organizationId: ids.organizations, seniority: 'senior' });
    const second = await post('/api/v1/contacts', { name: `${MARK} Second` });
    ids.interviews = await post('/api/v1/interviews', { contactId: ids.contacts, status: 'held', heldAt: '2026-03-09T15:00:00Z', notes: MARK, explorationIds: [ids.explorations] });
    ids.note = (await owner.call('POST', `/api/v1/interviews/${ids.interviews}/notes`, { body: `${MARK} note` })).json().id;
    ids.interactions = await post('/api/v1/interactions', { contactId: ids.contacts, kind: 'note', occurredAt: '2026-03-09T16:00:00Z', summary: MARK });
    ids.referrals = await post('/api/v1/referrals', { fromContactId: ids.contacts, toContactId: second, interviewId: ids.interviews });
    ids.leads = await post('/api/v1/leads', { title: `${MARK} lead`, interviewId: ids.interviews, nextStep: 'Ask about it', nextStepAt: '2026-03-12T09:00:00Z' });
    ids.questions = await post('/api/v1/questions', { text: `${MARK}: what surprised you most?`, category: 'day-in-the-life' });
    ids.trash = (await owner.call('DELETE', `/api/v1/contacts/${await post('/api/v1/contacts', { name: `${MARK} Deleted` })}`)).json().trashId;
    ids.templates = await post('/api/v1/templates', { name: `${MARK} template`, kind: 'request', channel: 'email', body: 'Hi' });
    // A request the owner wrote from their own mail app to someone with an idea conversation, read from an .eml.
    const mailed = await post('/api/v1/contacts', { name: `${MARK} Mailed`, emails: [{ label: 'work', value: 'mailed@uni.example' }] });
    await post('/api/v1/interviews', { contactId: mailed });
    const sentMail = `From: owner@home.example\r\nTo: mailed@uni.example\r\nSubject: ${MARK} request\r\nMessage-ID: <owner-1@home.example>\r\nDate: Mon, 9 Mar 2026 10:00:00 +0000\r\n\r\nCould we talk?\r\n`;
    await owner.call('POST', '/api/v1/mail/import', { files: [{ name: 'sent.eml', content: sentMail }] });
    ids.mail = (await owner.call('GET', `/api/v1/mail/messages?contactId=${mailed}`)).json().items[0]?.id;
    feedPath = (await owner.call('GET', '/api/v1/calendar')).json().path;
    // With names, so the consenting coach's every view carries the owner's mark.
    await owner.call('POST', '/api/v1/account/sharing', { coachEmail: 'coach-b@uni.example', scope: 'notes', showNames: true });
    // Cohorts: the owner is in one, advised by the coach they share with; an invitation waits to be revoked.
    const cohorts = (await browsers.admin.call('POST', '/api/v1/admin/cohorts', { name: 'Matrix 2026' })).json() as { cohorts: Array<{ id: string }> };
    ids.cohort = cohorts.cohorts[0]?.id ?? NOWHERE;
    await browsers.admin.call('PUT', `/api/v1/admin/users/${owner.id}/cohort`, { cohortId: ids.cohort, adviserId: browsers['coach with consent'].id });
    await browsers.admin.call('POST', '/api/v1/admin/invitations', { email: 'to-revoke@uni.example', role: 'explorer' });
  });
  afterAll(async () => t?.dispose());

  it('has exactly one entry for every route', () => {
    expect(routes.length).toBeGreaterThan(90);
    expect(routes.filter((r) => !(r in MATRIX)), 'routes with no entry in the matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r)), 'entries for routes that do not exist').toEqual([]);
  });

  it('refuses everyone but those allowed, a denied read looks like a missing record, and a denied write changes nothing', async () => {
    const before = { owner: await ownerData(), control: await controlData() };
    const failures: string[] = [];
    for (const route of [...routes].sort((a, b) => order(a) - order(b))) {
      const entry = MATRIX[route] as Entry;
      const url = concrete(route);
      const [method] = route.split(' ');
      for (const who of PRINCIPALS) {
        if (who === 'owner' && entry.kind !== 'feed' && entry.kind !== 'public') continue; // the owner's own turn comes last
        if (route === 'POST /api/v1/auth/sign-out' && who !== 'anonymous') continue; // everyone's own sign-out comes last
        if (who === 'admin' && entry.kind === 'admin') continue;
        if (who === 'coach with consent' && entry.kind === 'coaching') continue;
        const response = await send(who, route, url);
        const code = response.headers['content-type']?.toString().includes('json') ? (response.json() as { error?: { code: string } }).error?.code : undefined;
        const where = `${route} as ${who}: ${response.statusCode} ${response.body.slice(0, 160)}`;
        const noSession = who === 'anonymous' || who === 'disabled';
        switch (entry.kind) {
          case 'public':
            if (code === 'auth.required' || code?.startsWith('security.')) failures.push(where);
            break;
          case 'feed':
            if (response.statusCode !== 200) failures.push(where);
            break;
          case 'record':
          case 'coaching': {
            if (noSession) {
              if (response.statusCode !== 401) failures.push(where);
              break;
            }
            if (route === 'GET /api/v1/coaching/explorers' || route === 'GET /api/v1/coaching/caseload') {
              if (who === 'coach without consent' ? response.statusCode !== 200 || response.body.includes(browsers.owner.id) : response.statusCode !== 404) failures.push(where);
              break;
            }
            // What an entitled caller gets for an id that exists nowhere: a denial must not differ from it by a byte.
            const notACoach = entry.kind === 'coaching' && who !== 'coach without consent';
            // (The id asked for is the one part that may differ: both answers name it.)
            const missingUrl = concrete(route, 'nowhere');
            const missing = notACoach ? routeNotFound(method ?? 'GET', url) : (await send(entry.kind === 'coaching' ? 'coach with consent' : who, route, missingUrl)).json();
            const shape = (body: unknown, asked: string) => {
              let text = JSON.stringify(body);
              for (const part of asked.split('/')) if (ID.test(part)) text = text.replaceAll(part, '<id>');
              return text;
            };
            if (response.statusCode !== 404 || shape(response.json(), url) !== shape(missing, notACoach ? url : missingUrl)) failures.push(`${where} (missing: ${JSON.stringify(missing)})`);
            break;
          }
          case 'collection':
          case 'self':
            // (Search repeats the query, which names the mark; its results must not.)
            if (noSession ? response.statusCode !== 401 : [401, 403].includes(response.statusCode) || response.body.replace(`"query":"${MARK}"`, '').includes(MARK)) failures.push(where);
            break;
          case 'admin':
            if (noSession ? response.statusCode !== 401 : response.statusCode !== 404 || JSON.stringify(response.json()) !== JSON.stringify(routeNotFound(method ?? 'GET', url))) failures.push(where);
            break;
        }
        if (method !== 'GET') {
          const after = { owner: await ownerData(), control: await controlData() };
          if (after.owner !== before.owner) failures.push(`${where} changed the owner’s workspace`);
          if (entry.kind === 'admin' && after.control !== before.control) failures.push(`${where} changed accounts`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(answers.undeclared(), 'error codes a route answered without declaring them').toEqual([]);
  }, 180_000);

  it('lets the owner (and the admin, and the consenting coach) use every route they are entitled to', async () => {
    const failures: string[] = [];
    for (const route of [...routes].sort((a, b) => rank(a) - rank(b))) {
      const entry = MATRIX[route] as Entry;
      const who: Principal = entry.kind === 'admin' ? 'admin' : entry.kind === 'coaching' ? 'coach with consent' : 'owner';
      if (entry.kind === 'public' || entry.kind === 'feed') continue;
      const response = await send(who, route, concrete(route));
      if ([401, 403, 404].includes(response.statusCode) || response.statusCode >= 500) failures.push(`${route} as ${who}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      if (entry.kind === 'coaching' && !response.body.includes(entry === MATRIX['GET /api/v1/coaching/explorers'] || entry === MATRIX['GET /api/v1/coaching/caseload'] ? browsers.owner.id : MARK)) failures.push(`${route}: the consenting coach does not see what was shared`);
    }
    expect(failures).toEqual([]);
    expect(answers.undeclared(), 'error codes a route answered without declaring them').toEqual([]);
  });
});
