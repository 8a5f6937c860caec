import type { Interview } from '../../shared/schemas/interviews.js';
import type { AppContext } from '../repositories.js';
import { interviewDocument } from './search.documents.js';

/** Refreshes the search documents of these interviews, with the notes taken during each. */
export async function indexInterviews(ctx: AppContext, interviews: Interview[]): Promise<void> {
  if (interviews.length === 0) return;
  const notes = await ctx.repos.conversation.notes(interviews.map((i) => i.id));
  await ctx.repos.search.upsert(interviews.map((i) => interviewDocument(i, notes.filter((n) => n.interviewId === i.id).map((n) => n.body))));
}

/** A write of at least this many search documents at once (an import) merges the index afterwards. */
export const COMPACT_AFTER_DOCUMENTS = 1000;

/**
 * Merges the search index into one segment after a bulk write, in bounded steps with
 * `pause` between them (so an import's slices stay short). Searching a common word
 * prefix reads its matches from every segment, so this keeps search quick after a big
 * import. Nothing to do on PostgreSQL. Run it inside the transaction that wrote.
 */
export async function compactSearchIndex(ctx: AppContext, pause: () => Promise<void> | undefined = () => undefined): Promise<number> {
  let steps = 0;
  while (await ctx.repos.search.mergeStep()) {
    steps++;
    await pause();
  }
  return steps;
}
