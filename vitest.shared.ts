import { defineProject } from 'vitest/config'

/**
 * The test settings every workspace project shares. The `@servicekit/source`
 * condition makes `@servicekit/*` imports resolve to the sibling package's
 * `src/`, so tests never need a build first.
 */
export function defineTestProject(name: string, overrides: { testTimeout?: number } = {}) {
  const conditions = ['@servicekit/source']
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
      testTimeout: overrides.testTimeout ?? 5_000,
    },
  })
}
