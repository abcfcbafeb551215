import { defineTestProject } from '../../vitest.shared.ts'

// The full-log tests replay the UCI log (141,712 rows) once each and share it.
export default defineTestProject('cli', { testTimeout: 120_000 })
