import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';

/** Debian's Chromium: scripts/ensureChromium.sh installs it where it is missing. */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumInstalled = existsSync(CHROMIUM);

/** Nothing reaches out beyond this machine: no updates, sync, QUIC or background traffic. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

/** Every wait in the browser is bounded by this, so that no test outlives its ~20 s budget. */
export const BROWSER_WAIT_MS = 8_000;

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile of its own, removed when it is closed. */
export async function launchChromium(): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'sib-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 15_000,
      acceptDownloads: true,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  let closing: Promise<void> | undefined;
  return {
    context,
    close() {
      closing ??= (async () => {
        await context.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

/** The Teams context a tab asks for, in the shape the host sends it (teams-js turns it into app.getContext()'s). */
export interface HostContext {
  readonly userObjectId: string;
  readonly tid: string;
  readonly locale: string;
  readonly theme: 'default' | 'dark' | 'contrast';
  readonly userPrincipalName?: string;
  readonly entityId?: string;
  readonly chatId?: string;
  readonly channelId?: string;
}

export interface HostConfig {
  readonly tabUrl: string;
  readonly frameContext: 'content' | 'settings';
  readonly context: HostContext;
  /** The SSO token the host hands over; without one, sign-in fails as it does where SSO is not set up. */
  readonly token?: string;
  /** Never answer: the tab is framed by a page that is not Teams. */
  readonly silent?: boolean;
}

const HOST_PAGE = readFile(new URL('./teamsHost.html', import.meta.url), 'utf8');

/**
 * Opens the tab inside the test host. The host page is served (by the browser, not the bot) at
 * the bot's own origin, as Teams' own pages are trusted by the Teams client: teams-js accepts
 * messages from a parent at the tab's origin without needing an https origin on its allow-list.
 */
export async function openInHost(page: Page, base: string, config: HostConfig): Promise<Frame> {
  const hostUrl = `${base}/__test__/teams-host.html`;
  const html = await HOST_PAGE;
  await page.route(hostUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.addInitScript((hostConfig) => {
    (globalThis as unknown as { hostConfig: unknown }).hostConfig = hostConfig;
  }, config);
  await page.goto(hostUrl);
  const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
  if (!frame) throw new Error('The tab frame did not load.');
  return frame;
}
