// Plain values of the conversation feature, without zod: the web app imports these, so its bundle carries no schema library.

/**
 * The running order of an informational interview (domain step 9), with a short
 * reminder of what each part is for, written for this product.
 */
export const agendaSteps = [
  { key: 'thank', label: 'Thank them', hint: 'Open by thanking them for making the time.' },
  { key: 'background', label: 'Your background', hint: 'Two or three sentences on where you are coming from.' },
  { key: 'experience', label: 'Related experience', hint: 'Mention what you have done that touches their work.' },
  { key: 'purpose', label: 'Why you asked', hint: 'Say plainly that you are gathering advice and information, not asking for a job.' },
  { key: 'information', label: 'What you want to learn', hint: 'Name the information you are after and the organisations you are looking at.' },
  { key: 'questions', label: 'Your questions', hint: 'Ask your open questions and keep an eye on the clock.' },
  { key: 'referrals', label: 'Who else to talk to', hint: 'Ask whom else they would suggest, and whether you may mention their name.' },
  { key: 'thanks', label: 'Thank them again', hint: 'Thank them for their time and what they shared.' },
  { key: 'follow-up', label: 'Permission to keep in touch', hint: 'Ask whether you may keep them posted, and how often suits them.' },
] as const;

export const stances = ['for', 'against'] as const;

export interface LivePrompt {
  kind: 'referrals' | 'wrap-up' | 'over-time';
  /** Seconds into the conversation when it appears. */
  at: number;
  message: string;
}

/**
 * Gentle time prompts for a conversation planned to last `plannedMinutes`: ask for
 * referrals with a quarter of the time left (at least five minutes before the end),
 * wrap up two minutes before the end, and say so when the agreed time is up.
 */
export function livePrompts(plannedMinutes: number): LivePrompt[] {
  const total = plannedMinutes * 60;
  const referrals = Math.max(0, Math.min(total * 0.75, total - 300));
  const wrapUp = Math.max(referrals + 60, total - 120);
  return [
    { kind: 'referrals', at: Math.round(referrals), message: 'Time to ask who else you should talk to, before the end creeps up.' },
    { kind: 'wrap-up', at: Math.round(Math.min(wrapUp, total)), message: 'Two minutes left: thank them and ask whether you may keep in touch.' },
    { kind: 'over-time', at: total, message: 'You have reached the time you asked for. Offer to stop here; stay only if they insist.' },
  ];
}

/** The prompts that have appeared by `elapsedSeconds`. */
export const duePrompts = (plannedMinutes: number, elapsedSeconds: number): LivePrompt[] => livePrompts(plannedMinutes).filter((p) => elapsedSeconds >= p.at);
