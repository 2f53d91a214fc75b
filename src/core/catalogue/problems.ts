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
  return `${where}:${tag}${field} ${problem.message}`
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
