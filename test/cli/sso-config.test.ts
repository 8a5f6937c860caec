import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/server/start.js';

const BIN = resolve('bin/inroads.js');
const home = mkdtempSync(join(tmpdir(), 'inroads-sso-config-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** `inroads serve --multi-user` with these settings; it must stop at once, so it is run to its end. */
function serve(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [BIN, '--home', home, 'serve', '--multi-user', '--port', '0'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, said: `${run.stdout}${run.stderr}` };
}

describe('a shared server’s single sign-on settings at start', () => {
  it('refuses to start half set up, naming what is missing', () => {
    const { status, said } = serve({ INROADS_OIDC_ISSUER: 'https://login.uni.example', INROADS_OIDC_CLIENT_ID: 'inroads' });
    expect(status).toBe(1);
    expect(said).toContain('Single sign-on is half set up: INROADS_OIDC_CLIENT_SECRET is missing.');
    expect(said).not.toContain('Inroads is running');
  });

  it('refuses to start when the identity provider cannot be reached, and says where it looked', async () => {
    const port = await freePort();
    const { status, said } = serve({ INROADS_OIDC_ISSUER: `http://127.0.0.1:${port}`, INROADS_OIDC_CLIENT_ID: 'inroads', INROADS_OIDC_CLIENT_SECRET: 'not-logged-anywhere' });
    expect(status).toBe(1);
    expect(said).toContain(`Could not reach the identity provider at http://127.0.0.1:${port} (INROADS_OIDC_ISSUER)`);
    expect(said).not.toContain('not-logged-anywhere');
  });
});
