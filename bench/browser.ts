/**
 * What a person waits for in the browser: from navigating to the People page (or Today)
 * until its first rows are on screen, in Debian's Chromium against the running app
 * (median of 5), and how much JavaScript the first load needs (gzipped).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The scripts the first page load fetches (the entry and what it preloads), gzipped. */
export function initialJavaScript(webRoot: string): { files: number; bytes: number; gzipped: number } {
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  let bytes = 0;
  let gzipped = 0;
  for (const source of new Set(sources)) {
    const file = readFileSync(join(webRoot, source.replace(/^\//, '')));
    bytes += file.length;
    gzipped += gzipSync(file, { level: 9 }).length;
  }
  return { files: new Set(sources).size, bytes, gzipped };
}

/** Runs in the page: the time since navigation began once `selector` is there (this file is compiled without the DOM's types, and the page's CSP forbids evaluating strings). */
const inPage = (selector: string) => ((globalThis as unknown as { document: { querySelector(q: string): unknown } }).document.querySelector(selector) ? performance.now() : false);

/** Milliseconds from the start of navigation until `selector` is in the page (read in the page, so the bench's own overhead is left out). */
async function timeTo(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    const handle = await page.waitForFunction(inPage, selector, { polling: 'raf', timeout: 60_000 });
    return Number(await handle.jsonValue());
  } catch (error) {
    throw new Error(`${url} showed no ${selector} within a minute; the page said: ${(await page.locator('body').innerText().catch(() => '')).slice(0, 300)}`, { cause: error });
  }
}

export async function benchBrowser(options: { app: string; signInUrl: string; webRoot: string }): Promise<string[]> {
  const js = initialJavaScript(options.webRoot);
  const jsLine = `| initial JavaScript (${js.files} files) | ${(js.gzipped / 1024).toFixed(0)} KB gzipped (${(js.bytes / 1024).toFixed(0)} KB raw) | target ≤ 200 KB gzipped |`;
  if (!existsSync(CHROMIUM)) return ['', '| browser | time | |', '|---|---|---|', `| People, Today | not measured: no Chromium at ${CHROMIUM} (apt-get install chromium) | |`, jsLine];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(options.signInUrl);
    const people: number[] = [];
    const today: number[] = [];
    // One unmeasured visit each warms the server's caches and the browser's, as a person's second visit would be.
    await timeTo(page, `${options.app}/people`, '.virtual-row a');
    await timeTo(page, `${options.app}/`, 'li.agenda-item, main .empty');
    for (let round = 0; round < 5; round++) {
      people.push(await timeTo(page, `${options.app}/people`, '.virtual-row a'));
      today.push(await timeTo(page, `${options.app}/`, 'li.agenda-item, main .empty'));
    }
    const row = (name: string, values: number[]) => `| ${name} | ${median(values).toFixed(0)} ms | all: ${values.map((v) => v.toFixed(0)).join(', ')} ms; target ≤ 300 ms |`;
    return [
      '',
      '| browser (Chromium, 1280 px, from navigation to first rows, median of 5) | time | |',
      '|---|---|---|',
      row('People page: first rows', people),
      row('Today: first items', today),
      jsLine,
    ];
  } finally {
    await browser.close();
  }
}
