import {Flags} from '@oclif/core'
import {join} from 'node:path'
import {BaseCommand} from '../cli/base-command.js'
import {sgFlag} from '../cli/flags.js'
import {DECISIONS_FILE} from '../core/catalogue/files.js'
import {analyseCatalogue} from '../core/analysis/run.js'
import {isIsoDate} from '../core/dates.js'
import {UsageError} from '../core/errors.js'
import {checkTarget, writeFolderAtomic} from '../core/io/atomic-write.js'
import {REPORT_FORMATS, renderReports, type ReportFormat} from '../core/report/index.js'
import {progressBar} from '../core/report/progress.js'
import {LANGS, type Lang} from '../core/report/labels.js'
import {coverageCounts} from '../core/analysis/analyse.js'

export default class Report extends BaseCommand<typeof Report> {
  static override summary = 'Write gap and overlap reports per study group (HTML, Markdown, JSON, CSV).'
  static override description = `Writes into --out (default reports/): index.html (one self-contained page), summary.md and sg-<N>.md per study group, report.json (schema: docs/report-schema.json), gaps.csv and overlaps.csv. Reviewed decisions in <catalogue>/decisions.yaml (or --decisions) override computed results and are shown apart. The folder is replaced as a whole: the reports are written into a folder beside it, which then takes its name, so a failed or interrupted run leaves the previous reports. An existing --out may hold only report files (it is refused otherwise, so a mistaken --out never deletes other files); a symbolic link or a file as --out is refused. Same catalogue, decisions and options give byte-identical files; a date appears only when --date is given.`
  static override examples = [
    '<%= config.bin %> report',
    '<%= config.bin %> report --format md,csv --sg 20 --sg 21 --out reports/sg20-21',
    '<%= config.bin %> report --lang fr --date 2026-11-22',
  ]
  static override flags = {
    out: Flags.string({char: 'o', summary: 'Folder for the reports.', default: 'reports'}),
    format: Flags.string({
      char: 'f',
      summary: `Formats (repeatable, or comma-separated): ${REPORT_FORMATS.join(', ')}.`,
      multiple: true,
      default: [...REPORT_FORMATS],
    }),
    sg: sgFlag({
      summary: 'Only this study group: 20, SG20 or "Study Group 20" (repeatable).',
      multiple: true,
    }),
    lang: Flags.string({summary: 'Language of the report labels.', options: [...LANGS], default: 'en'}),
    decisions: Flags.string({
      summary: `Reviewed decisions (default: <catalogue>/${DECISIONS_FILE} when present).`,
    }),
    date: Flags.string({
      summary: 'Date to print in the reports (YYYY-MM-DD); none by default, so runs compare byte for byte.',
    }),
    config: Flags.string({summary: 'Config file (default: <catalogue>/gapscan.config.yaml when present).'}),
  }

  public async run(): Promise<{
    out: string
    files: string[]
    subjects: number
    coverage: Record<string, number>
  }> {
    const formats = parseFormats(this.flags.format)
    if (this.flags.date !== undefined && !isIsoDate(this.flags.date)) {
      throw new UsageError(`--date: "${this.flags.date}" is not a date (YYYY-MM-DD)`)
    }
    checkTarget(this.flags.out, 'folder')
    const progress = progressBar(process.stderr, 'analysing', this.showProgress())
    const {analysis, warnings} = analyseCatalogue(
      {
        catalogue: this.flags.catalogue,
        configPath: this.flags.config,
        decisionsPath: this.flags.decisions,
        sgs: this.flags.sg,
        date: this.flags.date,
        onProgress: (done, total) => progress.update(done, total),
      },
      this.fileWarnings,
    )
    progress.done()
    this.reportWarnings(warnings)
    this.reportFileWarnings()
    const files = renderReports(analysis, formats, this.flags.lang as Lang)
    writeFolderAtomic(this.flags.out, files, (name) => REPORT_FILE_NAME.test(name))
    const coverage = coverageCounts(analysis.subjects)
    this.info(
      `${analysis.subjects.length} subjects: ${coverage.covered} covered, ${coverage.partial} partial, ${coverage.gap} gaps; ${analysis.overlaps.length} overlaps`,
    )
    if (!this.jsonEnabled()) for (const f of files) this.log(join(this.flags.out, f.name))
    return {
      out: this.flags.out,
      files: files.map((f) => join(this.flags.out, f.name)),
      subjects: analysis.subjects.length,
      coverage,
    }
  }
}

/** The names of the files a report folder holds (sg-<N>.md for any study group): what a new run may replace. */
const REPORT_FILE_NAME = /^(index\.html|summary\.md|sg-\d+\.md|report\.json|gaps\.csv|overlaps\.csv)$/

function parseFormats(values: readonly string[]): ReportFormat[] {
  const formats = values
    .flatMap((value) => value.split(','))
    .map((f) => f.trim())
    .filter(Boolean)
  for (const f of formats) {
    if (!(REPORT_FORMATS as readonly string[]).includes(f))
      throw new UsageError(`--format: unknown format "${f}" (use ${REPORT_FORMATS.join(', ')})`)
  }
  if (formats.length === 0) throw new UsageError('--format: no format given')
  return formats as ReportFormat[]
}
