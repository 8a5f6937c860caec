import type { FastifyRequest } from 'fastify';
import { firstRequests } from '../shared/vocabulary/first-requests.js';
import type { App } from './types.js';

/**
 * The app's page names, in a `Link: <…>; rel=preload; as=fetch; crossorigin` header, the requests the web
 * app makes before it can show anything (see src/shared/vocabulary/first-requests.ts). The
 * browser starts them as the page arrives, alongside the scripts, instead of after the scripts
 * have run one request at a time. `crossorigin` makes each preload a same-origin request with
 * cookies, as the app's own `fetch` is, so the browser hands the app the preloaded answer.
 */
export function registerFirstRequestHints(app: App, signedIn: (request: FastifyRequest) => boolean): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    const url = new URL(request.url, 'http://inroads.invalid');
    const links = firstRequests(url.pathname, url.search, signedIn(request)).map((address) => `<${address}>; rel=preload; as=fetch; crossorigin`);
    reply.header('Link', links.join(', '));
    return payload;
  });
}
