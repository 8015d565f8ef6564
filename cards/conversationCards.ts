import helpTemplate from './templates/help.json' with { type: 'json' };
import welcomeTemplate from './templates/welcome.json' with { type: 'json' };
import { renderCard, type AdaptiveCard } from './render.js';
import type { ConversationKind } from '../domain/access/policy.js';

/** What the help and welcome cards say about one journey the bot can do today. */
export interface JourneySummary {
  readonly title: string;
  readonly description: string;
  /** The words that start it, also sent by its button. */
  readonly command: string;
  readonly example: string;
}

const PLACE_WORDS: Record<ConversationKind, string> = {
  personal: 'Here in our chat',
  groupChat: 'In this group chat (mention me with @ so I know you are talking to me)',
  channel: 'In this channel (mention me with @ so I know you are talking to me)',
};

export function helpCard(journeys: readonly JourneySummary[], kind: ConversationKind, notice = ''): AdaptiveCard {
  return renderCard(helpTemplate, {
    heading: `${PLACE_WORDS[kind]}, I can help with:`,
    notice,
    journeys,
  });
}

export function welcomeCard(journeys: readonly JourneySummary[], kind: ConversationKind): AdaptiveCard {
  return renderCard(welcomeTemplate, {
    title: 'Hello! I am the school improvement assistant.',
    intro:
      kind === 'personal'
        ? 'I help headteachers, system leaders and the School Improvement Team with the school improvement programmes, right here in Teams.'
        : 'I help this group with the school improvement programmes. Mention me with @ and say what you need.',
    journeys,
    footer: 'Say "help" at any time to see what I can do.',
  });
}
