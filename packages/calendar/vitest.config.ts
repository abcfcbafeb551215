import { defineTestProject } from '../../vitest.shared.ts'

export default defineTestProject('calendar', { testTimeout: 30_000 })
