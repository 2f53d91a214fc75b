/** The output of `import csv` and `import relaton`: the --format flag and where the entries go. */
import {Flags} from '@oclif/core'
import {join} from 'node:path'
import type {OutputFormat} from '../core/import/merge.js'

export const formatFlag = Flags.string({
  summary:
    'Output format (default: from the --out extension, .jsonl/.ndjson or .yaml/.yml; yaml without --out).',
  options: ['yaml', 'jsonl'],
})

/**
 * --out, or `<catalogue>/<folder>/<name>.<format>`; and the format when --format gives it (else
 * applyImport takes it from --out's extension).
 */
export function importTarget(
  flags: {catalogue: string; out?: string; format?: string},
  folder: string,
  name: string,
): {out: string; format?: OutputFormat} {
  const format = flags.format as OutputFormat | undefined
  return {out: flags.out ?? join(flags.catalogue, folder, `${name}.${format ?? 'yaml'}`), format}
}
