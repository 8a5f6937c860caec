import type { Lead } from '../../shared/schemas/leads.js';

/** The fields that must agree with each other on a lead, as they will be once saved. */
export type LeadShape = Pick<Lead, 'nextStep' | 'nextStepAt'>;

/**
 * What is wrong with a lead as it would be saved, field by field: a dated next
 * step needs words saying what the step is. Pure.
 */
export function leadProblems(lead: LeadShape): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (lead.nextStepAt && !lead.nextStep?.trim()) problems.push({ field: 'nextStep', message: 'must say what the next step is when it has a date' });
  return problems;
}

/** The words the search index keeps for a lead: its title first, then what else describes it. */
export function leadSearchBody(lead: Pick<Lead, 'kind' | 'details' | 'nextStep' | 'contact' | 'organization'>): string {
  return [lead.kind, lead.organization?.name, lead.contact?.name, lead.details, lead.nextStep].filter((p) => p && p.trim()).join(' · ');
}
