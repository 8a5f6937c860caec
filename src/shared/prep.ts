/** The preparation checklist for an interview (domain step 7). Keys are stored in `prep.checklist`. */
export const prepChecklist = [
  { key: 'company', label: 'I know what the organisation does and how it is doing' },
  { key: 'values', label: 'I know what it stands for' },
  { key: 'why-care', label: 'I can say why it interests me' },
  { key: 'person', label: 'I have read about the person: role, path, anything they have written' },
  { key: 'goal', label: 'I know what I want to learn from this conversation' },
  { key: 'next-steps', label: 'I know what I will ask for at the end (other people to talk to)' },
  { key: 'pitch', label: 'My 30-second pitch is ready' },
  { key: 'questions', label: 'At least three open questions are chosen' },
  { key: 'logistics', label: 'Format, place or link, and how I will get there on time (not more than 15 minutes early)' },
  { key: 'no-resume', label: 'No résumé unless they asked for one' },
] as const;

export type PrepKey = (typeof prepChecklist)[number]['key'];

export function prepProgress(checklist: Record<string, boolean>): { done: number; total: number; complete: boolean } {
  const done = prepChecklist.filter((item) => checklist[item.key] === true).length;
  return { done, total: prepChecklist.length, complete: done === prepChecklist.length };
}

/** Roughly 150 spoken words a minute. */
export function spokenSeconds(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return Math.round((words / 150) * 60);
}
