import type { CaseEvent, CaseEventType, Result } from '@servicekit/core'
import { describe, expectTypeOf, it } from 'vitest'
import { createActor, type StateValue } from 'xstate'
import {
  type CaseProcessState,
  createServiceProcess,
  type PersistedCase,
  type ProcessContext,
  type ProcessOptions,
  type ProcessRejection,
  type ProcessSnapshot,
  replayCase,
  restoreCase,
  type ServiceProcess,
  standardProcessOptions,
  toMermaid,
  toStatelyJSON,
} from '../src/index'

describe('type contracts', () => {
  it('makes an XState machine of case events and the process context', () => {
    const process = createServiceProcess()
    expectTypeOf(process).toEqualTypeOf<ServiceProcess>()
    const snapshot = createActor(process).getSnapshot()
    expectTypeOf(snapshot).toEqualTypeOf<ProcessSnapshot>()
    expectTypeOf(snapshot.context).toEqualTypeOf<ProcessContext>()
    expectTypeOf(snapshot.value).toEqualTypeOf<StateValue>()
    expectTypeOf(createActor(process).send).parameter(0).toEqualTypeOf<CaseEvent>()
  })

  it('takes options as plain data', () => {
    expectTypeOf(standardProcessOptions).toExtend<ProcessOptions>()
    expectTypeOf<{
      reopenWindow: { businessDays: 7 }
      autoConfirmAfter: null
    }>().toExtend<ProcessOptions>()
    // @ts-expect-error: an unknown solution kind
    createServiceProcess({ authority: { kinds: ['gift'] } })
  })

  it('replays into a persisted snapshot, a state and rejections', () => {
    const result = replayCase([])
    expectTypeOf(result.snapshot).toEqualTypeOf<PersistedCase>()
    expectTypeOf(result.state).toEqualTypeOf<CaseProcessState>()
    expectTypeOf(result.rejected).toEqualTypeOf<ProcessRejection[]>()
    expectTypeOf(result.rejected[0]!.accepted).toEqualTypeOf<CaseEventType[]>()
  })

  it('restores a case with send, safeSend and persist', () => {
    const c = restoreCase({})
    expectTypeOf(c.send).returns.toEqualTypeOf<CaseProcessState>()
    expectTypeOf(c.safeSend).returns.toEqualTypeOf<Result<CaseProcessState>>()
    expectTypeOf(c.persist).returns.toEqualTypeOf<PersistedCase>()
  })

  it('exports diagrams as text and JSON', () => {
    expectTypeOf(toMermaid).returns.toBeString()
    expectTypeOf(toStatelyJSON(createServiceProcess()).id).toBeString()
  })
})
