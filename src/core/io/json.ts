/** JSON parsing for inputs (JSON Lines records, report.json), with the nesting bound of YAML. */
import {MAX_NESTING_DEPTH} from './yaml.js'

export class JsonError extends Error {}

/**
 * `JSON.parse`, then a bounded check of the nesting depth (the readers walk values
 * recursively, so a 10,000-level array would overflow the stack). `JSON.parse` defines keys as
 * own properties, so `__proto__` in the data is an ordinary key. Throws SyntaxError or JsonError.
 */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text)
  if (value === null || typeof value !== 'object') return value
  // Only containers go on the stack: a record's many strings (its derived terms) cost nothing.
  const stack: {value: object; depth: number}[] = [{value, depth: 0}]
  while (stack.length > 0) {
    const {value: v, depth} = stack.pop()!
    if (depth >= MAX_NESTING_DEPTH) throw new JsonError(`nested more than ${MAX_NESTING_DEPTH} levels deep`)
    for (const child of Object.values(v))
      if (child !== null && typeof child === 'object') stack.push({value: child as object, depth: depth + 1})
  }
  return value
}
