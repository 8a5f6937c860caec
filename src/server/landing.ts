import { escapeHtml, PAGE_STYLE } from './security.js';
import { VERSION } from '../shared/version.js';

/** The start page served when no web app build is present: what is running and where to go next. */
export function landingPage(dataLocation: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inroads</title><style>${PAGE_STYLE}</style></head>
<body><main>
<h1>Inroads ${VERSION} is running</h1>
<p>Your informational-interview workspace is open on this computer only.</p>
<ul>
<li><a href="/api/openapi.json">API description (OpenAPI)</a></li>
<li><a href="/api/v1/health">Health check</a></li>
</ul>
<p>Data lives in <code>${escapeHtml(dataLocation)}</code>. Back it up any time with <code>inroads backup FILE</code>.</p>
</main></body></html>`;
}
