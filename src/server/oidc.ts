import * as oidc from 'openid-client';
import type { IdentityClaims, IdentityProvider } from '../modules/sso/sso.usecases.js';
import { AppError } from '../shared/errors.js';

/** A shared server's single sign-on settings, from INROADS_OIDC_* (see docs/deployment.md). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button calls the provider: "Continue with <name>". */
  name: string;
  /** Single sign-on only: no password sign-in, sign-up or reset (admins keep the command line). */
  only: boolean;
}

const YES = new Set(['1', 'true', 'yes', 'on']);
const NO = new Set(['', '0', 'false', 'no', 'off']);

/**
 * The settings from the environment: null when none of the three required ones is
 * set; an error naming what is missing when only some are (a half-configured server
 * must not start and quietly offer passwords instead).
 */
export function oidcSettingsFrom(env: Record<string, string | undefined>): OidcSettings | null {
  const issuer = env.INROADS_OIDC_ISSUER?.trim() ?? '';
  const clientId = env.INROADS_OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.INROADS_OIDC_CLIENT_SECRET ?? '';
  const only = (env.INROADS_OIDC_ONLY ?? '').trim().toLowerCase();
  const required = { INROADS_OIDC_ISSUER: issuer, INROADS_OIDC_CLIENT_ID: clientId, INROADS_OIDC_CLIENT_SECRET: clientSecret };
  const missing = Object.entries(required).filter(([, value]) => value === '').map(([name]) => name);
  if (!YES.has(only) && !NO.has(only)) throw new AppError('config.oidc', 1, `INROADS_OIDC_ONLY must be 1 or 0 (got "${env.INROADS_OIDC_ONLY}")`);
  if (missing.length === 3) {
    if (YES.has(only)) throw new AppError('config.oidc', 1, 'INROADS_OIDC_ONLY is set, but single sign-on is not: set INROADS_OIDC_ISSUER, INROADS_OIDC_CLIENT_ID and INROADS_OIDC_CLIENT_SECRET too.');
    return null;
  }
  if (missing.length > 0) throw new AppError('config.oidc', 1, `Single sign-on is half set up: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing.`);
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new AppError('config.oidc', 1, `INROADS_OIDC_ISSUER must be the provider's address, such as https://login.example.edu (got "${issuer}")`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new AppError('config.oidc', 1, `INROADS_OIDC_ISSUER must start with https:// (plain http is only accepted on this machine, for tests); got "${issuer}"`);
  }
  return { issuer, clientId, clientSecret, name: env.INROADS_OIDC_NAME?.trim() || 'single sign-on', only: YES.has(only) };
}

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Why a provider's answer was refused, in a word the log and the tests can check (never the answer itself). */
function refusalReason(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError) return `provider:${error.error}`;
  if (error instanceof oidc.ResponseBodyError) return `token:${error.error}`;
  // openid-client wraps the check that failed: the claim (aud, exp, nonce, iss…) or the parameter is in its causes.
  for (let at: unknown = error, depth = 0; at && depth < 4; at = (at as { cause?: unknown }).cause, depth += 1) {
    const claim = (at as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
    const message = at instanceof Error ? at.message : '';
    const parameter = /"(state|iss|code)"/.exec(message);
    if (parameter?.[1]) return parameter[1];
    if (/signature/i.test(message)) return 'signature';
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code.toLowerCase() : 'invalid';
}

/** A network failure reaching the provider (as opposed to an answer that failed its checks). */
const unreachable = (error: unknown) => error instanceof TypeError && /fetch failed/i.test(error.message);

/**
 * Connects to the identity provider (discovery: its endpoints and keys) and
 * answers the one sign-in flow Inroads uses: the authorization code flow with
 * PKCE, state and nonce, for a confidential client. Fails at start, with a clear
 * message, when the provider cannot be reached.
 */
export async function connectOidc(settings: OidcSettings, redirectUri: string): Promise<IdentityProvider> {
  const issuer = new URL(settings.issuer);
  let discovered: oidc.Configuration;
  try {
    discovered = await oidc.discovery(issuer, settings.clientId, { client_secret: settings.clientSecret, redirect_uris: [redirectUri] }, oidc.ClientSecretBasic(settings.clientSecret), {
      timeout: 10,
      ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new AppError('config.oidc', 1, `Could not reach the identity provider at ${settings.issuer} (INROADS_OIDC_ISSUER): ${why}`);
  }
  discovered.timeout = 10;
  const metadata = discovered.serverMetadata();
  /**
   * The server's clock is the one that judges a token's times (tests move it; in service it is the system's, and
   * the skew is 0): one configuration per skew, each keeping its own copy of the provider's keys.
   */
  const bySkew = new Map<number, oidc.Configuration>([[0, discovered]]);
  const configFor = (skew: number) => {
    let found = bySkew.get(skew);
    if (!found) {
      found = new oidc.Configuration(metadata, settings.clientId, { client_secret: settings.clientSecret, [oidc.clockSkew]: skew }, oidc.ClientSecretBasic(settings.clientSecret));
      if (issuer.protocol === 'http:') oidc.allowInsecureRequests(found);
      found.timeout = 10;
      if (bySkew.size > 16) bySkew.clear();
      bySkew.set(skew, found);
    }
    return found;
  };
  return {
    name: settings.name,
    only: settings.only,
    issuer: metadata.issuer,
    authorizationUrl: ({ state, nonce, codeChallenge }) =>
      oidc.buildAuthorizationUrl(discovered, { redirect_uri: redirectUri, scope: 'openid email profile', state, nonce, code_challenge: codeChallenge, code_challenge_method: 'S256' }).href,
    async claims({ response, state, nonce, codeVerifier, now }): Promise<IdentityClaims> {
      const config = configFor(Math.round((now.getTime() - Date.now()) / 1000));
      const query = response.startsWith('?') ? response : `?${response}`;
      const callback = new URL(`${redirectUri}${query}`);
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
      } catch (error) {
        if (unreachable(error)) throw new AppError('sso.unavailable', 502, `${settings.name} did not answer. Try again in a moment.`);
        const reason = refusalReason(error);
        throw new AppError('sso.failed', 400, `The answer from ${settings.name} could not be trusted (${reason}), so nobody was signed in. Start again from the sign-in page.`, { reason });
      }
      const token = tokens.claims();
      if (!token) throw new AppError('sso.failed', 400, `${settings.name} sent no ID token, so nobody was signed in.`, { reason: 'id_token' });
      let claims: Record<string, unknown> = { ...token };
      // Some providers put the email only in the userinfo answer, not in the ID token.
      if (typeof claims.email !== 'string' && metadata.userinfo_endpoint) {
        try {
          claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, token.sub)), ...token };
        } catch (error) {
          if (unreachable(error)) throw new AppError('sso.unavailable', 502, `${settings.name} did not answer. Try again in a moment.`);
          throw new AppError('sso.failed', 400, `${settings.name}'s account details could not be read, so nobody was signed in.`, { reason: refusalReason(error) });
        }
      }
      return {
        subject: token.sub,
        email: typeof claims.email === 'string' ? claims.email : null,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === 'string' ? claims.name : null,
      };
    },
  };
}
