import type { CaseEventType } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import { projectProcessState } from '../src/index'
import { type LogBuilder, openCase } from './fixtures/history'

// One step per minute from Monday 2 March 2026, 09:00 UTC.
const run = (steps: [CaseEventType, Record<string, unknown>?][]) => {
  let log: LogBuilder = openCase('2026-03-02T09:00:00Z')
  steps.forEach(([type, payload], i) => {
    log = log.add(type, `2026-03-02T09:${String(i + 1).padStart(2, '0')}:00Z`, payload as never)
  })
  return projectProcessState(log.events)
}
const solution = { solutionId: 's1', kind: 'onsite', summary: 'Visit' }

describe('projectProcessState, along the statechart', () => {
  it('goes new → triaged → assigned → inProgress.diagnosing on the first reply', () => {
    expect(run([])).toBe('new')
    expect(run([['case.triaged', { category: 'afterSales', priority: 'high' }]])).toBe('triaged')
    expect(
      run([
        ['case.triaged', { category: 'afterSales', priority: 'high' }],
        ['case.assigned', { team: 'afterSales' }],
      ]),
    ).toBe('assigned')
    expect(run([['case.assigned', { team: 'afterSales' }], ['agent.replied']])).toBe(
      'inProgress.diagnosing',
    )
  })

  it('waits on the customer or a third party, and resumes where work was', () => {
    const executing: [CaseEventType, Record<string, unknown>?][] = [
      ['case.assigned', { team: 'afterSales' }],
      ['solution.proposed', solution],
      ['solution.accepted', { solutionId: 's1' }],
    ]
    expect(run(executing)).toBe('inProgress.executing')
    expect(run([...executing, ['case.waiting', { on: 'customer' }]])).toBe('waiting.onCustomer')
    expect(run([...executing, ['case.waiting', { on: 'thirdParty' }]])).toBe('waiting.onThirdParty')
    expect(run([...executing, ['case.waiting', { on: 'thirdParty' }], ['case.resumed']])).toBe(
      'inProgress.executing',
    )
    // Waiting straight from assignment resumes into diagnosis (the statechart's initial sub-state).
    expect(
      run([
        ['case.assigned', { team: 'afterSales' }],
        ['case.waiting', { on: 'customer' }],
        ['case.resumed'],
      ]),
    ).toBe('inProgress.diagnosing')
    expect(run([...executing.slice(0, 2), ['solution.rejected', { solutionId: 's1' }]])).toBe(
      'inProgress.diagnosing',
    )
  })

  it('resolves, confirms, closes, reopens; a rejected resolution goes back to diagnosis', () => {
    const resolved: [CaseEventType, Record<string, unknown>?][] = [
      ['case.assigned', { team: 'afterSales' }],
      ['agent.replied'],
      ['case.resolved'],
    ]
    expect(run(resolved)).toBe('resolved')
    expect(run([...resolved, ['resolution.rejected']])).toBe('inProgress.diagnosing')
    expect(run([...resolved, ['resolution.confirmed']])).toBe('followUp')
    expect(run([...resolved, ['resolution.confirmed'], ['case.closed']])).toBe('closed')
    expect(run([...resolved, ['resolution.confirmed'], ['case.closed'], ['case.reopened']])).toBe(
      'inProgress.diagnosing',
    )
    expect(run([['case.cancelled', { reason: 'spam' }]])).toBe('cancelled')
    // Nothing leaves cancelled.
    expect(
      run([
        ['case.cancelled', { reason: 'spam' }],
        ['case.reopened'],
        ['case.waiting', { on: 'customer' }],
      ]),
    ).toBe('cancelled')
  })
})

describe('projectProcessState, leniently where a real log skips steps', () => {
  it('lets a case wait, be resolved, start work or be closed without triage and assignment', () => {
    expect(run([['case.waiting', { on: 'customer' }]])).toBe('waiting.onCustomer')
    expect(run([['case.resolved']])).toBe('resolved')
    expect(run([['execution.started']])).toBe('inProgress.executing')
    expect(run([['case.resolved'], ['case.closed']])).toBe('closed')
  })

  it('keeps the state where the statechart would reject the event', () => {
    expect(run([['agent.replied']])).toBe('new') // recorded, not moved, before assignment
    expect(run([['case.resumed']])).toBe('new')
    expect(run([['resolution.confirmed']])).toBe('new')
    expect(run([['case.reopened']])).toBe('new')
    expect(run([['case.waiting', { on: 'customer' }], ['execution.started']])).toBe(
      'waiting.onCustomer',
    )
  })
})
