import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Provider, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID provider for the tests (oidc-provider from npm) on loopback, on a
 * port of its own: discovery, authorization, token, userinfo and keys endpoints as
 * any provider has them, one confidential client for Inroads, and test people.
 *
 * Its login page is a tiny one of ours (the interaction oidc-provider leaves to the
 * host): an email field and a button, which a browser test fills in like a person
 * would, and which `signIn` submits for the API tests. Consent is given for the
 * test client without asking.
 */
export interface TestPerson {
  /** The provider's own id for the person (the `sub` claim). */
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people who can sign in, by email (the login page asks for it). */
  people: Map<string, TestPerson>;
  addPerson(person: TestPerson): void;
  /**
   * Goes through the provider's login for an authorization address (as a browser would: its cookies, its redirects,
   * the login form) and answers the address the provider sends the browser back to (Inroads' callback, with code and state).
   */
  signIn(authorizationUrl: string, email: string): Promise<URL>;
  /**
   * Changes the claims of the next ID token the token endpoint issues and signs it again with the provider's own key
   * (so only the changed claim is wrong: the signature, issuer and everything else are the provider's).
   */
  alterNextIdToken(change: (claims: Record<string, unknown>) => Record<string, unknown>): void;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, clientName: string, problem?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test provider: sign in</title></head>
<body><main><h1>Test provider</h1><p>Sign in to continue to ${escapeHtml(clientName)}.</p>
${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Email</label> <input id="login" name="login" type="email" autocomplete="username" required>
<button type="submit">Sign in at the provider</button>
</form></main></body></html>`;
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

/** RS256 over header.payload with the provider's private key (the same key its JWKS publishes). */
function resign(idToken: string, key: JsonWebKey & { kid: string }, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header = '', payload = ''] = idToken.split('.');
  const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>);
  const data = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = sign('sha256', Buffer.from(data), createPrivateKey({ key, format: 'jwk' }));
  return `${data}.${signature.toString('base64url')}`;
}

export async function startTestProvider({
  redirectUris,
  clientId = 'inroads-test',
  clientName = 'Inroads',
  emailInIdToken = true,
}: {
  redirectUris: string[];
  clientId?: string;
  clientName?: string;
  /** false: the email is only given by the userinfo endpoint (the ID token has just `sub`), as some providers do. */
  emailInIdToken?: boolean;
}): Promise<TestProvider> {
  const people = new Map<string, TestPerson>();
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'RS256', use: 'sig' } as JsonWebKey & { kid: string };
  let alteration: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;

  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the test provider has no port');
  const issuer = `http://127.0.0.1:${address.port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: clientName,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Like most providers: the email is in the ID token itself, not only behind the userinfo endpoint (unless asked).
    conformIdTokenClaims: !emailInIdToken,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // (Stated, so the provider does not warn about its defaults; an ID token lives an hour, as at most providers.)
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 3600 },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const person = [...people.values()].find((p) => p.sub === sub);
      return person ? { accountId: sub, claims: () => ({ sub, email: person.email, email_verified: person.email_verified, name: person.name }) } : undefined;
    },
    // The test client is first-party: consent is given without asking.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const existing = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client?.clientId ?? '');
      if (existing) return oidc.provider.Grant.find(existing);
      if (!oidc.session?.accountId || !oidc.client) return undefined;
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // The token endpoint's answer, where a test asked for its next ID token to be altered.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.method === 'POST' && ctx.path === '/token' && alteration && typeof body?.id_token === 'string') {
      ctx.body = { ...body, id_token: resign(body.id_token, jwk, alteration) };
      alteration = null;
    }
  });
  const handler = provider.callback();

  const interaction = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const [, , uid = '', action] = path.split('/');
    if (request.method === 'GET' && !action) {
      const details = await provider.interactionDetails(request, response);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid ?? uid, clientName));
      return;
    }
    if (request.method === 'POST' && action === 'login') {
      const form = await formBody(request);
      const person = people.get((form.get('login') ?? '').trim().toLowerCase());
      if (!person) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, clientName, 'No test person has that email.'));
        return;
      }
      await provider.interactionFinished(request, response, { login: { accountId: person.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    response.writeHead(404).end();
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/interaction/')) {
      interaction(request, response, path).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
      return;
    }
    void handler(request, response);
  });

  async function signIn(authorizationUrl: string, email: string): Promise<URL> {
    const jar = new Map<string, string>();
    const send = async (method: 'GET' | 'POST', url: string, body?: string) => {
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(body ? { body } : {}),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at);
        const value = pair.slice(at + 1);
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      return response;
    };
    let url = authorizationUrl;
    let response = await send('GET', url);
    for (let hop = 0; hop < 10; hop += 1) {
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== issuer) return next;
        url = next.href;
        response = await send('GET', url);
        continue;
      }
      const path = new URL(url).pathname;
      if (response.status === 200 && path.startsWith('/interaction/')) {
        await response.text();
        url = new URL(`${path}/login`, issuer).href;
        response = await send('POST', url, new URLSearchParams({ login: email }).toString());
        if (response.status === 200) throw new Error(`the test provider did not sign ${email} in: ${await response.text()}`);
        continue;
      }
      throw new Error(`the test provider answered ${response.status} at ${url}: ${await response.text()}`);
    }
    throw new Error('too many redirects at the test provider');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    addPerson: (person) => void people.set(person.email.toLowerCase(), person),
    signIn,
    alterNextIdToken: (change) => {
      alteration = change;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
