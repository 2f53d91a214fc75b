/** Plain-text tables of evaluation figures, as `gapscan evaluate` prints them. */
import type {QueryEvaluation, QueryGroupFigures} from './evaluate.js'

const HEADER = ['kind', 'lang', 'n', 'r@1', 'r@5', 'r@10', 'MRR', 'covered', 'right']

function row(g: QueryGroupFigures): string[] {
  const f = (x: number) => x.toFixed(2)
  const answerable = g.answerable > 0
  return [
    g.kind,
    g.lang,
    String(g.queries),
    answerable ? f(g.recallAt1) : '-',
    answerable ? f(g.recallAt5) : '-',
    answerable ? f(g.recallAt10) : '-',
    answerable ? f(g.mrr) : '-',
    String(g.covered),
    String(g.coveredRight),
  ]
}

/** Columns padded to their widest cell; text columns left-aligned, figures right-aligned. */
export function formatTable(header: string[], rows: string[][], leftColumns = 2): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}

export function formatQueryEvaluation(result: QueryEvaluation): string {
  const lines = [formatTable(HEADER, [...result.groups, result.all].map(row))]
  const coveredWrong = result.all.covered - result.all.coveredRight
  lines.push(
    '',
    `marked covered: ${result.all.covered}, right ${result.all.coveredRight}, wrong ${coveredWrong}`,
  )
  if (result.missingExpected.length > 0)
    lines.push(`expected but not in the catalogue (in force): ${result.missingExpected.join(', ')}`)
  return lines.join('\n')
}
