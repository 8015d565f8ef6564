import { randomUUID } from 'node:crypto';

/** The tenant the tests, the benchmark and the dev script speak for. */
export const TENANT = '00000000-0000-0000-0000-00000000aaaa';

export interface TeamsActivityOptions {
  readonly serviceUrl: string;
  readonly text?: string;
  readonly kind?: 'personal' | 'groupChat' | 'channel';
  readonly conversationId?: string;
  readonly userId?: string;
  readonly userName?: string;
  readonly tenantId?: string;
  readonly id?: string;
  readonly value?: unknown;
  readonly mention?: boolean;
}

export const TEAMS_BOT = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'School improvement' };

/** A message activity shaped as Teams sends it to a bot's /api/messages. */
export function teamsMessage(options: TeamsActivityOptions): Record<string, unknown> {
  const kind = options.kind ?? 'personal';
  const userId = options.userId ?? 'aad-user-1';
  const tenantId = options.tenantId ?? TENANT;
  const mention = options.mention ?? kind !== 'personal';
  const text = options.text ?? '';
  return {
    type: 'message',
    id: options.id ?? randomUUID(),
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${userId}`, name: options.userName ?? 'Alex Head', aadObjectId: userId },
    conversation: {
      conversationType: kind,
      tenantId,
      id: options.conversationId ?? (kind === 'personal' ? `a:personal-${userId}` : `19:${kind}-${randomUUID()}@thread.v2`),
      ...(kind === 'personal' ? {} : { isGroup: true }),
    },
    recipient: TEAMS_BOT,
    textFormat: 'plain',
    locale: 'en-GB',
    text: mention ? `<at>${TEAMS_BOT.name}</at> ${text}` : text,
    ...(options.value === undefined ? {} : { value: options.value }),
    entities: [
      { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' },
      ...(mention ? [{ type: 'mention', mentioned: TEAMS_BOT, text: `<at>${TEAMS_BOT.name}</at>` }] : []),
    ],
    channelData: { tenant: { id: tenantId } },
  };
}

/** An Action.Execute invoke, as Teams sends it when a user presses a Universal Action button. */
export function teamsCardAction(options: TeamsActivityOptions & { verb: string; data?: Record<string, unknown> }): Record<string, unknown> {
  const message = teamsMessage({ ...options, mention: false });
  return {
    ...message,
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb: options.verb, data: options.data ?? {} }, trigger: 'manual' },
  };
}
