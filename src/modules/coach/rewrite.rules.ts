/**
 * The sentences the coaching writes for the user: an open version of a closed
 * question, and a question made from a note of something still unknown. Each
 * output must be a grammatical English question; rewrite.rules.test.ts holds the
 * table of inputs and expected rewrites. Pure and deterministic.
 */

const AUX = 'is|are|am|was|were|do|does|did|have|has|had|can|could|will|would|should|shall|may|might|must';
const AUX_START = new RegExp(`^(${AUX})\\b\\s*`, 'i');
const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'shall', 'may', 'might', 'must']);
const BE = new Set(['is', 'are', 'am', 'was', 'were']);
const DO = new Set(['do', 'does', 'did']);
const HAVE = new Set(['have', 'has', 'had']);

/** Irregular past participles, as the simple past a "tell me about a time you…" needs. */
const PARTICIPLE_TO_PAST: Record<string, string> = {
  been: 'were',
  seen: 'saw',
  done: 'did',
  gone: 'went',
  taken: 'took',
  given: 'gave',
  written: 'wrote',
  spoken: 'spoke',
  known: 'knew',
  chosen: 'chose',
  begun: 'began',
  grown: 'grew',
  driven: 'drove',
  fallen: 'fell',
  forgotten: 'forgot',
  gotten: 'got',
  shown: 'showed',
  run: 'ran',
  become: 'became',
  come: 'came',
};

/** Words after which an -ing word is a noun or gerund ("worth doing"), not a progressive verb. */
const NOT_PROGRESSIVE_BEFORE = new Set(['worth', 'about', 'of', 'for', 'in', 'on', 'at', 'by', 'from', 'with', 'like', 'a', 'an', 'the', 'my', 'your', 'their', 'his', 'her', 'our', 'its', 'this', 'that']);

const QUANTIFIERS = /^(?:(?:a\s+lot|lots|plenty|a\s+great\s+deal)\s+of|much|many|any|some|a|an)\s+/i;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const clean = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/[?.!\s]+$/, '');

/** Lower-cases a leading capital unless the word looks like a name or an acronym ("UX", "iOS", "I"). */
function lowerFirst(text: string): string {
  const first = /^\S+/.exec(text)?.[0] ?? '';
  if (first === 'I' || first.startsWith("I'") || first.startsWith('I’') || /^.\p{Lu}/u.test(first) || /\p{Lu}/u.test(first.slice(1))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "have you ever worked abroad" → "worked abroad" (simple past), for "a time you …". */
function asPast(rest: string): string {
  const body = rest.replace(/^ever\s+/i, '');
  const [verb = '', ...tail] = body.split(' ');
  const past = PARTICIPLE_TO_PAST[verb.toLowerCase()] ?? verb;
  return [past, ...tail].join(' ');
}

/**
 * An open version of a closed question (one answered by yes, no or a single fact),
 * keeping what it is about: "Is UX research a good career?" → "In your experience,
 * what makes UX research a good career?"
 */
export function openQuestion(question: string): string {
  const out = openRewrite(question);
  // A fragment too short to rewrite ("Is it?") gets a plain, open invitation instead of a broken sentence.
  return /\s\?$|\b(to|about|whether|makes|made|of|like|have|has|do|does|did|is|are|was|were)\?$/i.test(out) || !/^[A-Z]/.test(out) ? GENERIC_OPEN : out;
}

const GENERIC_OPEN = 'Could you tell me about your own experience of this?';

/** Text-speak mended, a yes/no question inside a statement made direct ("I'd like to know if the hours are flexible" → "are the hours flexible"). */
function direct(question: string): string {
  let text = clean(question.replace(/^(and|so|also|ok(ay)?|well|now)[, ]+/i, ''))
    .replace(/\bu\b/g, 'you')
    .replace(/\bur\b/g, 'your')
    .replace(/^is possible\b/i, 'Is it possible');
  const embedded = /^(?:.*?\b(?:know|wonder(?:ing)?|curious|ask|asking)\s+)(?:if|whether)\s+(.*)$/i.exec(text);
  if (embedded && (!AUX_START.test(text) || /^(?:may|can|could)\s+i\s+ask\b/i.test(text))) text = embedded[1] ?? text;
  if (AUX_START.test(text)) return text;
  // A statement asked as a question: "You like your work?" → "Do you like your work?"; "Your team is big?" → "Is your team big?"
  const be = /^(.+?)\s+(is|are|was|were)\s+(.*)$/i.exec(text);
  if (be && (be[1] ?? '').split(' ').length <= 4 && !/\b(what|how|why|which|who|where|when)\b/i.test(be[1] ?? '')) return `${be[2]} ${lowerFirst(be[1] ?? '')} ${be[3]}`;
  const you = /^(you|they|we)\s+(.*)$/i.exec(text);
  if (you) return `do ${(you[1] ?? '').toLowerCase()} ${you[2]}`;
  return text;
}

function openRewrite(question: string): string {
  const text = direct(question);
  // A few common shapes with a better open form than the general rules give.
  const always = /^did you always want to (.*)$/i.exec(text);
  if (always) return `What first made you want to ${always[1]}?`;
  const need = /^did you need (.+?) to (.+)$/i.exec(text);
  if (need) return `Looking back, how much did ${need[1]} help you ${need[2]}?`;
  const takeLong = /^did it take (?:you )?(?:long|a long time) to (.+)$/i.exec(text);
  if (takeLong) return `How long did it take to ${takeLong[1]}, and what helped?`;
  const trueThat = /^is it true that (.+)$/i.exec(text);
  if (trueThat) return `What are your thoughts on whether ${lowerFirst(trueThat[1] ?? '')}?`;
  const auxMatch = AUX_START.exec(text);
  if (!auxMatch) {
    // A wh-question after a single fact ("How many…", "When did…"): keep it, and ask for the story.
    return WH.test(text) && text.includes(' ') ? `${capitalise(text)}, and what is the story behind that?` : GENERIC_OPEN;
  }
  const aux = (auxMatch[1] ?? '').toLowerCase();
  const rest = text.slice(auxMatch[0].length);
  const words = rest.split(' ');
  const subject = (words[0] ?? '').toLowerCase();
  const afterSubject = words.slice(1).join(' ');

  if (subject === 'there' && BE.has(aux)) {
    return `What can you tell me about ${afterSubject.replace(QUANTIFIERS, '')}?`;
  }
  if (subject === 'i' || subject === 'we' || MODALS.has(aux)) {
    if (subject === 'you' && /^(recommend|suggest|advise)\b/i.test(afterSubject)) {
      return `What would make you ${afterSubject}, or not?`;
    }
    // "Do I need a degree?" → "whether I need a degree"; the emphatic "do" goes.
    const verb = aux === 'do' ? '' : aux;
    const who = subject === 'i' ? 'I' : lowerFirst(words[0] ?? '');
    return `What are your thoughts on whether ${[who, verb, afterSubject].filter(Boolean).join(' ')}?`;
  }
  if (DO.has(aux) && subject === 'you') {
    const m = /^(like|enjoy|love|dislike|hate)\s+(.*)$/i.exec(afterSubject);
    if (m) return `What ${aux === 'did' ? 'did' : 'do'} you ${(m[1] ?? '').toLowerCase()} about ${m[2]}?`;
    const think = /^(?:think|believe|reckon|expect|feel\s+that)\s+(?:that\s+)?(.*\s.*)$/i.exec(afterSubject);
    if (think) return `What are your thoughts on whether ${lowerFirst(think[1] ?? '')}?`;
    const feel = /^feel\s+(.*)$/i.exec(afterSubject);
    if (feel) return `What makes you feel ${feel[1]}, or not?`;
    const find = /^find\s+(.*)\s+(\S+)$/i.exec(afterSubject);
    if (find) return `What do you find ${find[2]} about ${find[1]}?`;
    const have = /^have\s+(.*)$/i.exec(afterSubject);
    if (have) {
      const object = have[1] ?? '';
      if (/^(any|some)\s+/i.test(object)) {
        const thing = object.replace(/^(any|some)\s+/i, '');
        const split = /^(.+?)\s+((?:for|about|on|in|at|with|to|from|of)\s.*)$/i.exec(thing);
        return split ? `What ${split[1]} do you have ${split[2]}?` : `What ${thing} do you have?`;
      }
      return `Could you tell me about ${object.replace(/^(a|an)\s+/i, 'your ')}?`;
    }
    const see = /^see\s+(.*)$/i.exec(afterSubject);
    if (see) return `How do you see ${see[1]}?`;
    if (aux === 'did') return `What led you to ${afterSubject}, and how did it go?`;
    return `What is it like to ${afterSubject}?`;
  }
  if (HAVE.has(aux) && subject === 'you' && /^always\s/i.test(afterSubject)) {
    return `What came before you ${asPast(afterSubject.replace(/^always\s+/i, ''))}?`;
  }
  if (HAVE.has(aux) && subject === 'you') {
    return `Could you tell me about a time you ${asPast(afterSubject).replace(/\s+(?:before|yet|already)$/i, '')}?`;
  }
  if (DO.has(aux) || HAVE.has(aux)) {
    // "Does the team use Agile?" → "How does the team use Agile?"; "Has it changed much?" → "How has it changed?"
    return `How ${aux} ${lowerFirst(rest).replace(/\s+(?:much|a lot|at all|a great deal)\b/i, '')}?`;
  }
  // A form of "to be": progressive ("Is the team growing?") or a description ("Is the work stressful?").
  const progressive = words.slice(1, 4).findIndex((w, i) => /\p{L}{2,}ing$/u.test(w) && !NOT_PROGRESSIVE_BEFORE.has((words[i] ?? '').toLowerCase()));
  if (progressive >= 0) return `How ${aux} ${lowerFirst(rest)}?`;
  const makes = aux === 'was' || aux === 'were' ? 'made' : 'makes';
  return `In your experience, what ${makes} ${lowerFirst(rest)}?`;
}

const LEAD_INS = [
  /^(?:i\s+)?(?:still\s+)?(?:need|want|would\s+like|have)\s+to\s+(?:know|find\s+out|understand|learn|figure\s+out|check|ask)(?:\s+more)?(?:\s+about)?\s+/i,
  /^(?:i\s+(?:am|['’]m)\s+)?(?:still\s+)?(?:not\s+sure|unsure|unclear|uncertain|wondering)(?:\s+(?:about|of))?\s+/i,
  /^i\s+(?:do\s+not|don['’]t)\s+(?:really\s+|yet\s+)?(?:know|understand)(?:\s+about)?\s+/i,
  /^(?:find\s+out|learn\s+more|figure\s+out|understand|check|ask)(?:\s+about)?\s+/i,
  /^(?:more\s+about|what\s+about|questions?\s+about|unknown:?|open:?|todo:?)\s+/i,
];
const WH = /^(how|what|which|who|whom|whose|where|when|why)\b/i;
const WH_DIRECT = new RegExp(`^(how|what|which|who|whom|whose|where|when|why)(?:\\s+(?:much|many|long|often|far|soon|kind\\s+of|sort\\s+of|type\\s+of|\\w+))?\\s+(${AUX})\\b`, 'i');
const CLAUSE_SUBJECT = /^(i|we|they|it|you|he|she|there)\b/i;

/**
 * A question to ask someone, made from a note of what is still unknown:
 * "- career paths in the public sector." → "Could you tell me about career paths in
 * the public sector?"; "whether agencies hire juniors" → "Could you tell me whether
 * agencies hire juniors?"; a question already written as one is kept.
 */
export function askAbout(line: string): string {
  let text = line.trim().replace(/^[-*•\d.)\s]+/, '').trim();
  if (!text) return '';
  if (text.endsWith('?') && (AUX_START.test(text) || WH_DIRECT.test(text))) return capitalise(text);
  text = clean(text);
  for (const lead of LEAD_INS) text = text.replace(lead, '');
  if (!text) return '';
  if (AUX_START.test(text)) return `${capitalise(text)}?`;
  if (WH.test(text)) {
    return WH_DIRECT.test(text) ? `${capitalise(text)}?` : `Could you tell me ${lowerFirst(text)}?`;
  }
  if (/^(whether|if)\b/i.test(text)) return `Could you tell me ${text.replace(/^(whether|if)\b/i, 'whether')}?`;
  if (CLAUSE_SUBJECT.test(text) && text.split(' ').length > 1) return `Could you tell me whether ${lowerFirst(text)}?`;
  // A question jotted without its verb: "UX research a good career" → "whether UX research is a good career".
  const verbless = /^(.+?)\s+(an?\s+(?:good|bad|great|realistic|sensible|viable|wise|smart|safe|stable|secure|sustainable|reasonable|possible|likely)\b.*)$/i.exec(text);
  if (verbless) return `Could you tell me whether ${lowerFirst(verbless[1] ?? '')} is ${verbless[2]}?`;
  return `Could you tell me about ${lowerFirst(text)}?`;
}
