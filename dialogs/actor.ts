import type { TurnContext } from 'botbuilder';
import type { Profile } from '../domain/directory/types.js';
import type { ConversationKind } from '../domain/access/policy.js';

/** Who is acting in this turn and where: what every journey and the policy ask about. */
export interface Actor {
  readonly aadObjectId: string;
  readonly name: string;
  readonly tenantId: string | undefined;
  /** From configuration (SIT_ADMIN_AAD_IDS) only: nobody becomes an administrator by saying so. */
  readonly isSitAdmin: boolean;
  readonly profile: Profile | undefined;
  readonly conversation: {
    readonly id: string;
    readonly kind: ConversationKind;
    readonly liaisonGroupId: string | undefined;
  };
}

/** Where the actor's facts come from; the directory supplies them. */
export interface ActorSources {
  profileOf(aadObjectId: string): Promise<Profile | undefined>;
  liaisonGroupOfConversation(conversationId: string): Promise<string | undefined>;
}

export function conversationKindOf(context: TurnContext): ConversationKind {
  const type = context.activity.conversation?.conversationType;
  if (type === 'groupChat' || type === 'channel') return type;
  return 'personal';
}

/**
 * A channel's conversation id names the thread (`19:…@thread.tacv2;messageid=…`); everything
 * that belongs to the channel (its liaison group link, its saved reference) is keyed by the
 * channel itself.
 */
export function conversationKeyOf(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}

export async function resolveActor(context: TurnContext, sources: ActorSources, sitAdminIds: readonly string[]): Promise<Actor> {
  const { from, conversation, channelData } = context.activity;
  // The Agents Playground and the Emulator send no AAD object id; their user id stands in for it.
  const aadObjectId = from?.aadObjectId ?? from?.id ?? 'unknown';
  const [profile, liaisonGroupId] = await Promise.all([
    sources.profileOf(aadObjectId),
    conversationKindOf(context) === 'personal' ? Promise.resolve(undefined) : sources.liaisonGroupOfConversation(conversationKeyOf(conversation.id)),
  ]);
  return {
    aadObjectId,
    name: from?.name ?? 'there',
    tenantId: (channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? conversation?.tenantId,
    isSitAdmin: sitAdminIds.includes(aadObjectId),
    profile,
    conversation: { id: conversationKeyOf(conversation.id), kind: conversationKindOf(context), liaisonGroupId },
  };
}

const ACTOR = Symbol('actor');

export function setActor(context: TurnContext, actor: Actor): void {
  context.turnState.set(ACTOR, actor);
}

/** The actor resolved for this turn by the bot before any dialog runs. */
export function actorOf(context: TurnContext): Actor {
  const actor = context.turnState.get(ACTOR) as Actor | undefined;
  if (!actor) throw new Error('No actor was resolved for this turn');
  return actor;
}
