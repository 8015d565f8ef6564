import { describe, expect, it } from 'vitest';
import {
  bundledSchemaVersions,
  fillManifest,
  loadManifestSchema,
  MANIFEST_SCHEMA_VERSION,
  manifestSchemaFailures,
  readManifestTemplate,
  type Json,
} from '../../manifest/teamsManifest.js';

const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const DOMAIN = 'school-improvement.example.org';

interface Command {
  title: string;
  description?: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
/** The parts of the filled manifest these tests read. */
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: CommandList[] }[];
  staticTabs: { name: string; contentUrl: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  permissions: string[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

const filledManifest = async (): Promise<Json> => fillManifest(await readManifestTemplate(), { botId: BOT_ID, domain: DOMAIN });
const manifest = async (): Promise<Manifest> => (await filledManifest()) as unknown as Manifest;
const commandsFor = (m: Manifest, scope: string) =>
  m.bots[0]!.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) => list.commands.map((command) => command.title));

const versionNumber = (version: string) => version.split('.').map(Number) as [number, number];

describe('the Teams app manifest', () => {
  it('is written for the newest manifest schema that @microsoft/app-manifest bundles', async () => {
    const newest = (await bundledSchemaVersions())
      .sort((a, b) => versionNumber(a)[0] - versionNumber(b)[0] || versionNumber(a)[1] - versionNumber(b)[1])
      .at(-1);
    expect(newest).toBe(MANIFEST_SCHEMA_VERSION);
    const m = await manifest();
    expect(m.manifestVersion).toBe(MANIFEST_SCHEMA_VERSION);
    expect(m.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`);
  });

  it('conforms to the bundled schema once its placeholders are filled, checked offline', async () => {
    expect(await manifestSchemaFailures(await filledManifest(), await loadManifestSchema())).toEqual([]);
  });

  it.each<{ rule: string; breakIt: (m: Manifest) => void; failureAt: string }>([
    { rule: 'the short name is at most 30 characters', breakIt: (m) => (m.name.short = 'School improvement programmes bot'), failureAt: '/name/short' },
    { rule: 'the app id is a GUID', breakIt: (m) => (m.id = 'not-a-guid'), failureAt: '/id' },
    { rule: 'a bot scope is one Teams knows', breakIt: (m) => m.bots[0]!.scopes.push('meeting'), failureAt: '/bots/0/scopes/3' },
    { rule: 'links are http(s) addresses', breakIt: (m) => (m.developer.privacyUrl = 'privacy'), failureAt: '/developer/privacyUrl' },
  ])('the schema check catches a manifest that breaks the rule: $rule', async ({ breakIt, failureAt }) => {
    const m = await manifest();
    breakIt(m);
    const failures = await manifestSchemaFailures(m as unknown as Json, await loadManifestSchema());
    expect(failures.some((failure) => failure.startsWith(`${failureAt} `))).toBe(true);
  });

  it('is the app "School improvement", with a full name and plain descriptions', async () => {
    const m = await manifest();
    expect(m.name.short).toBe('School improvement');
    expect(m.name.full.length).toBeGreaterThan(m.name.short.length);
  });

  it('names the bot by its app id everywhere: the app, the bot and single sign-on', async () => {
    const m = await manifest();
    expect(m.id).toBe(BOT_ID);
    expect(m.bots[0]!.botId).toBe(BOT_ID);
    expect(m.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://${DOMAIN}/${BOT_ID}` });
    expect(JSON.stringify(m)).not.toContain('{{');
  });

  it('points every page at the bot\'s own domain, and lets Teams load it', async () => {
    const m = await manifest();
    expect(m.validDomains).toEqual([DOMAIN]);
    for (const url of [m.developer.websiteUrl, m.developer.privacyUrl, m.developer.termsOfUseUrl]) expect(new URL(url).host).toBe(DOMAIN);
    expect(m.staticTabs).toEqual([expect.objectContaining({ name: 'My programme', contentUrl: `https://${DOMAIN}/web/tab.html`, scopes: ['personal'] })]);
    expect(m.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: `https://${DOMAIN}/web/configure.html`, scopes: ['team', 'groupChat'] }),
    ]);
  });

  it('talks in personal chats, group chats and teams, takes no files, and asks for identity and messaging team members', async () => {
    const m = await manifest();
    expect(m.bots[0]!.scopes).toEqual(['personal', 'groupChat', 'team']);
    expect(m.bots[0]!.supportsFiles).toBe(false);
    expect(m.permissions).toEqual(['identity', 'messageTeamMembers']);
  });

  it.each([
    {
      scope: 'personal',
      commands: [
        'check eligibility',
        'my eligibility checks',
        'log attendance',
        "my school's attendance",
        'deployment form',
        'champion commitments',
        'my profile',
        'nominations',
        'help',
      ],
    },
    { scope: 'groupChat', commands: ['nominate', 'nomination history', 'which liaison group is this', 'help'] },
    { scope: 'team', commands: ['nominate', 'nomination history', 'which liaison group is this', 'help'] },
  ])('offers in $scope only the journeys that exist there', async ({ scope, commands }) => {
    expect(commandsFor(await manifest(), scope)).toEqual(commands);
  });

  it('keeps each command list to at most 10 commands, each with a short description', async () => {
    for (const list of (await manifest()).bots[0]!.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.description?.length ?? 0).toBeGreaterThan(0);
        expect(command.description!.length).toBeLessThanOrEqual(80);
      }
    }
  });

  it('refuses a template placeholder that nothing fills', () => {
    expect(() => fillManifest({ developer: { name: '{{PUBLISHER}}' } }, { botId: BOT_ID, domain: DOMAIN })).toThrow('{{PUBLISHER}}');
  });
});
