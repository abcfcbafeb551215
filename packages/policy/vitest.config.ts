import { defineTestProject } from '../../vitest.shared.ts'

export default defineTestProject('policy', { testTimeout: 60_000 })
