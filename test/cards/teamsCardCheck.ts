import * as AC from 'adaptivecards-parser';
import teamsDark from './teamsHostConfig/microsoft-teams-dark.json' with { type: 'json' };
import teamsLight from './teamsHostConfig/microsoft-teams-light.json' with { type: 'json' };

/** Teams' host configs, as the official renderer takes them. */
export const TEAMS_HOST_CONFIGS = { light: teamsLight, dark: teamsDark } as const;

/** Microsoft's advice for a bot message: under 80 KB, counted as UTF-16 (two bytes a character). */
export const MOST_CARD_BYTES = 80 * 1024;
export const MOST_TOP_LEVEL_ACTIONS = 6;
export const MOST_REFRESHED_USERS = 60;
/** WCAG 2 AA for body text. */
export const LEAST_CONTRAST = 4.5;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object in the card with the container style it sits in (what colours its text takes). */
function walk(card: unknown, visit: (node: Node, containerStyle: string) => void): void {
  const go = (value: unknown, style: string): void => {
    if (Array.isArray(value)) for (const item of value) go(item, style);
    else if (isNode(value)) {
      visit(value, style);
      const inner = typeof value.style === 'string' && ['Container', 'Column', 'ColumnSet'].includes(String(value.type)) ? value.style.toLowerCase() : style;
      // A fallback shows only instead of its element, and refresh.action is no button: neither is walked.
      for (const [key, child] of Object.entries(value)) if (key !== 'fallback' && key !== 'refresh') go(child, inner);
    }
  };
  go(card, 'default');
}

function luminance(hex: string): number {
  // Teams writes colours as #rrggbb or #aarrggbb; the alpha is dropped (it only lightens, so this is the kinder reading).
  const digits = hex.replace('#', '');
  const rgb = digits.length === 8 ? digits.slice(2) : digits;
  const channel = (offset: number) => {
    const value = parseInt(rgb.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

interface ColourSet {
  readonly backgroundColor: string;
  readonly foregroundColors: Record<string, { default: string; subtle: string }>;
}

function textContrastProblems(card: unknown): string[] {
  const problems: string[] = [];
  for (const [theme, config] of Object.entries(TEAMS_HOST_CONFIGS)) {
    const styles = config.containerStyles as unknown as Record<string, ColourSet>;
    walk(card, (node, containerStyle) => {
      if (node.type !== 'TextBlock' && node.type !== 'TextRun') return;
      const style = styles[containerStyle] ?? styles.default!;
      const colour = typeof node.color === 'string' ? node.color.toLowerCase() : 'default';
      const foreground = style.foregroundColors[colour] ?? styles.default!.foregroundColors[colour];
      if (!foreground) return;
      const ratio = contrastRatio(foreground.default, style.backgroundColor);
      if (ratio < LEAST_CONTRAST) problems.push(`"${String(node.text)}" in ${colour} on a ${containerStyle} container is ${ratio.toFixed(2)}:1 in Teams ${theme}, under ${LEAST_CONTRAST}:1`);
    });
  }
  return problems;
}

/**
 * Teams' type-ahead search (`choices.data` with `Data.Query`) is documented by Teams for its
 * schema 1.5 cards, with the static choices left empty; the official parser knows it only from 1.6.
 */
const TEAMS_TYPE_AHEAD = [/^Property "choices\.data" is supported in version 1\.6/, /^An Input\.ChoiceSet must have at least one choice defined\.$/];

function hasTypeAhead(card: unknown): boolean {
  let found = false;
  walk(card, (node) => {
    if (node.type === 'Input.ChoiceSet' && isNode(node['choices.data'])) found = true;
  });
  return found;
}

/** What the official parser and validator say about the card with Teams' host config. */
function parserProblems(card: object): string[] {
  const problems: string[] = [];
  for (const [theme, config] of Object.entries(TEAMS_HOST_CONFIGS)) {
    const parsed = new AC.AdaptiveCard();
    parsed.hostConfig = new AC.HostConfig(config);
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    parsed.parse(card, context);
    for (let index = 0; index < context.eventCount; index++) problems.push(`parser (${theme}): ${context.getEventAt(index).message}`);
    for (const event of parsed.validateProperties().validationEvents) problems.push(`validator (${theme}): ${event.message}`);
  }
  const excused = hasTypeAhead(card) ? TEAMS_TYPE_AHEAD : [];
  return [...new Set(problems)].filter((problem) => !excused.some((pattern) => pattern.test(problem.replace(/^\w+ \(\w+\): /, ''))));
}

const versionAtMost = (version: unknown, most: [number, number]) => {
  const [major, minor] = String(version).split('.').map(Number) as [number, number];
  return major < most[0] || (major === most[0] && minor <= most[1]);
};

/**
 * Everything that keeps a card from working in the Teams client, in plain words; empty when the
 * card is fine. `verbs` are the Action.Execute verbs the bot answers.
 */
export function teamsCardProblems(card: object, verbs: ReadonlySet<string>): string[] {
  const problems = parserProblems(card);
  const json = JSON.stringify(card);
  const root = card as Node;
  if (!versionAtMost(root.version, [1, 5])) problems.push(`version ${String(root.version)} is later than the 1.5 Teams renders`);
  if (json.length * 2 > MOST_CARD_BYTES) problems.push(`${json.length * 2} bytes as UTF-16, more than ${MOST_CARD_BYTES}`);
  if (json.includes('${')) problems.push('a template expression was left unexpanded');
  const topActions = Array.isArray(root.actions) ? root.actions.length : 0;
  if (topActions > MOST_TOP_LEVEL_ACTIONS) problems.push(`${topActions} top-level actions; Teams shows ${MOST_TOP_LEVEL_ACTIONS}`);
  const refresh = isNode(root.refresh) ? root.refresh : undefined;
  if (refresh && isNode(refresh.action) && !verbs.has(String(refresh.action.verb))) problems.push(`refresh sends verb "${String(refresh.action.verb)}", which no journey answers`);
  if (refresh && Array.isArray(refresh.userIds) && refresh.userIds.length > MOST_REFRESHED_USERS) problems.push(`refresh.userIds lists ${refresh.userIds.length}, more than ${MOST_REFRESHED_USERS}`);
  if (!walkHasHeading(card)) problems.push('no TextBlock has style "heading", so a screen reader finds no heading');

  const ids = new Map<string, number>();
  const titles = new Map<string, number>();
  walk(card, (node) => {
    const type = String(node.type);
    if (type === 'ActionSet' && Array.isArray(node.actions) && node.actions.length > MOST_TOP_LEVEL_ACTIONS) problems.push(`an ActionSet has ${node.actions.length} actions`);
    if (type === 'TextBlock' && String(node.text ?? '').trim() === '') problems.push('an empty TextBlock');
    if (type.startsWith('Input.')) {
      const id = String(node.id ?? '');
      ids.set(id, (ids.get(id) ?? 0) + 1);
      if (String(node.label ?? '').trim() === '') problems.push(`input "${id}" has no label`);
      if (node.isRequired === true && String(node.errorMessage ?? '').trim() === '') problems.push(`required input "${id}" has no errorMessage`);
      if (type === 'Input.ChoiceSet' && !node['choices.data'] && (!Array.isArray(node.choices) || node.choices.length === 0)) problems.push(`choice list "${id}" has no choices`);
      // Without wrap a choice's words are clipped at the card's edge, mid-word (the deployment form's "why eligible" choices were).
      if (type === 'Input.ChoiceSet' && node.wrap !== true) problems.push(`choice list "${id}" does not wrap its choices, so long ones are cut`);
    }
    if (type.startsWith('Action.') && typeof node.title === 'string') titles.set(node.title, (titles.get(node.title) ?? 0) + 1);
    if (type === 'Action.Execute') {
      const verb = String(node.verb ?? '');
      if (!verbs.has(verb)) problems.push(`Action.Execute "${String(node.title)}" sends verb "${verb}", which no journey answers`);
      const fallback = isNode(node.fallback) ? node.fallback : undefined;
      const fallbackData = fallback && isNode(fallback.data) ? fallback.data : {};
      const data = isNode(node.data) ? node.data : {};
      if (fallback?.type !== 'Action.Submit' || fallbackData.verb !== verb || JSON.stringify({ ...fallbackData, verb: undefined }) !== JSON.stringify({ ...data, verb: undefined })) {
        problems.push(`Action.Execute "${String(node.title)}" has no Action.Submit fallback sending the same verb and data`);
      }
    }
  });
  for (const [id, count] of ids) if (count > 1) problems.push(`input id "${id}" is used ${count} times`);
  // Fallbacks are not walked (only one of an action and its fallback shows), so a title counted twice is two buttons.
  for (const [title, count] of titles) if (count > 1) problems.push(`${count} buttons say "${title}"`);
  problems.push(...textContrastProblems(card));
  return problems;
}

function walkHasHeading(card: unknown): boolean {
  let found = false;
  walk(card, (node) => {
    if (node.type === 'TextBlock' && node.style === 'heading') found = true;
  });
  return found;
}
