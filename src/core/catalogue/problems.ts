/** A problem found in an input file, reported as one line: `file:line: field: message`. */
export interface Problem {
  severity: 'error' | 'warning'
  file: string
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number
  field?: string
  message: string
}

export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file
  const field = problem.field ? ` ${problem.field}:` : ''
  const tag = problem.severity === 'warning' ? ' warning:' : ''
  return oneLine(`${where}:${tag}${field} ${problem.message}`)
}

// eslint-disable-next-line no-control-regex -- escaping control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/**
 * Text as one printable line: a newline, tab or other control character (in a file name, a
 * field name or a value quoted in a message) is shown escaped (`\n`, `\u001b`), so one problem
 * is always one line and cannot drive the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(CONTROL_CHARS, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\t'
        ? '\\t'
        : c === '\r'
          ? '\\r'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Problems in the order a reader expects: by file, then line, then field. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      compareText(a.field ?? '', b.field ?? '') ||
      compareText(a.message, b.message),
  )
}

/** Locale-independent ordering, so output is identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
