import type { Seniority } from '../../shared/schemas/contacts.js';
import { jobAsk, type Finding } from './coach.shared.js';
import { openQuestion } from './rewrite.rules.js';

/** Invitations that start like yes/no questions but ask for a story or an explanation. */
const OPEN_INVITATION =
  /^(could|can|would|will)\s+you\s+(please\s+)?(walk|talk|take|tell|describe|explain|share|give|help|run|say\s+more|elaborate|paint|outline|expand|go\s+through|speak)\b/i;
/** "Is there anyone…", "Are there any groups you would recommend…": asks for names and pointers, not yes/no. */
const ANYTHING_ELSE =
  /^(is|are)\s+there\s+(any(one|body|thing)|someone|other\s+people|any\s+(other\s+)?[\w-]+(\s+(or|and)?\s*[\w-]+){0,4}\s+(you|that\s+you|I|I['’]d|I\s+should)\b)/i;
const AUXILIARY_START = /^(is|are|am|was|were|do|does|did|have|has|had|can|could|will|would|should|shall|may|might|must)\b/i;
/** Questions a single fact answers. */
const ONE_FACT = [
  /^how\s+(many|much|long|old|often)\b/i,
  /^when\s+(did|was|were|is|do|does)\b/i,
  /^(what|which)\s+(year|date|time|day|university|college|school|degree|company|department|floor|city|office)\b/i,
  /^where\s+(did|is|are|was)\b/i,
  /^who\s+(is|was)\s+(your|the)\b/i,
  /^what\s+is\s+your\s+(job\s+)?title\b/i,
];

const CONFIDENTIAL = [
  /\b(profit\s+)?margins?\b/i,
  /\b(unpublished|internal|confidential|non-?public|private)\s+(figures?|numbers?|data|metrics|results|financials?)\b/i,
  /\b(how\s+much\s+(money\s+)?does\s+(the|your)\s+(company|firm|team|business|organi[sz]ation)\s+(make|earn|lose))\b/i,
  /\b(revenue|sales|profit|earnings)\s+(figures?|numbers?|targets?|this\s+(quarter|year)|last\s+(quarter|year))\b/i,
  /\b(secret|proprietary)\s+(recipes?|formulas?|sauce|algorithms?|code|process(es)?|technology)\b/i,
  /\b(source\s+code|algorithm\s+(behind|that\s+powers)|how\s+(does\s+)?(the|your)\s+(\w+\s+)?algorithms?\s+works?)\b/i,
  /\b(unannounced|upcoming|unreleased|secret|next)\s+(products?|launch(es)?|features?|plans?|releases?|acquisitions?|deals?)\b/i,
  /\b(layoffs?|redundanc(y|ies)|cuts?\s+(coming|planned)|restructuring|downsizing|let\s+people\s+go|fire\s+people)\b/i,
  /\b(who\s+are|which\s+(are|companies\s+are)|name|list)\s+(your|the\s+company['’]s)\s+(biggest\s+|main\s+|largest\s+|top\s+|key\s+)?(clients?|customers?|accounts?)\b/i,
  /\b(which|what)\s+(clients?|customers?)\s+(do\s+you|does\s+(the|your)\s+\w+)\s+(work\s+with|serve|have)\b/i,
  /\bhow\s+much\s+(do|does)\s+(your|the)\s+(boss|manager|colleagues?|team(mates)?|ceo|director|peers?|coworkers?|co-workers?|other\s+\w+)\s+(make|earn|get\s+paid)\b/i,
  /\b(salar(y|ies)|pay|compensation|bonus(es)?)\s+of\s+(your|the|other)\b/i,
  /\b(what\s+do|how\s+much\s+do)\s+(others|other\s+people|your\s+colleagues|people\s+on\s+your\s+team)\s+(make|earn)\b/i,
];

const TOO_PERSONAL = [
  /\bhow\s+much\s+(do|did)\s+you\s+(make|earn|get\s+paid)\b/i,
  /\b(what(['’]s|\s+is|\s+was)|tell\s+me)\s+your\s+(salary|pay|income|compensation|bonus|wage|net\s+worth)\b/i,
  /\byour\s+(salary|income|pay\s+packet|wages?)\b/i,
  /\bhow\s+old\s+are\s+you\b/i,
  /\byour\s+age\b/i,
  /\b(are|were)\s+you\s+(married|single|divorced|pregnant|religious|ill|sick|disabled)\b/i,
  /\b(do|did)\s+you\s+(have|want|plan\s+to\s+have)\s+(kids|children|a\s+family)\b/i,
  /\byour\s+(wife|husband|partner|spouse|kids|children|family\s+plans|health|illness|diagnosis|disability|religion|faith|politics|political\s+views)\b/i,
  /\b(who|which\s+party)\s+did\s+you\s+vote\b/i,
  /\b(what\s+are\s+your|are\s+you)\s+(political|religious)\b/i,
  /\b(do\s+you\s+)?(believe\s+in\s+god|go\s+to\s+(church|mosque|temple|synagogue))\b/i,
];

const STRATEGY_OR_FINANCE =
  /\b(strateg(y|ic|ies)|long[- ]term\s+(plans?|direction|vision)|company['’]s\s+(direction|vision|future)|budgets?|revenue|financ(e|es|ial|ials)|funding|investors?|valuation|board\s+(of\s+directors)?|acquisitions?|merger|market\s+share|profitab(le|ility)|growth\s+targets?)\b/i;
const ENTRY_LEVEL_DAY =
  /\b(typical\s+(day|week)|day[- ]to[- ]day|daily\s+(tasks|routine|work)|average\s+day|day\s+in\s+the\s+life|what\s+do\s+you\s+do\s+all\s+day|entry[- ]level\s+(tasks|work|duties)|which\s+(tools|software|programs)\s+do\s+you\s+use\s+(every\s*day|daily)|what\s+time\s+do\s+you\s+(start|finish))\b/i;

const RESEARCHABLE = [
  /\bwhat\s+does\s+(the|your)\s+(company|firm|organi[sz]ation|business)\s+do\b/i,
  /\bwhat\s+(products|services)\s+does\s+(the|your)\s+(company|firm|organi[sz]ation|business)\s+(sell|make|offer|provide)\b/i,
  /\bwhere\s+(is|are)\s+(the|your)\s+(company['’]s\s+)?(headquarters|hq|head\s+office|main\s+office)\b/i,
  /\bwhere\s+is\s+(the|your)\s+(company|firm)\s+(based|headquartered|located)\b/i,
  /\b(when|what\s+year)\s+(was|did)\s+(the|your)\s+(company|firm|organi[sz]ation|business)\s+(founded|started|established|begin|start)\b/i,
  /\bwho\s+(is|are)\s+(the|your)\s+(ceo|founders?|chief\s+executive|president|chair(man|person)?)\b/i,
  /\bhow\s+many\s+(employees|people|staff)\s+(does|work)\s+(the|your|at)\s+(company|firm|organi[sz]ation)\b/i,
  /\bwhat\s+is\s+(the|your)\s+(company['’]s\s+)?(mission\s+statement|stock\s+price|ticker)\b/i,
];

/** The question checks, given the seniority of the person who will hear the question. Pure. */
export function checkQuestion(text: string, audience: Seniority): Finding[] {
  const question = text.replace(/\s+/g, ' ').trim();
  const findings: Finding[] = [];
  if (jobAsk(question)) {
    findings.push({
      rule: 'asks-for-job',
      message: 'This asks for a job, an opening or a referral for a position. It changes the conversation from advice to recruiting, and usually ends it.',
      suggestion: 'Ask how people usually move into this kind of work, or what would make someone a strong candidate later.',
    });
  }
  const researchable = RESEARCHABLE.some((p) => p.test(question));
  if (researchable) {
    findings.push({
      rule: 'answerable-by-research',
      message: 'The website or a news search answers this. Asking it suggests you did not prepare, and spends their time on facts.',
      suggestion: 'Look it up first, then ask what the fact means to them: “How has the move to X changed your team’s work?”',
    });
  }
  if (CONFIDENTIAL.some((p) => p.test(question))) {
    findings.push({
      rule: 'confidential',
      message: 'This asks for something the company keeps private — figures, plans, clients or other people’s pay. They cannot answer without discomfort.',
      suggestion: 'Ask about their view instead: “What do you think will matter most for the company over the next few years?”',
    });
  }
  if (TOO_PERSONAL.some((p) => p.test(question))) {
    findings.push({
      rule: 'too-personal',
      message: 'This is about their own pay, age, family, health, politics or beliefs — not something to ask someone doing you a favour.',
      suggestion: 'For pay, ask about ranges for the role in general, or which sources they trust for salary information.',
    });
  }
  if (audience === 'junior' && STRATEGY_OR_FINANCE.test(question)) {
    findings.push({
      rule: 'seniority-mismatch',
      message: 'Company finances and strategy are rarely visible to someone early in their career.',
      suggestion: 'Ask a junior person about their day, how they got in, and what they are learning; save strategy for someone senior.',
    });
  }
  if (audience === 'executive' && ENTRY_LEVEL_DAY.test(question)) {
    findings.push({
      rule: 'seniority-mismatch',
      message: 'An executive’s day says little about the entry-level work you are curious about.',
      suggestion: 'Ask an executive about where the field is going and what they look for in people; ask someone junior about the day-to-day.',
    });
  }
  const opener = question.replace(/^(and|so|also|ok(ay)?|well|now)[, ]+/i, '');
  const invitation = OPEN_INVITATION.test(opener) || ANYTHING_ELSE.test(opener);
  // A question with a bigger problem gets that finding alone; closedness is secondary.
  if (findings.length === 0 && !invitation && (AUXILIARY_START.test(opener) || ONE_FACT.some((p) => p.test(opener)))) {
    findings.push({
      rule: 'closed-question',
      message: 'This can be answered with yes, no or a single fact, so it will not open up their experience.',
      suggestion: `Ask it so that it invites a story, for example: “${openQuestion(opener)}”`,
    });
  }
  return findings;
}
