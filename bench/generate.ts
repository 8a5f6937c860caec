import type { NewContact } from '../src/modules/contacts/contacts.repository.js';
import type { NewInterview } from '../src/modules/interviews/interviews.repository.js';
import type { NewOrganization } from '../src/modules/organizations/organizations.repository.js';
import type { AppContext } from '../src/modules/repositories.js';
import { interactionDocument, organizationDocument } from '../src/modules/search/search.documents.js';
import { compactSearchIndex } from '../src/modules/search/search.index.js';
import type { SearchDocument } from '../src/modules/search/search.repository.js';
import { newId } from '../src/shared/ids.js';
import type { Interaction } from '../src/shared/schemas/interactions.js';
import { relationships, seniorities, interactionKinds } from '../src/shared/schemas/index.js';
import { prng } from '../src/shared/random.js';


const GIVEN = ['Amira', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonah', 'Kemi', 'Liam', 'Maya', 'Nikhil', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sipho', 'Tara'];
const FAMILY = ['Okafor', 'Lindqvist', 'Moreau', 'Patel', 'Novak', 'Haddad', 'Kim', 'Tanaka', 'Byrne', 'Mensah', 'Walsh', 'Costa', 'Iyer', 'Shah', 'Santos', 'Reid', 'Fischer', 'Morgan', 'Alvarez', 'Clarke'];
const TITLES = ['UX Researcher', 'Product Manager', 'Data Analyst', 'Service Designer', 'Engineering Manager', 'Recruiter', 'Policy Advisor', 'Content Designer', 'Research Lead', 'Operations Director'];
const WORDS = ['portfolio', 'research', 'hiring', 'mentoring', 'strategy', 'onboarding', 'analytics', 'community', 'design', 'interview', 'climate', 'health', 'education', 'synthesis', 'workshop'];
const ORG_WORDS = ['Bright', 'North', 'Kestrel', 'Meridian', 'Cobalt', 'Lumen', 'Harbour', 'Green', 'Canopy', 'Tide', 'Fern', 'Oak', 'Vantage', 'Plain', 'Silver'];
const ORG_SUFFIX = ['Labs', 'Health', 'Learning', 'Energy', 'Systems', 'Partners', 'Studio', 'Group'];

const at = (daysAgo: number) => new Date(Date.UTC(2026, 2, 10) - daysAgo * 86_400_000).toISOString();

export interface GenerateOptions {
  contacts: number;
  interactions: number;
  organizations: number;
  interviews?: number;
  seed?: number;
}

/** Fills a workspace with synthetic data through the repositories' bulk inserts, in one transaction. */
export async function generateWorkspace(ctx: AppContext, options: GenerateOptions): Promise<void> {
  const random = prng(options.seed ?? 42);
  await ctx.transaction(async (tx) => {
    const orgs: NewOrganization[] = [];
    for (let i = 0; i < options.organizations; i++) {
      const name = `${random.pick(ORG_WORDS)} ${random.pick(ORG_SUFFIX)} ${i}`;
      const created = at(400 - (i % 400));
      orgs.push({
        id: newId(Date.UTC(2025, 0, 1) + i),
        name,
        website: null,
        industry: random.pick(WORDS),
        location: null,
        notes: null,
        motivation: Math.floor(random.next() * 4),
        posting: 1 + Math.floor(random.next() * 3),
        advocacy: random.next() < 0.2,
        target: true,
        createdAt: created,
        updatedAt: created,
      });
    }
    await tx.repos.organizations.insertMany(orgs);
    await tx.repos.search.upsert(orgs.map((o) => organizationDocument({ ...o, explorationIds: [], rank: 0 })));

    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    const contactIds: string[] = [];
    const names: string[] = [];
    for (let start = 0; start < options.contacts; start += 2000) {
      const rows: NewContact[] = [];
      const docs: SearchDocument[] = [];
      for (let i = start; i < Math.min(options.contacts, start + 2000); i++) {
        const name = `${random.pick(GIVEN)} ${random.pick(FAMILY)} ${i}`;
        const org = orgs.length > 0 && random.next() < 0.8 ? random.pick(orgs) : undefined;
        const created = at(Math.floor(random.next() * 700));
        const row: NewContact = {
          id: newId(Date.UTC(2025, 1, 1) + i),
          name,
          givenName: null,
          familyName: null,
          title: random.pick(TITLES),
          organizationId: org?.id ?? null,
          seniority: random.pick(seniorities),
          department: null,
          isHR: false,
          isHRManual: false,
          relationship: random.pick(relationships),
          referredById: null,
          howWeMet: null,
          emails: [{ value: `person${i}@example.com` }],
          phones: [],
          linkedinUrl: null,
          notes: random.next() < 0.3 ? `Talked about ${random.pick(WORDS)} and ${random.pick(WORDS)}.` : null,
          connectedOn: null,
          preferredFormat: null,
          responsiveness: 'unknown',
          timeZone: null,
          createdAt: created,
          updatedAt: created,
        };
        rows.push(row);
        contactIds.push(row.id);
        names.push(name);
        docs.push({
          type: 'contact',
          id: row.id,
          name,
          body: [row.title, org ? orgNames.get(org.id) : '', `person${i}@example.com`, row.notes ?? ''].join(' · '),
        });
      }
      await tx.repos.contacts.insertMany(rows);
      await tx.repos.search.upsert(docs);
    }

    for (let start = 0; start < options.interactions; start += 3000) {
      const rows: Interaction[] = [];
      const docs: SearchDocument[] = [];
      for (let i = start; i < Math.min(options.interactions, start + 3000); i++) {
        const index = Math.floor(random.next() * contactIds.length);
        const occurred = at(Math.floor(random.next() * 700));
        const row: Interaction = {
          id: newId(Date.UTC(2025, 2, 1) + i),
          contactId: contactIds[index] ?? '',
          interviewId: null,
          kind: random.pick(interactionKinds),
          occurredAt: occurred,
          summary: `Discussed ${random.pick(WORDS)}, ${random.pick(WORDS)} and ${random.pick(WORDS)}.`,
          createdAt: occurred,
        };
        rows.push(row);
        docs.push(interactionDocument(row, names[index] ?? ''));
      }
      await tx.repos.interactions.insertMany(rows);
      await tx.repos.search.upsert(docs);
    }

    // Interviews in proportions a long-running search would have: mostly past conversations kept warm.
    const mix: Array<[NewInterview['status'], number]> = [
      ['idea', 0.2], ['requested', 0.003], ['no-reply', 0.06], ['scheduled', 0.002], ['held', 0.0005],
      ['thanked', 0.1], ['keeping-in-touch', 0.4345], ['declined', 0.1], ['cancelled', 0.1],
    ];
    const pickStatus = () => {
      let roll = random.next();
      for (const [status, share] of mix) {
        if ((roll -= share) < 0) return status;
      }
      return 'idea' as const;
    };
    const total = options.interviews ?? 0;
    for (let start = 0; start < total; start += 1000) {
      const rows: NewInterview[] = [];
      for (let i = start; i < Math.min(total, start + 1000); i++) {
        const status = pickStatus();
        const contactId = contactIds[Math.floor(random.next() * contactIds.length)] ?? '';
        const past = ['held', 'thanked', 'keeping-in-touch'].includes(status);
        const requestedDaysAgo = status === 'requested' ? Math.floor(random.next() * 10) : 20 + Math.floor(random.next() * 100);
        const heldDaysAgo = status === 'held' ? random.next() * 2 : Math.floor(random.next() * 80) + 1;
        const requestedAt = status === 'idea' ? null : at(requestedDaysAgo);
        rows.push({
          id: newId(Date.UTC(2025, 3, 1) + i),
          contactId,
          purpose: 'explore-career',
          objective: `Learn about ${random.pick(WORDS)}`,
          status,
          statusChangedAt: at(0),
          format: 'video',
          venue: null,
          link: null,
          scheduledAt: status === 'scheduled' ? at(-Math.floor(random.next() * 14)) : past ? at(heldDaysAgo) : null,
          plannedMinutes: 20,
          requestedAt,
          requestChannel: requestedAt ? 'email' : null,
          requestMessage: null,
          repliedAt: ['scheduled', 'declined'].includes(status) || past ? at(requestedDaysAgo - 1) : null,
          prep: { checklist: {}, research: '', questionIds: [] },
          heldAt: past ? at(heldDaysAgo) : null,
          notes: past ? `Talked about ${random.pick(WORDS)}.` : null,
          takeaways: status === 'thanked' || status === 'keeping-in-touch' ? 'Keep going.' : null,
          followUpPermission: status === 'keeping-in-touch' ? 90 : null,
          thankedAt: status === 'thanked' || status === 'keeping-in-touch' ? at(heldDaysAgo) : null,
          thankYouFormat: status === 'thanked' || status === 'keeping-in-touch' ? 'email' : null,
          createdAt: at(requestedDaysAgo),
          updatedAt: at(0),
        });
      }
      await tx.repos.interviews.insertMany(rows);
    }
    // As an import does after a bulk write.
    await compactSearchIndex(tx);
  });
}

