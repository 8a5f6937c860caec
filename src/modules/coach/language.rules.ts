/**
 * A small, pure English toolkit for the coaching checks: sentences and clauses with their character
 * offsets, word lemmas (so one vocabulary entry covers "earn", "earns", "earned" and "earning"),
 * question types and negation scope. No model, no downloads: tables and a few suffix rules, tuned for
 * the short questions and emails people write when they ask for advice.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** The lemma: lower case, contractions expanded, text-speak and common misspellings mended. */
  lemma: string;
}

/**
 * A stretch of text as lemmas joined by single spaces (`lemmas`), with a way back to the text:
 * patterns run on the lemma string and `spanOf` turns a match into a span of the original text.
 */
export interface Lemmatised {
  text: string;
  /** Where `text` starts in the whole text the spans refer to. */
  offset: number;
  words: Word[];
  lemmas: string;
  /** Where each word's lemma starts in `lemmas`. */
  at: number[];
}

const IRREGULAR: Record<string, string> = {
  is: 'be', are: 'be', am: 'be', was: 'be', were: 'be', been: 'be', being: 'be', be: 'be', r: 'be', "'re": 'be', "'m": 'be',
  did: 'do', does: 'do', done: 'do', doing: 'do', has: 'have', had: 'have', having: 'have', "'ve": 'have', "'d": 'would', "'ll": 'will',
  made: 'make', paid: 'pay', got: 'get', gotten: 'get', went: 'go', gone: 'go', found: 'find', gave: 'give', given: 'give',
  took: 'take', taken: 'take', told: 'tell', said: 'say', heard: 'hear', saw: 'see', seen: 'see', met: 'meet', spoke: 'speak',
  spoken: 'speak', taught: 'teach', thought: 'think', brought: 'bring', bought: 'buy', left: 'leave', sent: 'send', began: 'begin',
  begun: 'begin', knew: 'know', known: 'know', came: 'come', became: 'become', lost: 'lose', let: 'let', put: 'put', cut: 'cut',
  children: 'child', kids: 'kid', kid: 'kid', women: 'woman', men: 'man', people: 'people', staff: 'staff', wives: 'wife',
  u: 'you', ya: 'you', ur: 'your', yr: 'your', yours: 'yours', im: 'i', ive: 'i', dont: 'do', didnt: 'did', cant: 'can',
  wanna: 'want', gonna: 'go', pls: 'please', plz: 'please', thx: 'thanks', recruting: 'recruit', hirring: 'hire', salery: 'salary',
  sallary: 'salary', reccomend: 'recommend', recomend: 'recommend', buisness: 'business', compnay: 'company', comapny: 'company',
  organisation: 'organization', organisations: 'organization', cv: 'cv', cvs: 'cv', résumé: 'resume', résumés: 'resume', resumé: 'resume',
  resumes: 'resume', mins: 'minute', min: 'minute', hrs: 'hour', ceo: 'ceo', hq: 'hq', grads: 'graduate', grad: 'graduate',
  graduates: 'graduate', news: 'news', whether: 'whether', this: 'this', its: 'its', his: 'his', us: 'us', yes: 'yes', always: 'always',
  sometimes: 'sometimes', perhaps: 'perhaps', headquarters: 'headquarters', politics: 'politics', ethics: 'ethics', analytics: 'analytics',
  logistics: 'logistics', statistics: 'statistics', economics: 'economics', thanks: 'thanks', means: 'means', series: 'series',
  married: 'married', based: 'based', located: 'located', interested: 'interested', retired: 'retired', unannounced: 'unannounced',
  unreleased: 'unreleased', unpublished: 'unpublished', advanced: 'advanced', experienced: 'experienced', qualified: 'qualified',
  redundancies: 'redundancy', layoffs: 'layoff', vacancies: 'vacancy', opening: 'opening', openings: 'opening', during: 'during',
  nothing: 'nothing', something: 'something', anything: 'anything', morning: 'morning', evening: 'evening', meeting: 'meeting',
  meetings: 'meeting', training: 'training', marketing: 'marketing', engineering: 'engineering', nursing: 'nursing', funding: 'funding',
  building: 'building', hiring: 'hire', bring: 'bring', thing: 'thing', things: 'thing', king: 'king', spring: 'spring', string: 'string',
  diagnosed: 'diagnose', diagnosis: 'diagnosis', analysis: 'analysis', basis: 'basis', crisis: 'crisis', process: 'process',
  business: 'business', businesses: 'business', class: 'class', boss: 'boss', bosses: 'boss', press: 'press', address: 'address',
};

/** Stems that take back an "e" once "-ing" or "-ed" is gone ("hir-ing" → "hire"). */
const E_STEMS = new Set(
  'hire make take give leave move use retire share acquire manage change like live come become decide lose choose close serve release announce raise cause produce provide advise arrange secure care include enclose attache rate write describe explain explore merge continue require believe love hate prepare save receive promise compare value name date involve pursue please issue achieve argue state promote solve realise realize recognise recognize imagine guide figure graduate introduce purchase price struggle handle schedule'.split(' '),
);

/** The lemma of one lower-case word. */
export function lemma(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  const known = IRREGULAR[w];
  if (known) return known;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ch|sh|x|ss|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is|'s)$/.test(w)) return w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    let stem = w.slice(0, -suffix.length);
    if (suffix === 'ed' && stem.endsWith('i')) return `${stem.slice(0, -1)}y`;
    if (/([bdgmnprt])\1$/.test(stem)) stem = stem.slice(0, -1);
    if (E_STEMS.has(`${stem}e`)) return `${stem}e`;
    return stem;
  }
  return w;
}

/** Contractions split into their lemmas: "what's" → what be; "don't" → do not; "company's" → company 's. */
const CONTRACTION = /^(.+?)(n't|'s|'re|'m|'ve|'d|'ll)$/;
const IS_AFTER = new Set(['what', 'that', 'it', 'there', 'here', 'who', 'how', 'where', 'when', 'why', 'he', 'she', 'which', 'everything', 'nothing', 'someone', 'everyone']);

/** Lemmas already worked out (the same few thousand words recur); bounded so it cannot grow without limit. */
const memo = new Map<string, string[]>();

function lemmasOf(raw: string): string[] {
  const known = memo.get(raw);
  if (known) return known;
  const result = lemmasOfWord(raw);
  if (memo.size > 20_000) memo.clear();
  memo.set(raw, result);
  return result;
}

function lemmasOfWord(raw: string): string[] {
  const w = raw.toLowerCase().replace(/’/g, "'");
  if (w === "won't") return ['will', 'not'];
  if (w === "can't" || w === 'cannot') return ['can', 'not'];
  if (w === "shan't") return ['shall', 'not'];
  if (w === 'dont' || w === 'doesnt' || w === 'didnt' || w === 'isnt' || w === 'arent' || w === 'wasnt' || w === 'havent' || w === 'wont') {
    return [lemma(w.slice(0, -2).replace(/^wo$/, 'will')), 'not'];
  }
  const m = CONTRACTION.exec(w);
  if (!m) return [lemma(w)];
  const head = m[1] ?? '';
  const tail = m[2] ?? '';
  if (tail === "n't") return [lemma(head === 'ca' ? 'can' : head), 'not'];
  if (tail === "'s") return IS_AFTER.has(head) ? [lemma(head), 'be'] : [lemma(head), "'s"];
  return [lemma(head), IRREGULAR[tail] ?? tail];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*/gu;

/** The words of `text` (offsets from `offset`), each with its lemma(s). */
export function lemmatise(text: string, offset = 0): Lemmatised {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = offset + (m.index ?? 0);
    const raw = m[0];
    const parts = raw.includes('-') && !/^(day-to-day|take-home|co-workers?|in-laws?|non-public|e-mail)$/i.test(raw) ? raw.split('-') : [raw];
    let cursor = start;
    for (const part of parts) {
      const pieceStart = cursor;
      const pieceEnd = pieceStart + part.length;
      const lemmas = /^day-to-day$/i.test(part) ? ['day', 'to', 'day'] : lemmasOf(part);
      for (const l of lemmas) words.push({ lemma: l, start: pieceStart, end: pieceEnd });
      cursor = pieceEnd + 1;
    }
  }
  const at: number[] = [];
  let length = 0;
  for (const w of words) {
    at.push(length);
    length += w.lemma.length + 1;
  }
  return { text, offset, words, lemmas: words.map((w) => w.lemma).join(' '), at };
}

/** The span of the original text that a match on the lemma string covers. */
export function spanOf(l: Lemmatised, index: number, length: number): Span | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < l.words.length; i++) {
    const a = l.at[i] ?? 0;
    if (a + (l.words[i]?.lemma.length ?? 0) <= index) continue;
    if (a >= index + length) break;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return undefined;
  return { start: l.words[first]?.start ?? 0, end: l.words[last]?.end ?? 0 };
}

/** The first match of any pattern on the lemma string, as a span of the text. */
export function find(l: Lemmatised, patterns: readonly RegExp[]): (Span & { index: number }) | null {
  for (const p of patterns) {
    const m = p.exec(l.lemmas);
    if (!m) continue;
    const span = spanOf(l, m.index, m[0].length);
    if (span) return { ...span, index: m.index };
  }
  return null;
}

/** Sentences of `text`, with their spans; a line break, or . ! ? followed by a capital or the end, ends one. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /\n+|[.!?]+["”’)]*(?=\s+|$)/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = (m.index ?? 0) + (m[0].startsWith('\n') ? 0 : m[0].length);
    // "e.g. this", "Dr. Smith": a full stop before a lower-case word or after a title does not end a sentence.
    const next = text.slice((m.index ?? 0) + m[0].length).trimStart();
    if (!m[0].startsWith('\n') && m[0] === '.' && (/^[a-z]/.test(next) || /\b(dr|mr|mrs|ms|prof|st|e\.g|i\.e|vs|etc)$/i.test(text.slice(start, m.index)))) continue;
    push(spans, text, start, end);
    start = (m.index ?? 0) + m[0].length;
  }
  push(spans, text, start, text.length);
  return spans;
}

function push(spans: Span[], text: string, start: number, end: number) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/** Lead-ins that come before the question itself: "So,", "Quick one:", "I was just wondering,", "Can I ask,". */
const LEAD_IN =
  /^(?:(?:and|so|also|ok|okay|well|now|honestly|hi|hey|quick one|one more|sorry|just curious|out of interest|if you don't mind me asking|if i may ask|i was (?:just )?wondering|i'm curious|i am curious|can i ask|may i ask|could i ask|let me ask)\b[^,:;?—–-]{0,40}[,:;—–-]\s*)+/i;

export type QuestionType = 'invitation' | 'yes-no' | 'one-fact' | 'open' | 'statement';

/** Invitations that begin like a yes/no question but ask for a story or an explanation. */
const INVITATION: RegExp[] = [
  /^(?:could|can|would|will) you (?:please |possibly |maybe |perhaps )?(?:walk|talk|take|tell|describe|explain|share|give|help me understand|run|elaborate|paint|outline|expand|go through|speak|introduce me to someone|point me|suggest|recommend some|list|summarise|summarize|sketch)\b/,
  /^(?:could|can|would|will) you (?:please )?say (?:more|a bit|a little|something)\b/,
  /^would you (?:be able|be willing|be happy|mind) (?:to )?(?:tell|describe|explain|share|say|walk|talk|give|run|outline|sharing|explaining|telling|describing|talking|walking|say)\b/,
  /^would you mind (?:share|explain|tell|describe|talk|walk|go|give|say)\b/,
  /^(?:do|would) you have (?:any )?(?:advice|tip|suggestion|thought|recommendation|idea|pointer|word of advice|story|stories|example)\b/,
  /^(?:be|is|are) there (?:anyone|anybody|anything|someone|somebody|something)\b/,
  /^(?:be|is|are) there (?:any |some )?(?:other )?(?:\S+ ){0,5}?(?:you|that you|i|you'd) (?:would |might |could |'d )?(?:recommend|suggest|think|should|'d|would|can|could)\b/,
  /^(?:be|is|are) there (?:any|other|some) (?:\S+ ){0,5}?(?:you|i) /,
];
const INVITING_STATEMENT = /^(?:i would love|i'd love|i would be (?:grateful|interested|glad)|i'd be (?:grateful|interested|really interested|glad)|i would like to hear|i'd like to hear|i was wondering if you could|i wonder if you could|please tell|tell me|describe|talk me|walk me|explain)/;
const AUX_FIRST = /^(?:be|do|have|can|could|will|would|should|shall|may|might|must|is|are|am|was|were|did|does|has|had)\b/;
const WH = /^(?:what|which|who|whom|whose|where|when|why|how)\b/;
/** Questions a single fact answers: "How many…", "When did…", "Which university…". */
const ONE_FACT: RegExp[] = [
  /^how (?:many|long|old|often|far)\b/,
  /^how much\b(?!.*\b(?:help|matter|influence|change|affect|shape|like|enjoy|care|value|weight|freedom|time do you spend)\b)/,
  /^when (?:do|be|did|does|was|were|is|will)\b/,
  /^(?:what|which|in which|in what) (?:year|date|time|day|month|age|university|college|school|degree|company|department|floor|city|country|office|town)\b/,
  /^where (?:be|did|was|were|is|are)\b/,
  /^where do you (?:work|live|study|sit|go to)\b/,
  /^who be (?:your|the) (?:manager|boss|supervisor|mentor)\b/,
  /^what be your (?:job )?title\b/,
];
/** A yes/no question inside a statement: "I'd like to know if…", "I'm curious whether…". */
const EMBEDDED_YES_NO = /\b(?:know|wonder|wondering|curious|ask|asking|sure|tell me) (?:if|whether)\b/;
const EMBEDDED_INVITATION = /\b(?:if|whether) you (?:could|can|would|might) (?:tell|describe|explain|share|talk|walk|say|give)\b/;

/** The question inside a sentence, after any lead-in, and its span within the sentence. */
export function questionClause(sentence: string): { clause: string; offset: number } {
  let offset = 0;
  let clause = sentence;
  for (let i = 0; i < 3; i++) {
    const lead = LEAD_IN.exec(clause);
    if (!lead) break;
    offset += lead[0].length;
    clause = clause.slice(lead[0].length);
  }
  // "Coming from the army, I'm not sure how it translates — how did you…?": the last part that starts like a question,
  // unless the sentence is a question from its first word ("Who else…, and may I mention your name?").
  const head = lemmatise(clause).lemmas;
  if (AUX_FIRST.test(head) || WH.test(head)) return { clause, offset };
  const parts = [...clause.matchAll(/(?:^|[,:;—–]\s*|\s-\s)/g)].map((m) => (m.index ?? 0) + m[0].length);
  for (let i = parts.length - 1; i > 0; i--) {
    const at = parts[i] ?? 0;
    const conjunction = /^(?:but|and|so|or|then)\s+/i.exec(clause.slice(at))?.[0].length ?? 0;
    const rest = clause.slice(at + conjunction).toLowerCase().replace(/’/g, "'");
    if (/\?\s*$/.test(rest) && (AUX_FIRST.test(rest) || WH.test(rest)) && !/^(?:how|what|which|when|where|who) [^?]*,/.test(rest)) {
      return { clause: clause.slice(at + conjunction), offset: offset + at + conjunction };
    }
  }
  return { clause, offset };
}

/** What kind of question a clause is, from its structure. */
export function questionType(clause: string): QuestionType {
  const l = lemmatise(clause).lemmas.replace(/ 's\b/g, "'s");
  const raw = clause.toLowerCase().replace(/’/g, "'").trim();
  if (INVITATION.some((p) => p.test(l))) return 'invitation';
  if (INVITING_STATEMENT.test(raw) || EMBEDDED_INVITATION.test(l)) return 'invitation';
  if (WH.test(l) || /^in (?:which|what)\b/.test(l)) {
    // "How long does it take, and what helps most?": an open part makes the whole question open.
    if (/\b(?:and|or) (?:what|how|why)\b/.test(l)) return 'open';
    return ONE_FACT.some((p) => p.test(l)) ? 'one-fact' : 'open';
  }
  if (AUX_FIRST.test(l)) return 'yes-no';
  if (EMBEDDED_YES_NO.test(l) && !/\b(?:not sure|unsure)\b/.test(l)) return 'yes-no';
  // "You like your work?", "Your team is big?": a statement asked as a question.
  if (/\?\s*$/.test(raw)) return 'yes-no';
  return 'statement';
}

/** Words that deny what follows them in the same clause: "I'm not asking for a job". Hedges ("not sure") do not. */
const NEGATOR = /\b(?:not|never|no|nor|without|nothing|neither)\b/g;
const HEDGE = /\b(?:not (?:sure|certain)|no idea|not to be pushy|not to be rude|no pressure|not at all sure|if not)\b/;
const CLAUSE_BREAK = /[,;:—–]|\s-\s|\b(?:but|however|yet|though|so|if|when|because|whether)\b/gi;

/** True when the words before `index` (a position in the lemma string) in the same clause deny it. */
export function negated(l: Lemmatised, index: number): boolean {
  const span = spanOf(l, index, 1);
  if (!span) return false;
  const before = l.text.slice(0, span.start - l.offset);
  const breaks = [...before.matchAll(CLAUSE_BREAK)];
  const last = breaks[breaks.length - 1];
  const clause = lemmatise(last ? before.slice((last.index ?? 0) + last[0].length) : before).lemmas;
  if (HEDGE.test(clause)) return false;
  const negators = [...clause.matchAll(NEGATOR)];
  const lastNegator = negators[negators.length - 1];
  if (!lastNegator) return false;
  // A denial reaches a few words: "not looking for a job", "no interest in openings".
  return clause.slice(lastNegator.index ?? 0).split(' ').length <= 8;
}
