import { defineConfig, type Options } from 'tsup'

/**
 * The one build configuration every package shares: ESM and CJS with type
 * declarations for both, from `src/index.ts` (plus any extra entries).
 */
export function defineBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates;
    // and it resolves sibling packages through their built types, not `src/`.
    dts: { compilerOptions: { ignoreDeprecations: '6.0', customConditions: [] } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    treeshake: true,
    ...overrides,
  })
}
