import { describe, expect, it } from 'vitest';
import type { Seniority } from '../../shared/schemas/contacts.js';
import { checkQuestion } from './question.rules.js';

type Case = [string, Seniority, string[]];

/** A labelled set with hard negatives: open invitations that begin like yes/no questions, denials, etc. */
const cases: Case[] = [
  // Open and fine
  ['Could you walk me through a typical project from start to finish?', 'peer', []],
  ['Can you tell me about how you got into UX research?', 'peer', []],
  ['What do you enjoy most about your work?', 'peer', []],
  ['How did you decide to move from teaching into research?', 'one-step-above', []],
  ['What skills have been most useful to you in this role?', 'peer', []],
  ['What would you do differently if you were starting out today?', 'senior', []],
  ['How do you see this field changing over the next five years?', 'senior', []],
  ['What advice would you give someone coming from a different career?', 'one-step-above', []],
  ['Which professional groups or publications do you find most useful?', 'peer', []],
  ['What kind of people tend to do well on your team?', 'senior', []],
  ['Could you describe what a good week looks like for you?', 'peer', []],
  ['Would you share how your team decides which research to do?', 'one-step-above', []],
  ['Is there anyone else you think I should talk to?', 'peer', []],
  ['Are there any resources you would recommend for someone starting out?', 'junior', []],
  ['What surprised you most when you joined the company?', 'junior', []],
  ['How does your work connect with the product teams?', 'peer', []],
  ['What are the biggest challenges facing your industry right now?', 'executive', []],
  ['What do you look for when you meet people who want to join this field?', 'executive', []],
  ['How has the role changed since you started?', 'senior', []],
  ['What project would you suggest I take on to test whether this path suits me?', 'one-step-above', []],
  ['Can you talk about the culture on your team?', 'peer', []],
  ['Could you help me understand how promotions usually work here?', 'one-step-above', []],
  ['What does success look like in your first year in a role like yours?', 'peer', []],
  ['How did your background in nursing help you in research?', 'peer', []],
  ['What do you wish you had known before you started?', 'junior', []],
  ['What is the company’s strategy for the next few years, as you see it?', 'executive', []],
  ['Where do you see the biggest opportunities for growth in the sector?', 'senior', []],
  ['What does a typical day look like for you?', 'junior', []],
  ['How do you keep your skills up to date?', 'senior', []],
  ['What would make someone with my background a strong candidate in a few years?', 'one-step-above', []],
  ['I am not looking for a job — what would you want to know about me to give useful advice?', 'peer', []],
  ['How do people usually move into research from other careers?', 'senior', []],
  ['What parts of the job do you find hardest?', 'peer', []],
  ['How would you describe the difference between design and research roles here?', 'peer', []],
  ['What trends are you watching most closely?', 'executive', []],
  ['Which skills are hardest to find in new researchers?', 'senior', []],
  ['What do you think makes a great research report?', 'peer', []],
  ['How did you learn to present findings to executives?', 'one-step-above', []],
  // Closed
  ['Do you like your job?', 'peer', ['closed-question']],
  ['Is it a good place to work?', 'peer', ['closed-question']],
  ['Did you study psychology?', 'peer', ['closed-question']],
  ['Are the hours long?', 'junior', ['closed-question']],
  ['Have you always worked in research?', 'senior', ['closed-question']],
  ['Would you recommend this career?', 'senior', ['closed-question']],
  ['How many people are on your team?', 'peer', ['closed-question']],
  ['How long have you worked here?', 'peer', ['closed-question']],
  ['Which university did you go to?', 'peer', ['closed-question']],
  ['Do you work from home?', 'peer', ['closed-question']],
  ['Is a master’s degree required?', 'one-step-above', ['closed-question']],
  ['Can I learn this on the job?', 'peer', ['closed-question']],
  ['Does your team use surveys?', 'peer', ['closed-question']],
  ['Was it hard to get started?', 'junior', ['closed-question']],
  ['Should I learn statistics?', 'senior', ['closed-question']],
  // Asks for a job
  ['Are you hiring at the moment?', 'peer', ['asks-for-job']],
  ['Are there any openings on your team?', 'senior', ['asks-for-job']],
  ['Could you refer me for the open position on your team?', 'peer', ['asks-for-job']],
  ['Would you pass my résumé along to the hiring manager?', 'senior', ['asks-for-job']],
  ['Is there a job for me at your company?', 'executive', ['asks-for-job']],
  ['Could you put in a good word for me?', 'peer', ['asks-for-job']],
  ['What would it take for you to hire me?', 'executive', ['asks-for-job']],
  ['Can you help me get a job at your company?', 'peer', ['asks-for-job']],
  ['How do I apply for the position on your team?', 'peer', ['asks-for-job']],
  ['Would you consider me for the internship?', 'senior', ['asks-for-job']],
  // Confidential
  ['What are your profit margins on the new product?', 'executive', ['confidential']],
  ['Who are your biggest clients?', 'senior', ['confidential']],
  ['Are there going to be layoffs this year?', 'senior', ['confidential']],
  ['What is the secret recipe behind your best seller?', 'senior', ['confidential']],
  ['How does your recommendation algorithm work exactly?', 'senior', ['confidential']],
  ['What unannounced products are you working on?', 'peer', ['confidential']],
  ['How much does your manager make?', 'peer', ['confidential']],
  ['What are the revenue figures for this quarter?', 'executive', ['confidential']],
  // Too personal
  ['How much do you earn?', 'peer', ['too-personal']],
  ['What is your salary?', 'senior', ['too-personal']],
  ['How old are you?', 'peer', ['too-personal']],
  ['Are you married?', 'peer', ['too-personal']],
  ['Do you have kids?', 'senior', ['too-personal']],
  ['Who did you vote for?', 'executive', ['too-personal']],
  ['How does your health affect your work?', 'peer', ['too-personal']],
  // Seniority mismatch
  ['What is the company’s long-term strategy?', 'junior', ['seniority-mismatch']],
  ['How is the budget for next year being decided?', 'junior', ['seniority-mismatch']],
  ['What does your typical day look like?', 'executive', ['seniority-mismatch']],
  ['Could you walk me through your day-to-day tasks?', 'executive', ['seniority-mismatch']],
  // Answerable by research
  ['What does your company do?', 'peer', ['answerable-by-research']],
  ['Where is the company headquartered?', 'senior', ['answerable-by-research']],
  ['When was the company founded?', 'peer', ['answerable-by-research']],
  ['Who is the CEO?', 'executive', ['answerable-by-research']],
  ['What products does the company sell?', 'peer', ['answerable-by-research']],
];

describe('the question checker', () => {
  it('has a labelled set of at least 80 questions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases)('%s (%s) → %j', (text, audience, expected) => {
    const findings = checkQuestion(text, audience);
    expect(findings.map((f) => f.rule).sort()).toEqual([...expected].sort());
    for (const f of findings) expect(f.message.length).toBeGreaterThan(20);
  });

  it('reaches precision and recall of at least 0.9 for every rule on the set', () => {
    const rules = ['closed-question', 'asks-for-job', 'confidential', 'too-personal', 'seniority-mismatch', 'answerable-by-research'];
    for (const rule of rules) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const [text, audience, expected] of cases) {
        const got = checkQuestion(text, audience).some((f) => f.rule === rule);
        const want = expected.includes(rule);
        if (got && want) tp++;
        else if (got) fp++;
        else if (want) fn++;
      }
      expect(tp / Math.max(1, tp + fp), `${rule} precision`).toBeGreaterThanOrEqual(0.9);
      expect(tp / Math.max(1, tp + fn), `${rule} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('the starter question bank', () => {
  it('has at least 60 questions across every category, none flagged by the checker for the audiences it suits', async () => {
    const { createTestWorkspace } = await import('../../../test/fixtures/databases.js');
    const { questionCategories } = await import('../../shared/schemas/questions.js');
    const w = await createTestWorkspace('sqlite');
    try {
      const bank = await w.ctx.repos.questions.list({}, { field: 'category', direction: 'asc' }, { limit: 500, offset: 0 });
      expect(bank.total).toBeGreaterThanOrEqual(60);
      expect(new Set(bank.items.map((q) => q.category))).toEqual(new Set(questionCategories));
      for (const q of bank.items) {
        for (const audience of q.audiences) expect(checkQuestion(q.text, audience), `${q.text} (${audience})`).toEqual([]);
      }
    } finally {
      await w.dispose();
    }
  });
  it('suggests a grammatical open version of a closed question', () => {
    const [finding] = checkQuestion('Is UX research a good career?', 'peer');
    expect(finding?.rule).toBe('closed-question');
    expect(finding?.suggestion).toBe('Ask it so that it invites a story, for example: “In your experience, what makes UX research a good career?”');
  });
});
