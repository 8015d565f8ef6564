import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, describe, expect, it } from 'vitest';
import { TempDirs } from '../support/tempDir.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Every folder of ours that holds TypeScript the bot, its tools or its tests run. */
const FOLDERS = ['bot', 'dialogs', 'domain', 'cards', 'files', 'storage', 'lib', 'scripts', 'bench', 'devtools', 'manifest', 'test'];

async function violationsIn(baseDir: string, folders: readonly string[]): Promise<{ violations: string[]; modules: number }> {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
  const { output } = await cruise([...folders], { ...options, baseDir, validate: true, outputType: 'json' });
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  const violations = result.summary.violations.map((violation) =>
    violation.cycle ? `${violation.rule.name}: ${[violation.from, ...violation.cycle.map((step) => step.name)].join(' → ')}` : `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  );
  return { violations, modules: result.modules.length };
}

const temp = new TempDirs();
afterAll(() => temp.removeAll());

describe('the layers point one way (.dependency-cruiser.cjs, docs/architecture.md)', () => {
  it('no import in the code breaks the direction or closes a circle', async () => {
    const existing = FOLDERS.filter((folder) => existsSync(join(ROOT, folder)));
    const { violations, modules } = await violationsIn(ROOT, existing);
    // Guards against a cruise that found nothing (a parser missing, say) and so reported nothing.
    expect(modules).toBeGreaterThan(150);
    expect(violations).toEqual([]);
  }, 120_000);

  it('the rules catch an upward import, a reach into the shell, a tab with a repository of its own, and a type-only circle', async () => {
    const dir = await temp.make('depcruise');
    {
      const files: Record<string, string> = {
        'domain/rule.ts': "import { shell } from '../bot/shell.js';\nexport const rule = shell;\n",
        'bot/shell.ts': 'export const shell = 1;\n',
        'dialogs/journey.ts': "import { shell } from '../bot/shell.js';\nexport const journey = shell;\n",
        'bot/http/tab.ts': "import { Directory } from '../../storage/directory.js';\nimport type { Row } from '../../storage/row.js';\nexport const tab = (row: Row) => new Directory(row);\n",
        'storage/directory.ts': 'export class Directory { constructor(readonly row: unknown) {} }\n',
        'storage/row.ts': 'export interface Row { readonly id: string }\n',
        'storage/a.ts': "import type { B } from './b.js';\nexport type A = { b?: B };\n",
        'storage/b.ts': "import type { A } from './a.js';\nexport type B = { a?: A };\n",
      };
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(dir, path, '..'), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const { violations } = await violationsIn(dir, ['domain', 'bot', 'dialogs', 'storage']);
      // A type named from storage/ is no second repository.
      expect(violations).not.toContain('tab-is-a-face-over-the-journeys: bot/http/tab.ts → storage/row.ts');
      expect(violations).toEqual(
        expect.arrayContaining([
          'domain-is-pure: domain/rule.ts → bot/shell.ts',
          'dialogs-below-bot: dialogs/journey.ts → bot/shell.ts',
          'tab-is-a-face-over-the-journeys: bot/http/tab.ts → storage/directory.ts',
          expect.stringMatching(/^no-circular: storage\/(a|b)\.ts → /),
        ]),
      );
    }
  }, 120_000);
});

