import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './types.js';
import { requestsInFlight } from './start.js';

/** What tells the database that one request is alone (its reads may skip the reader threads). */
describe('requests in flight', () => {
  const traffic = requestsInFlight();
  const app = Fastify();
  let origin = '';
  const seen: boolean[] = [];
  let release!: () => void;
  let gate = Promise.resolve();

  beforeAll(async () => {
    traffic.count(app as unknown as App);
    app.get('/work', async () => {
      seen.push(traffic.quiet());
      await gate;
      return { ok: true };
    });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());
  const settled = async () => {
    for (let i = 0; i < 50 && !traffic.quiet(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('is quiet with one request at a time, and not while two overlap', async () => {
    await (await fetch(`${origin}/work`)).json();
    expect(seen).toEqual([true]);
    gate = new Promise<void>((resolve) => (release = resolve));
    const first = fetch(`${origin}/work`);
    while (seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = fetch(`${origin}/work`);
    while (seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    await Promise.all([(await first).json(), (await second).json()]);
    expect(seen).toEqual([true, true, false]);
    await settled();
    expect(traffic.quiet()).toBe(true);
  });

  it('counts a request the browser gave up on as ended', async () => {
    gate = new Promise<void>((resolve) => (release = resolve));
    const abandon = new AbortController();
    const gone = fetch(`${origin}/work`, { signal: abandon.signal }).catch(() => 'aborted');
    while (seen.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    abandon.abort();
    expect(await gone).toBe('aborted');
    release();
    await settled();
    expect(traffic.quiet()).toBe(true);
    seen.length = 0;
    await (await fetch(`${origin}/work`)).json();
    expect(seen).toEqual([true]);
  });
});
