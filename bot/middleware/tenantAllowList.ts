import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';

export const TENANT_REFUSAL =
  'Sorry, I am only available to the organisations taking part in the school improvement programmes, and yours is not set up yet. Please ask the School Improvement Team if you think it should be.';

export function tenantOf(context: TurnContext): string | undefined {
  const { channelData, conversation } = context.activity;
  return (channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? conversation?.tenantId;
}

/** Refuses, politely and once, any tenant not on ALLOWED_TENANT_IDS; an empty list admits every tenant (local use). */
export function tenantAllowList(allowed: readonly string[], logger: Logger): Middleware {
  const allowedSet = new Set(allowed.map((id) => id.toLowerCase()));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (allowedSet.size === 0) return next();
      const tenant = tenantOf(context);
      if (tenant && allowedSet.has(tenant.toLowerCase())) return next();
      logger.warn({ tenantId: tenant ?? null, activityType: context.activity.type }, 'refused a tenant that is not on the allow-list');
      if (context.activity.type === ActivityTypes.Message) {
        await context.sendActivity(TENANT_REFUSAL);
      } else if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message: TENANT_REFUSAL } } } });
      }
    },
  };
}
