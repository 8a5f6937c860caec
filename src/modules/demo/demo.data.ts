/**
 * The demo workspace: a fictional career changer, Sam Rivera, moving from
 * teaching into UX research, and weighing climate-tech product roles on the side.
 * Every person and organisation here is invented.
 */
export const demoProfile = {
  name: 'Sam Rivera',
  background: 'Eight years teaching secondary-school science; led the department’s move to project-based learning and ran student interviews to redesign it.',
  pitch:
    'I’m a science teacher of eight years moving into UX research. I’ve spent years watching how people actually learn and redesigning lessons around it, and I’d like to understand how research teams do that for products.',
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  holidays: ['2026-12-25', '2026-12-28', '2027-01-01'],
};

export const demoExplorations = [
  {
    key: 'ux',
    title: 'UX research in health and education tech',
    kind: 'role' as const,
    transition: 'change-career' as const,
    why: 'I enjoy the part of teaching where I interview students and redesign around what I learn. I want to find out whether research roles keep that and drop the parts I don’t enjoy.',
    leanings: { success: 1, fit: 1, desire: 2, prospects: 0 },
  },
  {
    key: 'climate',
    title: 'Product roles at climate-tech companies',
    kind: 'field' as const,
    transition: 'change-career' as const,
    why: 'A second path to test: product work at companies whose mission I care about.',
    leanings: { success: 0, fit: null, desire: 1, prospects: null },
  },
];

export const demoOrganizations = [
  { name: 'Brightpath Learning', industry: 'Education technology', motivation: 3, posting: 3, advocacy: true, exploration: 'ux' },
  { name: 'Northwind Health', industry: 'Digital health', motivation: 3, posting: 2, advocacy: false, exploration: 'ux' },
  { name: 'Kestrel Labs', industry: 'Developer tools', motivation: 1, posting: 2, advocacy: false, exploration: 'ux' },
  { name: 'Meridian Public Library Service', industry: 'Public sector', motivation: 2, posting: 1, advocacy: true, exploration: 'ux' },
  { name: 'Tessellate Design Studio', industry: 'Design agency', motivation: 2, posting: 3, advocacy: false, exploration: 'ux' },
  { name: 'Cobalt Insurance', industry: 'Financial services', motivation: 1, posting: 3, advocacy: false, exploration: 'ux' },
  { name: 'Lumen Tutors', industry: 'Education technology', motivation: 2, posting: 2, advocacy: true, exploration: 'ux' },
  { name: 'Harbour City Council Digital', industry: 'Public sector', motivation: 2, posting: 1, advocacy: false, exploration: 'ux' },
  { name: 'Greenloop Energy', industry: 'Climate technology', motivation: 3, posting: 2, advocacy: false, exploration: 'climate' },
  { name: 'Canopy Carbon', industry: 'Climate technology', motivation: 2, posting: 3, advocacy: true, exploration: 'climate' },
  { name: 'Tidewater Grid', industry: 'Energy', motivation: 1, posting: 1, advocacy: false, exploration: 'climate' },
  { name: 'Fernbank Foods', industry: 'Food and agriculture', motivation: 1, posting: 2, advocacy: false, exploration: 'climate' },
  { name: 'Oakridge University Press', industry: 'Publishing', motivation: 1, posting: 1, advocacy: true, exploration: 'ux' },
  { name: 'Vantage Mobility', industry: 'Transport', motivation: 2, posting: 2, advocacy: false, exploration: 'climate' },
  { name: 'Plainsong Health Trust', industry: 'Healthcare', motivation: 2, posting: 1, advocacy: false, exploration: 'ux' },
];

export const givenNames = [
  'Amira', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonah', 'Kemi', 'Liam', 'Maya', 'Nikhil', 'Olga',
  'Priya', 'Quinn', 'Rosa', 'Sipho', 'Tara', 'Umar', 'Vera', 'Wes', 'Ximena', 'Yusuf', 'Zoe', 'Aled', 'Bea', 'Caleb', 'Dana',
];
export const familyNames = [
  'Okafor', 'Lindqvist', 'Moreau', 'Patel', 'Novak', 'Haddad', 'Kim', 'Tanaka', 'Byrne', 'Mensah', 'Adeyemi', 'Walsh', 'Costa',
  'Iyer', 'Petrova', 'Shah', 'Dubois', 'Santos', 'Ndlovu', 'Reid', 'Qureshi', 'Fischer', 'Morgan', 'Alvarez', 'Demir', 'Clarke',
];

export const roles: Array<{ title: string; seniority: 'junior' | 'peer' | 'one-step-above' | 'senior' | 'executive'; department: string }> = [
  { title: 'UX Researcher', seniority: 'peer', department: 'Design' },
  { title: 'Senior UX Researcher', seniority: 'one-step-above', department: 'Design' },
  { title: 'Research Operations Coordinator', seniority: 'junior', department: 'Design' },
  { title: 'Head of Research', seniority: 'senior', department: 'Design' },
  { title: 'Product Designer', seniority: 'peer', department: 'Design' },
  { title: 'Product Manager', seniority: 'one-step-above', department: 'Product' },
  { title: 'Chief Product Officer', seniority: 'executive', department: 'Product' },
  { title: 'Talent Acquisition Partner', seniority: 'peer', department: 'People' },
  { title: 'Learning Designer', seniority: 'peer', department: 'Content' },
  { title: 'Service Designer', seniority: 'one-step-above', department: 'Digital' },
];

export const notesSnippets = [
  'Moved into research from nursing; says the interviewing skills transferred directly.',
  'Runs the monthly research meetup; happy to introduce people.',
  'Prefers a short call over coffee; mornings are best.',
  'Wrote a good article on diary studies with teachers.',
  'Studied with me at Oakridge; now leads a small research team.',
  'Recommended looking at research-ops roles as a way in.',
];

export const interviewNotes = [
  'Research here splits about 60/40 between evaluative testing and discovery work. Most hires in the last year came from adjacent fields — teaching, nursing, journalism. Portfolio matters less than being able to talk through one study end to end.',
  'Day to day: planning studies on Monday, sessions mid-week, synthesis on Friday. The hardest part is getting product teams to act on findings. Suggested I take a short course on survey design and run a small study on my own school’s parent portal.',
  'Sees the field tightening for juniors but growing in regulated sectors like health. Advised me to lean on my teaching background when talking to ed-tech companies, and to speak to their service design team.',
];

/** Notes taken in interview mode: what people said, tagged by key question and which way it points. */
export const taggedNotes: Array<{ body: string; keyQuestion: 'success' | 'fit' | 'desire' | 'prospects' | null; stance: 'for' | 'against' | null; questionCategory: 'trends' | 'insights' | 'advice' | 'culture' | 'career-path' | 'day-in-the-life' | 'resources' | null }> = [
  { body: 'Most recent hires came from teaching, nursing or journalism: people who can run a session calmly.', keyQuestion: 'success', stance: 'for', questionCategory: 'insights' },
  { body: 'Juniors are expected to plan a study alone within six months; that would stretch me.', keyQuestion: 'success', stance: 'against', questionCategory: 'day-in-the-life' },
  { body: 'The team presents findings every Friday and argues openly; it sounds like a staff room on a good day.', keyQuestion: 'fit', stance: 'for', questionCategory: 'culture' },
  { body: 'Lots of waiting on product teams to act on findings, which they find frustrating.', keyQuestion: 'desire', stance: 'against', questionCategory: 'day-in-the-life' },
  { body: 'Health and public-sector research is growing even while tech hiring is flat.', keyQuestion: 'prospects', stance: 'for', questionCategory: 'trends' },
  { body: 'Senior researchers often move into research operations or product management.', keyQuestion: 'prospects', stance: 'for', questionCategory: 'career-path' },
  { body: 'She would hire someone who has run one real study over someone with a certificate.', keyQuestion: 'success', stance: 'for', questionCategory: 'advice' },
  { body: 'Sessions with patients can be emotionally heavy; they rotate people to avoid burnout.', keyQuestion: 'desire', stance: 'against', questionCategory: 'insights' },
  { body: 'Two of the four researchers were teachers first and say the classroom was the best training.', keyQuestion: 'fit', stance: 'for', questionCategory: 'culture' },
  { body: 'Junior roles in tech are few this year; agencies take on career changers more readily.', keyQuestion: 'prospects', stance: 'against', questionCategory: 'trends' },
  { body: 'The best part of the job for him is watching a team change course because of a single session.', keyQuestion: 'desire', stance: 'for', questionCategory: 'day-in-the-life' },
  { body: 'Writing clear reports matters as much as the interviews themselves.', keyQuestion: 'success', stance: 'for', questionCategory: 'advice' },
  { body: 'Suggested reading the public guidance on research with children before applying to ed-tech teams.', keyQuestion: null, stance: null, questionCategory: 'resources' },
];

export const debriefs = [
  {
    learned: 'Teaching experience counts: a calm facilitator is exactly what they hire for. Run one small study end to end and write it up.',
    fit: 'The weekly critique suits how I like to work; the slow pace of product decisions might not.',
    unknowns: 'How common remote research roles are\nWhat a junior researcher earns after two years',
    whoElse: 'Their service design lead, and someone in research operations.',
    leanings: { success: 1, fit: 2, desire: 1, prospects: 1 },
  },
  {
    learned: 'Health tech values research with vulnerable users; my safeguarding training is a real asset.',
    fit: 'Mission-driven teams feel right.',
    unknowns: 'Whether a short course is enough, or a portfolio project is expected',
    whoElse: 'A researcher at a public-sector digital agency.',
    leanings: { success: 1, fit: 1, desire: 2, prospects: 2 },
  },
];

export const demoTemplates = [
  {
    name: 'Warm request by email',
    kind: 'request' as const,
    channel: 'email' as const,
    subject: 'A question about your work at {{organization.name}}',
    body:
      'Hi {{contact.givenName}},\n\n{{connection}}. I’m a teacher exploring a move into UX research, and your path into research at {{organization.name}} is exactly what I’m trying to understand.\n\nWould you have 20 minutes in the next couple of weeks for a short call? I’m looking for advice, not a job.\n\nThank you,\n{{profile.name}}',
  },
  {
    name: 'Thank-you note',
    kind: 'thank-you' as const,
    channel: 'email' as const,
    subject: 'Thank you',
    body: 'Hi {{contact.givenName}},\n\nThank you for your time today. {{lastTakeaway}} — I’m going to act on that this week.\n\nBest,\n{{profile.name}}',
  },
];
