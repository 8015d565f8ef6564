import { spawn } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { packageSettingsFromEnv } from '../../manifest/appPackage.js';
import { COLOUR_ICON_PATH, OUTLINE_ICON_PATH } from '../../manifest/drawIcons.js';
import { PROJECT_ROOT } from '../../devtools/botProcess.js';
import { TempDirs } from '../support/tempDir.js';

const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run package`'s script on the project's Node with only the given environment. */
function runBuildPackage(env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'manifest/buildPackage.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const exists = (file: string) => access(file).then(() => true, () => false);

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

describe('npm run package', () => {
  it('writes a package with manifest.json, color.png and outline.png at its root, the ids filled', async () => {
    const out = path.join(await dirs.make('app-package'), 'nested', 'appPackage.zip');
    const run = await runBuildPackage({ MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: 'https://bot.example.org', PACKAGE_OUT: out });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      id: string;
      bots: { botId: string }[];
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
    };
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0]!.botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://bot.example.org/${BOT_ID}` });
    expect((await zip.file('color.png')!.async('nodebuffer')).equals(await readFile(COLOUR_ICON_PATH))).toBe(true);
    expect((await zip.file('outline.png')!.async('nodebuffer')).equals(await readFile(OUTLINE_ICON_PATH))).toBe(true);
  });

  it('stops with a non-zero exit, naming each missing variable, and writes nothing', async () => {
    const out = path.join(await dirs.make('app-package'), 'appPackage.zip');
    const run = await runBuildPackage({ PACKAGE_OUT: out });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('MicrosoftAppId is not set');
    expect(run.stderr).toContain('PUBLIC_BASE_URL is not set');
    expect(await exists(out)).toBe(false);
  });

  it.each([
    { rule: 'MicrosoftAppId is required', env: { PUBLIC_BASE_URL: 'https://bot.example.org' }, error: 'MicrosoftAppId is not set' },
    { rule: 'an empty MicrosoftAppId counts as missing', env: { MicrosoftAppId: ' ', PUBLIC_BASE_URL: 'https://bot.example.org' }, error: 'MicrosoftAppId is not set' },
    { rule: 'MicrosoftAppId is a GUID', env: { MicrosoftAppId: 'my-bot', PUBLIC_BASE_URL: 'https://bot.example.org' }, error: 'MicrosoftAppId must be' },
    { rule: 'PUBLIC_BASE_URL is required', env: { MicrosoftAppId: BOT_ID }, error: 'PUBLIC_BASE_URL is not set' },
    { rule: 'PUBLIC_BASE_URL is https', env: { MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: 'http://bot.example.org' }, error: 'PUBLIC_BASE_URL must be an https address' },
    { rule: 'PUBLIC_BASE_URL is a site root', env: { MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: 'https://example.org/bot' }, error: 'no path' },
  ])('refuses the environment when the rule is broken: $rule', ({ env, error }) => {
    const settings = packageSettingsFromEnv(env);
    expect(settings.ok).toBe(false);
    expect(settings.ok ? [] : settings.errors).toEqual([expect.stringContaining(error)]);
  });

  it('takes the domain from PUBLIC_BASE_URL and writes to build/appPackage.zip unless PACKAGE_OUT says otherwise', () => {
    const settings = packageSettingsFromEnv({ MicrosoftAppId: BOT_ID.toUpperCase(), PUBLIC_BASE_URL: 'https://Bot.Example.org/' });
    expect(settings).toEqual({
      ok: true,
      value: { botId: BOT_ID, domain: 'bot.example.org', outFile: path.join(PROJECT_ROOT, 'build', 'appPackage.zip') },
    });
  });
});
