import { describe, expect, it } from 'vitest';
import { freePort } from './start.js';
import { connectOidc, oidcSettingsFrom } from './oidc.js';

describe('single sign-on settings', () => {
  const full = { INROADS_OIDC_ISSUER: 'https://login.uni.example', INROADS_OIDC_CLIENT_ID: 'inroads', INROADS_OIDC_CLIENT_SECRET: 's3cret' };

  it('is off when none is set, and reads the name and the only-mode switch when they are', () => {
    expect(oidcSettingsFrom({})).toBeNull();
    expect(oidcSettingsFrom(full)).toEqual({ issuer: 'https://login.uni.example', clientId: 'inroads', clientSecret: 's3cret', name: 'single sign-on', only: false });
    expect(oidcSettingsFrom({ ...full, INROADS_OIDC_NAME: 'UniLogin', INROADS_OIDC_ONLY: '1' })).toMatchObject({ name: 'UniLogin', only: true });
  });

  it('refuses to start half set up, naming what is missing', () => {
    expect(() => oidcSettingsFrom({ INROADS_OIDC_ISSUER: full.INROADS_OIDC_ISSUER })).toThrow(/INROADS_OIDC_CLIENT_ID and INROADS_OIDC_CLIENT_SECRET are missing/);
    expect(() => oidcSettingsFrom({ ...full, INROADS_OIDC_CLIENT_SECRET: '' })).toThrow(/INROADS_OIDC_CLIENT_SECRET is missing/);
    expect(() => oidcSettingsFrom({ INROADS_OIDC_ONLY: '1' })).toThrow(/INROADS_OIDC_ONLY is set, but single sign-on is not/);
    expect(() => oidcSettingsFrom({ ...full, INROADS_OIDC_ONLY: 'maybe' })).toThrow(/INROADS_OIDC_ONLY must be 1 or 0/);
    expect(() => oidcSettingsFrom({ ...full, INROADS_OIDC_ISSUER: 'http://login.uni.example' })).toThrow(/must start with https:\/\//);
    expect(() => oidcSettingsFrom({ ...full, INROADS_OIDC_ISSUER: 'not an address' })).toThrow(/INROADS_OIDC_ISSUER must be/);
    try {
      oidcSettingsFrom({ INROADS_OIDC_ISSUER: full.INROADS_OIDC_ISSUER });
    } catch (error) {
      expect(error).toMatchObject({ code: 'config.oidc', status: 1 });
    }
  });

  it('fails at start with a clear message when the provider cannot be reached', async () => {
    const port = await freePort();
    const settings = oidcSettingsFrom({ ...full, INROADS_OIDC_ISSUER: `http://127.0.0.1:${port}` });
    if (!settings) throw new Error('no settings');
    await expect(connectOidc(settings, 'http://127.0.0.1:4590/sso/callback')).rejects.toMatchObject({
      code: 'config.oidc',
      message: expect.stringContaining(`Could not reach the identity provider at http://127.0.0.1:${port} (INROADS_OIDC_ISSUER)`),
    });
  });
});
