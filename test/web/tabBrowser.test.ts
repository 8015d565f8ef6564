import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AadIssuer } from './aadIssuer.js';
import { BROWSER_WAIT_MS, chromiumInstalled, launchChromium, openInHost, type Browser, type HostConfig, type HostContext } from './chromium.js';
import { AUDIENCE, GROUP_CHAT, HEAD, LEADER, LIFECYCLE_HOSTILE, SELF_EVALUATION_HOSTILE, SIT_ADMIN, STRANGER, TENANT, startTabApp, type TabApp } from './tabFixtures.js';

/*
 * The tab in a real browser (Debian's Chromium, driven by playwright-core), inside a test host
 * that speaks the Teams JavaScript client's own start-up protocol, signed in with a token from
 * the local Azure AD stand-in. Screenshots of every view in every theme go to
 * test-results/screenshots/ for a person to look at.
 */

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const THEMES = ['default', 'dark', 'contrast'] as const;
type Theme = (typeof THEMES)[number];
/** Each browser test stays well inside this. */
const TEST_MS = 20_000;

const describeInBrowser = chromiumInstalled ? describe : describe.skip;

let issuer: AadIssuer;
let tab: TabApp;
let browser: Browser;

const contextFor = (userObjectId: string, theme: Theme = 'default', extra: Partial<HostContext> = {}): HostContext => ({
  userObjectId,
  tid: TENANT,
  locale: 'en-GB',
  theme,
  entityId: 'myProgramme',
  ...extra,
});

/** The tab as a person opens it in Teams; the page is closed by `withTab` whatever happens. */
async function withTab(
  base: string,
  host: Omit<HostConfig, 'tabUrl' | 'frameContext'> & { readonly page?: string; readonly frameContext?: HostConfig['frameContext'] },
  use: (frame: Frame, page: Page) => Promise<void>,
  beforeOpening?: (page: Page) => void,
): Promise<void> {
  const page = await browser.context.newPage();
  try {
    beforeOpening?.(page);
    const frame = await openInHost(page, base, { frameContext: 'content', ...host, tabUrl: `${base}/web/${host.page ?? 'tab.html'}` });
    await use(frame, page);
  } finally {
    await page.close();
  }
}

const signedIn = async (oid: string) => issuer.token({ oid, tid: TENANT, audience: AUDIENCE });

/** The whole tab: the viewport is made as tall as the tab's page, since the host's frame only shows what fits. */
async function screenshot(page: Page, name: string, frame?: Frame): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = frame ? await frame.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight) : viewport.height;
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 6000)) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(viewport);
}

/** What the page says, its layout's line breaks folded into spaces. */
const textOf = async (frame: Frame | Page) => ((await frame.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

const hostMessages = (page: Page) => page.evaluate(() => (globalThis as unknown as { hostMessages: { func: string; args: unknown[] }[] }).hostMessages);

describeInBrowser('the tab in Teams (Chromium, the Teams JavaScript client, single sign-on)', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    issuer = await new AadIssuer().start();
    tab = await startTabApp({ issuer });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tab?.close();
    await issuer?.stop();
  });

  const views: { who: string; oid: string; shot: string; ready: (frame: Frame) => Promise<void> }[] = [
    {
      who: 'a headteacher sees their school’s programme record',
      oid: HEAD.aadObjectId,
      shot: 'headteacher',
      ready: async (frame) => {
        await frame.getByRole('heading', { name: 'Fictional Oakfield Primary School (demo)' }).waitFor();
        const text = await textOf(frame);
        expect(text).toContain('2 of 6 sessions attended');
        expect(text).toContain('What is missing');
        expect(text).toContain('Training Session 2 (T2), 31 January 2022: apologies sent');
        expect(text).toContain('Workshop Meeting 2 (W2), 11 February 2022: not logged');
        expect(text).toContain('Not submitted yet');
        expect(text).toContain('nominated your school as its first choice');
        expect(text).toContain('Your eligibility checks');
      },
    },
    {
      who: 'a system leader sees their deployment forms and what is due',
      oid: LEADER.aadObjectId,
      shot: 'system-leader',
      ready: async (frame) => {
        await frame.getByRole('heading', { name: 'Fictional Hazelcombe Village Primary School (demo)' }).waitFor();
        const text = await textOf(frame);
        expect(text).toContain('6 of 10 days delivered');
        expect(text).toContain('Section 3, Mid engagement: due after day 6');
        expect(text).toContain('10 of 10 days delivered');
        expect(text).toContain('Section 5, Bank details');
        expect(text).toContain('By the school, after day 10');
        expect(text).toContain('Send the signed form to the school to sign');
        // The trust's form: section 7 is the trust's.
        expect(text).toContain('Fictional Elm Learning Trust (demo)');
        expect(text).toContain('0 of 12 days delivered');
        expect(text).toContain('By the trust, after day 12');
        expect(text).toContain('Sent to the trust: not yet');
      },
    },
    {
      who: 'a SIT administrator sees nomination coverage, the attendance matrix and the exports',
      oid: SIT_ADMIN,
      shot: 'sit',
      ready: async (frame) => {
        await frame.locator('table.matrix tbody tr').first().waitFor();
        await frame.getByText('liaison groups have nominated').waitFor();
        const text = await textOf(frame);
        expect(text).toContain('12 of 18 liaison groups have nominated');
        expect(text).toContain('Still to nominate (6)');
        expect(await frame.getByRole('button', { name: 'Attendance' }).isVisible()).toBe(true);
      },
    },
  ];

  it.each(views)(
    '$who, in the default, dark and high-contrast themes',
    async ({ oid, shot, ready }) => {
      const token = await signedIn(oid);
      for (const theme of THEMES) {
        await withTab(tab.base, { context: contextFor(oid, theme), token }, async (frame, page) => {
          await ready(frame);
          expect(await frame.locator('body').getAttribute('data-theme')).toBe(theme);
          await screenshot(page, `${shot}-${theme}`, frame);
        });
      }
    },
    TEST_MS,
  );

  it(
    'shows a headteacher their self-evaluation beside last term’s, their action plan, and the SIT the overview across schools',
    async () => {
      await withTab(tab.base, { context: contextFor(HEAD.aadObjectId), token: await signedIn(HEAD.aadObjectId) }, async (frame, page) => {
        await frame.getByRole('button', { name: 'Self-evaluation' }).click();
        await frame.getByRole('heading', { name: 'Action plan' }).waitFor();
        const text = await textOf(frame);
        expect(text).toContain('Autumn 2021 (submitted)');
        expect(text).toContain('Now (draft)');
        expect(text).toContain('Now with data');
        // The school's words are text on the page, never markup.
        expect(text).toContain(SELF_EVALUATION_HOSTILE);
        expect(await frame.locator('main img').count()).toBe(0);
        expect(text).toContain('Governors briefing on NtG Strategy');
        expect(text).toContain('Summer 2022 (by 31 August 2022)');
        await screenshot(page, 'self-evaluation-default', frame);
      });
      await withTab(tab.base, { context: contextFor(SIT_ADMIN), token: await signedIn(SIT_ADMIN) }, async (frame) => {
        await frame.getByRole('heading', { name: 'Review visits' }).waitFor();
        const text = await textOf(frame);
        expect(text).toContain('Overdue');
        expect(text).toContain('no self-evaluation has been marked reviewed since it was set (the council’s own reading)');
        expect(text).toContain('1 March 2022: self-evaluation started');
        expect(text).toContain('By strand');
      });
    },
    TEST_MS,
  );

  it(
    'shows a system leader their deployments by tap, and the SIT every deployment, overdue first, a name typed as markup shown as text',
    async () => {
      await withTab(tab.base, { context: contextFor(LEADER.aadObjectId), token: await signedIn(LEADER.aadObjectId) }, async (frame, page) => {
        await frame.getByRole('button', { name: 'My deployments' }).click();
        await frame.getByRole('heading', { name: 'My TSI deployments' }).waitFor();
        const text = await textOf(frame);
        expect(text).toContain('Overdue Pre-engagement checklist');
        expect(text).toContain('3 of 10');
        await screenshot(page, 'my-deployments-default', frame);
      });
      await withTab(tab.base, { context: contextFor(SIT_ADMIN), token: await signedIn(SIT_ADMIN) }, async (frame) => {
        await frame.locator('table.deployments tbody tr').first().waitFor();
        const rows = await frame.locator('table.deployments tbody tr').allTextContents();
        expect(rows).toHaveLength(3);
        expect(rows[2]).not.toContain('Overdue');
        expect(rows[1]).toContain(LIFECYCLE_HOSTILE);
        expect(await frame.locator('main img').count()).toBe(0);
      });
    },
    TEST_MS,
  );

  it(
    'starts with the Teams client’s own handshake: initialize, the context, a sign-in token, then the theme handler',
    async () => {
      await withTab(tab.base, { context: contextFor(HEAD.aadObjectId), token: await signedIn(HEAD.aadObjectId) }, async (frame, page) => {
        await frame.getByRole('heading', { name: 'Sessions' }).waitFor();
        const funcs = (await hostMessages(page)).map((message) => message.func);
        expect(funcs.indexOf('initialize')).toBe(0);
        expect(funcs.indexOf('getContext')).toBeGreaterThan(0);
        expect(funcs.indexOf('authentication.getAuthToken')).toBeGreaterThan(funcs.indexOf('getContext'));
        expect(await hostMessages(page)).toContainEqual({ func: 'registerHandler', args: ['themeChange'] });
      });
    },
    TEST_MS,
  );

  it(
    'follows Teams when the person changes theme with the tab open',
    async () => {
      await withTab(tab.base, { context: contextFor(HEAD.aadObjectId, 'default'), token: await signedIn(HEAD.aadObjectId) }, async (frame, page) => {
        await frame.getByRole('heading', { name: 'Sessions' }).waitFor();
        const background = () => frame.locator('body').evaluate((body) => (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(body).backgroundColor);
        const light = await background();
        await page.evaluate(() => (globalThis as unknown as { hostSetTheme(theme: string): void }).hostSetTheme('dark'));
        await frame.locator('body[data-theme="dark"]').waitFor({ state: 'attached' });
        const dark = await background();
        await page.evaluate(() => (globalThis as unknown as { hostSetTheme(theme: string): void }).hostSetTheme('contrast'));
        await frame.locator('body[data-theme="contrast"]').waitFor({ state: 'attached' });
        expect(new Set([light, dark, await background()]).size).toBe(3);
        expect(await background()).toBe('rgb(0, 0, 0)');
      });
    },
    TEST_MS,
  );

  it(
    'writes dates in the person’s Teams locale',
    async () => {
      await withTab(tab.base, { context: contextFor(HEAD.aadObjectId, 'default', { locale: 'en-US' }), token: await signedIn(HEAD.aadObjectId) }, async (frame) => {
        await frame.getByRole('heading', { name: 'Sessions' }).waitFor();
        expect(await textOf(frame)).toContain('October 1, 2021');
        expect(await frame.locator('html').getAttribute('lang')).toBe('en-US');
      });
    },
    TEST_MS,
  );

  it(
    'lets the SIT filter the attendance matrix by liaison group and download an export',
    async () => {
      await withTab(tab.base, { context: contextFor(SIT_ADMIN), token: await signedIn(SIT_ADMIN) }, async (frame, page) => {
        const rows = frame.locator('table.matrix tbody tr');
        await rows.first().waitFor();
        const everyone = await rows.count();
        await frame.getByLabel('Show').selectOption('lg-01');
        await frame.locator('#group-filter option[value="lg-01"][selected]').waitFor({ state: 'attached' });
        expect(await rows.count()).toBeLessThan(everyone);
        expect(await frame.locator('table.matrix tbody').innerText()).toContain('Fictional Oakfield Primary School (demo)');
        expect(await frame.locator('table.matrix tbody').innerText()).not.toContain('Fictional Fernley Primary School (demo)');
        await screenshot(page, 'sit-filtered-lg-01', frame);

        await frame.getByRole('button', { name: 'Attendance' }).click();
        const csv = frame.getByRole('button', { name: /Download attendance-2021-22-2022-03-15\.csv/ });
        await csv.waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
        expect(download.suggestedFilename()).toBe('attendance-2021-22-2022-03-15.csv');
      });
    },
    TEST_MS,
  );

  it(
    'shows the liaison group’s nomination in the tab added to the group’s chat',
    async () => {
      await withTab(tab.base, { context: contextFor(HEAD.aadObjectId, 'default', { chatId: GROUP_CHAT }), token: await signedIn(HEAD.aadObjectId) }, async (frame, page) => {
        await frame.getByRole('heading', { name: 'First choice' }).waitFor();
        const text = await textOf(frame);
        expect(text).toContain('Fictional Oakfield Primary School (demo)');
        expect(text).toContain('Disadvantaged Pupil Champion: Champion 1A');
        expect(text).toContain('Selected');
        await screenshot(page, 'group-chat-default', frame);
      });
    },
    TEST_MS,
  );

  it(
    'tells someone the bot does not know yet how to set up their profile',
    async () => {
      await withTab(tab.base, { context: contextFor(STRANGER), token: await signedIn(STRANGER) }, async (frame) => {
        await frame.getByRole('heading', { name: 'Tell the bot who you are first' }).waitFor();
        expect(await textOf(frame)).toContain('which school you work at');
      });
    },
    TEST_MS,
  );

  it(
    'says so when Teams cannot sign the person in, and shows nothing',
    async () => {
      await withTab(tab.base, { context: contextFor(HEAD.aadObjectId) }, async (frame) => {
        await frame.getByRole('heading', { name: 'Teams could not sign you in to this app.' }).waitFor();
        expect(await textOf(frame)).not.toContain('Oakfield');
      });
    },
    TEST_MS,
  );

  it(
    'gives Teams the channel tab’s settings from the configuration page when Save is pressed',
    async () => {
      await withTab(tab.base, { page: 'configure.html', frameContext: 'settings', context: contextFor(HEAD.aadObjectId, 'dark') }, async (frame, page) => {
        await frame.getByText('Select Save to add the tab.').waitFor();
        expect(await hostMessages(page)).toContainEqual({ func: 'settings.setValidityState', args: [true] });
        await screenshot(page, 'configure-dark', frame);
        await page.evaluate(() => (globalThis as unknown as { hostPressSave(): void }).hostPressSave());
        await expect.poll(async () => (await hostMessages(page)).map((message) => message.func), { timeout: BROWSER_WAIT_MS }).toContain('settings.save.success');
        const settings = (await hostMessages(page)).find((message) => message.func === 'settings.setSettings');
        expect(settings?.args[0]).toMatchObject({ entityId: 'championNomination', contentUrl: `${tab.base}/web/tab.html`, suggestedDisplayName: 'Champion nomination' });
      });
    },
    TEST_MS,
  );

  it(
    'says plainly that it belongs in Teams when opened in a browser',
    async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${tab.base}/web/tab.html`);
        await page.getByRole('heading', { name: 'Open this page in Microsoft Teams' }).waitFor();
        expect(await textOf(page)).not.toContain('Oakfield');
        await screenshot(page, 'outside-teams');
      } finally {
        await page.close();
      }
    },
    TEST_MS,
  );

  it(
    'says the same when framed by a page that is not Teams and never answers',
    async () => {
      await withTab(tab.base, { context: contextFor(HEAD.aadObjectId), silent: true }, async (frame) => {
        await frame.getByRole('heading', { name: 'Open this page in Microsoft Teams' }).waitFor();
      });
    },
    TEST_MS,
  );
});

describeInBrowser('the tab in local development (the bot’s authentication off, no single sign-on)', () => {
  let devTab: TabApp;

  beforeAll(async () => {
    devTab = await startTabApp({ devMode: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await devTab?.close();
  });

  it(
    'signs in as the Teams context’s user when Teams has no token to give',
    async () => {
      const sent: (string | undefined)[] = [];
      await withTab(
        devTab.base,
        { context: contextFor(HEAD.aadObjectId) },
        async (frame, page) => {
          await frame.getByRole('heading', { name: 'Fictional Oakfield Primary School (demo)' }).waitFor();
          expect((await hostMessages(page)).map((message) => message.func)).toContain('authentication.getAuthToken');
          expect(sent).toEqual([HEAD.aadObjectId]);
        },
        (page) =>
          page.on('request', (request) => {
            if (request.url().includes('/api/tab/school')) sent.push(request.headers()['x-dev-aad-object-id']);
          }),
      );
    },
    TEST_MS,
  );

  it(
    'can be previewed in a browser as one of the Agents Playground’s users',
    async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${devTab.base}/web/tab.html?devUser=${SIT_ADMIN}&theme=dark`);
        await page.getByText('liaison groups have nominated').waitFor();
        expect(await page.locator('body').getAttribute('data-theme')).toBe('dark');
      } finally {
        await page.close();
      }
    },
    TEST_MS,
  );
});
