import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAccountRoutes, registerLocalAuthStatus } from '../modules/accounts/accounts.routes.js';
import { registerAuditRoutes } from '../modules/sharing/audit.routes.js';
import { registerCoachRoutes } from '../modules/coach/coach.routes.js';
import { registerCohortRoutes } from '../modules/cohorts/cohorts.routes.js';
import { CALENDAR_FEED_PREFIX, registerCalendarRoutes } from '../modules/calendar/calendar.routes.js';
import { registerContactRoutes } from '../modules/contacts/contacts.routes.js';
import { registerConversationRoutes } from '../modules/conversation/conversation.routes.js';
import { registerDecisionRoutes } from '../modules/decisions/decision.routes.js';
import { registerExportRoutes } from '../modules/exports/exports.routes.js';
import { registerExplorationRoutes } from '../modules/explorations/explorations.routes.js';
import { registerFollowupRoutes } from '../modules/followups/followups.routes.js';
import { registerImportRoutes } from '../modules/imports/imports.routes.js';
import { registerInsightRoutes } from '../modules/insights/insights.routes.js';
import { registerWeekRoutes } from '../modules/week/week.routes.js';
import { registerInteractionRoutes } from '../modules/interactions/interactions.routes.js';
import { registerInterviewRoutes } from '../modules/interviews/interviews.routes.js';
import { registerOrganizationRoutes } from '../modules/organizations/organizations.routes.js';
import { registerOutreachRoutes } from '../modules/outreach/outreach.routes.js';
import { registerProfileRoutes } from '../modules/profile/profile.routes.js';
import { registerQuestionRoutes } from '../modules/questions/questions.routes.js';
import { registerLeadRoutes } from '../modules/leads/leads.routes.js';
import { registerMailRoutes } from '../modules/mail/mail.routes.js';
import type { MailServices } from '../modules/mail/mail.usecases.js';
import { createMailServices } from './mail-services.js';
import { registerReferralRoutes } from '../modules/referrals/referrals.routes.js';
import { registerReminderRoutes } from '../modules/reminders/reminders.routes.js';
import { registerReportRoutes } from '../modules/reports/reports.routes.js';
import type { DatabaseHandle } from '../db/factory.js';
import type { AppContext } from '../modules/repositories.js';
import { registerSearchRoutes } from '../modules/search/search.routes.js';
import { registerSsoRoutes } from '../modules/sso/sso.routes.js';
import { registerSharingRoutes } from '../modules/sharing/sharing.routes.js';
import { registerTemplateRoutes } from '../modules/templates/templates.routes.js';
import { registerTrashRoutes } from '../modules/trash/trash.routes.js';
import { JSON_BODY_LIMIT, registerBodyHandling } from './body.js';
import { errorOptions, registerErrorHandling, routeNotFound, sendError } from './errors.js';
import { FEED_ROUTE } from './access.js';
import { registerEventLog } from './events.js';
import { landingPage } from './landing.js';
import { loggerOptions, newRequestId, OneLinePerRequest, type LogSettings } from './logging.js';
import { withErrorCodes } from './openapi-errors.js';
import { currentUser, signedInUser, multiUserWorkspaces, presentedToken, registerMultiUserSecurity, sessionCookies, type MultiUserDeps } from './multi-user.js';
import { scopedContext } from './request-scope.js';
import { registerLocalSignInRoutes, registerSecurity } from './security.js';
import { registerFirstRequestHints } from './first-requests.js';
import type { App } from './types.js';
import { createWorkspaces, registerWorkspaceRoutes, type Workspaces } from './workspace.js';

export interface AppDeps {
  /** Local mode: the one workspace (ignored in multi-user mode, where each request gets its user's). */
  ctx: AppContext;
  /** Own/demo workspace switching; without it the app shows `ctx` only. */
  workspaces?: Workspaces | undefined;
  /** Local mode: the launch secret. */
  secret?: string | undefined;
  /** Local mode: the command the signed-out page tells people to run. */
  openCommand?: string | undefined;
  /** Multi-user mode: accounts, and a workspace per user. */
  multiUser?: MultiUserDeps | undefined;
  /** Which proxies to believe about the client's address (multi-user behind a reverse proxy). */
  trustProxy?: boolean | string | undefined;
  /** `host:port` values the server answers to (DNS-rebinding defence). */
  allowedHosts: string[];
  /** The open database (for the workspace page and backup downloads). */
  handle: DatabaseHandle;
  /** The user's own mailbox: client, sealing key, .eml reader. Without it there is no key, so connecting answers `mail.unavailable` (.eml files still work). */
  mail?: MailServices | undefined;
  /** Directory of the built web app, when there is one. */
  webRoot?: string | undefined;
  /** true: warnings only (local mode); settings: a shared server's request and event log (see logging.ts). */
  logger?: boolean | LogSettings | undefined;
  /**
   * Check every response against its schema (on in tests). In production the use
   * cases already build exact objects, so responses are serialised directly.
   */
  validateResponses?: boolean;
  /** Told of every route as it is registered (the authorisation-matrix test lists them this way). */
  onRoute?: ((method: string, url: string) => void) | undefined;
  /** Told of every error answer, with its route (the fuzz and authorisation tests check each against the route's declared codes). */
  onErrorResponse?: ((answer: ErrorAnswer) => void) | undefined;
}

/** One error answer: the route that gave it (null when no route matched), its status and its code. */
export interface ErrorAnswer {
  method: string;
  route: string | null;
  status: number;
  code: string;
}

export { VERSION } from '../shared/version.js';
import { VERSION } from '../shared/version.js';
/** web-dist/ at the package root, whether running from src/ (tests) or dist/src/ (the built app). */
function packageWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'web-dist');
}
const defaultWebRoot = packageWebRoot();

function tellingFrameworkErrors(tell: (answer: ErrorAnswer) => void) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    sendError(error, request, reply, (out) => tell({ method: request.method, route: null, status: out.status, code: out.code }));
}

/** Builds the whole HTTP application without listening, so tests can use `app.inject()`. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ? loggerOptions(deps.logger === true ? { level: 'warn' } : deps.logger) : false,
    genReqId: newRequestId,
    ...(deps.logger ? { logController: new OneLinePerRequest() } : {}),
    bodyLimit: JSON_BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
    ...errorOptions,
    // (Errors found before routing never reach the onSend hook below: told of here.)
    ...(deps.onErrorResponse ? { frameworkErrors: tellingFrameworkErrors(deps.onErrorResponse) } : {}),
    ...(deps.trustProxy === undefined ? {} : { trustProxy: deps.trustProxy }),
  }).withTypeProvider<ZodTypeProvider>();
  if (deps.onRoute) {
    const tell = deps.onRoute;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') tell(method, route.url);
    });
  }
  if (deps.onErrorResponse) {
    const tell = deps.onErrorResponse;
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode >= 400 && typeof payload === 'string') {
        let code = '(not the error shape)';
        try {
          code = (JSON.parse(payload) as { error?: { code?: string } }).error?.code ?? code;
        } catch {
          // (reported with the placeholder code)
        }
        tell({ method: request.method, route: request.routeOptions.url ?? null, status: reply.statusCode, code });
      }
      return payload;
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  if (deps.validateResponses ?? true) app.setSerializerCompiler(serializerCompiler);
  else app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(fastifyCookie);
  const { multiUser } = deps;
  const cookies = sessionCookies(multiUser?.secureCookies ?? false);
  if (multiUser) {
    registerMultiUserSecurity(app, multiUser, cookies);
    registerEventLog(app);
  } else if (deps.secret) registerSecurity(app, { secret: deps.secret, allowedHosts: deps.allowedHosts, tokenInPathPrefixes: [CALENDAR_FEED_PREFIX], db: deps.handle.db, clock: deps.ctx.clock, openCommand: deps.openCommand });
  else throw new Error('buildApp needs the launch secret (local mode) or accounts (multi-user mode)');
  // A page is served (locally) only to a signed-in browser; on a shared server, to anyone, signed in or not.
  registerFirstRequestHints(app, multiUser ? (request) => request.inroadsScope !== undefined : () => true);
  registerErrorHandling(app);
  registerBodyHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Inroads API',
        version: VERSION,
        description:
          'The local API behind Inroads, a workbench for informational interviews. Authenticate with the launch secret as a Bearer token, or with the cookie set by the start link. Errors are { "error": { "code", "message", "details" } }.',
      },
      components: { securitySchemes: multiUser ? { session: { type: 'http', scheme: 'bearer' } } : { launchSecret: { type: 'http', scheme: 'bearer' } } },
      security: [multiUser ? { session: [] } : { launchSecret: [] }],
    },
    transform: (input) => withErrorCodes(jsonSchemaTransform(input), input.route),
  });

  const ctx = multiUser ? scopedContext : deps.ctx;
  if (multiUser) {
    const token = (request: FastifyRequest) => presentedToken(request, cookies)?.token ?? null;
    registerSsoRoutes(app, { control: multiUser.control, provider: multiUser.sso ?? null, secureCookies: multiUser.secureCookies, cookies, token });
    registerAccountRoutes(app, {
      control: multiUser.control,
      cookies,
      token,
      currentUser,
      signedInUser,
      removeWorkspace: multiUser.removeWorkspace,
      sendMail: multiUser.sendMail ?? null,
      appUrl: multiUser.appUrl ?? null,
    });
    registerReminderRoutes(app, { control: multiUser.control, currentUser, planReminders: multiUser.planReminders ?? null });
    registerSharingRoutes(app, { control: multiUser.control, open: (userId, work) => multiUser.workspaces.use(userId, work), currentUser });
    registerAuditRoutes(app, { control: multiUser.control });
    registerReportRoutes(app, { control: multiUser.control, open: (userId, work) => multiUser.workspaces.use(userId, work) });
    registerCohortRoutes(app, { control: multiUser.control, open: (userId, work) => multiUser.workspaces.use(userId, work), currentUser, sendMail: multiUser.sendMail ?? null, appUrl: multiUser.appUrl ?? null });
    registerWorkspaceRoutes(app, multiUserWorkspaces);
  } else {
    registerLocalAuthStatus(app);
    registerLocalSignInRoutes(app);
    registerWorkspaceRoutes(app, deps.workspaces ?? createWorkspaces(deps.handle, ctx.clock, null));
  }
  registerProfileRoutes(app, ctx);
  registerExplorationRoutes(app, ctx);
  registerDecisionRoutes(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerContactRoutes(app, ctx);
  registerInterviewRoutes(app, ctx);
  registerConversationRoutes(app, ctx);
  registerInteractionRoutes(app, ctx);
  registerInsightRoutes(app, ctx);
  registerWeekRoutes(app, ctx);
  registerReferralRoutes(app, ctx);
  registerLeadRoutes(app, ctx);
  registerQuestionRoutes(app, ctx);
  registerTemplateRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerFollowupRoutes(app, ctx);
  registerCalendarRoutes(app, ctx, multiUser ? { feedPath: (token) => `/calendar/${currentUser().id}/${token}.ics`, feedRoute: FEED_ROUTE } : undefined);
  registerImportRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerCoachRoutes(app, ctx);
  registerTrashRoutes(app, ctx);
  registerOutreachRoutes(app, ctx);
  registerMailRoutes(app, ctx, deps.mail ?? createMailServices({ key: null }));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/v1/health', { schema: { tags: ['meta'], summary: 'Liveness and version' } }, async () => ({
    ok: true,
    version: VERSION,
    database: multiUser ? multiUser.control.dialect : ctx.dialect,
  }));

  const webRoot = deps.webRoot ?? defaultWebRoot;
  const hasWeb = existsSync(webRoot);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      // The build names every script and style sheet by its content, so a browser keeps them and never asks again;
      // the page itself (and the icon) is checked each time, so a new version is picked up at once.
      cacheControl: false,
      setHeaders: (res, path) => res.header('Cache-Control', /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(path) ? 'private, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/people/…, /interviews/…) all load the app's single page.
    const wantsPage = hasWeb && request.method === 'GET' && !request.url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(request.url);
    if (wantsPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.code(404).type('application/json; charset=utf-8').send(routeNotFound(request.method, request.url));
  });
  if (!hasWeb) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(landingPage(deps.handle.location)),
    );
  }
  return app;
}
