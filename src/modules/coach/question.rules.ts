import type { Seniority } from '../../shared/schemas/contacts.js';
import { jobAskSpan, type Finding } from './coach.shared.js';
import { find, lemmatise, questionClause, questionType, sentenceSpans, type Lemmatised, type Span } from './language.rules.js';
import { openQuestion } from './rewrite.rules.js';

/*
 * Vocabularies run on lemmas (see language.rules.ts): "earns", "earned" and "earning" are all "earn",
 * "what's" is "what be", "company's" is "company 's", "u" and "ur" are "you" and "your".
 */

/** Company-confidential matters: margins, unpublished figures, secret methods, unannounced plans, layoffs, named clients, other people's pay. */
const CONFIDENTIAL: RegExp[] = [
  /\b(?:profit |gross |operating |net )?margin\b/,
  /\bprofit (?:on|per|from) (?:each|a|every|one) (?:unit|sale|product|item|deal)\b/,
  /\b(?:sale|revenue|profit|earning|churn|retention) (?:figure|number|target|result|data|metric|forecast)\b/,
  /\b(?:internal|confidential|unpublished|non-public|nonpublic|secret) (?:\S+ )?(?:figure|number|data|metric|result|financial|plan|roadmap|revenue|report)\b/,
  /\bconfidential\b/,
  /\b(?:not|never) (?:yet )?(?:be )?(?:make |go )?(?:public|announce|release|publish)\b/,
  /\b(?:unannounced|unreleased)\b/,
  /\bsecret (?:formula|recipe|sauce|ingredient|algorithm|project|plan|product)\b/,
  /\bproprietary\b/,
  /\bsource code\b/,
  /\bunder the hood\b/,
  /\bhow (?:exactly )?do (?:your|the|their|its) (?:\S+ ){0,3}?algorithm (?:actually |exactly |really )?work\b/,
  /\bnext (?:product|launch|feature|release|acquisition|big move|deal)\b/,
  /\b(?:launch|release|announce|ship|unveil)\b.*\bnext (?:month|week|quarter|year)\b/,
  /\bupcoming (?:acquisition|launch|product|feature|release|deal|merger)\b/,
  /\bacquire (?:anyone|anybody|someone|a company|another company|next|any)\b/,
  /\b(?:go to be|be be|about to be|be) acquire\b/,
  /\bvaluation\b.*\b(?:next|upcoming|coming) (?:funding )?round\b/,
  /\bterm of (?:the|your|this|that) (?:deal|contract|agreement|partnership)\b/,
  /\b(?:pricing|price|discount|rate) you (?:give|offer|charge)\b/,
  /\bhow much (?:be|do) you pay (?:your )?(?:supplier|vendor|contractor|partner)\b/,
  /\bat risk of lose\b/,
  /\b(?:layoff|lay off|lay people off|redundanc|restructur|downsiz)\w*/,
  /\blet go\b/,
  /\bcut (?:job|staff|people|headcount|role|position)\b/,
  /\bcut in (?:your|the) (?:department|team|division|office|company)\b/,
  /\bwho be (?:your|the company 's|the firm 's|the company|the firm) (?:\S+ )?(?:client|customer|account)\b/,
  /\bwhich (?:client|customer|account) (?:do|be) (?:you|your \S+|the \S+) (?:work with|serve|have|lose|win)\b/,
  /\b(?:name|list) of (?:your|the|their) (?:\S+ )?(?:client|customer)\b/,
  /\b(?:name|list) your (?:\S+ )?(?:client|customer)\b/,
  /\b(?:how much|what) (?:do|be|did) (?:your|the|other|their) (?:\S+ ){0,5}?(?:make|earn|get pay|take home)\b/,
  /\b(?:how much|what) (?:do|be|did) (?:people|everyone|others) (?:on|in) your (?:team|department|company|office) (?:make|earn|get pay)\b/,
  /\b(?:colleague|boss|manager|director|ceo|teammate|coworker|co-worker|peer|team) (?:'s )?(?:salary|pay|bonus|compensation|wage)\b/,
  /\bwhat bonus do (?:your|the) \S+ get\b/,
  /\b(?:salary|pay|compensation|bonus) of (?:your|the|other)\b/,
];

/** The person's own pay, age, family, health, politics, religion or private life. */
const TOO_PERSONAL: RegExp[] = [
  /\bhow much (?:money )?(?:do|be) you (?:make|earn|get pay|take home|have save|get)\b/,
  /\bhow much you (?:make|earn|get pay)\b/,
  /\bwhat (?:do|be) you (?:make|earn|get pay)\b/,
  /\byou (?:make|earn) (?:per|a|each|every) (?:year|month|hour|week)\b/,
  /\byour (?:\S+ )?(?:salary|income|pay|compensation|bonus|wage|net worth|pension|mortgage|earning|paycheck|payslip)\b/,
  /\byour take home\b/,
  /\bhow old be you\b/,
  /\byour age\b/,
  /\bbe you (?:married|single|divorced|pregnant|gay|straight|lesbian|bisexual|dating|engaged|in a relationship|see anyone|widow)/,
  /\b(?:do|did|be) you (?:have|want|plan to have|plan on have|plan to start|hope to have) (?:any )?(?:kid|child|children|a family|a baby|baby)\b/,
  /\b(?:do|be) you (?:plan|hope|want|intend) to (?:start a family|have (?:kid|child|a baby))\b/,
  /\byour (?:\S+ )?(?:wife|husband|spouse|boyfriend|girlfriend|kid|child|daughter|son|family plan|family life|sexuality|marriage)\b/,
  /\byour partner\b(?! (?:company|firm|organization|agency|school|network))/,
  /\byour health\b(?! (?:background|care|sector|science|tech|service|team|system|experience|degree|training))/,
  /\bbe you (?:ill|sick|disabled|unwell|depressed|anxious|on (?:any )?medication|in good health|healthy)\b/,
  /\b(?:do|did|have) you (?:ever )?(?:have|suffer from|struggle with|be diagnose with) (?:a |an |any )?(?:disability|illness|condition|health problem|health issue|anxiety|depression|burnout|mental health|disease)\b/,
  /\bdiagnose with\b/,
  /\bhave you (?:ever )?be (?:ill|sick|burn out|burnt out|off sick|in hospital)\b/,
  /\bmedication\b/,
  /\bbe you (?:religious|muslim|christian|jewish|hindu|catholic|atheist|buddhist|sikh|a believer|political|conservative|liberal|left wing|right wing|a (?:\S+ ){0,3}?voter|a member of a party)\b/,
  /\byour (?:religion|faith|religious belief|belief|politics|political (?:view|opinion|leaning|belief)|vote|view on (?:immigration|abortion|religion|politics|the election|brexit|the government|god))\b/,
  /\bbelieve in god\b/,
  /\b(?:do|did) you (?:go|pray) (?:to|at) (?:church|mosque|temple|synagogue|gurdwara)\b/,
  /\bwho (?:do|did|will) you vote\b/,
  /\bwhich party (?:do|did|will) you (?:support|vote)\b/,
  /\bown your (?:house|home|flat|apartment)\b/,
];

const STRATEGY_OR_FINANCE: RegExp[] = [
  /\bstrateg\w*/,
  /\blong term (?:plan|direction|vision|goal|future|strategy)\b/,
  /\b(?:company|leadership|ceo|management|business|firm) 's (?:direction|vision|future|plan|priority|priorities|goal)\b/,
  /\b(?:budget|revenue|funding|investor|valuation|merger|acquisition|market share|growth target|board|shareholder|profit|profitable|profitability|earning report)\b/,
  /\bfinanc\w*/,
  /\bacquire\b/,
];
const DAY_TO_DAY: RegExp[] = [
  /\b(?:typical|average|normal|ordinary|usual|regular) (?:day|week|workday|working day|morning)\b/,
  /\bday to day\b/,
  /\bdaily (?:task|routine|work|job|duty|duties|schedule|life)\b/,
  /\bday in the life\b/,
  /\b(?:tool|software|program|app|system) do you use (?:every ?day|daily|each day|most day)\b/,
  /\bdo you use (?:every day|daily|each day)\b/,
  /\bwhat do you do all day\b/,
  /\bwhat time do you (?:start|finish|begin|leave|arrive|get in|clock)\b/,
  /\bentry level (?:task|work|duty|duties)\b/,
  /\bhour by hour\b/,
];
const ABOUT_THEM_NOW = /\byour (?:\S+ )?(?:day|week|routine|task|schedule|duty|duties|morning|day to day)\b|\bfor you\b|\byou (?:\S+ )?(?:do|use|start|finish|spend)\b|\b(?:walk|take|run) me through\b|\byou do day to day\b/;
const BACK_THEN = /\bwhen you (?:start|begin|first|join|be start)|\bstart out\b|\bfirst job\b|\bearly (?:career|day)\b|\bback then\b/;

/** Basic public facts, asked head-on: what the company does, where it is based, when it began, who runs it. */
const RESEARCHABLE: RegExp[] = [
  /^what do (?:the|your) (?:company|firm|organization|business|agency|startup) (?:actually |exactly |really )?do\b(?! (?:well|better|badly|differently|best|right|wrong|for|to|about|with|when|that|so|in|after|now|next)\b)/,
  /^what (?:product|service) do (?:the|your) (?:company|firm|organization|business) (?:sell|offer|make|provide)\b/,
  /^where be (?:the|your) (?:company 's |firm 's )?(?:headquarters|hq|head office|main office)\b/,
  /^where be (?:the|your) (?:company|firm|organization|business) (?:base|based|headquarter|locate|located)\b/,
  /^(?:when|what year|in which year|in what year|which year) (?:be|do) (?:the|your) (?:company|firm|organization|business) (?:found|start|establish|begin|set up|create|launch)\b/,
  /^who (?:be )?(?:the |your )?(?:company 's )?(?:ceo|founder|chief executive|president|chairman|chair|chairwoman|chairperson)\b/,
  /^who found (?:the|your) (?:company|firm|business|organization)\b/,
  /^what be the name of (?:your|the) (?:company 's )?(?:ceo|founder|chief executive|chairman)\b/,
  /^how many (?:employee|people|staff|person|worker) (?:do|be) (?:the|your|there (?:at|in)) (?:company|firm|organization|business)\b/,
  /^how many (?:employee|people|staff|worker) (?:work|be employ) (?:at|for|in) (?:the|your) (?:company|firm|organization|business)\b/,
  /^what be (?:the|your) (?:company 's |firm 's )?(?:mission statement|mission|stock price|share price|ticker|ticker symbol)\b/,
];

interface Question {
  /** Each sentence lemmatised, with offsets into the whole text. */
  sentences: Lemmatised[];
  /** The question clause of each sentence that asks something (or every sentence when none ends with "?"). */
  clauses: Array<{ lemmatised: Lemmatised; type: ReturnType<typeof questionType> }>;
}

function analyse(text: string): Question {
  const spans = sentenceSpans(text);
  const sentences = spans.map((s) => lemmatise(text.slice(s.start, s.end), s.start));
  const asking = spans.filter((s) => text.slice(s.start, s.end).includes('?'));
  const clauses = (asking.length ? asking : spans).map((s) => {
    const { clause, offset } = questionClause(text.slice(s.start, s.end));
    return { lemmatised: lemmatise(clause, s.start + offset), type: questionType(clause) };
  });
  return { sentences, clauses };
}

function firstHit(parts: Lemmatised[], patterns: RegExp[], when: (l: Lemmatised) => boolean = () => true): Span | null {
  for (const l of parts) {
    if (!when(l)) continue;
    const hit = find(l, patterns);
    if (hit) return { start: hit.start, end: hit.end };
  }
  return null;
}

/** The question checks, given the seniority of the person who will hear the question. Pure. */
export function checkQuestion(text: string, audience: Seniority): Finding[] {
  const q = analyse(text);
  const findings: Finding[] = [];
  const job = jobAskSpan(text);
  if (job) {
    findings.push({
      rule: 'asks-for-job',
      message: 'This asks for a job, an opening or a referral for a position. It changes the conversation from advice to recruiting, and usually ends it.',
      suggestion: 'Ask how people usually move into this kind of work, or what would make someone a strong candidate later.',
      span: job.span,
    });
  }
  const researchable = firstHit(
    q.clauses.map((c) => c.lemmatised),
    RESEARCHABLE,
  );
  if (researchable) {
    findings.push({
      rule: 'answerable-by-research',
      message: 'The website or a news search answers this. Asking it suggests you did not prepare, and spends their time on facts.',
      suggestion: 'Look it up first, then ask what the fact means to them: “How has the move to X changed your team’s work?”',
      span: researchable,
    });
  }
  const confidential = firstHit(q.sentences, CONFIDENTIAL);
  if (confidential) {
    findings.push({
      rule: 'confidential',
      message: 'This asks for something the company keeps private — figures, plans, clients or other people’s pay. They cannot answer without discomfort.',
      suggestion: 'Ask about their view instead: “What do you think will matter most for the company over the next few years?”',
      span: confidential,
    });
  }
  const personal = firstHit(q.sentences, TOO_PERSONAL);
  if (personal) {
    findings.push({
      rule: 'too-personal',
      message: 'This is about their own pay, age, family, health, politics or beliefs — not something to ask someone doing you a favour.',
      suggestion: 'For pay, ask about ranges for the role in general, or which sources they trust for salary information.',
      span: personal,
    });
  }
  const strategy = audience === 'junior' ? firstHit(q.sentences, STRATEGY_OR_FINANCE) : null;
  if (strategy) {
    findings.push({
      rule: 'seniority-mismatch',
      message: 'Company finances and strategy are rarely visible to someone early in their career.',
      suggestion: 'Ask a junior person about their day, how they got in, and what they are learning; save strategy for someone senior.',
      span: strategy,
    });
  }
  const day = audience === 'executive' ? firstHit(q.sentences, DAY_TO_DAY, (l) => ABOUT_THEM_NOW.test(l.lemmas) && !BACK_THEN.test(l.lemmas)) : null;
  if (day) {
    findings.push({
      rule: 'seniority-mismatch',
      message: 'An executive’s day says little about the entry-level work you are curious about.',
      suggestion: 'Ask an executive about where the field is going and what they look for in people; ask someone junior about the day-to-day.',
      span: day,
    });
  }
  // A question with a bigger problem gets that finding alone; closedness is secondary.
  const open = q.clauses.some((c) => c.type === 'open' || c.type === 'invitation');
  const closed = q.clauses.find((c) => c.type === 'yes-no' || c.type === 'one-fact');
  if (findings.length === 0 && closed && !open) {
    const l = closed.lemmatised;
    const clauseText = l.text.trim();
    findings.push({
      rule: 'closed-question',
      message: 'This can be answered with yes, no or a single fact, so it will not open up their experience.',
      suggestion: `Ask it so that it invites a story, for example: “${openQuestion(clauseText)}”`,
      span: { start: l.offset + (l.text.length - l.text.trimStart().length), end: l.offset + l.text.trimEnd().length },
    });
  }
  return findings;
}
