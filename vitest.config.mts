import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@': path.resolve(__dirname),
  // `server-only` throws outside React Server Components; in tests the code runs on the server anyway
  'server-only': path.resolve(__dirname, 'tests/support/empty.ts'),
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        // parsing every component or the OpenAPI meta-schema takes seconds on a busy 2-core machine
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-db.ts'],
          setupFiles: ['tests/support/worker-db.ts', 'tests/support/session-mock.ts'],
          testTimeout: 30_000,
          // next-auth imports `next/server` without an extension, which Node's ESM loader refuses
          server: { deps: { inline: ['next-auth', '@auth/core'] } },
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
