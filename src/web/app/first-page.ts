import type { QueryClient } from '@tanstack/react-query';
import { activeExplorationQuery, explorationListQuery } from '../features/explorations/explorations.api.js';
import { contactsFirstPageQuery } from '../features/people/people.api.js';
import { agendaQuery } from '../features/today/today.api.js';
import { TODAY_FIRST_ITEMS } from '../../shared/vocabulary/first-requests.js';
import { authStatusQuery } from './session.api.js';
import { workspaceQuery } from './workspace.api.js';

/**
 * Starts the first requests of the page being opened at once, side by side, instead of one
 * after the other as the components that need them mount (who is signed in, then the
 * workspace, then the page's data). They are the addresses `firstRequests` names
 * (src/shared/vocabulary/first-requests.ts), which the server has already told the browser
 * to fetch with the page; a contract test holds the two together.
 */
export async function prefetchFirstPage(client: QueryClient, pathname: string, search: string): Promise<void> {
  const status = await client.fetchQuery(authStatusQuery).catch(() => null);
  if (!status || (status.mode === 'multi-user' && !status.user)) return;
  const page: Array<Promise<unknown>> = [client.prefetchQuery(workspaceQuery), client.prefetchQuery(explorationListQuery), client.prefetchQuery(activeExplorationQuery)];
  if (search === '' && pathname === '/') page.push(client.prefetchQuery(agendaQuery(TODAY_FIRST_ITEMS)));
  if (search === '' && pathname === '/people') {
    page.push(client.prefetchQuery(contactsFirstPageQuery({ sort: 'name' })));
  }
  await Promise.all(page);
}
