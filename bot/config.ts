import { z } from 'zod';
import { parseBankDetailsKey } from '../domain/deployment/bankDetails.js';

const commaList = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const EnvironmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MicrosoftAppId: z.preprocess(emptyAsUndefined, z.string().optional()),
    MicrosoftAppPassword: z.preprocess(emptyAsUndefined, z.string().optional()),
    MicrosoftAppType: z.preprocess(emptyAsUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant')),
    MicrosoftAppTenantId: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** Where the adapter fetches the keys that sign Bot Framework tokens; tests point it at a local JWKS. */
    BotOpenIdMetadata: z.preprocess(emptyAsUndefined, z.url().optional()),
    /** `off` turns the Bot Framework token check off: only for local development, never in production. */
    BOT_AUTH: z.enum(['on', 'off']).default('on'),
    ALLOWED_TENANT_IDS: commaList,
    SIT_ADMIN_AAD_IDS: commaList,
    STORE: z.enum(['lowdb', 'azure-blob']).default('lowdb'),
    DATA_DIR: z.string().min(1).default('./data'),
    AZURE_STORAGE_CONNECTION_STRING: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** The storage account's blob endpoint (https://ACCOUNT.blob.core.windows.net), reached with the managed identity instead of a connection string. */
    AZURE_STORAGE_ACCOUNT_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    AZURE_STORAGE_CONTAINER: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'a blob container name: 3-63 lower-case letters, digits and hyphens').default('school-improvement-bot'),
    /** How long the bot waits for turns under way to finish when asked to stop. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** Where users' browsers reach this server (download links, the tab): https in production. */
    PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    /** Signs download links; without it a random secret is made at start and links die with the process. */
    EXPORT_LINK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    EXPORT_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** 32 bytes (base64 or 64 hex characters) that encrypt bank details at rest; without it no bank details are taken. */
    BANK_DETAILS_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    /**
     * `off`: the bot takes no bank details (section 5 of the deployment form is filled in on the
     * exported form instead). Otherwise bank details are taken when BANK_DETAILS_KEY is set; in
     * production they are on unless turned off here, so the key is required.
     */
    BANK_DETAILS: z.enum(['on', 'off']).optional(),
    /** Days after a deployment form's payment that its bank details are erased. */
    BANK_DETAILS_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
    /** Azure AD: the keys that sign Teams single sign-on tokens, their issuer and audience (the tab's app id URI). */
    AAD_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    AAD_ISSUER: z.preprocess(emptyAsUndefined, z.string().optional()),
    SSO_AUDIENCE: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** Load the fictional demo schools when the directory is empty (on by default except in production). */
    DEMO_DIRECTORY: z.enum(['on', 'off']).optional(),
    /** How often the bot looks for reminders that are due (0 turns the scheduler off). */
    SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    /** How often, at most, a running bot checks whether the directory was changed elsewhere (an import, another instance). */
    DIRECTORY_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /**
     * How many instances run the bot on one store (STORE=azure-blob): each sends at most its share
     * of the 50 requests a second Teams allows an app in a tenant.
     */
    BOT_INSTANCES: z.coerce.number().int().min(1).max(50).default(1),
    /** Turns slower than this show a typing indicator. */
    TYPING_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  })
  .superRefine((env, context) => {
    if (env.BOT_AUTH === 'on' && !env.MicrosoftAppId) {
      context.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'is empty: set it to the Azure Bot registration\'s app id, or set BOT_AUTH=off for local development',
      });
    }
    if (env.BOT_AUTH === 'off' && env.NODE_ENV === 'production') {
      context.addIssue({ code: 'custom', path: ['BOT_AUTH'], message: 'cannot be off when NODE_ENV=production' });
    }
    if (env.BOT_AUTH === 'on' && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      context.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}` });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId && env.BOT_AUTH === 'on') {
      context.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}` });
    }
    if (env.BANK_DETAILS_KEY !== undefined && !parseBankDetailsKey(env.BANK_DETAILS_KEY).ok) {
      context.addIssue({ code: 'custom', path: ['BANK_DETAILS_KEY'], message: 'must be 32 bytes: 44 characters of base64 or 64 hexadecimal digits' });
    }
    if (env.BANK_DETAILS === 'off' && env.BANK_DETAILS_KEY !== undefined) {
      context.addIssue({ code: 'custom', path: ['BANK_DETAILS_KEY'], message: 'is set but BANK_DETAILS=off: remove one of them' });
    }
    if (env.BANK_DETAILS === 'on' && env.BANK_DETAILS_KEY === undefined) {
      context.addIssue({ code: 'custom', path: ['BANK_DETAILS_KEY'], message: 'is required when BANK_DETAILS=on' });
    }
    if (env.NODE_ENV === 'production') {
      if (env.ALLOWED_TENANT_IDS.length === 0) {
        context.addIssue({ code: 'custom', path: ['ALLOWED_TENANT_IDS'], message: 'is empty: when NODE_ENV=production it must name your tenant id(s), or any Teams tenant could use the bot' });
      }
      if (env.EXPORT_LINK_SECRET === undefined) {
        context.addIssue({ code: 'custom', path: ['EXPORT_LINK_SECRET'], message: 'is required when NODE_ENV=production: without it download links die with a restart and differ between instances' });
      }
      if (env.BANK_DETAILS === undefined && env.BANK_DETAILS_KEY === undefined) {
        context.addIssue({ code: 'custom', path: ['BANK_DETAILS_KEY'], message: 'is required when NODE_ENV=production, to keep bank details encrypted; or set BANK_DETAILS=off and the bot takes none' });
      }
    }
    if (env.STORE === 'azure-blob' && !env.AZURE_STORAGE_CONNECTION_STRING && !env.AZURE_STORAGE_ACCOUNT_URL) {
      context.addIssue({ code: 'custom', path: ['AZURE_STORAGE_CONNECTION_STRING'], message: 'is required when STORE=azure-blob, unless AZURE_STORAGE_ACCOUNT_URL is set (the managed identity)' });
    }
    if (env.AZURE_STORAGE_CONNECTION_STRING && env.AZURE_STORAGE_ACCOUNT_URL) {
      context.addIssue({ code: 'custom', path: ['AZURE_STORAGE_ACCOUNT_URL'], message: 'and AZURE_STORAGE_CONNECTION_STRING are both set: keep one' });
    }
  });

export type Config = z.infer<typeof EnvironmentSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`The bot's configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Parses the environment; throws a {@link ConfigError} naming each bad variable. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvironmentSchema.safeParse(environment);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`),
  );
}
