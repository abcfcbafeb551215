import {
  findNodeAtLocation,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser'

/** A 1-based line and column in a source text. */
export interface Position {
  line: number
  column: number
}

/** Finds positions of JSON pointers' targets in a source text, computing the tree once. */
export function createLocator(
  source: string,
): (path: readonly (string | number)[], atKey?: boolean) => Position | undefined {
  let tree: Node | undefined
  let parsed = false
  let lineStarts: number[] | undefined
  const toPosition = (offset: number): Position => {
    lineStarts ??= computeLineStarts(source)
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 }
  }
  return (path, atKey = false) => {
    if (!parsed) {
      tree = parseTree(source, [], { disallowComments: true })
      parsed = true
    }
    if (!tree) return undefined
    // The deepest node that exists on the path: a missing property is reported at its object.
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[])
      if (!node) continue
      // For a property name (unknown keys), point at the key rather than its value.
      const at = atKey && n === path.length && node.parent?.type === 'property' ? node.parent : node
      return toPosition(at.offset)
    }
    return undefined
  }
}

/** The first syntax error of a JSON text, with its position, or undefined when it is valid JSON. */
export function findSyntaxError(
  source: string,
): { message: string; position: Position } | undefined {
  const errors: ParseError[] = []
  parseTree(source, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  if (!first) return undefined
  const starts = computeLineStarts(source)
  let line = 0
  while (line + 1 < starts.length && starts[line + 1]! <= first.offset) line++
  return {
    message: `JSON syntax error: ${describeParseError(printParseErrorCode(first.error))}`,
    position: { line: line + 1, column: first.offset - starts[line]! + 1 },
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

function computeLineStarts(source: string): number[] {
  const starts = [0]
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

/** JSON text parsed, or its first syntax error with a message and position. */
export function parseJsonText(
  text: string,
):
  | { ok: true; data: unknown }
  | { ok: false; message: string; position?: Position; cause: unknown } {
  try {
    return { ok: true, data: JSON.parse(text) }
  } catch (cause) {
    const syntax = findSyntaxError(text)
    return {
      ok: false,
      message: syntax?.message ?? `JSON syntax error: ${(cause as Error).message}`,
      ...(syntax ? { position: syntax.position } : {}),
      cause,
    }
  }
}
