import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createContactInput } from '../../shared/schemas/contacts.js';
import { createInterviewInput } from '../../shared/schemas/interviews.js';
import { createContact } from '../contacts/contacts.usecases.js';
import { createInterview } from '../interviews/interviews.usecases.js';

describe.each(dialects)('what the workspace holds on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('counts nothing in an empty workspace', async () => {
    expect(await w.ctx.repos.workspace.counts()).toEqual({ contacts: 0, organizations: 0, explorations: 0, interviews: 0 });
  });

  it('counts people, organisations and conversations as they are added', async () => {
    const { contact } = await createContact({ ctx: w.ctx, input: createContactInput.parse({ name: 'Maya Okafor', organizationName: 'Northwind Health' }) });
    await createContact({ ctx: w.ctx, input: createContactInput.parse({ name: 'Priya Patel' }) });
    await createInterview({ ctx: w.ctx, input: createInterviewInput.parse({ contactId: contact.id }) });
    expect(await w.ctx.repos.workspace.counts()).toEqual({ contacts: 2, organizations: 1, explorations: 0, interviews: 1 });
  });
});
