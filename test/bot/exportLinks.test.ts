import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { CSV } from '../../dialogs/ports.js';
import { createLogger } from '../../bot/logger.js';

let app: App;
let dataDir: string;
let base: string;
let clock = new Date('2024-03-01T10:00:00Z');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sib-exports-'));
  const config = loadConfig({ NODE_ENV: 'test', BOT_AUTH: 'off', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', EXPORT_LINK_TTL_MINUTES: '15' });
  app = await createApp(config, { logger: createLogger('silent'), now: () => clock });
  base = `http://127.0.0.1:${await app.listen()}`;
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A link as the bot gives it, used as it is: it must name the port the bot listens on (PORT=0 binds a free one). */
async function newLink(owner = 'aad-sit-admin', bot = app): Promise<URL> {
  const { url } = await bot.services.exports.create(owner, { filename: 'nominations.csv', contentType: CSV, bytes: Buffer.from('group,first choice\nlg-01,900001\n') });
  return new URL(url);
}

const download = (url: URL, user?: string) => fetch(url, { headers: user ? { 'x-dev-aad-object-id': user } : {} });

describe('export download links', () => {
  it('give the file to the person who asked for it', async () => {
    const response = await download(await newLink(), 'aad-sit-admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('nominations.csv');
    expect(await response.text()).toContain('lg-01,900001');
  });

  it('refuse someone else', async () => {
    const response = await download(await newLink(), 'aad-another-user');
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain('belongs to someone else');
  });

  it('refuse a tampered link', async () => {
    const link = await newLink();
    link.searchParams.set('sig', `${link.searchParams.get('sig')?.slice(0, -2)}xx`);
    expect((await download(link, 'aad-sit-admin')).status).toBe(403);
  });

  it('refuse a link once it has expired', async () => {
    const link = await newLink();
    clock = new Date(clock.getTime() + 16 * 60_000);
    const response = await download(link, 'aad-sit-admin');
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain('expired');
  });

  it('keep the file encrypted in the store, and remove it once expired', async () => {
    const link = await newLink();
    const id = link.pathname.split('/').pop()!;
    const stored = JSON.stringify((await app.services.store.read(`exports/${id}`))?.value);
    expect(stored).not.toContain('lg-01,900001');
    expect(stored).not.toContain(Buffer.from('lg-01,900001').toString('base64').slice(0, 12));
    expect(await app.services.exports.purgeExpired(new Date(clock.getTime() + 16 * 60_000))).toBeGreaterThan(0);
    expect(await app.services.store.read(`exports/${id}`)).toBeUndefined();
  });

  it('point at the address and port the bot really listens on', async () => {
    expect((await newLink()).origin).toBe(base);
  });

  it('open in a plain browser tab in local development (authentication off), as the Agents Playground opens them', async () => {
    const response = await fetch(await newLink(), { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment; filename="nominations.csv"');
    expect(await response.text()).toContain('lg-01,900001');
  });

  it('still refuse a tampered or expired link in local development', async () => {
    const tampered = await newLink();
    tampered.searchParams.set('sig', `${tampered.searchParams.get('sig')?.slice(0, -2)}xx`);
    expect((await fetch(tampered, { headers: { accept: 'text/html' } })).status).toBe(403);
    const link = await newLink();
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await fetch(link, { headers: { accept: 'text/html' } })).status).toBe(403);
  });
});

describe('export download links with authentication on', () => {
  let signedIn: App;
  let signedInDir: string;
  beforeAll(async () => {
    signedInDir = await mkdtemp(path.join(tmpdir(), 'sib-exports-auth-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: signedInDir,
      PORT: '0',
      HOST: '127.0.0.1',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    });
    signedIn = await createApp(config, { logger: createLogger('silent'), now: () => clock });
    await signedIn.listen();
  });
  afterAll(async () => {
    await signedIn.close();
    await rm(signedInDir, { recursive: true, force: true });
  });

  it('refuse a request that says nobody is asking', async () => {
    const response = await fetch(await newLink('aad-sit-admin', signedIn));
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('lg-01');
  });

  it('refuse the development header: only a Teams sign-in token says who is asking', async () => {
    expect((await download(await newLink('aad-sit-admin', signedIn), 'aad-sit-admin')).status).toBe(401);
  });

  it('send a browser a page that signs in through Teams before fetching the file', async () => {
    const link = await newLink('aad-sit-admin', signedIn);
    const response = await fetch(link, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('microsoftTeams.authentication.getAuthToken');
    expect(page).not.toContain('lg-01');
    expect((await fetch(new URL('/web/vendor/MicrosoftTeams.min.js', link))).status).toBe(200);
  });
});
