import { defineTestProject } from '../../vitest.shared.ts'

export default defineTestProject('sla', { testTimeout: 30_000 })
