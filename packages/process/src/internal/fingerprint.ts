/** The version of the snapshot envelope this package writes. */
export const snapshotFormatVersion = 1

// FNV-1a, 32 bits: a short, stable digest; not a security measure.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/**
 * A version derived from the machine's structure (states, transitions, guards
 * and their parameters), ignoring labels: renaming a state keeps snapshots
 * valid, adding a step or a level does not.
 */
export function fingerprint(config: unknown): string {
  const structure = JSON.stringify(config, (key, value) =>
    key === 'meta' || key === 'context' ? undefined : value,
  )
  return `${snapshotFormatVersion}.${fnv1a(structure)}`
}
