import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as Teams receives it: plain JSON, schema 1.5. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const CARD_SCHEMA_VERSION = '1.5';

/** Preparing a template parses its expressions: done once per template, not on every card. */
const PREPARED = new WeakMap<object, ACData.Template>();

/**
 * Expands a card template with its data. Every card a user sees goes through here, so the
 * version is set in one place and a template that fails to expand is caught by the card tests.
 */
export function renderCard(template: object, data: object): AdaptiveCard {
  let prepared = PREPARED.get(template);
  if (!prepared) {
    prepared = new ACData.Template(template);
    PREPARED.set(template, prepared);
  }
  const expanded = prepared.expand({ $root: data }) as AdaptiveCard;
  return { ...expanded, type: 'AdaptiveCard', version: CARD_SCHEMA_VERSION };
}
