import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

const ALL = ['junior', 'peer', 'one-step-above', 'senior', 'executive'];
const EARLY = ['junior', 'peer', 'one-step-above'];
const LATE = ['one-step-above', 'senior', 'executive'];

/** [id suffix, category, audiences, text]; written for Inroads. */
const STARTER: Array<[string, string, string[], string]> = [
  ['01', 'trends', LATE, 'How do you see this field changing over the next five years?'],
  ['02', 'trends', ALL, 'Which developments in the industry are you watching most closely right now?'],
  ['03', 'trends', LATE, 'What skills do you expect to matter more in this work a few years from now?'],
  ['04', 'trends', LATE, 'Where do you see the biggest opportunities for someone entering the field today?'],
  ['05', 'trends', ALL, 'What changes have you noticed since you started in this line of work?'],
  ['06', 'trends', LATE, 'Which parts of this work do you think technology will change the most?'],
  ['07', 'insights', ALL, 'What do you enjoy most about your work, and what drains you?'],
  ['08', 'insights', ALL, 'What surprised you most when you started in this role?'],
  ['09', 'insights', ALL, 'What do people outside the field most often misunderstand about it?'],
  ['10', 'insights', ALL, 'What is the hardest part of the job that is rarely talked about?'],
  ['11', 'insights', LATE, 'What separates people who do well here from those who struggle?'],
  ['12', 'insights', ALL, 'How do you measure whether you have had a good week?'],
  ['13', 'insights', LATE, 'What kinds of problems does your team spend most of its energy on?'],
  ['14', 'advice', ALL, 'What advice would you give someone making the move I am considering?'],
  ['15', 'advice', ALL, 'What do you wish someone had told you before you started?'],
  ['16', 'advice', ALL, 'If you were in my position, what would you do in the next three months?'],
  ['17', 'advice', LATE, 'What would make someone with my background stand out in a few years?'],
  ['18', 'advice', ALL, 'Which mistakes do you see newcomers make most often?'],
  ['19', 'advice', ALL, 'How would you suggest I fill the gaps in my experience?'],
  ['20', 'advice', ALL, 'What would you do differently if you were starting out today?'],
  ['21', 'resources', ALL, 'Which books, newsletters or podcasts have shaped how you think about this work?'],
  ['22', 'resources', ALL, 'Which professional groups or events would you recommend joining?'],
  ['23', 'resources', ALL, 'Who else do you think I should talk to, and may I mention your name?'],
  ['24', 'resources', EARLY, 'Which courses or certificates are actually worth the time?'],
  ['25', 'resources', ALL, 'Where do people in this field go to learn from each other?'],
  ['26', 'resources', ALL, 'Are there any communities or mentoring schemes you would point me to?'],
  ['27', 'assignments', ALL, 'What small project could I take on to test whether this work suits me?'],
  ['28', 'assignments', ALL, 'How could I get a taste of the work before committing to a change?'],
  ['29', 'assignments', EARLY, 'What would a strong portfolio piece look like for someone starting out?'],
  ['30', 'assignments', ALL, 'Which volunteer or side projects would give me relevant experience?'],
  ['31', 'assignments', LATE, 'What kind of problem would you give someone to see how they think?'],
  ['32', 'day-in-the-life', EARLY, 'Could you walk me through a typical week?'],
  ['33', 'day-in-the-life', EARLY, 'How is your time split between meetings, focused work and everything else?'],
  ['34', 'day-in-the-life', EARLY, 'Who do you work with most closely from day to day?'],
  ['35', 'day-in-the-life', EARLY, 'What does a particularly good day look like for you?'],
  ['36', 'day-in-the-life', EARLY, 'Which tools or methods do you rely on most?'],
  ['37', 'day-in-the-life', EARLY, 'How does your work divide between planned projects and things that come up unexpectedly?'],
  ['38', 'career-path', ALL, 'How did you get into this work, and what would you do the same way again?'],
  ['39', 'career-path', ALL, 'What paths do people usually take into this role?'],
  ['40', 'career-path', LATE, 'Where do people in this role usually go next?'],
  ['41', 'career-path', ALL, 'What helped you most when you changed roles?'],
  ['42', 'career-path', ALL, 'Which experiences from earlier jobs turned out to be useful here?'],
  ['43', 'career-path', LATE, 'How do people grow here: by specialising, by leading others, or some other way?'],
  ['44', 'career-path', ALL, 'Looking back, which decision made the biggest difference to your career?'],
  ['45', 'culture', ALL, 'How would you describe the culture on your team?'],
  ['46', 'culture', ALL, 'What kind of person tends to thrive here?'],
  ['47', 'culture', ALL, 'How are decisions made on your team?'],
  ['48', 'culture', ALL, 'How does the organisation support people who are learning?'],
  ['49', 'culture', LATE, 'What does the organisation value most in its people?'],
  ['50', 'culture', ALL, 'How do people give each other feedback here?'],
  ['51', 'culture', ALL, 'What is it like to work with other teams?'],
  ['52', 'fit', ALL, 'Based on what you have heard about me, where do you think I would fit in this field?'],
  ['53', 'fit', ALL, 'Which of my experiences do you think would carry over best?'],
  ['54', 'fit', ALL, 'What concerns would someone hiring in this field have about a background like mine?'],
  ['55', 'fit', ALL, 'Which roles or organisations would you look at in my position?'],
  ['56', 'fit', LATE, 'How would you describe the difference between this role and the ones around it?'],
  ['57', 'fit', ALL, 'What would tell me early on that this path is not right for me?'],
  ['58', 'insights', LATE, 'What do you look for when you meet people who want to join this field?'],
  ['59', 'advice', LATE, 'How would you approach building a network in this field from scratch?'],
  ['60', 'career-path', EARLY, 'What did your first year in the role teach you?'],
  ['61', 'resources', ALL, 'Is there anyone in your network you think I should meet next?'],
  ['62', 'culture', EARLY, 'How did you find your footing when you first joined?'],
];

/** Frozen: the starter question bank, marked built in, so every workspace begins with good questions. */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  const at = '2026-11-22T00:00:00.000Z';
  const rows = STARTER.map(([suffix, category, audiences, text]) => ({
    id: `00000000-0000-7000-8000-0000000000${suffix}`,
    text,
    category,
    audiences: JSON.stringify(audiences),
    favourite: 0,
    built_in: 1,
    created_at: at,
    updated_at: at,
  }));
  await db.insertInto('questions').values(rows).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.deleteFrom('questions').where('built_in', '=', 1).where('id', 'like', '00000000-0000-7000-8000-0000000000%').execute();
}
