import { z } from 'zod';
import { timeZone } from './profile.js';
import { boolQuery, csvOf, idSchema, isoDate, isoDateTime, optionalText, pageQuery, ref, sortParam, text, webUrl } from './common.js';
import { meetingFormats, seniorities } from '../vocabulary/contacts.js';
export { meetingFormats, seniorities };

export const relationships = [
  'family',
  'friend',
  'classmate',
  'former-colleague',
  'linkedin-connection',
  'alumni',
  'referral',
  'cold',
] as const;
export const responsivenessKinds = ['booster', 'obligate', 'curmudgeon', 'unknown'] as const;

export type Relationship = (typeof relationships)[number];
export type Seniority = (typeof seniorities)[number];

const label = z.string().trim().max(40).optional();
export const emailEntry = z.object({ value: z.email({ message: 'must be an email address' }).max(320), label });
export const phoneEntry = z.object({
  value: z.string().trim().min(3).max(40).regex(/^[+0-9 ().\-/x]+$/i, { message: 'must be a phone number' }),
  label,
});
const tag = z.string().trim().min(1).max(60);

const fields = {
  name: text(200).min(1, { message: 'must not be empty' }),
  givenName: optionalText(100),
  familyName: optionalText(100),
  title: optionalText(200),
  organizationId: idSchema.nullable(),
  seniority: z.enum(seniorities).nullable(),
  department: optionalText(200),
  isHR: z.boolean(),
  relationship: z.enum(relationships),
  referredById: idSchema.nullable(),
  howWeMet: optionalText(2000),
  emails: z.array(emailEntry).max(20),
  phones: z.array(phoneEntry).max(20),
  linkedinUrl: webUrl.nullable(),
  tags: z.array(tag).max(50),
  notes: optionalText(20000),
  connectedOn: isoDate.nullable(),
  preferredFormat: z.enum(meetingFormats).nullable(),
  /** Their IANA time zone (such as Europe/Berlin), so both local times can be shown; null when not known. */
  timeZone: timeZone.nullable(),
  /** The explorations this person was added to (they also count through their organisation and interviews). */
  explorationIds: z.array(idSchema).max(100),
};

export const contactSchema = z.object({
  id: idSchema,
  ...fields,
  /** True when isHR was set by the user rather than derived from title and department. */
  isHRManual: z.boolean(),
  organization: ref.nullable(),
  responsiveness: z.enum(responsivenessKinds),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** `name` may be left out when given and family names are present. `isHR` overrides the derived value. */
export const createContactInput = z
  .object({
    ...fields,
    name: fields.name.optional(),
    relationship: fields.relationship.default('cold'),
    emails: fields.emails.default([]),
    phones: fields.phones.default([]),
    tags: fields.tags.default([]),
    explorationIds: fields.explorationIds.default([]),
    /** Instead of organizationId: the organisation by name, found or added (and joined to the person's explorations). */
    organizationName: optionalText(200),
  })
  .partial({
    givenName: true,
    familyName: true,
    title: true,
    organizationId: true,
    seniority: true,
    department: true,
    isHR: true,
    referredById: true,
    howWeMet: true,
    linkedinUrl: true,
    notes: true,
    connectedOn: true,
    preferredFormat: true,
    timeZone: true,
    organizationName: true,
  })
  .strict();

/** `isHR: null` returns the flag to its derived value. */
export const updateContactInput = z
  .object({ ...fields, isHR: z.boolean().nullable() })
  .partial()
  .strict();

export type Contact = z.infer<typeof contactSchema>;
export type CreateContactInput = z.infer<typeof createContactInput>;
export type UpdateContactInput = z.infer<typeof updateContactInput>;

/** What people can be listed by (`sort`, `-` in front for descending). */
export const contactSortField = z.enum(['name', 'createdAt', 'updatedAt', 'connectedOn']);
export type ContactSortField = z.infer<typeof contactSortField>;

export const contactListQuery = z.object({
  ...pageQuery,
  sort: sortParam(contactSortField.options, 'name'),
  organizationId: idSchema.optional(),
  explorationId: idSchema.optional(),
  relationship: csvOf(z.enum(relationships)).optional(),
  seniority: csvOf(z.enum(seniorities)).optional(),
  responsiveness: csvOf(z.enum(responsivenessKinds)).optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  referredById: idSchema.optional(),
  isHR: boolQuery.optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuery>;
