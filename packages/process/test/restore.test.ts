import { isServiceKitError, type ServiceKitError } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import {
  createServiceProcess,
  type PersistedCase,
  replayCase,
  restoreCase,
  startCase,
} from '../src/index'
import { extendedProcess } from './fixtures/extended-process'
import { assignedLog } from './fixtures/log'

const process = createServiceProcess()

function codeOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (isServiceKitError(e)) return `${e.code}: ${e.message}`
    throw e
  }
  return 'no error'
}

describe('restoreCase: restore, send, persist', () => {
  const log = assignedLog().add('agent.replied').add('case.waiting', { on: 'customer' })
  const stored = () => JSON.parse(JSON.stringify(replayCase(log.events).snapshot)) as PersistedCase

  it('continues a stored case exactly as a replay of the whole log would', () => {
    const c = restoreCase(stored())
    expect(c.state.lifecycle).toBe('waiting.onCustomer')
    const next = assignedLog().events.length + 2
    const resumed = { ...log.events[2]!, id: `evt-${next + 1}`, type: 'case.resumed' } as const
    expect(c.send(resumed).lifecycle).toBe('inProgress.diagnosing')
    expect(c.persist()).toEqual(replayCase([...log.events, resumed]).snapshot)
  })

  it('refuses an event the state does not take, with the rejection as details, changing nothing', () => {
    const c = restoreCase(stored())
    const before = JSON.stringify(c.persist())
    const closing = { ...log.events[2]!, id: 'evt-x', type: 'case.closed' }
    let error: ServiceKitError | undefined
    try {
      c.send(closing)
    } catch (e) {
      error = e as ServiceKitError
    }
    expect(error?.code).toBe('PROCESS_EVENT_REJECTED')
    expect(error?.details).toMatchObject({
      eventId: 'evt-x',
      type: 'case.closed',
      state: 'waiting.onCustomer',
      reason: 'unhandled',
      at: log.events[2]!.at,
    })
    expect(error?.details.accepted).toContain('case.resumed')
    expect(JSON.stringify(c.persist())).toBe(before)
    const result = c.safeSend(closing)
    expect(result.success).toBe(false)
    expect(c.can(closing)).toBe(false)
    expect(c.accepts()).toContain('case.resumed')
    expect(JSON.stringify(c.persist())).toBe(before)
  })

  it('validates what it sends and whose case it is', () => {
    const c = restoreCase(stored())
    expect(codeOf(() => c.send({ type: 'case.resumed' }))).toMatch(/^CASE_EVENT_INVALID/)
    const other = { ...log.events[2]!, id: 'evt-o', caseId: 'case-2', type: 'case.resumed' }
    expect(codeOf(() => c.send(other))).toBe(
      'PROCESS_EVENT_CASE_MISMATCH: Event evt-o is of case case-2, not case-1',
    )
    const result = c.safeSend(other)
    expect(!result.success && result.error.code).toBe('PROCESS_EVENT_CASE_MISMATCH')
  })

  it('starts a new case', () => {
    const c = startCase({ process })
    expect(c.state).toMatchObject({ caseId: null, lifecycle: 'new' })
    expect(c.accepts()).toEqual(['case.opened'])
    c.send(log.events[0])
    expect(c.state.caseId).toBe('case-1')
  })
})

describe('restoreCase refuses what it cannot trust', () => {
  const good = () => JSON.parse(JSON.stringify(replayCase(assignedLog().events).snapshot))

  it.each([
    ['not an object', () => 'snapshot', 'Not a servicekit process snapshot: (root)'],
    ['a bare XState snapshot', () => good().snapshot, 'Not a servicekit process snapshot: /format'],
    [
      'a state the machine does not have',
      () => ({
        ...good(),
        snapshot: { ...good().snapshot, value: { lifecycle: 'lost', escalation: 'level0' } },
      }),
      'names a state this machine does not have',
    ],
    [
      'an incomplete state',
      () => ({
        ...good(),
        snapshot: { ...good().snapshot, value: { lifecycle: 'inProgress', escalation: 'level0' } },
      }),
      'names an incomplete state',
    ],
    [
      'a level that disagrees with the region',
      () => {
        const p = good()
        p.snapshot.context.level = 2
        return p
      },
      'the context level disagree',
    ],
    [
      'a malformed context',
      () => {
        const p = good()
        p.snapshot.context.open = 'yes'
        return p
      },
      '/snapshot/context/open',
    ],
    [
      'a history of a state that does not exist',
      () => {
        const p = good()
        p.snapshot.historyValue = {
          'servicekit-process.lifecycle.inProgress.hist': [{ id: 'nowhere' }],
        }
        return p
      },
      'does not have',
    ],
    ['another machine', () => ({ ...good(), machineId: 'returns' }), 'is of machine "returns"'],
  ])('%s: PROCESS_SNAPSHOT_INVALID', (_, make, message) => {
    const error = codeOf(() => restoreCase(make(), { process }))
    expect(error).toMatch(/^PROCESS_SNAPSHOT_INVALID: /)
    expect(error).toContain(message)
  })

  it('refuses a snapshot of another machine version, unless a migration takes it', () => {
    const old = JSON.parse(
      JSON.stringify(replayCase(assignedLog().events).snapshot),
    ) as PersistedCase
    expect(codeOf(() => restoreCase(old, { process: extendedProcess }))).toBe(
      `PROCESS_SNAPSHOT_VERSION: The snapshot was written by machine version ${process.version}, this machine is ${extendedProcess.version}; pass a migration or replay the log`,
    )
    // The extension only adds a step and a level: a standard snapshot is valid as it is.
    const migrate = (p: PersistedCase) => ({ ...p, machineVersion: extendedProcess.version! })
    const c = restoreCase(old, { process: extendedProcess, migrate })
    expect(c.state.lifecycle).toBe('assigned')
    expect(c.persist().machineVersion).toBe(extendedProcess.version)
    expect(
      codeOf(() => restoreCase(old, { process: extendedProcess, migrate: () => undefined })),
    ).toMatch(/^PROCESS_SNAPSHOT_VERSION: .* and the migration refused it$/)
    const future = { ...old, formatVersion: 2 }
    expect(codeOf(() => restoreCase(future, { process }))).toMatch(
      /^PROCESS_SNAPSHOT_VERSION: Snapshot format 2 cannot be read by this release/,
    )
  })
})
