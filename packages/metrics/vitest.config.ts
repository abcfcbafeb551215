import { defineTestProject } from '../../vitest.shared.ts'

export default defineTestProject('metrics')
