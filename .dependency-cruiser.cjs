/**
 * The direction of the layers (docs/architecture.md): bot/ → dialogs/ → domain/, cards/, storage/.
 * Checked by test/architecture/dependencies.test.ts in `npm test`; type-only imports count too,
 * because a type that points up still ties the lower layer to the upper one.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds the rules: it imports nothing of ours outside domain/.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(bot|dialogs|cards|files|storage|scripts|bench|test|devtools|manifest|web)/' },
    },
    {
      name: 'domain-builds-no-files',
      comment: 'domain/ gives the rows of an export; files/ lays them out as a workbook (exceljs is heavy, loaded on first use, and no rule).',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: 'node_modules/exceljs/' },
    },
    {
      name: 'lib-knows-nothing-of-ours',
      comment: 'lib/ holds mechanisms with no knowledge of the bot (a keyed lock, a bounded map): it imports nothing of ours.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(bot|dialogs|domain|cards|files|storage|scripts|bench|test|devtools|manifest|web)/' },
    },
    {
      name: 'cards-and-storage-below-dialogs',
      comment: 'cards/, files/ and storage/ serve the journeys; they know nothing of the conversations or the Teams shell.',
      severity: 'error',
      from: { path: '^(cards|files|storage)/' },
      to: { path: '^(dialogs|bot)/' },
    },
    {
      name: 'dialogs-below-bot',
      comment: 'dialogs/ own the ports they need as interfaces; bot/ implements them. A journey never reaches up into the shell.',
      severity: 'error',
      from: { path: '^dialogs/' },
      to: { path: '^bot/' },
    },
    {
      name: 'tab-is-a-face-over-the-journeys',
      comment:
        'The tab (bot/http/) asks the journeys\' queries (dialogs/queries.ts), over the bot\'s one directory: it builds no repository or directory of its own. Types from storage/ may be named.',
      severity: 'error',
      from: { path: '^bot/http/' },
      to: { path: '^storage/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'tests-are-not-a-library',
      comment: 'What the bot, its scripts and its benchmarks run lives outside test/; tests may import it, not the other way round.',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'A circle of imports (type-only ones included) means two modules are one in two files, or one of them is in the wrong layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // exceljs stays in the graph (not followed), so the rule that keeps it out of domain/ can see it.
    exclude: { path: '(^|/)node_modules/(?!exceljs/)' },
    // Type-only imports are dependencies too (see above).
    tsPreCompilationDeps: true,
    // TypeScript 7's compiler has no JavaScript API for dependency-cruiser to use; swc parses TypeScript, type-only imports included.
    parser: 'swc',
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
