import { defineTestProject } from '../../vitest.shared.ts'

export default defineTestProject('example-quick-tour')
