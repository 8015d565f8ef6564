import { CardFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render.js';

/** A message that is one Adaptive Card: how every journey and the shell send a card. */
export const cardActivity = (card: AdaptiveCard): Partial<Activity> => ({ attachments: [CardFactory.adaptiveCard(card)] });
