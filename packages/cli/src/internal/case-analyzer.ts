import { createPolicyEngine, type Policy, type PolicyEngine, parsePolicy } from '@servicekit/policy'
import {
  createServiceProcess,
  type ProcessOptionsFromPolicyOptions,
  processOptionsFromPolicy,
  type ServiceProcess,
} from '@servicekit/process'
import type { ReplayMapping } from '../replay-mapping'
import { analyzeCase, type CaseOutcome, type PolicySide } from './analyze-case'
import { createCaseBuilder, type Decide } from './build-case'
import { compileMapping } from './compile-mapping'
import type { Row } from './read-rows'

/** What a case analyzer is made from: plain data, so a worker thread can make its own. */
export interface AnalyzerInput {
  mapping: ReplayMapping
  /** The policy file's text. */
  policy: string
  /** The other policy's text, for a what-if. */
  compare?: string
  /** When the SLA clocks are read (epoch ms); default each case's last event. */
  now?: number
}

/** Turns one case's rows into its outcome. */
export type CaseAnalyzer = (caseId: string, rows: Row[]) => CaseOutcome

/** The process a replay runs cases through: the policy's ladder and calendar, the mapping's options. */
export function createReplayProcess(policy: Policy, mapping: ReplayMapping): ServiceProcess {
  const o = mapping.process ?? {}
  const options: ProcessOptionsFromPolicyOptions = {}
  if (o.calendar !== undefined) options.calendar = o.calendar
  if (o.reopenWindow !== undefined) options.reopenWindow = o.reopenWindow as never
  if (o.autoConfirmAfter !== undefined) options.autoConfirmAfter = o.autoConfirmAfter as never
  if (o.requiredFields !== undefined) options.requiredFields = o.requiredFields
  return createServiceProcess(processOptionsFromPolicy(policy, options))
}

function decider(engine: PolicyEngine): Decide {
  return (facts) => {
    const d = engine.decide(facts)
    return { priority: d.priority, team: d.team, role: d.role }
  }
}

/** Makes the per-case work of a replay: build the log, replay it, decide, sum it up. */
export function createCaseAnalyzer(input: AnalyzerInput): CaseAnalyzer {
  const mapping = compileMapping(input.mapping)
  const policy = parsePolicy(input.policy)
  const process = createReplayProcess(policy, input.mapping)
  const sideA: PolicySide = { policy, engine: createPolicyEngine(policy) }
  const build = createCaseBuilder(mapping, decider(sideA.engine))
  let other: { build: ReturnType<typeof createCaseBuilder>; side: PolicySide } | undefined
  if (input.compare !== undefined) {
    const comparePolicy = parsePolicy(input.compare)
    const side: PolicySide = { policy: comparePolicy, engine: createPolicyEngine(comparePolicy) }
    other = { build: createCaseBuilder(mapping, decider(side.engine)), side }
  }
  return (caseId, rows) =>
    analyzeCase(
      build(caseId, rows),
      process,
      sideA,
      input.now,
      other && { built: other.build(caseId, rows), side: other.side },
    )
}
