import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ConversationState } from 'botbuilder';
import { ConversationRouter } from '../dialogs/router.js';
import { createStore } from '../storage/createStore.js';
import { storeAnswers, type Store } from '../storage/store.js';
import { createAdapter, type BotCloudAdapter } from './adapter.js';
import { BotStateStorage } from './botStateStorage.js';
import type { Config } from './config.js';
import { ConversationReferences } from './conversationReferences.js';
import { createJourneys, type JourneySet } from './journeys.js';
import type { JourneyQueries } from '../dialogs/queries.js';
import { createLogger, type Logger } from './logger.js';
import { ProactiveMessenger } from './proactive.js';
import { ExportLinks } from './exportLinks.js';
import { registerExportRoute } from './http/exportRoute.js';
import { registerStaticRoutes } from './http/staticRoutes.js';
import { registerTabRoutes } from './http/tabRoutes.js';
import { createHttpServer } from './server.js';
import { SsoTokenVerifier } from './ssoToken.js';
import { REMEMBER_DELIVERIES_MS, type SharedDeliveries } from './middleware/duplicateActivityGuard.js';
import { DeliveryRepository } from '../storage/deliveryRepository.js';
import { LowdbStore } from '../storage/lowdbStore.js';
import { LeaseRepository } from '../storage/leaseRepository.js';
import { Scheduler, schedulerLease, type ScheduledWork } from './scheduler.js';
import type { BotServices } from './services.js';
import { SchoolImprovementBot } from './teamsBot.js';

/**
 * Where browsers reach this server: PUBLIC_BASE_URL, or in local development the address and port
 * it actually listens on (PORT=0 binds a free port, so the configured number is no address).
 */
export function publicBaseUrl(config: Config, listeningPort: number): string {
  if (config.PUBLIC_BASE_URL) return config.PUBLIC_BASE_URL;
  const anyAddress = config.HOST === '0.0.0.0' || config.HOST === '::';
  const host = anyAddress ? 'localhost' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${listeningPort}`;
}

export interface AppOptions {
  readonly logger?: Logger;
  readonly store?: Store;
  readonly now?: () => Date;
  readonly journeys?: (services: BotServices) => Promise<JourneySet>;
}

export interface App {
  readonly adapter: BotCloudAdapter;
  readonly bot: SchoolImprovementBot;
  readonly services: BotServices;
  /** Runs the journeys' reminders now (tests and the benchmark call it instead of waiting). */
  readonly scheduler: Scheduler;
  /** Starts listening; resolves with the port actually bound (PORT=0 picks a free one). */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops taking requests, waits for turns under way (up to the grace period), and flushes the store. */
  close(): Promise<void>;
}

/** The bot with its journeys, independent of the adapter that feeds it (CloudAdapter here, TestAdapter in tests). */
export async function assembleBot(
  services: BotServices,
  conversationState: ConversationState,
  journeys: (services: BotServices) => Promise<JourneySet>,
): Promise<{ bot: SchoolImprovementBot; scheduled: ScheduledWork[]; queries: JourneyQueries | undefined }> {
  const journeySet = await journeys(services);
  await journeySet.start?.();
  const scheduled = journeySet.journeys.flatMap((journey): ScheduledWork[] =>
    journey.scheduled ? [{ name: journey.id, run: journey.scheduled, ...(journey.scheduledEveryMinutes === undefined ? {} : { everyMs: journey.scheduledEveryMinutes * 60_000 }) }] : [],
  );
  const bot = new SchoolImprovementBot({
    conversationState,
    router: new ConversationRouter(conversationState, journeySet.journeys),
    verbs: journeySet.journeys.flatMap((journey) => journey.verbs),
    search: journeySet.search ?? {},
    actorSources: journeySet.actorSources,
    sitAdminIds: services.config.SIT_ADMIN_AAD_IDS,
    references: services.references,
    logger: services.logger,
    now: services.now,
  });
  return { bot, scheduled, queries: journeySet.queries };
}

/** Deliveries when no other process shares the store: every activity this process has not seen is its own. */
const ONE_PROCESS_ONLY: SharedDeliveries = { claim: async () => ({ renew: async () => {}, done: async () => {} }) };

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const store = options.store ?? (await createStore(config));
  const now = options.now ?? (() => new Date());
  const conversationState = new ConversationState(new BotStateStorage(store));
  // The embedded store is one process's (its folder is locked), so the guard's own memory is the whole truth there:
  // no mark is written per message. A shared store needs the shared marks, each instance seeing only some deliveries.
  const deliveries = store instanceof LowdbStore ? undefined : new DeliveryRepository(store, REMEMBER_DELIVERIES_MS);
  const adapter = createAdapter(config, logger, deliveries ?? ONE_PROCESS_ONLY);
  const references = new ConversationReferences(store);
  const proactive = new ProactiveMessenger(adapter, config.BOT_AUTH === 'off' ? '' : (config.MicrosoftAppId ?? ''), references, logger);
  let listeningPort = config.PORT;
  const exports = new ExportLinks(store, config.EXPORT_LINK_SECRET, () => publicBaseUrl(config, listeningPort), config.EXPORT_LINK_TTL_MINUTES, now);
  const services: BotServices = { config, logger, store, now, references, proactive, exports };
  const ssoVerifier = new SsoTokenVerifier({
    jwksUrl: config.AAD_JWKS_URL,
    audience: config.SSO_AUDIENCE,
    issuer: config.AAD_ISSUER,
    allowedTenantIds: config.ALLOWED_TENANT_IDS,
  });

  const { bot, scheduled, queries } = await assembleBot(services, conversationState, options.journeys ?? createJourneys);
  const scheduler = new Scheduler(
    [...scheduled, { name: 'expired exports', run: async (at) => void (await exports.purgeExpired(at)) },
      ...(deliveries ? [{ name: 'expired delivery marks', run: async (at: Date) => void (await deliveries.purgeExpired(at)) }] : []),
    ],
    config.SCHEDULER_INTERVAL_SECONDS * 1000,
    now,
    logger,
    schedulerLease(new LeaseRepository(store), config.SCHEDULER_INTERVAL_SECONDS * 1000),
  );

  const http = createHttpServer(
    adapter,
    (context) => bot.run(context),
    logger,
    () => storeAnswers(store),
    (server) => {
      registerStaticRoutes(server);
      registerExportRoute(server, exports, ssoVerifier, config, logger);
      registerTabRoutes(server, services, ssoVerifier, queries);
    },
  );

  let closing: Promise<void> | undefined;
  return {
    adapter,
    bot,
    services,
    scheduler,
    async listen(port = config.PORT, host = config.HOST) {
      http.server.listen(port, host);
      await once(http.server.server, 'listening');
      scheduler.start();
      listeningPort = (http.server.address() as AddressInfo).port;
      return listeningPort;
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.server.close(() => resolve()));
        const deadline = Date.now() + config.SHUTDOWN_GRACE_MS;
        while (http.inFlight() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        if (http.inFlight() > 0) logger.warn({ inFlight: http.inFlight() }, 'stopping with turns still under way');
        http.server.server.closeAllConnections?.();
        await stopped;
        await scheduler.stop();
        await store.close();
      })();
      return closing;
    },
  };
}
