/** Plain-text tables of evaluation figures, as `gapscan evaluate` prints them. */
import type {AblationRow} from './ablation.js'
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

/** The figures of a group of queries of one kind, all languages or one. */
function groupOf(evaluation: QueryEvaluation, kind: string, lang?: string): QueryGroupFigures | undefined {
  return evaluation.groups.find((g) => g.kind === kind && (lang === undefined || g.lang === lang))
}

/** One row per variant: paraphrase recall per language, cited recall, covered precision, novel covered. */
export function formatAblation(rows: readonly AblationRow[]): string {
  const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2))
  const cited = (e: QueryEvaluation) => {
    const groups = e.groups.filter((g) => g.kind === 'cited')
    const n = groups.reduce((sum, g) => sum + g.answerable, 0)
    return n > 0 ? groups.reduce((sum, g) => sum + g.recallAt1 * g.answerable, 0) / n : undefined
  }
  const novel = (e: QueryEvaluation) => e.groups.filter((g) => g.kind === 'novel')
  const header = [
    'variant',
    'para-en r@1',
    'r@5',
    'para-fr r@1',
    'r@5',
    'cited r@1',
    'covered',
    'right',
    'novel covered',
  ]
  const body = rows.map(({variant, evaluation: e}) => [
    variant,
    f(groupOf(e, 'paraphrase', 'en')?.recallAt1),
    f(groupOf(e, 'paraphrase', 'en')?.recallAt5),
    f(groupOf(e, 'paraphrase', 'fr')?.recallAt1),
    f(groupOf(e, 'paraphrase', 'fr')?.recallAt5),
    f(cited(e)),
    String(e.all.covered),
    String(e.all.coveredRight),
    `${novel(e).reduce((sum, g) => sum + g.covered, 0)}/${novel(e).reduce((sum, g) => sum + g.queries, 0)}`,
  ])
  return formatTable(header, body, 1)
}
