import type { Interview } from '../../shared/schemas/interviews.js';
import type { AppContext } from '../repositories.js';
import { interviewDocument } from './search.documents.js';

/** Refreshes the search documents of these interviews, with the notes taken during each. */
export async function indexInterviews(ctx: AppContext, interviews: Interview[]): Promise<void> {
  if (interviews.length === 0) return;
  const notes = await ctx.repos.conversation.notes(interviews.map((i) => i.id));
  await ctx.repos.search.upsert(interviews.map((i) => interviewDocument(i, notes.filter((n) => n.interviewId === i.id).map((n) => n.body))));
}
