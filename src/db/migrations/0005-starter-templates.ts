import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

type Channel = 'email' | 'phone-script' | 'letter' | 'linkedin-message';
const S = '{{profile.name}}';

/** [kind, channel, name, subject, body] — written for Inroads; merge fields in {{…}}. */
const STARTER: Array<[string, Channel, string, string | null, string]> = [
  ['request', 'email', 'Ask for advice (email)', 'A question about your work at {{organization.name}}',
    `Hi {{contact.givenName}},\n\n{{connection}}. I am exploring {{exploration.title}}, and your experience as {{contact.title}} is exactly what I am trying to understand.\n\nWould you have 20 minutes in the next couple of weeks for a short call or a coffee? I am looking for advice, not a job.\n\nThank you,\n${S}`],
  ['request', 'linkedin-message', 'Ask for advice (LinkedIn)', null,
    `Hi {{contact.givenName}} — {{connection}}. I am exploring {{exploration.title}} and would value 20 minutes of your advice on how you got into your role. Not a job request, just a conversation. Would that be possible in the next few weeks?`],
  ['request', 'letter', 'Ask for advice (letter)', null,
    `Dear {{contact.name}},\n\n{{connection}}. I am writing because I am exploring {{exploration.title}}, and I would be grateful for your perspective.\n\nIf you could spare 20 minutes in the coming weeks, I would be glad to meet wherever suits you, or to talk by phone. I am seeking advice, not a position.\n\nWith thanks,\n${S}`],
  ['request', 'phone-script', 'Ask for advice (phone)', null,
    `Hello {{contact.givenName}}, this is ${S}. {{connection}}. I am exploring {{exploration.title}} and I hoped you might give me 20 minutes of advice sometime soon — is now a bad time to find a slot? (If they ask: I am not looking for a job, just trying to learn from people in the field.)`],
  ['follow-up', 'email', 'Gentle follow-up (email)', 'Following up: 20 minutes of advice',
    `Hi {{contact.givenName}},\n\nI know inboxes are busy, so I am bringing my note back to the top. Would 20 minutes in the next few weeks work for you? Advice only — I am exploring {{exploration.title}}.\n\nThank you,\n${S}`],
  ['follow-up', 'linkedin-message', 'Gentle follow-up (LinkedIn)', null,
    `Hi {{contact.givenName}}, just bringing my earlier message back up in case it got buried — I would still value 20 minutes of your advice on {{exploration.title}} if you have time.`],
  ['follow-up', 'letter', 'Gentle follow-up (letter)', null,
    `Dear {{contact.name}},\n\nI wrote a little while ago to ask for 20 minutes of your advice about {{exploration.title}}. I understand how busy things get; if a short conversation is possible in the coming weeks, I would be very grateful.\n\nWith thanks,\n${S}`],
  ['follow-up', 'phone-script', 'Gentle follow-up (phone)', null,
    `Hello {{contact.givenName}}, it is ${S} — I sent a note about a short conversation on {{exploration.title}}. Would 20 minutes some time in the next few weeks be possible?`],
  ['thank-you', 'email', 'Thank you (email)', 'Thank you',
    `Dear {{contact.givenName}},\n\nThank you for your time and advice. {{lastTakeaway}} — that stayed with me, and I am going to act on it.\n\nI will let you know how it goes.\n\nWith thanks,\n${S}`],
  ['thank-you', 'letter', 'Thank you (handwritten note)', null,
    `Dear {{contact.name}},\n\nThank you for our conversation. {{lastTakeaway}} — I am grateful for that advice, and for your time.\n\nWarmly,\n${S}`],
  ['thank-you', 'linkedin-message', 'Thank you (LinkedIn)', null,
    `Thank you again for the conversation, {{contact.givenName}}. {{lastTakeaway}} — really useful. I will keep you posted.`],
  ['thank-you', 'phone-script', 'Thank you (voicemail)', null,
    `Hi {{contact.givenName}}, it is ${S}. Just a quick thank-you for your time — {{lastTakeaway}} was exactly what I needed to hear.`],
  ['check-in', 'email', 'Keeping in touch (email)', 'Thought of you',
    `Hi {{contact.givenName}},\n\nI came across [something useful about {{organization.name}} or your field] and thought of our conversation. A quick update from me: [one line on your progress].\n\nBest,\n${S}`],
  ['check-in', 'linkedin-message', 'Keeping in touch (LinkedIn)', null,
    `Hi {{contact.givenName}}, saw [news or an article] and thought of you. Since we spoke I have [one line of progress] — thanks again for the advice.`],
  ['check-in', 'letter', 'Keeping in touch (card)', null,
    `Dear {{contact.name}},\n\nA short note to say thank you again and to share some news: [one line of progress]. Your advice helped.\n\nBest wishes,\n${S}`],
  ['check-in', 'phone-script', 'Keeping in touch (call)', null,
    `Hi {{contact.givenName}}, it is ${S} — no agenda, I just wanted to tell you [progress] and to thank you again. How are things at {{organization.name}}?`],
  ['referral-intro', 'email', 'Writing to someone you were referred to (email)', 'Introduced by a mutual contact',
    `Hi {{contact.givenName}},\n\n{{connection}}. I am exploring {{exploration.title}} and would value 20 minutes of your advice on your path into {{contact.title}}.\n\nWould a short call in the next couple of weeks be possible? I am looking for advice, not a job.\n\nThank you,\n${S}`],
  ['referral-intro', 'linkedin-message', 'Writing to someone you were referred to (LinkedIn)', null,
    `Hi {{contact.givenName}} — {{connection}}. Could I ask you for 20 minutes of advice about {{exploration.title}}? Not a job request.`],
  ['referral-intro', 'letter', 'Writing to someone you were referred to (letter)', null,
    `Dear {{contact.name}},\n\n{{connection}}. I am exploring {{exploration.title}}, and I would be grateful for 20 minutes of your advice, at a time and place that suits you.\n\nWith thanks,\n${S}`],
  ['referral-intro', 'phone-script', 'Calling someone you were referred to', null,
    `Hello {{contact.givenName}}, my name is ${S}. {{connection}}. I am exploring {{exploration.title}} — could I have 20 minutes of your advice some time soon?`],
  ['report-back', 'email', 'Telling your referrer how it went (email)', 'Thank you for the introduction',
    `Hi {{contact.givenName}},\n\nThank you again for suggesting I talk to [name]. We spoke, and [one thing you learned]. I really appreciate the introduction.\n\nBest,\n${S}`],
  ['report-back', 'linkedin-message', 'Telling your referrer how it went (LinkedIn)', null,
    `Hi {{contact.givenName}}, I spoke with [name] thanks to you — [one thing you learned]. Thank you for the introduction!`],
  ['report-back', 'letter', 'Telling your referrer how it went (note)', null,
    `Dear {{contact.name}},\n\nThank you for introducing me to [name]. Our conversation [what came of it]. I am grateful.\n\nWarmly,\n${S}`],
  ['report-back', 'phone-script', 'Telling your referrer how it went (call)', null,
    `Hi {{contact.givenName}}, it is ${S} — I wanted to thank you: I spoke with [name], and [one thing you learned].`],
];

/** Frozen: a built-in template for every kind and channel. */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  const at = '2026-11-22T00:00:00.000Z';
  await db
    .insertInto('templates')
    .values(
      STARTER.map(([kind, channel, name, subject, body], i) => ({
        id: `00000000-0000-7000-8001-${String(i + 1).padStart(12, '0')}`,
        name,
        kind,
        channel,
        subject,
        body,
        built_in: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.deleteFrom('templates').where('built_in', '=', 1).where('id', 'like', '00000000-0000-7000-8001-%').execute();
}
