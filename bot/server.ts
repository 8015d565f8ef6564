import restify from 'restify';
import { StatusCodes, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { checkActivity } from './activitySchema.js';
import type { BotCloudAdapter } from './adapter.js';
import { SERVICE_UNAVAILABLE } from './botAuthentication.js';
import { describeError, type Logger } from './logger.js';

/** A bot message is limited to about 100 KB by Teams; an activity over 1 MB is refused outright. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServer {
  readonly server: restify.Server;
  /** Turns still being processed: shutdown waits for them. */
  inFlight(): number;
}

export function createHttpServer(
  adapter: BotCloudAdapter,
  runTurn: (context: TurnContext) => Promise<void>,
  logger: Logger,
  isHealthy: () => Promise<boolean>,
  registerRoutes: (server: restify.Server) => void = () => undefined,
): HttpServer {
  const server = restify.createServer({ name: 'school-improvement-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  let inFlight = 0;

  server.post('/api/messages', async (req, res) => {
    // restify's body parser also reads form-encoded bodies into an object: only JSON is an activity.
    if (!req.is('json')) {
      res.status(400);
      res.json({ error: 'The body must be a Bot Framework activity sent as JSON (Content-Type: application/json).' });
      return;
    }
    const body = req.body as unknown;
    const check = checkActivity(body);
    if (!check.ok) {
      logger.warn({ problems: check.problems }, 'refused an activity that is not well formed');
      res.status(400);
      res.json({ error: 'The body must be a Bot Framework activity.', problems: check.problems });
      return;
    }
    inFlight++;
    try {
      const authHeader = req.headers.authorization ?? '';
      const invokeResponse = await adapter.handleActivity(authHeader, body as Activity, runTurn);
      res.status(invokeResponse?.status ?? StatusCodes.OK);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (error) {
      if (!(error instanceof AuthenticationError)) {
        logger.error({ err: describeError(error) }, 'processing an activity failed');
        if (!res.headersSent) {
          res.status(StatusCodes.INTERNAL_SERVER_ERROR);
          res.json({ error: 'The activity could not be processed.' });
        }
      } else if (error.statusCode === SERVICE_UNAVAILABLE) {
        logger.error({ err: error.message }, 'a token could not be checked: the issuer\'s keys are out of reach');
        if (!res.headersSent) {
          res.status(SERVICE_UNAVAILABLE);
          res.header('Retry-After', '30');
          res.json({ error: 'The token could not be checked just now. Try again later.' });
        }
      } else {
        logger.warn({ err: error.message }, 'a request was refused: its token is missing or not valid');
        if (!res.headersSent) {
          res.status(StatusCodes.UNAUTHORIZED);
          res.json({ error: 'Unauthorized.' });
        }
      }
    } finally {
      inFlight--;
    }
  });

  server.get('/healthz', async (_req, res) => {
    const healthy = await isHealthy().catch(() => false);
    res.status(healthy ? 200 : 503);
    res.json({ status: healthy ? 'ok' : 'unavailable' });
  });

  registerRoutes(server);
  return { server, inFlight: () => inFlight };
}
