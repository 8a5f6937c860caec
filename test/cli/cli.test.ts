import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/registry.js';

const BIN = resolve('bin/inroads.js');

/** Runs the built `inroads` binary against a temporary home. */
function run(home: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    env: { ...process.env, INROADS_DATABASE_URL: '', INROADS_HOME: '' },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the inroads command', () => {
  let home: string;
  beforeAll(() => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build (npm test does this for you).');
    home = mkdtempSync(join(tmpdir(), 'inroads-cli-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('adds and lists organisations and contacts, printing the API objects with --json', () => {
    const org = run(home, ['organizations', 'add', 'Brightpath Learning', '--motivation', '3', '--posting', '2', '--json']);
    expect(org.code, org.stderr).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ name: 'Brightpath Learning', motivation: 3, rank: 1 });

    const added = run(home, ['contacts', 'add', '--name', 'Maya Costa', '--organization', 'Brightpath Learning', '--email', 'maya@example.com', '--tag', 'ux', '--relationship', 'alumni', '--json']);
    expect(added.code, added.stderr).toBe(0);
    const contact = JSON.parse(added.stdout);
    expect(contact).toMatchObject({ name: 'Maya Costa', organization: { name: 'Brightpath Learning' }, relationship: 'alumni', tags: ['ux'] });

    const viaNewOrg = run(home, ['contacts', 'add', '--given-name', 'Ben', '--family-name', 'Walsh', '--organization', 'Kestrel Labs', '--json']);
    expect(JSON.parse(viaNewOrg.stdout)).toMatchObject({ name: 'Ben Walsh', organization: { name: 'Kestrel Labs' } });

    const list = run(home, ['contacts', 'list', '--json', '--limit', '1', '--sort', '-name']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 2, limit: 1, offset: 0, items: [{ name: 'Maya Costa' }] });

    const human = run(home, ['contacts', 'list']);
    expect(human.stdout).toMatch(/NAME\s+TITLE\s+ORGANIZATION/);
    expect(human.stdout).toContain('of 2.');

    const show = run(home, ['contacts', 'show', contact.id, '--json']);
    expect(JSON.parse(show.stdout).id).toBe(contact.id);

    const orgs = run(home, ['organizations', 'list', '--json']);
    expect(JSON.parse(orgs.stdout).items.map((o: { name: string }) => o.name)).toEqual(['Brightpath Learning', 'Kestrel Labs']);
  });

  it('plans an interview and moves it; an illegal move fails with one line and exit code 1', () => {
    const contact = JSON.parse(run(home, ['contacts', 'add', '--name', 'Interview Person', '--json']).stdout);
    const planned = run(home, ['interviews', 'add', '--contact', contact.id, '--objective', 'Learn about research ops', '--json']);
    expect(planned.code, planned.stderr).toBe(0);
    const interview = JSON.parse(planned.stdout);
    expect(interview.status).toBe('idea');
    const moved = run(home, ['interviews', 'move', interview.id, 'requested', '--json']);
    expect(JSON.parse(moved.stdout).status).toBe('requested');
    const illegal = run(home, ['interviews', 'move', interview.id, 'thanked']);
    expect(illegal.code).toBe(1);
    expect(illegal.stderr.trim().split('\n')).toHaveLength(1);
    expect(illegal.stderr).toMatch(/^inroads: An interview cannot move from "requested" to "thanked"/);
    const list = run(home, ['interviews', 'list', '--status', 'requested', '--json']);
    expect(JSON.parse(list.stdout).items.map((i: { id: string }) => i.id)).toEqual([interview.id]);
  });

  it('searches and backs up', () => {
    const found = run(home, ['search', 'brightp', '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).items.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['organization', 'contact']));
    const file = join(home, 'backup.db');
    const backup = run(home, ['backup', file, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout).file).toBe(file);
    const fromBackup = spawnSync(process.execPath, [BIN, '--database', file, 'contacts', 'list', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(fromBackup.stdout).total).toBe(3);
  });

  it('names the field in validation errors and uses exit code 2 for usage errors', () => {
    const bad = run(home, ['contacts', 'add', '--name', 'X', '--email', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^inroads: emails\.0\.value: must be an email address/);
    const nowhere = run(home, ['contacts', 'add', '--name', 'X', '--exploration', '01900000-0000-7000-8000-000000000000']);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/^inroads: explorationIds: no exploration with id/);
    expect(run(home, ['contacts', 'frobnicate']).code).toBe(2);
    expect(run(home, ['contacts', 'list', '--no-such-flag']).code).toBe(2);
    const notFound = run(home, ['contacts', 'show', '01900000-0000-7000-8000-000000000000']);
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toMatch(/No contact with id/);
  });

  it('shows the agenda for a chosen moment and exports a calendar', () => {
    const agendaHome = mkdtempSync(join(tmpdir(), 'inroads-today-'));
    try {
      const contact = JSON.parse(run(agendaHome, ['contacts', 'add', '--name', 'Quiet Person', '--organization', 'Acme', '--json']).stdout);
      run(agendaHome, ['contacts', 'add', '--name', 'Next Person', '--organization', 'Acme', '--relationship', 'friend']);
      const interview = JSON.parse(run(agendaHome, ['interviews', 'add', '--contact', contact.id, '--json']).stdout);
      expect(run(agendaHome, ['interviews', 'move', interview.id, 'requested', '--at', '2026-03-02T10:00:00Z']).code).toBe(0);
      const json = run(agendaHome, ['today', '--at', '2026-03-05T12:00:00Z', '--json']);
      expect(json.code, json.stderr).toBe(0);
      const agenda = JSON.parse(json.stdout);
      expect(agenda.at).toBe('2026-03-05T12:00:00.000Z');
      expect(agenda.items.map((i: { kind: string }) => i.kind)).toEqual(['reach-next', 'follow-up']);
      const human = run(agendaHome, ['today', '--at', '2026-03-05T12:00:00Z']);
      expect(human.stdout).toContain('Overdue (1)');
      expect(human.stdout).toContain('Reach out to Next Person at Acme');
      expect(human.stdout).toContain('Next seven days (1)');
      expect(run(agendaHome, ['today', '--at', 'yesterday']).code).toBe(1);
      const file = join(agendaHome, 'inroads.ics');
      const exported = run(agendaHome, ['calendar', 'export', file, '--at', '2026-03-05T12:00:00Z']);
      expect(exported.code, exported.stderr).toBe(0);
      const ics = readFileSync(file, 'utf8');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
    } finally {
      rmSync(agendaHome, { recursive: true, force: true });
    }
  });

  it('imports a LinkedIn export with a preview first, and the second import changes nothing', () => {
    const importHome = mkdtempSync(join(tmpdir(), 'inroads-import-'));
    const file = join(importHome, 'Connections.csv');
    writeFileSync(
      file,
      '\uFEFFNotes:\r\n"Some addresses are missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nMaya,Costa,https://www.linkedin.com/in/maya-costa,,Brightpath,"Researcher, UX",12 Mar 2024\r\n',
    );
    try {
      const preview = run(importHome, ['import', 'linkedin', file, '--dry-run']);
      expect(preview.code, preview.stderr).toBe(0);
      expect(preview.stdout).toContain('Preview (nothing written): 1 person read — 1 new');
      expect(JSON.parse(run(importHome, ['contacts', 'list', '--json']).stdout).total).toBe(0);
      const done = JSON.parse(run(importHome, ['import', 'linkedin', file, '--json']).stdout);
      expect(done.counts).toMatchObject({ new: 1, matched: 0 });
      const again = JSON.parse(run(importHome, ['import', 'linkedin', file, '--json']).stdout);
      expect(again.counts).toMatchObject({ new: 0, unchanged: 1 });
      const bad = run(importHome, ['import', 'csv', file, '--map', 'name=Nope']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^inroads: Line 1: /);
      expect(run(importHome, ['import', 'excel', file]).code).toBe(2);
    } finally {
      rmSync(importHome, { recursive: true, force: true });
    }
  });

  it('checks emails and questions offline, printing { findings }', () => {
    const file = join(home, 'request.txt');
    writeFileSync(file, 'Subject: Advice\n\nHi Ana,\n\nBen suggested I write. Could I have 20 minutes of your time next week?\n\nThanks,\nSam\n');
    const email = run(home, ['coach', 'email', file, '--json']);
    expect(email.code, email.stderr).toBe(0);
    expect(JSON.parse(email.stdout)).toEqual({ findings: [] });
    const question = run(home, ['coach', 'question', '--audience', 'executive', 'What does a typical day look like for you?', '--json']);
    expect(JSON.parse(question.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['seniority-mismatch']);
    expect(run(home, ['coach', 'question', '--audience', 'boss', 'Why?']).code).toBe(2);
    writeFileSync(file, 'Subject: Advice\n\nHi [contact.givenName],\n\nBen suggested I write. Could I have 20 minutes of your time next week?\n\nThanks,\nSam\n');
    const blank = run(home, ['coach', 'email', file]);
    expect(blank.stdout).toMatch(/^• unfilled-placeholder: “\[contact\.givenName\]” still needs filling in/m);
    expect(run(home, ['coach', 'email', '--help']).stdout).toContain('Rule ids: unfilled-placeholder, too-long, asks-for-job, attaches-resume, no-connection, no-time-bound-ask.');
  });

  it('manages accounts: add (with a policy-checked password), list and disable', () => {
    const weak = run(home, ['users', 'add', 'lee@example.org', '--name', 'Lee Park', '--password-stdin'], 'password123\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password: is one of the most common passwords/);
    const added = run(home, ['users', 'add', 'Lee@Example.org', '--name', 'Lee Park', '--role', 'coach', '--password-stdin', '--json'], 'a long and quiet passphrase\n');
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ user: expect.objectContaining({ email: 'lee@example.org', role: 'coach', disabledAt: null }) });
    const generated = run(home, ['users', 'add', 'ada@example.org', '--name', 'Ada Admin', '--role', 'admin']);
    expect(generated.stdout).toMatch(/First password \(shown once; ask them to change it\): \S{20,}/);
    expect(run(home, ['users', 'add', 'x@example.org', '--name', 'X', '--role', 'owner']).stderr).toMatch(/role/);
    const listed = run(home, ['users', 'list']);
    expect(listed.stdout).toMatch(/lee@example\.org\s+Lee Park\s+coach\s+active/);
    expect(run(home, ['users', 'disable', 'lee@example.org']).stdout).toMatch(/Disabled lee@example\.org/);
    expect(JSON.parse(run(home, ['users', 'list', '--json']).stdout).items.find((u: { email: string }) => u.email === 'lee@example.org').disabledAt).not.toBeNull();
    expect(run(home, ['users', 'disable', 'nobody@example.org']).code).toBe(1);
  });

  it('reports the schema state with db migrate', () => {
    const result = run(home, ['db', 'migrate', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ dialect: 'sqlite', applied: [], current: Object.keys(migrations).at(-1) });
  });

  it('serves on the given port, printing the start link and where data lives', async () => {
    const demoHome = mkdtempSync(join(tmpdir(), 'inroads-serve-'));
    const child = spawn(process.execPath, [BIN, '--home', demoHome, 'demo', '--port', '0'], { env: { ...process.env, INROADS_DATABASE_URL: '' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    try {
      await new Promise<void>((resolveReady, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 25_000);
        const check = setInterval(() => {
          if (out.includes('Press Ctrl+C')) {
            clearInterval(check);
            clearTimeout(timer);
            resolveReady();
          }
        }, 50);
      });
      expect(out).toContain(join(demoHome, 'demo', 'inroads.db'));
      const secret = readFileSync(join(demoHome, 'secret'), 'utf8').trim();
      expect(out).toContain(`?token=${secret}`);
      expect(out).toContain('Created the demo workspace');
      const url = new URL(/Open:\s+(\S+)/.exec(out)?.[1] ?? '');
      const res = await fetch(`${url.origin}/api/v1/contacts?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { total: number }).total).toBe(60);
    } finally {
      child.kill('SIGTERM');
      rmSync(demoHome, { recursive: true, force: true });
    }
  });
});
