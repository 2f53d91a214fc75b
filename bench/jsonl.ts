/** Line-by-line JSON Lines reading without holding the file's lines as a second copy of the text. */
import {readFileSync} from 'node:fs'

/** Calls `each` with every non-blank line's parsed value and its 1-based line number. */
export function forEachJsonLine(path: string, each: (value: unknown, line: number) => void): void {
  const text = readFileSync(path, 'utf8')
  let start = 0
  let line = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    line++
    const raw = text.slice(start, end).trim()
    start = end + 1
    if (raw === '') continue
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (e) {
      throw new Error(`${path}:${line}: malformed JSON: ${(e as Error).message}`)
    }
    each(value, line)
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
