import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { fail, ok, type Result } from '../domain/result.js';
import { COLOUR_ICON_PATH, OUTLINE_ICON_PATH } from './drawIcons.js';
import {
  fillManifest,
  loadManifestSchema,
  manifestSchemaFailures,
  readManifestTemplate,
  type Json,
  type ManifestValues,
} from './teamsManifest.js';

export const DEFAULT_PACKAGE_PATH = path.resolve(import.meta.dirname, '..', 'build', 'appPackage.zip');

export interface PackageSettings extends ManifestValues {
  /** Where the zip is written. */
  readonly outFile: string;
}

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const PackageEnvironment = z.object({
  MicrosoftAppId: z.preprocess(
    emptyAsUndefined,
    z
      .string({ error: 'MicrosoftAppId is not set: set it to the Azure Bot\'s Microsoft App ID.' })
      .trim()
      .regex(GUID, 'MicrosoftAppId must be the Azure Bot\'s Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000.'),
  ),
  PUBLIC_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string({ error: 'PUBLIC_BASE_URL is not set: set it to the https address users reach the bot at, e.g. https://bot.example.org.' })
      .trim()
      .pipe(z.url({ protocol: /^https$/, error: 'PUBLIC_BASE_URL must be an https address, e.g. https://bot.example.org.' })),
  ),
  PACKAGE_OUT: z.preprocess(emptyAsUndefined, z.string().optional()),
});

/** What `npm run package` needs from the environment, or every variable that is missing or wrong. */
export function packageSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): Result<PackageSettings> {
  const parsed = PackageEnvironment.safeParse(env);
  if (!parsed.success) return fail(...parsed.error.issues.map((issue) => issue.message));
  const base = new URL(parsed.data.PUBLIC_BASE_URL);
  // The tabs' addresses are built from the host alone, so a base below the root would break them.
  if (base.pathname !== '/' || base.search !== '' || base.hash !== '') {
    return fail(`PUBLIC_BASE_URL must be the site's root with no path, e.g. https://${base.host}, not ${parsed.data.PUBLIC_BASE_URL}.`);
  }
  return ok({
    botId: parsed.data.MicrosoftAppId.toLowerCase(),
    domain: base.host,
    outFile: path.resolve(parsed.data.PACKAGE_OUT ?? DEFAULT_PACKAGE_PATH),
  });
}

/** The filled manifest, checked against the bundled schema: throws with every failure if it does not conform. */
export async function buildManifest(values: ManifestValues): Promise<Json> {
  const manifest = fillManifest(await readManifestTemplate(), values);
  const failures = await manifestSchemaFailures(manifest, await loadManifestSchema());
  if (failures.length > 0) {
    throw new Error(`The filled manifest does not match the Teams manifest schema:\n${failures.join('\n')}`);
  }
  return manifest;
}

/** Writes the Teams app package (manifest.json, color.png and outline.png at the root) and returns the manifest in it. */
export async function writeAppPackage(settings: PackageSettings): Promise<Json> {
  const manifest = await buildManifest(settings);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', await readFile(COLOUR_ICON_PATH));
  zip.file('outline.png', await readFile(OUTLINE_ICON_PATH));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  await mkdir(path.dirname(settings.outFile), { recursive: true });
  await writeFile(settings.outFile, bytes);
  return manifest;
}
