import { searchableTypes, type SearchableType, type SearchHit } from '../../shared/schemas/search.js';
import type { AppContext } from '../repositories.js';

/**
 * One search over people, organisations, interview notes and interactions:
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
  const contactNames = await ctx.repos.contacts.names(ids('contact'));
  for (const [id, name] of contactNames) titles.set(id, { title: name, contactId: id });
  for (const id of ids('organization')) {
    const name = await ctx.repos.organizations.nameOf(id);
    if (name !== null) titles.set(id, { title: name, contactId: null });
  }
  for (const id of ids('interview')) {
    const interview = await ctx.repos.interviews.get(id);
    if (interview) titles.set(id, { title: `Interview with ${interview.contact.name}`, contactId: interview.contactId });
  }
  const interactions = await Promise.all(ids('interaction').map((id) => ctx.repos.interactions.get(id)));
  const interactionPeople = await ctx.repos.contacts.names(interactions.flatMap((i) => (i ? [i.contactId] : [])));
  for (const i of interactions) {
    if (i) titles.set(i.id, { title: `${i.kind.replace('-', ' ')} · ${interactionPeople.get(i.contactId) ?? ''}`, contactId: i.contactId });
  }

  const items = hits.flatMap((hit) => {
    const meta = titles.get(hit.id);
    return meta ? [{ type: hit.type, id: hit.id, title: meta.title, contactId: meta.contactId, snippet: hit.snippet, score: hit.score }] : [];
  });
  return { query, items };
}
