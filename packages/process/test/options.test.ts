import { createCalendar } from '@servicekit/calendar'
import { isServiceKitError, type ValidationErrorDetails } from '@servicekit/core'
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import {
  createServiceProcess,
  type ProcessOptions,
  standardEscalationLevels,
  standardProcessOptions,
  toMermaid,
} from '../src/index'
import { onsiteVisit } from './fixtures/extended-process'

function issues(options: unknown): string[] {
  try {
    createServiceProcess(options as ProcessOptions)
  } catch (e) {
    expect(isServiceKitError(e, 'PROCESS_OPTIONS_INVALID')).toBe(true)
    return (e as { details: ValidationErrorDetails }).details.issues.map(
      (i) => `${i.pointer} ${i.message}`,
    )
  }
  return []
}

const visit = onsiteVisit

describe('createServiceProcess options', () => {
  it('accepts the standard options spelled out as plain JSON', () => {
    const json = JSON.parse(JSON.stringify(standardProcessOptions))
    expect(createServiceProcess(json).version).toBe(createServiceProcess().version)
  })

  it('reports every bad option with its JSON pointer', () => {
    expect(
      issues({
        reopenWindow: 'P7D',
        autoConfirmAfter: { hours: -1 },
        authority: { kinds: ['gift'] },
        colour: 'red',
      }),
    ).toEqual([
      expect.stringMatching(/^\/authority\/kinds\/0 Invalid option: expected one of "remote"/),
      '/reopenWindow "P7D" uses days, weeks, months or years, which are ambiguous in business time; write { "businessDays": n } for working days, or hours such as "PT24H"',
      expect.stringMatching(/^\/autoConfirmAfter /),
      ' Unrecognized key: "colour"',
    ])
  })

  it('checks that added states fit the machine', () => {
    expect(
      issues({ escalationLevels: [{ id: 'closed', role: 'x', labels: { en: 'X' } }] }),
    ).toEqual(['/escalationLevels/0/id State id "closed" is already used'])
    expect(issues({ steps: [{ ...visit, from: 'nowhere' }] })).toEqual([
      '/steps/0/from "nowhere" is not another inProgress step; known: diagnosing, awaitingDecision, executing',
    ])
  })

  it('refuses duplicate steps, a step leading to itself, and a calendar that is not one', () => {
    expect(issues({ steps: [visit, visit] })).toEqual([
      '/steps/1/id State id "onsiteVisit" is already used',
    ])
    expect(issues({ steps: [{ ...visit, to: 'onsiteVisit' }] })[0]).toContain('/steps/0/to')
    expect(issues({ calendar: { timeZone: 'UTC' } })).toEqual([
      '/calendar A Calendar made by createCalendar',
    ])
  })

  it('takes a real calendar', () => {
    const calendar = createCalendar({
      timeZone: 'Asia/Shanghai',
      week: { mon: [['09:00', '18:00']] },
    })
    expect(() => createServiceProcess({ calendar })).not.toThrow()
  })
})

describe('machine versions', () => {
  it('are a stable fingerprint of the structure, not of labels or limits', () => {
    const base = createServiceProcess().version
    expect(base).toMatch(/^1\.[0-9a-f]{8}$/)
    expect(createServiceProcess().version).toBe(base)
    expect(createServiceProcess({ labels: { states: { new: { en: 'Fresh' } } } }).version).toBe(
      base,
    )
    expect(
      createServiceProcess({ authority: { maxAmount: 50 }, reopenWindow: 'PT8H' }).version,
    ).toBe(base)
    expect(createServiceProcess({ steps: [visit] }).version).not.toBe(base)
    const levels = [
      ...standardEscalationLevels,
      { id: 'level3', role: 'director', labels: { en: 'Director' } },
    ]
    expect(createServiceProcess({ escalationLevels: levels }).version).not.toBe(base)
    expect(createServiceProcess({ version: '2026-10' }).version).toBe('2026-10')
  })
})

describe('labels', () => {
  it('rename and translate states and events without changing the machine', () => {
    const process = createServiceProcess({
      labels: {
        states: { followUp: { en: 'Return visit' }, level1: { 'zh-CN': '值班主管' } },
        events: { 'case.closed': { en: 'Archived', 'zh-CN': '归档' } },
      },
    })
    expect(toMermaid(process)).toContain('"Return visit"')
    expect(toMermaid(process)).toContain(': Archived')
    expect(toMermaid(process, { locale: 'zh-CN' })).toContain('"值班主管"')
    expect(toMermaid(process, { locale: 'zh-CN' })).toContain('"回访"')
    // Another locale falls back to English.
    expect(toMermaid(process, { locale: 'de' })).toContain('"Supervisor"')
  })

  it('live in the state nodes’ meta, for UIs', () => {
    const snapshot = createActor(createServiceProcess()).getSnapshot()
    expect(
      (snapshot.getMeta() as Record<string, unknown>)['servicekit-process.lifecycle.new'],
    ).toEqual({
      labels: { en: 'New', 'zh-CN': '新建' },
    })
  })
})
