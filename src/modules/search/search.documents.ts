import type { Contact } from '../../shared/schemas/contacts.js';
import type { Interaction } from '../../shared/schemas/interactions.js';
import type { Interview } from '../../shared/schemas/interviews.js';
import type { Organization } from '../../shared/schemas/organizations.js';
import type { SearchDocument } from './search.repository.js';

const join = (...parts: Array<string | null | undefined>) => parts.filter((p) => p && p.trim()).join(' · ');

/** What is searchable about each entity. The name is ranked above the body. */
export const contactDocument = (c: Contact): SearchDocument => ({
  type: 'contact',
  id: c.id,
  name: c.name,
  body: join(
    c.title,
    c.organization?.name,
    c.department,
    c.emails.map((e) => e.value).join(' '),
    c.tags.join(' '),
    c.howWeMet,
    c.notes,
  ),
});

export const organizationDocument = (o: Organization): SearchDocument => ({
  type: 'organization',
  id: o.id,
  name: o.name,
  body: join(o.industry, o.website, o.notes),
});

/** `notes` are the bodies of the notes taken during the interview. */
export const interviewDocument = (i: Interview, notes: string[] = []): SearchDocument => ({
  type: 'interview',
  id: i.id,
  name: i.contact.name,
  body: join(i.objective, i.venue, i.requestMessage, i.notes, i.takeaways, ...notes),
});

export const interactionDocument = (i: Interaction, contactName: string): SearchDocument => ({
  type: 'interaction',
  id: i.id,
  name: contactName,
  body: join(i.kind.replace('-', ' '), i.summary),
});
