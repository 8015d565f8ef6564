import type { Server } from 'restify';
import type { Config } from '../config.js';
import type { ExportLinks } from '../exportLinks.js';
import type { Logger } from '../logger.js';
import type { SsoTokenVerifier } from '../ssoToken.js';
import { identifyRequester } from './requester.js';
import { downloadPage } from './downloadPage.js';

/**
 * `GET /exports/:id?sig=…`: a browser opening the link gets a small page that signs in through
 * Teams and fetches the file again with the user's token; that request gets the file, if the
 * link is genuine, unexpired and theirs.
 */
export function registerExportRoute(server: Server, links: ExportLinks, verifier: SsoTokenVerifier, config: Config, logger: Logger): void {
  server.get('/exports/:id', async (req, res) => {
    const id = String(req.params.id ?? '');
    const signature = String((req.query as Record<string, unknown> | undefined)?.sig ?? new URL(req.url ?? '', 'http://x').searchParams.get('sig') ?? '');
    const hasCredentials = Boolean(req.header('authorization') || req.header('x-dev-aad-object-id'));
    if (!hasCredentials && (req.header('accept') ?? '').includes('text/html')) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(downloadPage());
      return;
    }
    const requester = await identifyRequester(req, config, verifier);
    if (!requester.ok) {
      res.status(401);
      res.json({ error: requester.message });
      return;
    }
    const file = await links.open(id, signature, requester.aadObjectId);
    if (!file.ok) {
      logger.info({ reason: file.errors[0] }, 'refused an export download');
      res.status(403);
      res.json({ error: file.errors[0] });
      return;
    }
    res.setHeader('content-type', file.value.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.value.filename.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('cache-control', 'no-store');
    res.end(file.value.bytes);
  });
}
