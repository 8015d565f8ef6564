import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Server } from 'restify';

const require = createRequire(import.meta.url);

/** The Teams JavaScript client, served from the installed package so pages need nothing from the internet. */
const TEAMS_JS = require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');

export function registerStaticRoutes(server: Server): void {
  let teamsJs: Promise<Buffer> | undefined;
  server.get('/web/vendor/MicrosoftTeams.min.js', async (_req, res) => {
    teamsJs ??= readFile(TEAMS_JS);
    res.setHeader('content-type', 'text/javascript; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=3600');
    res.end(await teamsJs);
  });
}
