import { defineTestProject } from '../../vitest.shared.ts'

// The model-based suite walks two machines' full state graphs in one test
// each; on a shared two-core machine that can pass the 5 s default.
export default defineTestProject('process', { testTimeout: 30_000 })
