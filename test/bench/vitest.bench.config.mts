import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** `npm run bench`: measurements, not tests. Same setup as the tests, long time limits. */
export default defineConfig({
  root: here('../..'),
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: [
      { find: /^@sip\/shared$/, replacement: here('../../shared/src/index.ts') },
      { find: /^@sip\/shared\/yjs$/, replacement: here('../../shared/src/yjs.ts') },
    ],
  },
  test: {
    include: ['test/bench/**/*.bench.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    // Memory per document is read after explicit garbage collections.
    execArgv: ['--expose-gc'],
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
  },
});
