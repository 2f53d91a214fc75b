import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {DECISIONS_FILE} from '../core/catalogue/files.js'
import {analyseCatalogue} from '../core/analysis/run.js'
import {ExitCode, UsageError} from '../core/errors.js'
import {resolveDelimiter, toCsv} from '../core/export/csv.js'
import {diffSnapshots, formatNewGap, type NewGap} from '../core/export/diff.js'
import {loadSnapshot, snapshotOfAnalysis} from '../core/export/snapshot.js'
import {isIsoDate, todayUtc} from '../core/dates.js'
import {TSAG_COLUMNS, tsagRows} from '../core/export/tsag.js'
import {checkTarget, writeFileAtomic} from '../core/io/atomic-write.js'

export interface ExportResult {
  out: string
  /** Subject rows written (the header not counted). */
  rows: number
  /** Subjects that are gaps now and were not in --previous; null without --previous. */
  newGaps: NewGap[] | null
}

export default class Export extends BaseCommand<typeof Export> {
  static override summary = 'Write the TSAG export: one CSV row per subject, for scheduled runs.'
  static override description = `Analyses the catalogue and writes one row per FG-MV deliverable and DPI requirement with fixed columns: ${TSAG_COLUMNS.join(', ')}. The CSV is RFC 4180 (CRLF line ends, quoted only when needed), UTF-8, optionally with a BOM; cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) get a leading '.

The file is written to a temporary file and renamed, so an interrupted run leaves the previous file intact; missing parent folders of --out are created. The command never prompts. --previous (an earlier export CSV or a report.json; it may be the --out file itself) is read before anything is written and compared with the new results.

Exit codes: 0 success; 1 new gaps with --fail-on-new-gaps (the new file is still written; the new gaps are listed on stderr, even with --quiet or --json); 2 usage error (bad flag, --date or --delimiter); 3 input error (catalogue, decisions or --previous unreadable or invalid); 4 output error (--out cannot be written: it is a folder, a symbolic link or a device, a parent is a file, or the folder is read-only; a symbolic link or device is refused rather than replaced).`
  static override examples = [
    '<%= config.bin %> export --out reports/tsag.csv',
    '<%= config.bin %> export --out tsag.csv --delimiter ";" --decimal-comma --bom',
    '<%= config.bin %> export --out tsag.csv --previous tsag.csv --fail-on-new-gaps --quiet',
  ]
  static override flags = {
    out: Flags.string({
      char: 'o',
      summary: 'CSV file to write (missing parent folders are created).',
      required: true,
    }),
    delimiter: Flags.string({char: 'd', summary: 'Field delimiter: one character, or "tab".', default: ','}),
    bom: Flags.boolean({summary: 'Start the file with a UTF-8 byte-order mark (for Excel).'}),
    'decimal-comma': Flags.boolean({
      summary:
        'Write scores with a decimal comma (0,3173), for spreadsheets in locales that use one; usually with --delimiter ";".',
    }),
    date: Flags.string({summary: 'Run date written in run_date, YYYY-MM-DD (default: today, UTC).'}),
    previous: Flags.string({summary: 'An earlier export CSV or report.json to compare with.'}),
    'fail-on-new-gaps': Flags.boolean({
      summary: 'Exit 1 when subjects are gaps now that were not gaps in --previous.',
      dependsOn: ['previous'],
    }),
    decisions: Flags.string({
      summary: `Reviewed decisions file (default: <catalogue>/${DECISIONS_FILE} when present).`,
    }),
    config: Flags.string({summary: 'Config file (default: <catalogue>/gapscan.config.yaml when present).'}),
  }

  public async run(): Promise<ExportResult> {
    const {flags} = this
    const runDate = flags.date ?? todayUtc()
    if (!isIsoDate(runDate)) throw new UsageError(`--date: "${runDate}" is not a date (YYYY-MM-DD)`)
    const delimiter = resolveDelimiter(flags.delimiter)
    checkTarget(flags.out, 'file')
    // Read before writing: --previous may be the --out file of the last run.
    const previous = flags.previous ? loadSnapshot(flags.previous, this.fileWarnings) : undefined

    const {analysis, warnings} = analyseCatalogue(
      {
        catalogue: flags.catalogue,
        configPath: flags.config,
        decisionsPath: flags.decisions,
        date: runDate,
      },
      this.fileWarnings,
    )
    this.reportWarnings(warnings)
    this.reportFileWarnings()
    const rows = tsagRows(analysis, runDate, {decimalComma: flags['decimal-comma']})
    writeFileAtomic(flags.out, toCsv(rows, {delimiter, bom: flags.bom}))
    this.info(`${flags.out}: wrote ${rows.length - 1} subjects`)

    const newGaps = previous ? diffSnapshots(previous, snapshotOfAnalysis(analysis)).newGaps : null
    if (newGaps && newGaps.length > 0) {
      if (flags['fail-on-new-gaps']) {
        // Listed even with --quiet or --json: they are why the run exits 1.
        process.stderr.write(newGaps.map((gap) => `${formatNewGap(gap)}\n`).join(''))
        process.exitCode = ExitCode.findings
      } else {
        for (const gap of newGaps) this.info(formatNewGap(gap))
      }
    }
    return {out: flags.out, rows: rows.length - 1, newGaps}
  }
}
