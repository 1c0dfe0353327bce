import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Vitest configuration for mutation testing of lib/tax (stryker.config.mjs): the root config is
 * split into projects, which the Stryker runner does not select; this one runs lib/tax's own unit
 * tests only. The differential test against test/oracle is left out: it belongs to the oracle's
 * owners, takes most of the run time, and the engine's own suite must kill the mutants by itself.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/tax/**/*.test.ts'],
    exclude: ['lib/tax/differential.test.ts', 'node_modules/**', '.stryker-tmp/**'],
  },
});
