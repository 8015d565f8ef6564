import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';

/** The manifest schema the template is written for: the newest that @microsoft/app-manifest bundles. */
export const MANIFEST_SCHEMA_VERSION = '1.30';

export const MANIFEST_TEMPLATE_PATH = path.join(import.meta.dirname, 'manifest.template.json');

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** What the template's placeholders stand for in one tenant's package. */
export interface ManifestValues {
  /** The Azure Bot's Microsoft App ID: the bot, the Teams app and the tab's single sign-on share it. */
  readonly botId: string;
  /** The host users' browsers reach the bot at, e.g. `bot.example.org`. */
  readonly domain: string;
}

const bundledTeamsSchemas = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')),
  'json-schemas',
  'teams',
);

/** The released manifest schema versions the installed package carries (no preview), e.g. `1.30`. */
export async function bundledSchemaVersions(): Promise<string[]> {
  const folders = await readdir(bundledTeamsSchemas);
  return folders.flatMap((folder) => /^v(\d+\.\d+)$/.exec(folder)?.[1] ?? []);
}

/** The manifest schema read from the installed package, so validation never needs the network. */
export async function loadManifestSchema(version = MANIFEST_SCHEMA_VERSION): Promise<ManifestSchema> {
  const text = await readFile(path.join(bundledTeamsSchemas, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8');
  return JSON.parse(text) as ManifestSchema;
}

export async function readManifestTemplate(): Promise<Json> {
  return JSON.parse(await readFile(MANIFEST_TEMPLATE_PATH, 'utf8')) as Json;
}

/**
 * The template with every `{{BOT_ID}}` and `{{DOMAIN}}` replaced. Values go into parsed strings,
 * never into the JSON text, so no value can change the manifest's structure.
 */
export function fillManifest(template: Json, values: ManifestValues): Json {
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      const filled = node.replaceAll('{{BOT_ID}}', values.botId).replaceAll('{{DOMAIN}}', values.domain);
      const unknown = /\{\{[^{}]*\}\}/.exec(filled);
      if (unknown) throw new Error(`The manifest template has a placeholder nothing fills: ${unknown[0]}`);
      return filled;
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  return fill(template);
}

/** Every way the manifest breaks the schema, as `<path> <problem>` lines; empty when it is valid. */
export function manifestSchemaFailures(manifest: Json, schema: ManifestSchema): Promise<string[]> {
  // The schema itself is the check of the manifest's shape; the cast only satisfies the signature.
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest, schema);
}
