import { sql, type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/**
 * Frozen: the first schema. Never edit after release; add a new migration instead.
 * Written against Kysely<any> and importing no application code.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // Sort keys compare byte-wise on both databases so lists order identically.
  const sortText = (col: any) => (dialect === 'postgres' ? col.modifyEnd(sql`collate "C"`) : col);

  await db.schema
    .createTable('profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('background', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pitch', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('working_days', 'text', (c) => c.notNull().defaultTo('[1,2,3,4,5]'))
    .addColumn('holidays', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text')
    .execute();

  await db.schema
    .createTable('explorations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('transition', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('why', 'text')
    .addColumn('leaning_success', 'integer')
    .addColumn('leaning_fit', 'integer')
    .addColumn('leaning_desire', 'integer')
    .addColumn('leaning_prospects', 'integer')
    .addColumn('conclusion', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => sortText(c.notNull()))
    .addColumn('website', 'text')
    .addColumn('industry', 'text')
    .addColumn('notes', 'text')
    .addColumn('motivation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posting', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('advocacy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_sort_name').on('organizations').columns(['sort_name', 'id']).execute();

  await db.schema
    .createTable('exploration_organizations')
    .addColumn('exploration_id', 'text', (c) => c.notNull().references('explorations.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('exploration_organizations_pk', ['exploration_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('exploration_organizations_organization')
    .on('exploration_organizations')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => sortText(c.notNull()))
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('title', 'text')
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('seniority', 'text')
    .addColumn('department', 'text')
    .addColumn('is_hr', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_hr_manual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('referred_by_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('how_we_met', 'text')
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('linkedin_url', 'text')
    .addColumn('notes', 'text')
    .addColumn('connected_on', 'text')
    .addColumn('preferred_format', 'text')
    .addColumn('responsiveness', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_sort_name').on('contacts').columns(['sort_name', 'id']).execute();
  await db.schema.createIndex('contacts_organization').on('contacts').columns(['organization_id', 'sort_name']).execute();
  await db.schema.createIndex('contacts_relationship').on('contacts').columns(['relationship', 'sort_name']).execute();
  await db.schema.createIndex('contacts_referred_by').on('contacts').column('referred_by_id').execute();
  await db.schema.createIndex('contacts_created_at').on('contacts').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('contacts_updated_at').on('contacts').columns(['updated_at', 'id']).execute();

  await db.schema
    .createTable('contact_tags')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_tags_pk', ['contact_id', 'tag'])
    .execute();
  await db.schema.createIndex('contact_tags_tag').on('contact_tags').columns(['tag', 'contact_id']).execute();

  await db.schema
    .createTable('interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('objective', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('venue', 'text')
    .addColumn('link', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('planned_minutes', 'integer', (c) => c.notNull().defaultTo(20))
    .addColumn('requested_at', 'text')
    .addColumn('request_channel', 'text')
    .addColumn('request_message', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('prep', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('notes', 'text')
    .addColumn('takeaways', 'text')
    .addColumn('follow_up_permission', 'integer')
    .addColumn('thanked_at', 'text')
    .addColumn('thank_you_format', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interviews_contact').on('interviews').column('contact_id').execute();
  await db.schema.createIndex('interviews_status').on('interviews').columns(['status', 'scheduled_at']).execute();
  await db.schema.createIndex('interviews_scheduled_at').on('interviews').columns(['scheduled_at', 'id']).execute();
  await db.schema.createIndex('interviews_created_at').on('interviews').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('interview_explorations')
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('exploration_id', 'text', (c) => c.notNull().references('explorations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('interview_explorations_pk', ['interview_id', 'exploration_id'])
    .execute();
  await db.schema
    .createIndex('interview_explorations_exploration')
    .on('interview_explorations')
    .column('exploration_id')
    .execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interactions_contact').on('interactions').columns(['contact_id', 'occurred_at']).execute();
  await db.schema.createIndex('interactions_interview').on('interactions').column('interview_id').execute();
  await db.schema.createIndex('interactions_occurred_at').on('interactions').columns(['occurred_at', 'id']).execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('to_contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reported_back_at', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('referrals_pair', ['from_contact_id', 'to_contact_id'])
    .execute();
  await db.schema.createIndex('referrals_to').on('referrals').column('to_contact_id').execute();
  await db.schema.createIndex('referrals_interview').on('referrals').column('interview_id').execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('favourite', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('search_documents')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_documents_pk', ['entity_type', 'entity_id'])
    .execute();

  if (dialect === 'sqlite') {
    // External-content FTS5 index kept in step with search_documents by triggers.
    await sql`create virtual table search_fts using fts5(
      name, body,
      content='search_documents', content_rowid='rowid',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
    )`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, name, body) values (new.rowid, new.name, new.body);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, name, body) values ('delete', old.rowid, old.name, old.body);
    end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, name, body) values ('delete', old.rowid, old.name, old.body);
      insert into search_fts(rowid, name, body) values (new.rowid, new.name, new.body);
    end`.execute(db);
  } else {
    await sql`alter table search_documents add column tsv tsvector generated always as (
      setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', body), 'B')
    ) stored`.execute(db);
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  }
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await sql`drop table if exists search_fts`.execute(db);
  for (const table of [
    'search_documents',
    'templates',
    'questions',
    'referrals',
    'interactions',
    'interview_explorations',
    'interviews',
    'contact_tags',
    'contacts',
    'exploration_organizations',
    'organizations',
    'explorations',
    'profile',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
