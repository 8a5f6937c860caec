import type { Suggestion } from '../../shared/schemas/coach.js';

export interface RankingCandidate {
  id: string;
  name: string;
  relationship: string;
  seniority: string | null;
  isHR: boolean;
  responsiveness: string;
  organizationId: string | null;
  organizationName: string | null;
  motivation: number | null;
  posting: number | null;
  advocacy: boolean;
  lastInteractionAt: string | null;
}

/**
 * The weights of the ranking. The SQL pre-selection (coach.repository) is built
 * from these same numbers and the same tables, so the two cannot drift apart.
 */
export const SCORE = {
  /** Per step of warmth (family and friends are warmest). */
  warmth: 8,
  hr: -30,
  /** Per step of role fit (one step above fits best). */
  fit: 5,
  /** When the seniority is not known. */
  unknownSeniority: 8,
  motivation: 4,
  posting: 2,
  advocacy: 3,
  booster: 10,
  curmudgeon: -15,
  /** In touch within the last 90 days: the only part that depends on interactions. */
  recent: 5,
} as const;
/** Warmer relationships are asked first (lower is warmer). Shared with the SQL that pre-ranks candidates. */
export const WARMTH: Readonly<Record<string, number>> = {
  family: 0,
  friend: 0,
  'former-colleague': 1,
  classmate: 1,
  referral: 2,
  alumni: 3,
  'linkedin-connection': 4,
  cold: 5,
};
/** The target role or one step above fits best; executives have least time. */
export const ROLE_FIT: Readonly<Record<string, number>> = { 'one-step-above': 0, peer: 1, senior: 2, junior: 3, executive: 4 };
export const MAX_WARMTH = Math.max(...Object.values(WARMTH));
export const MAX_FIT = Math.max(...Object.values(ROLE_FIT));

const warmthWords: Record<string, string> = {
  family: 'family — friends and family are the most likely to say yes',
  friend: 'a friend — friends and family are the most likely to say yes',
  'former-colleague': 'a former colleague, who already knows your work',
  classmate: 'a classmate, a warm connection',
  referral: 'referred to you, so you can name who sent you',
  alumni: 'a fellow alumnus — shared schools open doors',
  'linkedin-connection': 'a LinkedIn connection: known, if loosely',
  cold: 'a cold contact: expect fewer replies',
};
const fitWords: Record<string, string> = {
  'one-step-above': 'one step above your target role — close to the hiring decisions, and they still remember your stage',
  peer: 'in the role you are exploring — they know the day-to-day',
  senior: 'senior — broad view, less time',
  junior: 'junior — fresh memory of getting in, little view of the whole',
  executive: 'an executive — little time; ask them last, briefly',
};

/**
 * Whom to ask next, best first, with reasons a person can check: warmth first
 * (known people, then referrals, alumni, LinkedIn, cold), then role fit (the target
 * role or one step above; HR last; executives down-weighted), then the organisation's
 * place in the target list, how the person answers requests, and recent contact.
 */
export function rankSuggestions(candidates: readonly RankingCandidate[], now: string): Suggestion[] {
  const scored = candidates.map((c) => {
    const reasons: string[] = [];
    let score = 0;
    const warmth = WARMTH[c.relationship] ?? MAX_WARMTH;
    score += (MAX_WARMTH - warmth) * SCORE.warmth;
    reasons.push(c.relationship === 'referral' ? 'Someone referred them to you, so you can say who sent you.' : `You know them as ${warmthWords[c.relationship] ?? c.relationship}.`);
    if (c.isHR) {
      score += SCORE.hr;
      reasons.push('Works in HR or recruiting: likely to point you to job postings rather than give advice.');
    } else if (c.seniority) {
      score += (MAX_FIT - (ROLE_FIT[c.seniority] ?? MAX_FIT)) * SCORE.fit;
      reasons.push(`They are ${fitWords[c.seniority] ?? c.seniority}.`);
    } else {
      score += SCORE.unknownSeniority;
    }
    if (c.organizationId && c.motivation !== null) {
      score += c.motivation * SCORE.motivation + (c.posting ?? 1) * SCORE.posting + (c.advocacy ? SCORE.advocacy : 0);
      // Each phrase reads on from the one before it: "X is high on your target list, with a posting…, where…".
      const keen = c.motivation >= 2;
      const posting = (c.posting ?? 1) >= 3;
      const bits = [
        keen ? 'is high on your target list' : null,
        posting ? (keen ? 'with a posting for your target role' : 'has a posting for your target role') : null,
        c.advocacy ? (keen ? 'where you have an alumni link' : posting ? 'and you have an alumni link there' : 'is where you have an alumni link') : null,
      ].filter(Boolean);
      if (bits.length) reasons.push(`${c.organizationName ?? 'Their organisation'} ${bits.join(', ')}.`);
    }
    if (c.responsiveness === 'booster') {
      score += SCORE.booster;
      reasons.push('Replied quickly before.');
    } else if (c.responsiveness === 'curmudgeon') {
      score += SCORE.curmudgeon;
      reasons.push('Did not reply last time, even after a follow-up.');
    }
    if (c.lastInteractionAt) {
      const days = (Date.parse(now) - Date.parse(c.lastInteractionAt)) / 86_400_000;
      if (days <= 90) {
        score += SCORE.recent;
        reasons.push('You were in touch recently.');
      }
    }
    return { contactId: c.id, name: c.name, organization: c.organizationId ? { id: c.organizationId, name: c.organizationName ?? '' } : null, score, reasons };
  });
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
