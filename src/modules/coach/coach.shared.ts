import { find, lemmatise, negated, sentenceSpans, type Span } from './language.rules.js';

/** A coaching finding: a stable rule id, why it matters, and where possible a better way to say it. */
export interface Finding {
  rule: string;
  message: string;
  suggestion?: string;
  /** The characters of the checked text that raised the finding, when one part of it did. */
  span?: Span;
}

/** Who is speaking before a verb: "you get a job" is about their past, "me get a job" is a request. */
const NOT_ME = '(?<!\\byou )(?<!\\bthey )(?<!\\bpeople )(?<!\\bsomeone )(?<!\\bhe )(?<!\\bshe )(?<!\\bdo you )';
const JOB_NOUN = '(?:job|position|role|internship|placement|opening|vacancy|post|traineeship|apprenticeship)';

/**
 * Requests for a job, an opening, an interview, hiring or a referral for a position, on lemmas
 * ("are you hiring", "any openings", "refer me", "apply for the role", "I'd love to join your team").
 */
const JOB_ASKS: RegExp[] = [
  /\bbe (?:you|you guy|there anyone|anyone|anybody|(?:your|the|this|that) (?:\S+ ){0,2}?(?:team|company|firm|department|studio|agency|lab|group|organization|office|business|school|hospital|place)) (?:currently |still |actively |also |ever )?(?:hire|recruit|take on|look for (?:new |more |junior )?(?:graduate|intern|people|staff|someone|developer|designer|analyst|candidate))\b/,
  new RegExp(`\\b(?:any|open|available|current|upcoming) (?:\\S+ )?(?:job|position|opening|vacancy|vacancies|internship|placement|opportunity)\\b`),
  /\bany (?:\S+ )?role\b/,
  /\bopen role\b/,
  new RegExp(`\\b${JOB_NOUN} (?:available|open|for me|open up|become available|come up)\\b`),
  new RegExp(`\\bbe there (?:a|an|any) (?:\\S+ ){0,2}?${JOB_NOUN}\\b`),
  /\b(?:hire|employ|recruit) me\b/,
  /\bconsider (?:me|hire me|take me)\b/,
  new RegExp(`\\bbe consider for (?:a|an|any|the|this|that|one|some) (?:\\S+ ){0,2}?${JOB_NOUN}\\b`),
  new RegExp(`\\b(?:give|offer|get|find|land|secure) me (?:a|an|the|any|some) (?:\\S+ ){0,3}?(?:${JOB_NOUN}|interview)\\b`),
  new RegExp(`${NOT_ME}\\b(?:give|offer|get|find|land|secure) (?:a|an|the|any|some) (?:\\S+ ){0,3}?(?:${JOB_NOUN}|interview)\\b`),
  /\b(?:refer|recommend) me\b(?! (?:a|an|some|any) (?:book|course|resource|podcast|reading))/,
  /\b(?:a|your) referral\b/,
  /\b(?:put|say) in a (?:good )?word\b/,
  /\bgood word\b/,
  /\b(?:pass|forward|send on|hand) (?:along |on )?(?:my|the) (?:\S+ )?(?:cv|resume|application|portfolio)\b/,
  /\b(?:pass|forward) (?:it|them) (?:on|along)\b/,
  new RegExp(`${NOT_ME}\\b(?:apply|application) (?:for|to) (?:a|an|the|your|this|that|any|one|some) (?:\\S+ ){0,3}?(?:${JOB_NOUN}|team|company|firm|studio|agency|graduate scheme|department)\\b`),
  /\b(?:so i can|love to|like to|want to|hope to|plan to|would like to) apply\b/,
  /\bjob (?:interview|opportunity)\b/,
  /\binterview me\b/,
  /\binterview for (?:the|a|an|this|that|your)\b/,
  /\b(?:arrange|set up|organize|organise) (?:me )?(?:an? )?interview\b/,
  /\b(?:discuss|explore|about|possible|potential) (?:\S+ )?opportunity\b/,
  /\bwould you hire\b/,
  /\b(?:love|like|want|keen|hope|hoping|eager|possible|could i|can i|chance to|dream to|wish to) (?:to )?(?:\S+ ){0,2}?(?:work for|work at|work with|work in|join) (?:you\b|your (?:\S+ )?(?:team|company|firm|studio|agency|lab|department|group|office|practice|organization|programme|program|scheme|business)|the team)/,
  /\bjoin (?:\S+ ){1,3}?as an? (?:\S+ )?(?:analyst|intern|assistant|developer|designer|engineer|trainee|associate|employee|member)\b/,
  /\btake me on\b/,
  /\bkeep me in mind\b/,
  /\bfoot in the door\b/,
  /\broom (?:on|in|for) your \S+ for\b/,
  new RegExp(`\\bchance of (?:a|an|get|getting) (?:\\S+ ){0,2}?${JOB_NOUN}\\b`),
  new RegExp(`${NOT_ME}\\blook for (?:a|an|any|some) (?:\\S+ ){0,2}?(?:${JOB_NOUN}|work)\\b`),
  /\blook for work\b/,
  /\bask(?: you)? for a job\b/,
  /\b(?:introduce|connect|refer|pass) (?:me|it|them|my \S+) (?:to|on to|along to) (?:the|your) (?:hire manager|recruiter|recruitment|hr)\b/,
  /\b(?:hire manager|recruiter|hr)\b.*\b(?:refer|forward|pass|introduce|word)\b/,
];

/** Every request above uses one of these words: sentences without any are skipped quickly. */
const JOB_TRIGGER =
  /\b(?:hire|recruit|take|look|job|position|role|internship|placement|opening|vacancy|vacancies|post|traineeship|apprenticeship|opportunity|consider|give|offer|get|find|land|secure|refer|recommend|referral|word|pass|forward|send|hand|apply|application|interview|hr|recruiter|work|join|keep|foot|room|chance|ask|introduce|connect|employ)\b/;

/** The first stretch of `text` that asks for a job, unless the sentence denies it ("I'm not asking for a job"). */
export function jobAskSpan(text: string): { sentence: Span; span: Span } | null {
  for (const s of sentenceSpans(text)) {
    const l = lemmatise(text.slice(s.start, s.end), s.start);
    if (!JOB_TRIGGER.test(l.lemmas)) continue;
    for (const pattern of JOB_ASKS) {
      const hit = find(l, [pattern]);
      if (!hit) continue;
      if (negated(l, hit.index)) continue;
      return { sentence: s, span: { start: hit.start, end: hit.end } };
    }
  }
  return null;
}

/** The first sentence that asks for a job, unless it is denying one ("I'm not job hunting"). */
export function jobAsk(text: string): string | null {
  const hit = jobAskSpan(text);
  return hit ? text.slice(hit.sentence.start, hit.sentence.end).replace(/\s+/g, ' ').trim() : null;
}

export const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
