import { z } from 'zod';
import { csvOf, idSchema } from './common.js';

export const searchableTypes = ['contact', 'organization', 'interview', 'interaction', 'lead'] as const;
export type SearchableType = (typeof searchableTypes)[number];

export const searchQuery = z.object({
  q: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  types: csvOf(z.enum(searchableTypes)).optional().describe(`Comma-separated subset of: ${searchableTypes.join(', ')}.`),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A snippet as segments, so clients can highlight matches without rendering HTML. */
export const snippetSegment = z.object({ text: z.string(), match: z.boolean() });

export const searchHit = z.object({
  type: z.enum(searchableTypes),
  id: idSchema,
  title: z.string(),
  snippet: z.array(snippetSegment),
  score: z.number(),
  /** The person the hit concerns, for interviews and interactions. */
  contactId: idSchema.nullable(),
});

export const searchResult = z.object({ query: z.string(), items: z.array(searchHit) });

export type SearchHit = z.infer<typeof searchHit>;
export type SearchResult = z.infer<typeof searchResult>;
export type SnippetSegment = z.infer<typeof snippetSegment>;
