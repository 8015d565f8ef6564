import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, launchChromium, type Browser } from '../web/chromium.js';
import { EVERY_CARD } from './everyCard.js';
import { TEAMS_HOST_CONFIGS } from './teamsCardCheck.js';

/*
 * The main cards drawn by the official Adaptive Cards renderer (`adaptivecards`, installed as
 * `adaptivecards-parser`) in Chromium, with Teams' light and dark host configs and a
 * high-contrast view, into test-results/cards/ for a person to look at. One browser and one
 * page; each card is re-rendered into the same page.
 *
 * The high-contrast view is our own: no official package ships Teams' high-contrast host config,
 * so it is the dark host config under Chromium's forced-colours emulation (what Windows' contrast
 * themes do to a page). The button styling below is ours too: the renderer ships no button CSS
 * (Teams draws its own), so buttons are drawn as outlined buttons in the host config's accent colour.
 */

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/cards');
const RENDERER_SCRIPT = createRequire(import.meta.url).resolve('adaptivecards-parser/dist/adaptivecards.min.js');

const SHOTS: readonly { renderer: string; data: string; file: string; open?: string }[] = [
  { renderer: 'welcomeCard', data: '13 journeys in personal', file: 'welcome' },
  { renderer: 'helpCard', data: '13 journeys in personal', file: 'help' },
  { renderer: 'tsiFormCard', data: 'filled from the directory, with problems', file: 'tsi-form' },
  { renderer: 'tsiResultCard', data: 'eligible, a school, deployment form offered', file: 'tsi-result-eligible' },
  { renderer: 'tsiResultCard', data: 'not_eligible, a trust', file: 'tsi-result-not-eligible' },
  { renderer: 'sharedNominationCard', data: 'complete, 3 schools', file: 'nomination' },
  { renderer: 'sharedNominationCard', data: 'complete, 3 schools', file: 'nomination-edit-first', open: 'Edit first choice' },
  { renderer: 'sharedNominationCard', data: 'new, 3 schools in the group', file: 'nomination-choose-schools', open: 'Choose the schools' },
  { renderer: 'registerCard', data: '250 schools in 18 groups', file: 'register-page' },
  { renderer: 'summaryCard', data: '250 schools in 18 groups', file: 'attendance-summary' },
  { renderer: 'summaryCard', data: '250 schools in 18 groups', file: 'attendance-summary-by-group', open: 'By liaison group' },
  { renderer: 'sectionFormCard', data: 'section 1, filled in', file: 'deployment-section-1' },
];

const THEMES = [
  { name: 'light', hostConfig: TEAMS_HOST_CONFIGS.light, forcedColors: false },
  { name: 'dark', hostConfig: TEAMS_HOST_CONFIGS.dark, forcedColors: false },
  { name: 'contrast', hostConfig: TEAMS_HOST_CONFIGS.dark, forcedColors: true },
] as const;

type Theme = (typeof THEMES)[number];

/** A blank page with the official renderer loaded, sized like a Teams chat column. */
const PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; }
  #card { width: 560px; border-radius: 4px; overflow: hidden; }
  .ac-pushButton { cursor: pointer; padding: 4px 12px; min-height: 32px; border-radius: 4px; font: inherit; font-weight: 600;
    background: transparent; color: var(--accent); border: 1px solid var(--accent); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive, .ac-pushButton.expanded { background: var(--accent); color: var(--on-accent); }
  .ac-input { font: inherit; }
</style></head><body><div id="card"></div></body></html>`;

describe.skipIf(!chromiumInstalled)('the main cards in the official renderer (Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ path: RENDERER_SCRIPT });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Renders a card into the page; returns what a person would see of it. */
  async function render(card: unknown, theme: Theme): Promise<{ heading: string; buttons: string[]; errors: string[] }> {
    return page.evaluate(
      ({ card, hostConfig }) => {
        type Renderer = {
          AdaptiveCard: {
            new (): { hostConfig: unknown; parse(json: unknown, context: unknown): void; render(): { outerHTML: string } | undefined };
            onProcessMarkdown?: (text: string, result: { outputHtml?: string; didProcess: boolean }) => void;
          };
          HostConfig: new (json: unknown) => unknown;
          SerializationContext: new () => { eventCount: number; getEventAt(index: number): { message: string } };
        };
        const browserGlobal = globalThis as unknown as { AdaptiveCards: Renderer; document: { getElementById(id: string): HostElement; body: { style: Record<string, string> } } };
        type HostElement = { replaceChildren(...nodes: unknown[]): void; style: { setProperty(name: string, value: string): void }; querySelector(selector: string): { textContent: string | null } | null; querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> };
        const AC = browserGlobal.AdaptiveCards;
        // Teams renders the Markdown subset cards use (bold, italics, links); the renderer leaves that to its host.
        AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
          const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
          const html = escaped
            .replace(/\[([^[\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
            .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
            .replace(/\*(.+?)\*/g, '<em>$1</em>')
            .replace(/\n/g, '<br>');
          result.outputHtml = `<p>${html}</p>`;
          result.didProcess = true;
        };
        const config = hostConfig as { containerStyles: { default: { backgroundColor: string; foregroundColors: { accent: { default: string } } } } };
        const argb = (hex: string) => (hex.length === 9 ? `#${hex.slice(3)}` : hex);
        const adaptiveCard = new AC.AdaptiveCard();
        adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
        const context = new AC.SerializationContext();
        adaptiveCard.parse(card, context);
        const errors = Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index).message);
        const element = adaptiveCard.render();
        const holder = browserGlobal.document.getElementById('card');
        holder.replaceChildren(element as unknown);
        const background = argb(config.containerStyles.default.backgroundColor);
        browserGlobal.document.body.style.background = background === '#ffffff' ? '#f5f5f5' : '#1f1f1f';
        holder.style.setProperty('--accent', argb(config.containerStyles.default.foregroundColors.accent.default));
        holder.style.setProperty('--on-accent', background);
        return {
          heading: holder.querySelector('.ac-textBlock')?.textContent ?? '',
          buttons: Array.from(holder.querySelectorAll('.ac-pushButton'), (button) => (button.textContent ?? '').trim()),
          errors,
        };
      },
      { card, hostConfig: theme.hostConfig },
    );
  }

  it.each(THEMES)('draws each main card with its heading and every top-level button, $name', async (theme) => {
    await page.emulateMedia({ colorScheme: theme.name === 'light' ? 'light' : 'dark', forcedColors: theme.forcedColors ? 'active' : 'none' });
    for (const shot of SHOTS) {
      const entry = EVERY_CARD.find((candidate) => candidate.renderer === shot.renderer && candidate.data === shot.data);
      expect(entry, `${shot.renderer} (${shot.data}) is in the card table`).toBeDefined();
      const card = entry!.card() as unknown as { body: { text?: string }[]; actions?: { title: string }[] };
      const shown = await render(card, theme);
      const name = `${shot.renderer} (${shot.data}), ${theme.name}`;
      expect(shown.errors, name).toEqual([]);
      expect(shown.heading, name).toBe(card.body[0]?.text);
      for (const action of card.actions ?? []) expect(shown.buttons, name).toContain(action.title);
      if (shot.open) await page.locator('#card .ac-pushButton', { hasText: shot.open }).first().click();
      await page.locator('#card').screenshot({ path: path.join(SCREENSHOTS, `${shot.file}-${theme.name}.png`) });
    }
  }, 90_000);
});
