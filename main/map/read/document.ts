// A parsed infrastructure file: its value as plain data (objects without a
// prototype, so keys such as `constructor` are only data) and a way back to the
// line a map or list came from, for messages.

import { InfrastructureImportError, pathText, type InfrastructurePlace } from './import-error'
import { MAX_DEPTH } from './limits'

export interface InfrastructureDocument {
  file: string
  syntax: 'json' | 'yaml'
  root: unknown
  /** Line and column of a map or list (YAML only; JSON gives paths). */
  lineOf(value: unknown): { line: number; column: number } | undefined
}

export type JsonMap = Record<string, unknown>

export function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function asMap(value: unknown): JsonMap | undefined {
  return isMap(value) ? value : undefined
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined
}

/** An own property only: never a prototype's (`constructor`, `toString`). */
export function own(map: JsonMap | undefined, key: string): unknown {
  return map !== undefined && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined
}

/** The place of a value in messages: its line for YAML, its path always. */
export function placeOf(doc: InfrastructureDocument, path: readonly (string | number)[], value?: unknown): InfrastructurePlace {
  const line = value === undefined ? undefined : doc.lineOf(value)
  return { ...(line ? { line: line.line, column: line.column } : {}), path: shortPath(path) }
}

/** Long paths (a deeply nested hostile file) are shown by their ends. */
export function shortPath(path: readonly (string | number)[]): string {
  if (path.length <= 12) return pathText(path)
  return `${pathText(path.slice(0, 4))}…(${path.length - 8} levels)…${pathText(path.slice(-4)).replace(/^\(top level\)$/, '')}`
}

interface Step {
  parent: Step | null
  key: string | number
}

function stepsToPath(step: Step | null): (string | number)[] {
  const path: (string | number)[] = []
  for (let s = step; s; s = s.parent) path.push(s.key)
  return path.reverse()
}

/**
 * Walks a parsed JSON value without recursion and refuses nesting deeper than
 * MAX_DEPTH and `__proto__` keys (which JSON.parse keeps as data, but which turn
 * into a prototype the moment anyone copies the object with plain assignment).
 */
export function checkJsonTree(file: string, root: unknown): void {
  const stack: { value: object; depth: number; at: Step | null }[] = []
  if (typeof root === 'object' && root !== null) stack.push({ value: root, depth: 0, at: null })
  while (stack.length) {
    const { value, depth, at } = stack.pop() as (typeof stack)[number]
    if (depth >= MAX_DEPTH)
      throw new InfrastructureImportError('too-deep', file, { path: shortPath(stepsToPath(at)) }, `nested deeper than ${MAX_DEPTH} levels`)
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i]
        if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, at: { parent: at, key: i } })
      }
      continue
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        throw new InfrastructureImportError(
          'forbidden-key',
          file,
          { path: shortPath(stepsToPath(at)) },
          'has a "__proto__" key, which no infrastructure format uses'
        )
      }
      const child = (value as JsonMap)[key]
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, at: { parent: at, key } })
    }
  }
}
