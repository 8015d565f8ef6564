import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, productionNodeFlags } from '../../devtools/botProcess.js';

/** The JSON-array CMD of the Dockerfile's last stage: what the container runs. */
function containerCommand(dockerfile: string): string[] {
  const lines = dockerfile.split('\n').filter((line) => line.startsWith('CMD '));
  const last = lines.at(-1);
  if (last === undefined) throw new Error('The Dockerfile has no CMD');
  return JSON.parse(last.slice('CMD '.length)) as string[];
}

describe('production runs the build one way', () => {
  it('the container starts the bot with the same Node flags as npm start', async () => {
    const flags = productionNodeFlags(PROJECT_ROOT);
    // The memory figures in the README are measured with these flags: without them the idle target is not met.
    expect(flags).toContain('--max-semi-space-size=2');
    const dockerfile = await readFile(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    expect(containerCommand(dockerfile)).toEqual(['node', ...flags, 'dist/bot/start.js']);
  });
});
