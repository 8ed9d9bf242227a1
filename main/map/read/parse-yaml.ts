// YAML text to a document. CloudFormation's short tags (`!Ref x`, `!GetAtt a.b`,
// `!Sub`, ...) become the long forms (`{ Ref: x }`, `{ 'Fn::GetAtt': [a, b] }`)
// so the template reader knows one spelling. Built by hand from the parsed
// nodes rather than with toJS(): every key is checked, aliases are counted and
// their expansion capped, and each map remembers its line.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type ParsedNode } from 'yaml'
import { shortPath, type InfrastructureDocument, type JsonMap } from './document'
import { InfrastructureImportError } from './import-error'
import { MAX_ALIAS_NODES, MAX_ALIASES, MAX_DEPTH } from './limits'
import { indentQuotedContinuations } from './yaml-leniency'

/** Intrinsic functions with a short YAML tag: `!Name` stands for `Fn::Name` (Ref and Condition keep their name). */
export const CLOUDFORMATION_SHORT_TAGS = [
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'If',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Equals',
  'Not',
  'And',
  'Or',
  'Base64',
  'Cidr',
  'GetAZs',
  'Transform',
  'ToJsonString',
  'Length',
  'ForEach'
] as const

// Each tag is accepted on a scalar, a list or a map; the node is kept as parsed and converted below.
const customTags = CLOUDFORMATION_SHORT_TAGS.flatMap(name => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (node: unknown) => node },
  { tag: `!${name}`, collection: 'map' as const, resolve: (node: unknown) => node }
])

export function parseYamlDocument(file: string, text: string): InfrastructureDocument {
  let lines = new LineCounter()
  let doc = parseStrict(file, text, lines)
  const error = doc.errors[0]
  if (error) {
    const relaxed = indentQuotedContinuations(text)
    const relaxedLines = new LineCounter()
    const retry = relaxed === null ? null : parseStrict(file, relaxed, relaxedLines)
    if (retry && retry.errors.length === 0) {
      doc = retry
      lines = relaxedLines
    }
  }
  return convertDocument(file, text, doc, lines)
}

function parseStrict(file: string, text: string, lines: LineCounter): Document.Parsed {
  try {
    return parseDocument(text, { customTags, lineCounter: lines, uniqueKeys: true, stringKeys: true, prettyErrors: false })
  } catch (err) {
    // The parser recurses on nested flow collections: a hostile nesting overflows the stack.
    if (err instanceof RangeError) throw new InfrastructureImportError('too-deep', file, {}, `nested too deeply to read (over ${MAX_DEPTH} levels)`)
    throw err
  }
}

function convertDocument(file: string, text: string, doc: Document.Parsed, lines: LineCounter): InfrastructureDocument {
  const error = doc.errors[0]
  if (error) {
    const pos = lines.linePos(error.pos[0])
    // The parser recurses on nested flow collections and reports the stack overflow as a syntax error.
    if (/call stack/i.test(error.message)) {
      throw new InfrastructureImportError(
        'too-deep',
        file,
        { line: pos.line, column: pos.col },
        `nested too deeply to read (over ${MAX_DEPTH} levels)`
      )
    }
    const truncated = error.pos[0] >= text.trimEnd().length - 1 || /MISSING_CHAR|UNEXPECTED_END/.test(error.code)
    const what = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML'
    throw new InfrastructureImportError(
      truncated ? 'truncated' : 'malformed',
      file,
      { line: pos.line, column: pos.col },
      `is not valid YAML: ${what.slice(0, 160)}`
    )
  }
  const positions = new WeakMap<object, number>()
  const converter = new YamlConverter(file, doc, lines, positions)
  const root = doc.contents === null ? null : converter.convert(doc.contents, 0, [])
  return {
    file,
    syntax: 'yaml',
    root,
    lineOf: value => {
      if (typeof value !== 'object' || value === null) return undefined
      const offset = positions.get(value)
      if (offset === undefined) return undefined
      const pos = lines.linePos(offset)
      return { line: pos.line, column: pos.col }
    }
  }
}

class YamlConverter {
  private aliases = 0
  private aliasNodes = 0
  private readonly expanding = new Set<Node>()

  constructor(
    private readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly positions: WeakMap<object, number>
  ) {}

  convert(node: ParsedNode | Node, depth: number, path: (string | number)[], viaAlias = false): unknown {
    if (depth >= MAX_DEPTH) this.fail('too-deep', node, path, `nested deeper than ${MAX_DEPTH} levels`)
    if (viaAlias && ++this.aliasNodes > MAX_ALIAS_NODES) {
      this.fail('alias-limit', node, path, `aliases expand to more than ${MAX_ALIAS_NODES} values (a "billion laughs" file?)`)
    }
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) this.fail('alias-limit', node, path, `uses more than ${MAX_ALIASES} aliases`)
      const target = node.resolve(this.doc)
      if (!target) this.fail('malformed', node, path, `the alias *${node.source.slice(0, 40)} has no anchor before it`)
      if (this.expanding.has(target))
        this.fail('malformed', node, path, `the alias *${node.source.slice(0, 40)} refers to a map or list that contains it`)
      this.expanding.add(target)
      const value = this.convert(target, depth, path, true)
      this.expanding.delete(target)
      return value
    }
    let value: unknown
    if (isScalar(node)) {
      value = node.value
    } else if (isMap(node)) {
      const out: JsonMap = Object.create(null) as JsonMap
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null
        const key = isScalar(keyNode) ? String(keyNode.value) : ''
        if (key === '__proto__') this.fail('forbidden-key', keyNode ?? node, path, 'has a "__proto__" key, which no infrastructure format uses')
        out[key] = pair.value === null ? null : this.convert(pair.value as Node, depth + 1, [...path, key], viaAlias)
      }
      this.remember(out, node)
      value = out
    } else if (isSeq(node)) {
      const out: unknown[] = node.items.map((item, i) => (item === null ? null : this.convert(item as Node, depth + 1, [...path, i], viaAlias)))
      this.remember(out, node)
      value = out
    } else {
      value = null
    }
    return intrinsic(node.tag, value, (v: object) => this.remember(v, node))
  }

  private remember(value: object, node: Node): void {
    if (node.range) this.positions.set(value, node.range[0])
  }

  private fail(code: 'too-deep' | 'alias-limit' | 'malformed' | 'forbidden-key', node: Node, path: (string | number)[], detail: string): never {
    const pos = node.range ? this.lines.linePos(node.range[0]) : undefined
    throw new InfrastructureImportError(code, this.file, { ...(pos ? { line: pos.line, column: pos.col } : {}), path: shortPath(path) }, detail)
  }
}

/** The long form of a short tag: `!GetAtt a.b` → `{ 'Fn::GetAtt': ['a', 'b'] }`, `!Ref x` → `{ Ref: x }`. */
function intrinsic(tag: string | undefined, value: unknown, remember: (v: object) => void): unknown {
  if (!tag?.startsWith('!')) return value
  const name = tag.slice(1)
  if (!(CLOUDFORMATION_SHORT_TAGS as readonly string[]).includes(name)) return value
  const out: JsonMap = Object.create(null) as JsonMap
  if (name === 'Ref' || name === 'Condition') out[name] = value
  else if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.')
    out['Fn::GetAtt'] = dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)]
  } else out[`Fn::${name}`] = value
  remember(out)
  return out
}
