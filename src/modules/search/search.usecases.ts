import { searchableTypes, type SearchableType, type SearchHit } from '../../shared/schemas/search.js';
import type { AppContext } from '../repositories.js';

/**
 * One search over people, organisations, interview notes, interactions and leads:
 * every word is matched as a prefix, best matches first, with a highlighted snippet.
 */
export async function search({
  ctx,
  query,
  types = searchableTypes,
  limit = 20,
}: {
  ctx: AppContext;
  query: string;
  types?: readonly SearchableType[] | undefined;
  limit?: number;
}): Promise<{ query: string; items: SearchHit[] }> {
  const hits = await ctx.repos.search.search(query, types, limit);
  const ids = (type: SearchableType) => hits.filter((h) => h.type === type).map((h) => h.id);

  const titles = new Map<string, { title: string; contactId: string | null }>();
  for (const [id, name] of await ctx.repos.contacts.names(ids('contact'))) titles.set(id, { title: name, contactId: id });
  for (const [id, name] of await ctx.repos.organizations.names(ids('organization'))) titles.set(id, { title: name, contactId: null });
  for (const i of await ctx.repos.interviews.people(ids('interview'))) {
    titles.set(i.id, { title: `Interview with ${i.contactName}`, contactId: i.contactId });
  }
  for (const i of await ctx.repos.interactions.people(ids('interaction'))) {
    const kind = i.kind.replace('-', ' ');
    titles.set(i.id, { title: `${kind.charAt(0).toUpperCase()}${kind.slice(1)} · ${i.contactName}`, contactId: i.contactId });
  }

  for (const l of await ctx.repos.leads.titles(ids('lead'))) titles.set(l.id, { title: `Lead · ${l.title}`, contactId: l.contactId });

  const items = hits.flatMap((hit) => {
    const meta = titles.get(hit.id);
    return meta ? [{ type: hit.type, id: hit.id, title: meta.title, contactId: meta.contactId, snippet: hit.snippet, score: hit.score }] : [];
  });
  return { query, items };
}
