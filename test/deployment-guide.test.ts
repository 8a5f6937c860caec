import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * docs/deployment.md is followed literally by whoever installs a shared server, so
 * its commands are checked as written: the env file is sourced the way the guide
 * sources it, and every directory it relies on is one it creates.
 */
const root = join(import.meta.dirname, '..');
const guide = readFileSync(join(root, 'docs/deployment.md'), 'utf8');

interface Block {
  lang: string;
  text: string;
  /** The prose just before the block (it says where the block goes). */
  before: string;
}

function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```([\w-]*)\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    blocks.push({ lang: m[1] ?? '', text: m[2] ?? '', before: markdown.slice(Math.max(0, m.index - 300), m.index) });
  }
  return blocks;
}

const blocks = fencedBlocks(guide);
/** The block the guide tells you to put in /etc/inroads.env: assignments only, right after the prose naming the file. */
const envBlock = blocks.find((b) => b.before.includes('/etc/inroads.env') && /^INROADS_[A-Z_]+=/m.test(b.text) && b.text.split('\n').every((l) => l === '' || /^(#|INROADS_[A-Z_]+=)/.test(l)));
const shellText = blocks.filter((b) => b.lang === 'sh').map((b) => b.text).join('\n');
const unitBlock = blocks.find((b) => b.lang === 'ini' && b.text.includes('[Service]'));
const cronBlock = blocks.find((b) => b.text.includes('/etc/cron.d/'));

/** Every INROADS_ variable the server and CLI read from the environment (found in the source, so a new one cannot be missed). */
function variablesReadByTheCode(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\benv\.(INROADS_[A-Z_]+)/g)) found.add(m[1] ?? '');
      }
    }
  };
  walk(join(root, 'src'));
  return [...found].sort();
}

/** What each variable must come out as after sourcing the guide's file; undefined: left unset on purpose. */
const INTENDED: Record<string, string | undefined> = {
  INROADS_DATABASE_URL: 'postgres://inroads:PASSWORD@127.0.0.1:5432/inroads',
  INROADS_HOME: '/srv/inroads/home',
  INROADS_PUBLIC_URL: 'https://inroads.example.edu',
  INROADS_TRUST_PROXY: '127.0.0.1',
  INROADS_SMTP_URL: 'smtp://inroads%40example.edu:SMTP-PASSWORD@smtp.example.edu:587',
  INROADS_MAIL_FROM: 'Inroads <inroads@example.edu>',
  INROADS_LOG_LEVEL: undefined,
  INROADS_REMINDER_CRON: undefined,
  // The systemd unit gives the port on the command line; the job polling interval is for tests.
  INROADS_PORT: undefined,
  INROADS_JOB_POLL_SECONDS: undefined,
  INROADS_MAIL_KEY: undefined,
  // The CLI's `mail connect` reads a person's own app password from it; never a server setting.
  INROADS_MAIL_PASSWORD: undefined,
  // Reader threads for a server on SQLite; the shared server runs on PostgreSQL.
  INROADS_READERS: undefined,
  // Single sign-on: off unless the installer sets it up.
  INROADS_OIDC_ISSUER: undefined,
  INROADS_OIDC_CLIENT_ID: undefined,
  INROADS_OIDC_CLIENT_SECRET: undefined,
  INROADS_OIDC_NAME: undefined,
  INROADS_OIDC_ONLY: undefined,
};
/** The optional lines, once uncommented as the guide invites. */
const OPTIONAL: Record<string, string> = {
  INROADS_LOG_LEVEL: 'info',
  INROADS_REMINDER_CRON: '5 * * * *',
  INROADS_MAIL_KEY: 'REPLACE-WITH-THE-OUTPUT-OF-openssl-rand-base64-32',
  INROADS_OIDC_ISSUER: 'https://login.example.edu',
  INROADS_OIDC_CLIENT_ID: 'inroads',
  INROADS_OIDC_CLIENT_SECRET: 'REPLACE-WITH-THE-CLIENT-SECRET',
  INROADS_OIDC_NAME: 'Campus Login',
  INROADS_OIDC_ONLY: '0',
};

const dir = mkdtempSync(join(tmpdir(), 'inroads-guide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Sources the file exactly as the guide does, in a clean bash, and returns what it exported (and what bash said). */
function sourced(text: string): { env: Record<string, string>; stderr: string } {
  const file = join(dir, `inroads-${Math.random().toString(36).slice(2)}.env`);
  writeFileSync(file, text);
  // (In a directory with files in it, so an unquoted glob would have something to match.)
  writeFileSync(join(dir, 'a-file'), '');
  const script = `cd ${JSON.stringify(dir)}; set -a; . ${JSON.stringify(file)}; set +a; env -0`;
  let stderr = '';
  let out = '';
  try {
    out = execFileSync('/bin/bash', ['--noprofile', '--norc', '-c', `{ ${script}; } 2>/dev/null; true`], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, encoding: 'utf8' });
    stderr = execFileSync('/bin/bash', ['--noprofile', '--norc', '-c', `{ ${script}; } 2>&1 >/dev/null`], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, encoding: 'utf8' });
  } catch (error) {
    stderr = String((error as { stderr?: string }).stderr ?? error);
  }
  const env: Record<string, string> = {};
  for (const entry of out.split('\0')) {
    const at = entry.indexOf('=');
    if (at > 0 && entry.startsWith('INROADS_')) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return { env, stderr };
}

/** How systemd's EnvironmentFile= reads the same file (KEY=VALUE lines, # comments, one pair of quotes stripped). */
function systemdReads(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const at = trimmed.indexOf('=');
    const key = trimmed.slice(0, at).trim();
    let value = trimmed.slice(at + 1).trim();
    if (/^".*"$/.test(value) || /^'.*'$/.test(value)) value = value.slice(1, -1);
    env[key] = value;
  }
  return env;
}

/** The directories the unit, the env file and the cron write to, with who writes there. */
const usedDirectories = (): Array<{ path: string; owner: string; why: string }> => {
  const unit = unitBlock?.text ?? '';
  const user = /^User=(\S+)/m.exec(unit)?.[1] ?? '(no User=)';
  const used: Array<{ path: string; owner: string; why: string }> = [];
  for (const m of unit.matchAll(/^ReadWritePaths=(.+)$/gm)) for (const path of (m[1] ?? '').trim().split(/\s+/)) used.push({ path: path.replace(/^-/, ''), owner: user, why: 'ReadWritePaths' });
  const home = systemdReads(envBlock?.text ?? '').INROADS_HOME;
  if (home) used.push({ path: home, owner: user, why: 'INROADS_HOME' });
  for (const line of (cronBlock?.text ?? '').split('\n').filter((l) => /^[\d*]/.test(l))) {
    const cronUser = line.trim().split(/\s+/)[5] ?? '';
    for (const m of line.matchAll(/(?:--file=|>\s*)(\/[^\s;]+)/g)) used.push({ path: dirname(m[1] ?? ''), owner: cronUser, why: 'the backup cron' });
  }
  return used;
};

describe('the deployment guide, followed literally', () => {
  it('has an env file for /etc/inroads.env', () => {
    expect(envBlock).toBeDefined();
  });

  it('knows what every INROADS_ variable the code reads should be', () => {
    expect(variablesReadByTheCode()).toEqual(Object.keys(INTENDED).sort());
  });

  it('sources its env file with `set -a; . /etc/inroads.env` and gets every value as intended, with no shell errors', () => {
    expect(guide).toContain('set -a; . /etc/inroads.env; set +a');
    const { env, stderr } = sourced(envBlock?.text ?? '');
    expect(stderr).toBe('');
    for (const [name, value] of Object.entries(INTENDED)) expect({ name, value: env[name] }).toEqual({ name, value });
  });

  it('keeps working when the optional lines are uncommented', () => {
    const uncommented = (envBlock?.text ?? '').replace(/^# (INROADS_[A-Z_]+=)/gm, '$1');
    const { env, stderr } = sourced(uncommented);
    expect(stderr).toBe('');
    for (const [name, value] of Object.entries(OPTIONAL)) expect({ name, value: env[name] }).toEqual({ name, value });
    expect(env.INROADS_MAIL_FROM).toBe(INTENDED.INROADS_MAIL_FROM);
  });

  it('reads the same under systemd (EnvironmentFile=) as under bash', () => {
    const text = envBlock?.text ?? '';
    const bash = sourced(text).env;
    expect(systemdReads(text)).toEqual(bash);
  });

  it('creates every directory its unit, env file and cron use, owned by whoever writes there', () => {
    const used = usedDirectories();
    expect(used.map((u) => u.why)).toEqual(expect.arrayContaining(['ReadWritePaths', 'INROADS_HOME', 'the backup cron']));
    const creations = shellText.split('\n').filter((line) => /\b(install -d|mkdir -p)\b/.test(line));
    for (const { path, owner, why } of used) {
      const line = creations.find((l) => l.split(/\s+/).includes(path));
      expect({ why, path, created: line !== undefined }).toEqual({ why, path, created: true });
      expect({ why, path, owner: /-o\s+(\S+)/.exec(line ?? '')?.[1] }).toEqual({ why, path, owner });
    }
  });

  it('makes the unit’s working directory (the app, cloned and built by the service user)', () => {
    const workingDirectory = /^WorkingDirectory=(\S+)/m.exec(unitBlock?.text ?? '')?.[1] ?? '(none)';
    const user = /^User=(\S+)/m.exec(unitBlock?.text ?? '')?.[1] ?? '(none)';
    const clone = shellText.split('\n').find((l) => /\bgit clone\b/.test(l) && l.trim().endsWith(` ${workingDirectory}`));
    expect(clone).toMatch(new RegExp(`sudo -u ${user}\\b`));
    // Its parent is the service user's home, made by adduser.
    expect(shellText).toMatch(new RegExp(`adduser --system --group --home ${dirname(workingDirectory)} ${user}\\b`));
  });

  it('says where the nginx site goes, enables it, and moves Debian’s default site out of the way', () => {
    expect(guide).toContain('/etc/nginx/sites-available/inroads');
    expect(shellText).toMatch(/ln -s \/etc\/nginx\/sites-available\/inroads \/etc\/nginx\/sites-enabled\//);
    expect(shellText).toMatch(/rm -f? ?\/etc\/nginx\/sites-enabled\/default/);
    expect(shellText).toMatch(/nginx -t/);
    const site = blocks.find((b) => b.lang === 'nginx')?.text ?? '';
    for (const needed of ['listen 443 ssl', 'client_max_body_size', 'proxy_set_header Host $host', 'proxy_set_header X-Forwarded-For', 'proxy_set_header X-Forwarded-Proto', 'proxy_http_version 1.1', 'default_server']) {
      expect(site).toContain(needed);
    }
  });

  it('lists the build tools better-sqlite3 needs in its apt line', () => {
    const apt = shellText.split('\n').filter((l) => l.includes('apt-get install')).join(' ');
    for (const tool of ['python3', 'make', 'g++', 'git']) expect(apt.split(/\s+/)).toContain(tool);
  });

  it('runs the Inroads commands as the service user, never as whoever types them', () => {
    const commands = shellText.split('\n').filter((l) => /\bbin\/inroads\.js\b|\bnpm (ci|run)\b|\bgit clone\b/.test(l));
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) expect({ line, asService: /sudo -u inroads\b/.test(line) }).toEqual({ line, asService: true });
  });
});
