import { validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { mergeFields, renderTemplate, unknownMergeFields, type MergeValues } from '../../shared/merge.js';
import type { PageResult } from '../../shared/schemas/common.js';
import type { CreateTemplateInput, Template, TemplateSortField, UpdateTemplateInput } from '../../shared/schemas/templates.js';
import { now, required, type ListArgs, type EditArgs } from '../references.js';
import type { AppContext } from '../repositories.js';
import { explorationForContact } from '../explorations/explorations.usecases.js';
import type { TemplateFilters } from './templates.repository.js';
import { addressTakeaway } from './letter.rules.js';

/** A template may only use merge fields Inroads can fill. */
function assertKnownFields(input: { subject?: string | null | undefined; body?: string | undefined }): void {
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownMergeFields(input[field] ?? '');
    if (unknown.length) {
      throw validationError([{ field, message: `uses ${unknown.map((u) => `{{${u}}}`).join(', ')}, which Inroads cannot fill; known fields are ${mergeFields.map((f) => `{{${f}}}`).join(', ')}` }]);
    }
  }
}

export async function createTemplate({
  ctx,
  input,
  builtIn = false,
}: {
  ctx: AppContext;
  input: CreateTemplateInput;
  builtIn?: boolean;
}): Promise<{ template: Template }> {
  assertKnownFields(input);
  const at = now(ctx);
  const row: Template = {
    id: newId(),
    name: input.name,
    kind: input.kind,
    channel: input.channel,
    subject: input.subject ?? null,
    body: input.body,
    builtIn,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.repos.templates.insert(row);
  return { template: required(await ctx.repos.templates.get(row.id), 'templates', row.id) };
}

export async function getTemplate({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ template: Template }> {
  return { template: required(await ctx.repos.templates.get(id), 'templates', id) };
}

export async function listTemplates({ ctx, filters, sort, page }: ListArgs<TemplateFilters, TemplateSortField>): Promise<PageResult<Template>> {
  return ctx.repos.templates.list(filters, sort, page);
}

export async function updateTemplate({ ctx, id, input }: EditArgs<UpdateTemplateInput>): Promise<{ template: Template }> {
  assertKnownFields(input);
  return ctx.transaction(async (tx) => {
    required(await tx.repos.templates.get(id), 'templates', id);
    await tx.repos.templates.update(id, { ...input, updatedAt: now(tx) });
    return { template: required(await tx.repos.templates.get(id), 'templates', id) };
  });
}

export async function deleteTemplate({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.templates.get(id), 'templates', id);
    await tx.repos.templates.delete(id);
    return { id };
  });
}

/** The template to draft from: the user's own (newest first) wins over the built-in one. */
export async function pickTemplate(ctx: AppContext, kind: Template['kind'], channel: Template['channel']): Promise<Template | null> {
  const { items } = await ctx.repos.templates.list({ kind: [kind], channel: [channel] }, { field: 'createdAt', direction: 'desc' }, { limit: 50, offset: 0 });
  return items.find((t) => !t.builtIn) ?? items[0] ?? null;
}

const connectionPhrase: Record<string, string> = {
  family: 'As family, I wanted to ask you first',
  friend: 'As a friend, I hoped you would not mind me asking',
  classmate: 'We studied together',
  'former-colleague': 'We worked together',
  'linkedin-connection': 'We are connected on LinkedIn',
  alumni: 'We are alumni of the same school',
  referral: 'I was given your name',
  cold: '',
};

/** Fills a template (saved, or as being edited) for one person, from the workspace's own data. */
export async function previewTemplate({
  ctx,
  templateId,
  subject,
  body,
  contactId,
  explorationId,
  takeaway,
}: {
  ctx: AppContext;
  templateId?: string | undefined;
  subject?: string | null | undefined;
  body?: string | undefined;
  contactId: string;
  /** The exploration the message is about; by default the one of the person's latest interview. */
  explorationId?: string | null | undefined;
  /** The takeaway to quote; by default the first sentence of the latest takeaways. */
  takeaway?: string | undefined;
}): Promise<{ subject: string | null; body: string }> {
  const template = templateId ? required(await ctx.repos.templates.get(templateId), 'templates', templateId) : null;
  const source = { subject: subject ?? template?.subject ?? null, body: body ?? template?.body ?? '' };
  assertKnownFields(source);
  const contact = required(await ctx.repos.contacts.get(contactId), 'contacts', contactId);
  const profile = await ctx.repos.profile.get();
  const interviews = await ctx.repos.interviews.forContact(contactId);
  const latest = [...interviews].sort((a, b) => (a.heldAt ?? a.createdAt) < (b.heldAt ?? b.createdAt) ? 1 : -1);
  const latestTakeaways = latest.find((i) => i.takeaways?.trim())?.takeaways ?? null;
  // An exploration asked for by id, or explicitly none (null); otherwise the latest conversation's, then the person's own.
  const chosenExplorationId = explorationId === null ? undefined : (explorationId ?? latest.flatMap((i) => i.explorationIds)[0]);
  const exploration = chosenExplorationId
    ? await ctx.repos.explorations.get(chosenExplorationId)
    : explorationId === null
      ? undefined
      : await explorationForContact(ctx, contact);
  const referrer = contact.referredById ? await ctx.repos.contacts.get(contact.referredById) : undefined;
  // Spoken to the person, as a line of a letter: "You said …", never a note about them.
  const addressed = addressTakeaway(takeaway ?? latestTakeaways?.split(/(?<=[.!?])\s/)[0] ?? '', {
    name: contact.name,
    givenName: contact.givenName,
    properNames: contact.organization ? [contact.organization.name] : [],
  });
  const values: MergeValues = {
    'contact.name': contact.name,
    'contact.givenName': contact.givenName ?? contact.name.split(' ')[0] ?? contact.name,
    'contact.familyName': contact.familyName ?? '',
    'contact.title': contact.title ?? '',
    'organization.name': contact.organization?.name ?? '',
    'exploration.title': exploration?.title ?? '',
    'profile.name': profile.name,
    'profile.background': profile.background,
    'profile.pitch': profile.pitch,
    connection: referrer ? `${referrer.name} suggested I get in touch` : (contact.howWeMet ?? connectionPhrase[contact.relationship] ?? ''),
    lastTakeaway: addressed,
  };
  // The takeaway line ends without a full stop (templates go on: "… — that stayed with me"); at the end of a line it needs one.
  const filledBody = addressed ? source.body.replace(/\{\{\s*lastTakeaway\s*\}\}(?=[ \t]*(?:\n|$))/g, '{{lastTakeaway}}.') : source.body;
  return { subject: source.subject === null ? null : renderTemplate(source.subject, values), body: renderTemplate(filledBody, values) };
}
