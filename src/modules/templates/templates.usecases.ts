import type { TemplatesTable } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import type { Page, PageResult, Sort } from '../../shared/schemas/common.js';
import type { CreateTemplateInput, Template, UpdateTemplateInput } from '../../shared/schemas/templates.js';
import { now, required } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { TemplateFilters, TemplateSortField } from './templates.repository.js';

export async function createTemplate({
  ctx,
  input,
  builtIn = false,
}: {
  ctx: AppContext;
  input: CreateTemplateInput;
  builtIn?: boolean;
}): Promise<{ template: Template }> {
  const at = now(ctx);
  const row: TemplatesTable = {
    id: newId(),
    name: input.name,
    kind: input.kind,
    channel: input.channel,
    subject: input.subject ?? null,
    body: input.body,
    builtIn: builtIn ? 1 : 0,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.repos.templates.insert(row);
  return { template: required(await ctx.repos.templates.get(row.id), 'templates', row.id) };
}

export async function getTemplate({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ template: Template }> {
  return { template: required(await ctx.repos.templates.get(id), 'templates', id) };
}

export async function listTemplates({
  ctx,
  filters,
  sort,
  page,
}: {
  ctx: AppContext;
  filters: TemplateFilters;
  sort: Sort<TemplateSortField>;
  page: Page;
}): Promise<PageResult<Template>> {
  return ctx.repos.templates.list(filters, sort, page);
}

export async function updateTemplate({
  ctx,
  id,
  input,
}: {
  ctx: AppContext;
  id: string;
  input: UpdateTemplateInput;
}): Promise<{ template: Template }> {
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
