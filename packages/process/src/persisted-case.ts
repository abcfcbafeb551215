import { ServiceKitError, solutionKinds, toValidationIssues } from '@servicekit/core'
import type { StateValue } from 'xstate'
import { z } from 'zod'
import { type ProcessSnapshot, toStatePath } from './case-state'
import type { ProcessContext } from './context'
import type { ServiceProcess } from './create-service-process'
import { snapshotFormatVersion } from './internal/fingerprint'
import { internalsOf } from './internal/registry'

/**
 * A process snapshot as stored beside a case: the XState persisted snapshot in
 * an envelope that names the machine and its version, so a restore can tell a
 * snapshot of another or an older machine from a current one. Plain JSON.
 */
export interface PersistedCase {
  /** Always `servicekit.process`. */
  format: 'servicekit.process'
  /** The envelope's version; this release writes 1. */
  formatVersion: number
  /** The id of the machine that wrote it. */
  machineId: string
  /** The version of the machine that wrote it. */
  machineVersion: string
  /** XState's persisted snapshot (`actor.getPersistedSnapshot()`). */
  snapshot: {
    status: 'active' | 'done'
    value: StateValue
    context: ProcessContext
    historyValue: Record<string, { id: string }[]>
    children: Record<string, never>
    [key: string]: unknown
  }
}

/**
 * Turns a snapshot made for an older machine version into one for the current
 * machine; return `undefined` to refuse. Often the simplest migration is to
 * replay the case's log instead (`replayCase`), since the log is the truth.
 */
export type SnapshotMigration = (persisted: PersistedCase) => PersistedCase | undefined

const time = z.number().finite().nullable()
const contextSchema = z.strictObject({
  caseId: z.string().min(1).nullable(),
  open: z.boolean(),
  category: z.string().nullable(),
  priority: z.string().nullable(),
  fields: z.array(z.string()),
  solutions: z.record(
    z.string(),
    z.strictObject({
      kind: z.enum(solutionKinds),
      amount: z.number().nullable(),
      currency: z.string().nullable(),
    }),
  ),
  acceptedSolution: z.string().nullable(),
  resolution: z
    .strictObject({
      eventId: z.string(),
      at: z.number().finite(),
      note: z.boolean(),
      code: z.string().nullable(),
    })
    .nullable(),
  level: z.number().int().min(0),
  autoConfirmAt: time,
  closedAt: time,
  reopenUntil: time,
  reopenCount: z.number().int().min(0),
  events: z.number().int().min(0),
  lastEventAt: time,
})
const envelopeSchema = z.object({
  format: z.literal('servicekit.process'),
  formatVersion: z.number().int().min(1),
  machineId: z.string().min(1),
  machineVersion: z.string().min(1),
  snapshot: z.looseObject({
    status: z.enum(['active', 'done']),
    value: z.record(z.string(), z.unknown()),
    context: contextSchema,
    historyValue: z.record(z.string(), z.array(z.object({ id: z.string() }))).default({}),
    children: z.record(z.string(), z.never()).default({}),
  }),
})

/** Wraps a live snapshot into its versioned, JSON-safe envelope. */
export function toPersistedCase(snapshot: ProcessSnapshot): PersistedCase {
  const { version } = internalsOf(snapshot.machine)
  return {
    format: 'servicekit.process',
    formatVersion: snapshotFormatVersion,
    machineId: snapshot.machine.id,
    machineVersion: version,
    snapshot: snapshot.machine.getPersistedSnapshot(
      snapshot,
    ) as unknown as PersistedCase['snapshot'],
  }
}

function invalid(message: string, details: Record<string, unknown> = {}): ServiceKitError {
  return new ServiceKitError('PROCESS_SNAPSHOT_INVALID', message, { details })
}

/**
 * Checks a persisted case against `machine` and returns it (migrated when
 * needed) ready for `createActor(machine, { snapshot })`.
 */
export function checkPersistedCase(
  input: unknown,
  machine: ServiceProcess,
  migrate?: SnapshotMigration,
): PersistedCase['snapshot'] {
  const parsed = envelopeSchema.safeParse(input)
  if (!parsed.success) {
    const issues = toValidationIssues(parsed.error.issues)
    throw invalid(
      `Not a servicekit process snapshot: ${issues[0]?.pointer || '(root)'} ${issues[0]?.message}`,
      { issues },
    )
  }
  const persisted = parsed.data as PersistedCase
  const { version, options } = internalsOf(machine)
  if (persisted.machineId !== machine.id) {
    throw invalid(`The snapshot is of machine "${persisted.machineId}", not "${machine.id}"`, {
      machineId: persisted.machineId,
      expected: machine.id,
    })
  }
  if (persisted.formatVersion !== snapshotFormatVersion) {
    throw new ServiceKitError(
      'PROCESS_SNAPSHOT_VERSION',
      `Snapshot format ${persisted.formatVersion} cannot be read by this release (format ${snapshotFormatVersion}); replay the case's log instead`,
      { details: { formatVersion: persisted.formatVersion, expected: snapshotFormatVersion } },
    )
  }
  if (persisted.machineVersion !== version) {
    const migrated = migrate?.(persisted)
    if (migrated === undefined || migrated.machineVersion !== version) {
      throw new ServiceKitError(
        'PROCESS_SNAPSHOT_VERSION',
        `The snapshot was written by machine version ${persisted.machineVersion}, this machine is ${version}${migrate ? ' and the migration refused it' : '; pass a migration or replay the log'}`,
        { details: { machineVersion: persisted.machineVersion, expected: version } },
      )
    }
    return checkPersistedCase(migrated, machine)
  }
  const { value, context, historyValue } = persisted.snapshot
  const level = options.levels[context.level]
  const regions = value as Record<string, StateValue>
  if (level === undefined || regions.escalation !== level.id) {
    throw invalid('The escalation region and the context level disagree', { value })
  }
  let exact: Record<string, StateValue>
  try {
    exact = machine.resolveState({ value, context }).value as Record<string, StateValue>
    for (const [key, targets] of Object.entries(historyValue)) {
      for (const id of [key, ...targets.map((t) => t.id)]) machine.getStateNodeById(id)
    }
  } catch (cause) {
    throw new ServiceKitError(
      'PROCESS_SNAPSHOT_INVALID',
      `The snapshot names a state this machine does not have: ${(cause as Error).message}`,
      { details: { value }, cause },
    )
  }
  // resolveState completes a partial value with initial states; a stored one must be complete.
  if (
    Object.keys(regions).length !== 2 ||
    toStatePath(exact.lifecycle) !== toStatePath(regions.lifecycle)
  ) {
    throw invalid('The snapshot names an incomplete state', { value })
  }
  return persisted.snapshot
}
