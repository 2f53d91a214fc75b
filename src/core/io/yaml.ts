/**
 * The one YAML (and JSON-as-YAML) parser every input goes through: catalogue files, subjects,
 * gold pairs, decisions, glossary and config. Besides syntax errors it refuses, with a line,
 * the two shapes that would make a later walk of the document hang or overflow the stack:
 * aliases that expand exponentially ("billion laughs") and nesting deeper than any real file.
 */
import {isAlias, isMap, isPair, isSeq, LineCounter, parseDocument, type Document, type Node} from 'yaml'
import {formatProblem, type Problem} from '../catalogue/problems.js'
import {InputError} from '../errors.js'

/**
 * Values a file's aliases may add in total when expanded (every use of an anchor counts the
 * values under it). Real files use a few anchors for shared defaults; a billion-laughs file
 * needs millions.
 */
export const MAX_ALIAS_VALUES = 10_000

/** Levels of nested lists and mappings a value may have (YAML, JSON and JSON Lines alike). */
export const MAX_NESTING_DEPTH = 100

export interface YamlFile {
  doc: Document.Parsed
  /** The 1-based line of a node, or 0 when it has no position. */
  lineOf(node: unknown): number
}

export interface YamlOptions {
  /** Keep every scalar a string (`010` stays `010`); otherwise YAML 1.2 core types. */
  failsafe?: boolean
  /** Refuse a mapping with the same key twice (default). */
  uniqueKeys?: boolean
}

/**
 * Parses `text` with yaml's `parseDocument`; `failsafe` keeps every scalar a string (`010`
 * stays `010`). Returns the document, or the problems (file and line) that make it unusable.
 */
export function parseYaml(
  file: string,
  text: string,
  options: YamlOptions = {},
): {yaml?: YamlFile; problems: Problem[]} {
  const lineCounter = new LineCounter()
  const lineAt = (offset: number | undefined) => (offset === undefined ? 0 : lineCounter.linePos(offset).line)
  let doc: Document.Parsed
  try {
    doc = parseDocument(text, {
      lineCounter,
      uniqueKeys: options.uniqueKeys ?? true,
      prettyErrors: false,
      ...(options.failsafe ? {schema: 'failsafe' as const} : {}),
    })
  } catch (e) {
    // The parser recurses per level of flow nesting; a pathological file can exhaust the stack.
    if (e instanceof RangeError) return {problems: [problem(file, 1, tooDeep)]}
    throw e
  }
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) =>
        problem(file, lineAt(e.pos[0]), `malformed YAML: ${firstLine(e.message)}`),
      ),
    }
  }
  const shape = checkShape(doc)
  if (shape) return {problems: [problem(file, lineAt(shape.node?.range?.[0]) || 1, shape.message)]}
  const lineOf = (node: unknown) => lineAt((node as Node | null | undefined)?.range?.[0])
  return {yaml: {doc, lineOf}, problems: []}
}

/** `parseYaml` for inputs whose first problem stops the job: an InputError `file:line: message`. */
export function parseYamlOrThrow(file: string, text: string, options: YamlOptions = {}): YamlFile {
  const {yaml, problems} = parseYaml(file, text, options)
  if (!yaml) throw new InputError(formatProblem(problems[0]))
  return yaml
}

/**
 * The document as plain data (for config-like files), its aliases already checked. Mappings
 * become null-prototype objects, so keys such as `__proto__` stay ordinary keys.
 */
export function yamlToData(yaml: YamlFile): unknown {
  return nullPrototypes(yaml.doc.toJS({maxAliasCount: -1}))
}

function nullPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullPrototypes)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = Object.create(null)
  for (const [key, v] of Object.entries(value)) out[key] = nullPrototypes(v)
  return out
}

const tooDeep = `nested more than ${MAX_NESTING_DEPTH} levels deep`
const aliasBomb = `aliases expand to more than ${MAX_ALIAS_VALUES} values (refused: a file that expands exponentially would never finish)`

/**
 * Walks the document as a reader would see it, aliases expanded, and stops at the first node
 * that goes too deep or that exceeds the alias budget. The walk itself is bounded: at most the
 * file's own nodes plus MAX_ALIAS_VALUES.
 */
function checkShape(doc: Document.Parsed): {node?: Node; message: string} | undefined {
  let expanded = 0
  const stack: {node: unknown; depth: number; viaAlias: boolean}[] = [
    {node: doc.contents, depth: 0, viaAlias: false},
  ]
  while (stack.length > 0) {
    const {node, depth, viaAlias} = stack.pop()!
    if (viaAlias && ++expanded > MAX_ALIAS_VALUES) return {node: node as Node, message: aliasBomb}
    if (isAlias(node)) {
      stack.push({node: node.resolve(doc), depth, viaAlias: true})
      continue
    }
    if (!isMap(node) && !isSeq(node)) continue
    if (depth >= MAX_NESTING_DEPTH) return {node, message: tooDeep}
    for (const item of node.items) {
      const values = isPair(item) ? [item.key, item.value] : [item]
      for (const value of values) stack.push({node: value, depth: depth + 1, viaAlias})
    }
  }
  return undefined
}

function problem(file: string, line: number, message: string): Problem {
  return {severity: 'error', file, line, message}
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim()
}
