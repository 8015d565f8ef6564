import { readFile } from 'node:fs/promises';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { UrnSchema, LiaisonGroupSchema } from '../../domain/directory/types.js';
import type { JourneyQueries } from '../../dialogs/queries.js';
import type { BotServices } from '../services.js';
import type { SsoTokenVerifier } from '../ssoToken.js';
import { identifyRequester } from './requester.js';
import { TabApi, type TabReply } from './tabApi.js';

/** The tab's pages and their own scripts and styles; nothing else under web/ is served. */
const PAGES: Readonly<Record<string, string>> = {
  'tab.html': 'text/html; charset=utf-8',
  'configure.html': 'text/html; charset=utf-8',
  'tab.js': 'text/javascript; charset=utf-8',
  'configure.js': 'text/javascript; charset=utf-8',
  'tab.css': 'text/css; charset=utf-8',
};

const WEB_DIR = new URL('../../web/', import.meta.url);

/** Where Teams and the other Microsoft 365 hosts show a tab from (Microsoft's tab requirements). */
const TEAMS_HOSTS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/**
 * The pages load only their own files and talk only to this server; they may be framed by the
 * Teams hosts (and, in local development, by a page on this machine), never by anyone else.
 */
function contentSecurityPolicy(devMode: boolean): string {
  const ancestors = ["'self'", ...TEAMS_HOSTS, ...(devMode ? ['http://localhost:*', 'http://127.0.0.1:*'] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

const SchoolQuery = z.object({ urn: UrnSchema.optional() });
const AttendanceQuery = z.object({ group: LiaisonGroupSchema.shape.id.optional() });
const GroupQuery = z.object({
  // A Teams chat or channel id: 19:…@thread.v2 / @thread.tacv2, possibly with ;messageid=…
  conversationId: z.string().min(1).max(500),
  kind: z.enum(['groupChat', 'channel']),
});
const ExportParams = z.object({ what: z.enum(['attendance', 'nominations']) });

function queryOf(req: Request): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const query: Record<string, string> = {};
  // An empty value ("?group=") means "not given": the page's "all groups" choice sends it.
  for (const [name, value] of params) if (value !== '') query[name] = value;
  return query;
}

/**
 * The tab: its static pages under /web/ and its JSON API under /api/tab/. Every API call but
 * /api/tab/config needs the Teams single sign-on token (or, with BOT_AUTH=off, the development
 * header), and answers with the view's data or `{ error, instead }`.
 */
export function registerTabRoutes(server: Server, services: BotServices, verifier: SsoTokenVerifier, queries: JourneyQueries | undefined): void {
  const { config, logger } = services;
  const devMode = config.BOT_AUTH === 'off';
  const csp = contentSecurityPolicy(devMode);

  server.get('/web/:file', async (req, res) => {
    const file = String(req.params.file ?? '');
    const contentType = Object.hasOwn(PAGES, file) ? PAGES[file] : undefined;
    if (contentType === undefined) {
      res.status(404);
      res.json({ error: 'There is no such page.' });
      return;
    }
    res.setHeader('content-type', contentType);
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    // Checked again on every load, so a new release shows at once inside Teams.
    res.setHeader('cache-control', 'no-cache');
    res.end(await readFile(new URL(file, WEB_DIR)));
  });

  /** Whether the page may fall back to the development header when Teams gives it no token. */
  server.get('/api/tab/config', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ devMode });
  });

  // A bot assembled from a test's own journeys has no queries to show: the pages, and no data behind them.
  if (queries === undefined) return;
  const api = new TabApi({
    queries,
    now: services.now,
    sitAdminIds: config.SIT_ADMIN_AAD_IDS,
    createExport: (owner, file) => services.exports.create(owner, file),
  });

  const answer = (name: string, handler: (req: Request, aadObjectId: string) => Promise<TabReply<unknown>>) => async (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    const requester = await identifyRequester(req, config, verifier);
    if (!requester.ok) {
      res.status(401);
      res.json({ error: requester.message });
      return;
    }
    try {
      const reply = await handler(req, requester.aadObjectId);
      res.status(reply.status);
      if (reply.status === 200) res.json(reply.body);
      else res.json({ error: reply.error, ...('instead' in reply && reply.instead !== undefined ? { instead: reply.instead } : {}) });
      if (reply.status === 403) logger.info({ view: name }, 'the tab refused a view');
    } catch (error) {
      logger.error({ view: name, err: (error as Error).message }, 'the tab could not load a view');
      res.status(500);
      res.json({ error: 'Something went wrong loading this. Please try again in a moment.' });
    }
  };

  const badRequest = (issues: z.ZodError) => ({ status: 400 as const, error: issues.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });

  server.get('/api/tab/me', answer('me', (_req, user) => api.me(user)));
  server.get(
    '/api/tab/school',
    answer('school', async (req, user) => {
      const query = SchoolQuery.safeParse(queryOf(req));
      return query.success ? api.school(user, query.data.urn) : badRequest(query.error);
    }),
  );
  server.get('/api/tab/self-evaluation', answer('selfEvaluation', (_req, user) => api.selfEvaluation(user)));
  server.get('/api/tab/sit/self-evaluations', answer('sit.selfEvaluations', (_req, user) => api.sitSelfEvaluations(user)));
  server.get('/api/tab/deployments', answer('deployments', (_req, user) => api.deployments(user)));
  server.get('/api/tab/my-deployments', answer('myDeployments', (_req, user) => api.myDeployments(user)));
  server.get('/api/tab/our-deployment', answer('ourDeployment', (_req, user) => api.ourDeployment(user)));
  server.get('/api/tab/sit/deployments', answer('sit.deployments', (_req, user) => api.sitDeployments(user)));
  server.get(
    '/api/tab/group',
    answer('group', async (req, user) => {
      const query = GroupQuery.safeParse(queryOf(req));
      return query.success ? api.group(user, { id: query.data.conversationId, kind: query.data.kind }) : badRequest(query.error);
    }),
  );
  server.get('/api/tab/sit/coverage', answer('sit.coverage', (_req, user) => api.sitCoverage(user)));
  server.get(
    '/api/tab/sit/attendance',
    answer('sit.attendance', async (req, user) => {
      const query = AttendanceQuery.safeParse(queryOf(req));
      return query.success ? api.sitAttendance(user, query.data.group) : badRequest(query.error);
    }),
  );
  server.post(
    '/api/tab/sit/exports/:what',
    answer('sit.export', async (req, user) => {
      const params = ExportParams.safeParse(req.params);
      return params.success ? api.sitExport(user, params.data.what) : badRequest(params.error);
    }),
  );
}
