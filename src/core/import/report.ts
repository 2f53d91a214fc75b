import type {ApplyImportResult} from './apply.js'
import {formatCounts} from './merge.js'

/** The lines an import command prints on stderr. */
export function reportImport(result: ApplyImportResult): string[] {
  const lines = [`${result.out}: ${formatCounts(result.counts)}${result.written ? '' : ' (file unchanged)'}`]
  if (result.dropped.sg > 0) {
    lines.push(
      `dropped ${result.dropped.sg} study-group references the catalogue does not have (kept as committee)`,
    )
  }
  if (result.dropped.question > 0)
    lines.push(`dropped ${result.dropped.question} Question references the catalogue does not list`)
  return lines
}
