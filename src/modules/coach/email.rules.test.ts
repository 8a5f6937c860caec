import { describe, expect, it } from 'vitest';
import { emailRuleIds } from '../../shared/schemas/coach.js';
import { checkEmail, hasTimeBoundAsk, parseEmail, unfilledPlaceholders } from './email.rules.js';

const good = `Subject: A question about your path into research

Hi Maya,

Ben Walsh suggested I get in touch. I have taught science for eight years and I am exploring a move into UX research, and your path from teaching into research is exactly what I am trying to understand.

Would you have 20 minutes in the next couple of weeks for a short call? I am looking for advice, not a job.

Thank you,
Sam`;

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

type Case = [string, string, string[]];

const cases: Case[] = [
  ['a good request', good, []],
  ['a denial is not a job request', good.replace('I am looking for advice, not a job.', "I'm not job hunting — I just want to learn how people get started."), []],
  ['"not asking for a job" is fine', good.replace('I am looking for advice, not a job.', 'To be clear, I am not asking for a job or a referral.'), []],
  ['half an hour counts as time-bound', good.replace('20 minutes', 'half an hour'), []],
  ['15–20 minutes counts', good.replace('20 minutes', '15-20 minutes'), []],
  ['"fifteen minutes" in words counts', good.replace('20 minutes', 'fifteen minutes'), []],
  ['offering a résumé on request is fine', good.replace('Thank you,', 'I am happy to send my résumé if it would be useful.\n\nThank you,'), []],
  ['a 95-word body is not too long', `Hi Ana,\n\nWe met at the design meetup. Could I have 20 minutes of your time? ${filler(95 - 14)}\n\nBest,\nSam`, []],
  ['a 101-word body is too long', `Hi Ana,\n\nWe met at the design meetup. Could I have 20 minutes of your time? ${filler(101 - 14)}\n\nBest,\nSam`, ['too-long']],
  ['greeting and sign-off do not count', `Dear Dr. Okafor,\n\nWe met at the design meetup. Could I have 20 minutes of your time? ${filler(100 - 14)}\n\nWith many thanks and warm regards,\nSam Rivera`, []],
  ['asks whether they are hiring', good.replace('I am looking for advice, not a job.', 'Also, is your team hiring at the moment?'), ['asks-for-job']],
  ['asks for openings', good.replace('I am looking for advice, not a job.', 'Are there any openings for researchers?'), ['asks-for-job']],
  ['asks for a referral for a role', good.replace('I am looking for advice, not a job.', 'Could you refer me for the junior researcher role?'), ['asks-for-job']],
  ['asks them to pass on a CV', good.replace('I am looking for advice, not a job.', 'Would you pass my CV to the hiring manager?'), ['asks-for-job']],
  ['asks to be considered', good.replace('I am looking for advice, not a job.', 'I would love it if you could consider me for the internship.'), ['asks-for-job']],
  ['mentions applying', good.replace('I am looking for advice, not a job.', 'I am planning to apply for the open role and would value your help.'), ['asks-for-job']],
  ['asks for help landing a job', good.replace('I am looking for advice, not a job.', 'Could you help me get a job on your team?'), ['asks-for-job']],
  ['attaches a résumé', good.replace('Thank you,', 'I have attached my résumé for your reference.\n\nThank you,'), ['attaches-resume']],
  ['encloses a CV', good.replace('Thank you,', 'Please find my CV enclosed.\n\nThank you,'), ['attaches-resume']],
  ['"here is my resume"', good.replace('Thank you,', 'Here is my resume so you know more about me.\n\nThank you,'), ['attaches-resume']],
  ['no connection stated', good.replace('Ben Walsh suggested I get in touch. ', ''), ['no-connection']],
  ['connection through a talk', good.replace('Ben Walsh suggested I get in touch.', 'I enjoyed your talk at the research meetup last month.'), []],
  ['connection as alumni', good.replace('Ben Walsh suggested I get in touch.', 'We are both Oakridge alumni.'), []],
  // The connection sentences Inroads' own request drafts open with, for family, friends and referrals.
  ['connection as family', good.replace('Ben Walsh suggested I get in touch.', 'As family, I wanted to ask you first.'), []],
  ['connection as a friend', good.replace('Ben Walsh suggested I get in touch.', 'As a friend, I hoped you would not mind me asking.'), []],
  ['connection through a name given', good.replace('Ben Walsh suggested I get in touch.', 'I was given your name.'), []],
  ['connection through LinkedIn', good.replace('Ben Walsh suggested I get in touch.', 'I came across your profile on LinkedIn through the UX alumni group.'), []],
  ['connection through an article', good.replace('Ben Walsh suggested I get in touch.', 'I read your article on diary studies and it stayed with me.'), []],
  ['no time asked for', good.replace('Would you have 20 minutes in the next couple of weeks for a short call?', 'Would you be open to a conversation sometime?'), ['no-time-bound-ask']],
  ['"a quick chat" is not specific', good.replace('Would you have 20 minutes in the next couple of weeks for a short call?', 'Could we have a quick chat?'), ['no-time-bound-ask']],
  ['an hour and a half is not short', good.replace('20 minutes', '90 minutes'), ['no-time-bound-ask']],
  [
    'everything wrong at once',
    `Subject: Job application\n\nHello,\n\nI am looking for a new position in UX research and I saw that you work at Brightpath. Are you hiring? I have attached my CV. ${filler(100)}\n\nRegards,\nSam`,
    ['too-long', 'asks-for-job', 'attaches-resume', 'no-time-bound-ask'],
  ],
  ['a subject line that asks for a job counts', `Subject: Any openings on your team?\n\n${good.split('\n\n').slice(1).join('\n\n')}`, ['asks-for-job']],
  ['no subject line at all is fine', good.split('\n\n').slice(1).join('\n\n'), []],
  ['a merge field left in braces', good.replace('Hi Maya,', 'Hi {{contact.givenName}},'), ['unfilled-placeholder']],
  ['a field the merge could not fill, in brackets', good.replace('a move into UX research', 'a move into [exploration.title]'), ['unfilled-placeholder']],
  ['a hand-fill marker in angle brackets', good.replace('Hi Maya,', 'Hi <name>,'), ['unfilled-placeholder']],
  ['a hand-fill marker in words', good.replace('Thank you,', 'PS: [one line on your progress]\n\nThank you,'), ['unfilled-placeholder']],
  ['single braces and percent signs count', good.replace('Hi Maya,', 'Hi {first_name},').replace('Sam', '%SENDER%'), ['unfilled-placeholder']],
  ['an address in angle brackets is not a placeholder', good.replace('Thank you,', 'My email is <sam@example.org> and my site <https://sam.example>.\n\nThank you,'), []],
  ['a markdown link and a footnote are not placeholders', good.replace('Thank you,', 'My [portfolio](https://sam.example) is online [1].\n\nThank you,'), []],
  ['a short, plain note with everything needed', 'Hi Ken,\n\nPriya Shah mentioned you moved from nursing into research. Could I ask you about it for 20 minutes by phone next week?\n\nMany thanks,\nSam', []],
];

describe('the email checker', () => {
  it('has a labelled set of at least 30 emails', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s', (_name, text, expected) => {
    expect(checkEmail(text).map((f) => f.rule).sort()).toEqual([...expected].sort());
  });

  it('reads the subject line and leaves greeting and sign-off out of the count', () => {
    const parsed = parseEmail(good);
    expect(parsed.subject).toBe('A question about your path into research');
    expect(parsed.core.startsWith('Ben Walsh suggested')).toBe(true);
    expect(parsed.core.endsWith('not a job.')).toBe(true);
  });

  it.each([
    ['20 minutes', true],
    ['20-minute call', true],
    ['half an hour', true],
    ['45 mins', true],
    ['an hour', false],
    ['a quick call', false],
  ])('"%s" is a short, specific ask: %s', (text, expected) => {
    expect(hasTimeBoundAsk(text)).toBe(expected);
  });

  it('lists each unfilled placeholder once, in order', () => {
    expect(unfilledPlaceholders('Hi [contact.givenName], {{x}} and [contact.givenName] <Your Name>')).toEqual(['[contact.givenName]', '{{x}}', '<Your Name>']);
    expect(unfilledPlaceholders('Hi Ana, see <ana@example.org>.')).toEqual([]);
    expect(unfilledPlaceholders('Hi Ana,<br>I am <b>Sam</b>.<p>')).toEqual([]);
    const [finding] = checkEmail(good.replace('Hi Maya,', 'Hi [contact.givenName],'));
    expect(finding?.message).toContain('“[contact.givenName]” still needs filling in');
  });

  it('uses only the rule ids of the public contract', () => {
    const everything = `Subject: Job\n\nHi {{name}},\n\nAre you hiring? I have attached my CV. ${filler(120)}\n\nSam`;
    for (const finding of checkEmail(everything)) expect(emailRuleIds).toContain(finding.rule);
    expect(checkEmail(everything).map((f) => f.rule)).toContain('unfilled-placeholder');
  });

  it('gives every finding a message and a suggestion', () => {
    for (const finding of checkEmail('Hello\n\nAre you hiring? I attached my CV.')) {
      expect(finding.message.length).toBeGreaterThan(20);
      expect(finding.suggestion?.length ?? 0).toBeGreaterThan(10);
    }
  });
});
