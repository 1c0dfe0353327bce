// Mutation testing of the VAT engine: `npm run mutate:tax`. Results and the surviving mutants
// judged harmless are recorded in lib/tax/MUTATION.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['lib/tax/**/*.ts', '!lib/tax/**/*.test.ts', '!lib/tax/bench.ts', '!lib/tax/index.ts', '!lib/tax/types.ts'],
  // Stryker copies the project into a sandbox: only what the tax tests need.
  ignorePatterns: ['/*', '!/lib', '/lib/*', '!/lib/tax', '!/package.json', '!/tsconfig.json', '!/vitest.stryker.config.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/tax.html' },
  jsonReporter: { fileName: 'reports/mutation/tax.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
