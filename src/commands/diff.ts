import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {
  DIFF_FORMATS,
  diffSnapshots,
  formatDiff,
  type DiffFormat,
  type SnapshotDiff,
} from '../core/export/diff.js'
import {loadSnapshot} from '../core/export/snapshot.js'

export default class Diff extends BaseCommand<typeof Diff> {
  static override summary = 'Compare two analyses: new and closed gaps, coverage and responsible-SG changes.'
  static override description = `OLD and NEW are report.json files or TSAG export CSVs (by extension: .json or .csv/.tsv/.txt; otherwise by content), in any combination. Lists new gaps (including added subjects that are gaps), closed gaps, other coverage changes (old → new), changed responsible study groups, and subjects added or removed, each ordered by subject id.

Formats: text (one line per change, e.g. "new gap: FGMV-22 (SG21)"), json (also --json), md (a Markdown table per change type, cells escaped).

Exit codes: 0 whether or not there are changes (a diff is information; use "export --fail-on-new-gaps" to fail on new gaps); 2 usage error; 3 input error (a file unreadable or invalid, reported as file:line: field: message).`
  static override examples = [
    '<%= config.bin %> diff reports/2025-01/report.json reports/2025-02/report.json',
    '<%= config.bin %> diff old/tsag.csv new/tsag.csv --format md > changes.md',
  ]
  static override args = {
    old: Args.string({description: 'Earlier report.json or TSAG export CSV.', required: true}),
    new: Args.string({description: 'Later report.json or TSAG export CSV.', required: true}),
  }
  static override flags = {
    format: Flags.string({char: 'f', summary: 'Output format.', options: [...DIFF_FORMATS], default: 'text'}),
  }

  public async run(): Promise<SnapshotDiff> {
    const diff = diffSnapshots(
      loadSnapshot(this.args.old, this.fileWarnings),
      loadSnapshot(this.args.new, this.fileWarnings),
    )
    this.reportFileWarnings()
    if (!this.jsonEnabled()) process.stdout.write(formatDiff(diff, this.flags.format as DiffFormat))
    return diff
  }
}
