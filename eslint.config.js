// Only the checks that keep text work linear: every regular expression must run in time
// proportional to its input, since users' messages reach them before any permission check.
// The project's style is left to the type checker; this config is deliberately small.
import babelParser from '@babel/eslint-parser';
import regexp from 'eslint-plugin-regexp';

export default [
  { ignores: ['node_modules/', 'build/', 'data/', 'web/vendor/'] },
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: {
      parser: babelParser,
      parserOptions: { requireConfigFile: false, babelOptions: { babelrc: false, configFile: false, parserOpts: { plugins: ['typescript'] } } },
    },
    plugins: { regexp },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
];
