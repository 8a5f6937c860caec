import { z } from 'zod';
import { boolQuery, idSchema, isoDateTime, optionalText, pageQuery, requiredText, sortParam, webUrl } from './common.js';

const fields = {
  name: requiredText(200),
  website: webUrl.nullable(),
  industry: optionalText(200),
  /** Where it is (a city or country, such as "Berlin, Germany"): suggests its people's time zone. */
  location: optionalText(200),
  notes: optionalText(20000),
  /** How much the user wants to work there, 0 (not at all) to 3 (very much). */
  motivation: z.number().int().min(0).max(3),
  /** 1 no relevant posting, 2 some postings, 3 a posting for the target role. */
  posting: z.number().int().min(1).max(3),
  /** An alumni or affinity link exists. */
  advocacy: z.boolean(),
  explorationIds: z.array(idSchema).max(100),
};

export const organizationSchema = z.object({
  id: idSchema,
  ...fields,
  /**
   * On the target list: organisations the user adds or ranks. Employers that came with
   * imported people are not, until the user sets their motivation, posting or alumni link.
   */
  target: z.boolean(),
  /** Position in the target list (motivation first, then posting, then advocacy); null when not a target. */
  rank: z.number().int().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const createOrganizationInput = z
  .object({
    name: fields.name,
    website: fields.website.optional(),
    industry: fields.industry.optional(),
    location: fields.location.optional(),
    notes: fields.notes.optional(),
    motivation: fields.motivation.default(0),
    posting: fields.posting.default(1),
    advocacy: fields.advocacy.default(false),
    explorationIds: fields.explorationIds.default([]),
  })
  .strict();
export const updateOrganizationInput = z.object(fields).partial().strict();

export type Organization = z.infer<typeof organizationSchema>;
export type CreateOrganizationInput = z.infer<typeof createOrganizationInput>;
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationInput>;

/** What organisations can be listed by (`sort`, `-` in front for descending). */
export const organizationSortField = z.enum(['rank', 'name', 'createdAt', 'updatedAt']);
export type OrganizationSortField = z.infer<typeof organizationSortField>;

export const organizationListQuery = z.object({
  ...pageQuery,
  sort: sortParam(organizationSortField.options, 'rank'),
  explorationId: idSchema.optional(),
  industry: z.string().trim().min(1).max(200).optional(),
  advocacy: boolQuery.optional(),
  /** true: only the target list; false: only organisations not ranked yet (such as imported employers). */
  target: boolQuery.optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;
