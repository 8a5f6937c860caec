import { createContact } from '../contacts/contacts.usecases.js';
import { addNote, saveDebrief } from '../conversation/conversation.usecases.js';
import { createExploration } from '../explorations/explorations.usecases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { createInterview } from '../interviews/interviews.usecases.js';
import { createOrganization } from '../organizations/organizations.usecases.js';
import { updateProfile } from '../profile/profile.usecases.js';
import { updateQuestion } from '../questions/questions.usecases.js';
import { createReferral } from '../referrals/referrals.usecases.js';
import type { AppContext } from '../repositories.js';
import { createTemplate } from '../templates/templates.usecases.js';
import { relationships, type Contact } from '../../shared/schemas/contacts.js';
import type { InterviewStatus } from '../../shared/schemas/interviews.js';
import {
  debriefs,
  demoExplorations,
  demoOrganizations,
  demoProfile,
  demoTemplates,
  familyNames,
  givenNames,
  interviewNotes,
  notesSnippets,
  roles,
  taggedNotes,
} from './demo.data.js';
import { prng } from '../../shared/random.js';

const DAY = 86_400_000;


/** Fills an empty workspace with the demo. Does nothing when it already has people. */
export async function seedDemoWorkspace({ ctx, contacts = 60 }: { ctx: AppContext; contacts?: number }): Promise<{ created: boolean }> {
  const existing = await ctx.repos.contacts.list({}, { field: 'name', direction: 'asc' }, { limit: 1, offset: 0 });
  if (existing.total > 0) return { created: false };
  const random = prng(20261122);
  const nowMs = ctx.clock.now().getTime();
  const ago = (days: number, hour = 10) => {
    const d = new Date(nowMs - days * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };

  await ctx.transaction(async (tx) => {
    await updateProfile({ ctx: tx, input: demoProfile });
    const explorationIds = new Map<string, string>();
    for (const e of demoExplorations) {
      const { exploration } = await createExploration({
        ctx: tx,
        input: { title: e.title, kind: e.kind, transition: e.transition, status: 'active', why: e.why, leanings: e.leanings },
      });
      explorationIds.set(e.key, exploration.id);
    }
    const orgs: Array<{ id: string; exploration: string }> = [];
    for (const o of demoOrganizations) {
      const slug = o.name.toLowerCase().replace(/[^a-z]+/g, '');
      const { organization } = await createOrganization({
        ctx: tx,
        input: {
          name: o.name,
          industry: o.industry,
          website: `https://${slug}.example`,
          motivation: o.motivation,
          posting: o.posting,
          advocacy: o.advocacy,
          explorationIds: [explorationIds.get(o.exploration) ?? ''],
          notes: null,
        },
      });
      orgs.push({ ...organization, exploration: o.exploration });
    }

    const people: Contact[] = [];
    for (let i = 0; i < contacts; i++) {
      const givenName = givenNames[i % givenNames.length] ?? 'Alex';
      const familyName = familyNames[(i * 7) % familyNames.length] ?? 'Doe';
      const org = orgs[i % orgs.length];
      const role = random.pick(roles);
      const relationship = relationships[i % relationships.length] ?? 'cold';
      const referrer = relationship === 'referral' && people.length > 3 ? random.pick(people) : undefined;
      const { contact } = await createContact({
        ctx: tx,
        input: {
          givenName,
          familyName,
          title: role.title,
          seniority: role.seniority,
          department: role.department,
          organizationId: org?.id ?? null,
          relationship,
          referredById: referrer?.id ?? null,
          emails: [{ value: `${givenName}.${familyName}`.toLowerCase() + '@example.com', label: 'work' }],
          phones: [],
          tags: [org?.exploration === 'ux' ? 'ux-research' : 'climate', ...(i % 5 === 0 ? ['meetup'] : [])],
          explorationIds: [],
          howWeMet: relationship === 'classmate' ? 'Oakridge University, class of 2016' : relationship === 'former-colleague' ? 'Taught together at Hillside Academy' : null,
          notes: random.next() < 0.5 ? random.pick(notesSnippets) : null,
          connectedOn: relationship === 'linkedin-connection' ? ago(200 + i).slice(0, 10) : null,
          linkedinUrl: `https://www.linkedin.com/in/${givenName}-${familyName}-${i}`.toLowerCase(),
        },
      });
      people.push(contact);
    }

    // Scheduled conversations come with three open questions from the starter bank.
    const starter = (await tx.repos.questions.list({ category: ['day-in-the-life', 'advice', 'career-path'] }, { field: 'createdAt', direction: 'asc' }, { limit: 3, offset: 0 })).items.map((q) => q.id);
    const statuses: InterviewStatus[] = [
      'idea', 'idea', 'requested', 'requested', 'requested', 'no-reply', 'scheduled', 'scheduled', 'scheduled',
      'held', 'held', 'thanked', 'thanked', 'keeping-in-touch', 'keeping-in-touch', 'declined', 'cancelled',
    ];
    const interviewed: Array<{ contact: Contact; interviewId: string; status: InterviewStatus }> = [];
    const explorationOf = (c: Contact) => orgs.find((o) => o.id === c.organizationId)?.exploration ?? 'ux';
    const taken = new Set<string>();
    for (const [n, status] of statuses.entries()) {
      const past = ['held', 'thanked', 'keeping-in-touch'].includes(status);
      // Every conversation is filed under its organisation's exploration. The notes and debriefs are about
      // UX research, so the conversations already held are with people at UX-research organisations.
      const wanted = past || n % 4 !== 3 ? 'ux' : 'climate';
      const start = (n * 3 + 1) % people.length;
      const contact = [...people.slice(start), ...people.slice(0, start)].find((c) => !taken.has(c.id) && explorationOf(c) === wanted);
      if (!contact) continue;
      taken.add(contact.id);
      const exploration = explorationIds.get(explorationOf(contact));
      const requestedDaysAgo = { idea: 0, requested: 2 + n, 'no-reply': 16, scheduled: 8, held: 10, thanked: 20, 'keeping-in-touch': 60, declined: 12, cancelled: 9 }[status];
      const heldDaysAgo = status === 'held' ? 1 : status === 'thanked' ? 12 : 45;
      const { interview } = await createInterview({
        ctx: tx,
        input: {
          contactId: contact.id,
          status,
          explorationIds: exploration ? [exploration] : [],
          purpose: 'explore-career',
          objective:
            explorationOf(contact) === 'ux'
              ? `Understand how ${contact.organization?.name ?? 'their team'} works with research, and how people get started there.`
              : `Understand what product work at ${contact.organization?.name ?? 'their organisation'} involves, and how people get started there.`,
          format: n % 3 === 0 ? 'video' : n % 3 === 1 ? 'in-person' : 'phone',
          venue: n % 3 === 1 ? 'Café near their office' : null,
          plannedMinutes: n % 2 === 0 ? 20 : 30,
          requestedAt: status === 'idea' ? null : ago(requestedDaysAgo, 9),
          requestChannel: status === 'idea' ? null : 'email',
          repliedAt: ['scheduled', 'held', 'thanked', 'keeping-in-touch', 'declined'].includes(status) ? ago(requestedDaysAgo - 1, 15) : null,
          scheduledAt: status === 'scheduled' ? ago(5 - n, 9 + (n % 6)) : past ? ago(heldDaysAgo, 11) : null,
          heldAt: past ? ago(heldDaysAgo, 11) : null,
          ...(status === 'scheduled' ? { prep: { checklist: { pitch: true, company: true, questions: true }, research: '', questionIds: starter } } : {}),
          notes: past ? interviewNotes[n % interviewNotes.length] ?? null : null,
          takeaways: status === 'thanked' || status === 'keeping-in-touch' ? 'Run a small study on something real and write it up as a case study.' : null,
          followUpPermission: status === 'keeping-in-touch' ? (n % 2 === 0 ? 30 : 90) : status === 'thanked' ? 90 : null,
          thankedAt: status === 'thanked' || status === 'keeping-in-touch' ? ago(heldDaysAgo - 1, 18) : null,
          thankYouFormat: status === 'thanked' || status === 'keeping-in-touch' ? (contact.seniority === 'executive' ? 'handwritten' : 'email') : null,
        },
      });
      interviewed.push({ contact, interviewId: interview.id, status });
      if (status !== 'idea') {
        await createInteraction({
          ctx: tx,
          input: { contactId: contact.id, interviewId: interview.id, kind: 'email-sent', occurredAt: ago(requestedDaysAgo, 9), summary: 'Sent a short request for a 20-minute conversation.' },
        });
      }
      if (past) {
        await createInteraction({
          ctx: tx,
          input: { contactId: contact.id, interviewId: interview.id, kind: 'meeting', occurredAt: ago(heldDaysAgo, 11), summary: 'Informational interview.' },
        });
      }
      if (status === 'thanked' || status === 'keeping-in-touch') {
        await createInteraction({
          ctx: tx,
          input: { contactId: contact.id, interviewId: interview.id, kind: 'thank-you', occurredAt: ago(heldDaysAgo - 1, 18), summary: 'Thank-you email quoting their advice on running a small study.' },
        });
      }
    }

    // Notes taken in interview mode, and debriefs for the conversations already thanked.
    const held = interviewed.filter((i) => ['held', 'thanked', 'keeping-in-touch'].includes(i.status));
    for (const [n, item] of held.entries()) {
      const noteIds: string[] = [];
      for (let k = 0; k < 3; k++) {
        const spec = taggedNotes[(n * 3 + k) % taggedNotes.length];
        if (!spec) continue;
        const { note } = await addNote({ ctx: tx, interviewId: item.interviewId, input: { ...spec, agendaStep: 'questions' } });
        noteIds.push(note.id);
      }
      const debrief = debriefs[n % debriefs.length];
      if (debrief && item.status !== 'held') {
        const first = noteIds[0];
        const citedFor = taggedNotes[(n * 3) % taggedNotes.length]?.keyQuestion;
        const evidence = first && citedFor ? { [citedFor]: [first] } : {};
        await saveDebrief({ ctx: tx, interviewId: item.interviewId, input: { ...debrief, leanings: { ...debrief.leanings, fit: debrief.leanings.fit - (n % 2) }, evidence } });
      }
    }

    // Referrals: people met in interviews suggested others.
    const sources = interviewed.filter((i) => ['held', 'thanked', 'keeping-in-touch'].includes(i.status));
    let target = people.length - 1;
    for (const [n, source] of sources.entries()) {
      for (let k = 0; k < 2; k++) {
        // The first suggestion of each conversation led to the next conversation, so the chains have depth.
        const next = k === 0 ? sources[n + 1]?.contact : undefined;
        const to = next ?? people[target--];
        if (!to || to.id === source.contact.id) continue;
        await createReferral({
          ctx: tx,
          input: {
            fromContactId: source.contact.id,
            toContactId: to.id,
            interviewId: source.interviewId,
            status: (['suggested', 'contacted', 'interviewed'] as const)[(n + k) % 3] ?? 'suggested',
            note: `Suggested during our conversation: "${to.givenName} has done exactly that move."`,
          },
        });
      }
    }

    for (const person of people.slice(0, 20)) {
      await createInteraction({
        ctx: tx,
        input: { contactId: person.id, kind: 'note', occurredAt: ago(30 + Math.floor(random.next() * 60), 14), summary: 'Saw their talk at the research meetup; worth asking about research ops.' },
      });
    }
    // The starter question bank is already there; the demo user has picked a few favourites.
    const bank = await tx.repos.questions.list({ category: ['day-in-the-life', 'advice', 'fit'] }, { field: 'createdAt', direction: 'asc' }, { limit: 3, offset: 0 });
    for (const q of bank.items) await updateQuestion({ ctx: tx, id: q.id, input: { favourite: true } });
    for (const t of demoTemplates) await createTemplate({ ctx: tx, input: t });
  });
  return { created: true };
}
