import type { Server } from 'restify';
import type { Config } from '../config.js';
import { SIGN_IN_OFF, type ExportLinks, type LinkRequester } from '../exportLinks.js';
import type { Logger } from '../logger.js';
import type { SsoTokenVerifier } from '../ssoToken.js';
import { identifyRequester } from './requester.js';
import { downloadPage } from './downloadPage.js';

/**
 * `GET /exports/:id?sig=…`: a browser opening the link gets a small page that signs in through
 * Teams and fetches the file again with the user's token; that request gets the file, if the
 * link is genuine, unexpired and theirs. With the bot's authentication off (local development) a
 * request that says nobody is asking gets the file on the signed link alone.
 */
export function registerExportRoute(server: Server, links: ExportLinks, verifier: SsoTokenVerifier, config: Config, logger: Logger): void {
  server.get('/exports/:id', async (req, res) => {
    const id = String(req.params.id ?? '');
    const signature = String((req.query as Record<string, unknown> | undefined)?.sig ?? new URL(req.url ?? '', 'http://x').searchParams.get('sig') ?? '');
    const hasCredentials = Boolean(req.header('authorization') || req.header('x-dev-aad-object-id'));
    let requester: LinkRequester;
    if (!hasCredentials && config.BOT_AUTH === 'off') {
      // Local development: the Agents Playground opens links in a plain browser tab, with no Teams to
      // sign in through, and with authentication off anybody could claim any identity anyway.
      requester = SIGN_IN_OFF;
    } else if (!hasCredentials && (req.header('accept') ?? '').includes('text/html')) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(downloadPage());
      return;
    } else {
      const identified = await identifyRequester(req, config, verifier);
      if (!identified.ok) {
        res.status(401);
        res.json({ error: identified.message });
        return;
      }
      requester = identified.aadObjectId;
    }
    const file = await links.open(id, signature, requester);
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
