import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Three tiers, run one at a time by scripts/test.js (`npm test`) or directly with
 * `npx vitest run --project unit|integration|e2e`.
 *
 * - unit: pure code (domain rules, contracts, web helpers, server units named *.unit.test.ts).
 * - integration: the server through app.inject() on a real database. TEST_DB selects it
 *   ('sqlite', the default, or 'postgres' with TEST_PG_URL pointing at a running server); each test
 *   file creates and drops its own database, so files run one after another in separate processes.
 * - e2e: journeys in a real Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 *
 * Every tier runs with TZ=UTC so that no test depends on the machine's time zone; code that needs an
 * organization's time zone gets it explicitly.
 */
process.env.TZ = 'UTC';

const root = fileURLToPath(new URL('.', import.meta.url));
const env = { TZ: 'UTC' };
const exclude = ['**/node_modules/**', '**/dist/**', '**/data/**', '**/.git/**'];

export default defineConfig({
  root,
  test: {
    passWithNoTests: false,
    projects: [
      {
        root,
        test: {
          name: 'unit',
          environment: 'node',
          env,
          include: [
            'src/domain/**/*.test.ts',
            'src/contracts/**/*.test.ts',
            'src/web/**/*.test.ts',
            'src/server/**/*.unit.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude,
        },
      },
      {
        root,
        test: {
          name: 'integration',
          environment: 'node',
          env,
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
          exclude: [...exclude, '**/*.unit.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        root,
        test: {
          name: 'e2e',
          environment: 'node',
          env,
          include: ['e2e/**/*.test.ts'],
          exclude,
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
