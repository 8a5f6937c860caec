import { validationError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { PageResult } from '../../shared/schemas/common.js';
import type { CreateLeadInput, Lead, LeadSortField, UpdateLeadInput } from '../../shared/schemas/leads.js';
import { assertContact, assertInterview, assertOrganization, now, required, type EditArgs, type ListArgs } from '../references.js';
import type { AppContext } from '../repositories.js';
import type { LeadFilters, NewLead } from './leads.repository.js';
import { leadProblems, leadSearchBody } from './leads.rules.js';

async function index(ctx: AppContext, lead: Lead): Promise<void> {
  await ctx.repos.search.upsert([{ type: 'lead', id: lead.id, name: lead.title, body: leadSearchBody(lead) }]);
}

/**
 * The person and the organisation a lead came from, filled in from what was given:
 * the conversation names its person, and the person their organisation.
 */
async function origins(
  ctx: AppContext,
  given: { interviewId: string | null; contactId: string | null | undefined; organizationId: string | null | undefined },
): Promise<{ contactId: string | null; organizationId: string | null }> {
  let contactId = given.contactId;
  if (contactId === undefined && given.interviewId) contactId = (await ctx.repos.interviews.get(given.interviewId))?.contactId ?? null;
  let organizationId = given.organizationId;
  if (organizationId === undefined && contactId) organizationId = (await ctx.repos.contacts.get(contactId))?.organizationId ?? null;
  return { contactId: contactId ?? null, organizationId: organizationId ?? null };
}

function check(lead: Pick<Lead, 'nextStep' | 'nextStepAt'>): void {
  const problems = leadProblems(lead);
  if (problems.length > 0) throw validationError(problems);
}

/** Records something heard in a conversation that could become an opportunity. */
export async function createLead({ ctx, input }: { ctx: AppContext; input: CreateLeadInput }): Promise<{ lead: Lead }> {
  const nextStep = input.nextStep ?? null;
  const nextStepAt = input.nextStepAt ?? null;
  check({ nextStep, nextStepAt });
  return ctx.transaction(async (tx) => {
    await assertInterview(tx, 'interviewId', input.interviewId);
    await assertContact(tx, 'contactId', input.contactId);
    await assertOrganization(tx, 'organizationId', input.organizationId);
    const interviewId = input.interviewId ?? null;
    const { contactId, organizationId } = await origins(tx, { interviewId, contactId: input.contactId, organizationId: input.organizationId });
    const at = now(tx);
    const row: NewLead = {
      id: newId(),
      title: input.title,
      kind: input.kind,
      status: input.status,
      details: input.details || null,
      interviewId,
      contactId,
      organizationId,
      mayNamePerson: input.mayNamePerson,
      nextStep: nextStep || null,
      nextStepAt,
      createdAt: at,
      updatedAt: at,
    };
    await tx.repos.leads.insert(row);
    const lead = required(await tx.repos.leads.get(row.id), 'leads', row.id);
    await index(tx, lead);
    return { lead };
  });
}

export async function getLead({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ lead: Lead }> {
  return { lead: required(await ctx.repos.leads.get(id), 'leads', id) };
}

export async function listLeads({ ctx, filters, sort, page }: ListArgs<LeadFilters, LeadSortField>): Promise<PageResult<Lead>> {
  return ctx.repos.leads.list(filters, sort, page);
}

export async function updateLead({ ctx, id, input }: EditArgs<UpdateLeadInput>): Promise<{ lead: Lead }> {
  return ctx.transaction(async (tx) => {
    const before = required(await tx.repos.leads.get(id), 'leads', id);
    check({ nextStep: input.nextStep !== undefined ? input.nextStep : before.nextStep, nextStepAt: input.nextStepAt !== undefined ? input.nextStepAt : before.nextStepAt });
    await assertInterview(tx, 'interviewId', input.interviewId);
    await assertContact(tx, 'contactId', input.contactId);
    await assertOrganization(tx, 'organizationId', input.organizationId);
    const { details, nextStep, ...rest } = input;
    await tx.repos.leads.update(id, {
      ...rest,
      ...(details !== undefined ? { details: details || null } : {}),
      ...(nextStep !== undefined ? { nextStep: nextStep || null } : {}),
      updatedAt: now(tx),
    });
    const lead = required(await tx.repos.leads.get(id), 'leads', id);
    await index(tx, lead);
    return { lead };
  });
}

export async function deleteLead({ ctx, id }: { ctx: AppContext; id: string }): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    required(await tx.repos.leads.get(id), 'leads', id);
    await tx.repos.leads.delete(id);
    await tx.repos.search.remove('lead', [id]);
    return { id };
  });
}
