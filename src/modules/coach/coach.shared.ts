/** A coaching finding: a stable rule id, why it matters, and where possible a better way to say it. */
export interface Finding {
  rule: string;
  message: string;
  suggestion?: string;
}

const NEGATION = /\b(not|never|no|nor|without)\b|n['’]t\b/i;
const JOB_WORD = /\b(jobs?|positions?|openings?|vacanc(?:y|ies)|roles?|hiring|hire|employment|work for|interview(?:ing)? for)\b/i;

/** Phrases that ask someone for a job, an opening, an interview, hiring or a referral for a position. */
const JOB_ASKS: RegExp[] = [
  /\b(are|is)\s+(you|your\s+\w+|the\s+\w+|there\s+(?:a|any))\s+(?:currently\s+|still\s+)?hiring\b/i,
  /\b(any|open|available|current|upcoming)\s+(?:job\s+)?(openings?|positions?|vacanc(?:y|ies)|roles?\s+(?:open|available))\b/i,
  /\b(openings?|vacanc(?:y|ies)|positions?)\s+(?:available|open)\b/i,
  /\b(hire|hiring|employ)\s+me\b/i,
  /\bconsider(?:ing)?\s+me\s+for\b/i,
  /\b(give|offer|get|find|land|secure)\s+(?:me\s+)?(?:a|an|the)\s+(?:\w+\s+){0,3}(job|position|role|internship|placement)\b/i,
  /\b(is|are)\s+there\s+(?:a|any)\s+(?:\w+\s+){0,3}(jobs?|positions?|openings?|vacanc(?:y|ies)|internships?)\b/i,
  /\bjob\s+for\s+me\b/i,
  /\b(looking|searching|hoping)\s+for\s+(?:a|an)\s+(?:new\s+)?(job|position|role|internship)\b/i,
  /\b(refer|recommend)\s+me\s+(?:for|to)\s+(?:a|an|the|this|that|any)?\s*(?:\w+\s+){0,3}(job|position|role|opening|vacancy)\b/i,
  /\breferral\s+for\s+(?:a|an|the|this|that)\s+(?:\w+\s+){0,3}(job|position|role|opening)\b/i,
  /\b(refer|recommend)\s+me\b.*\b(hiring\s+manager|recruiter|hr)\b/i,
  /\bput\s+in\s+a\s+(?:good\s+)?word\b/i,
  /\b(pass|forward)\s+(?:along\s+|on\s+)?my\s+(r[ée]sum[ée]|cv\b|application\b)/i,
  /\b(apply|applying|application)\s+(?:for|to)\s+(?:a|an|the|your|this|that)\b/i,
  /\bjob\s+interview\b/i,
  /\binterview\s+me\b/i,
  /\b(get|land)\s+(?:me\s+)?an?\s+interview\b/i,
  /\b(help\s+me|helping\s+me)\s+(?:get|find|land)\s+(?:a|an|the)\s+(?:\w+\s+){0,3}(job|position|role)\b/i,
  /\bjob\s+opportunit(?:y|ies)\b/i,
  /\bwould\s+you\s+hire\b/i,
  /\b(start|join)\s+(?:at\s+)?your\s+(team|company)\b.*\?/i,
];

export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z"“‘(])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The first sentence that asks for a job, unless it is denying one ("I'm not job hunting"). */
export function jobAsk(text: string): string | null {
  for (const sentence of sentences(text)) {
    if (!JOB_ASKS.some((pattern) => pattern.test(sentence))) continue;
    if (NEGATION.test(sentence) && JOB_WORD.test(sentence) && !/\bif\s+(?:there\s+)?(?:is|are)\b/i.test(sentence)) continue;
    return sentence;
  }
  return null;
}

export const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
