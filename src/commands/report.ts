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
import {SUBJECT_KINDS, type SubjectKind} from '../core/catalogue/types.js'
import {catalogueFacts, catalogueHash, orderedKinds, selectView} from '../core/report/context.js'

export default class Report extends BaseCommand<typeof Report> {
  static override summary =
    'Write gap and overlap reports per resolution and study group (HTML, Markdown, Word, JSON, CSV).'
  static override description = `Writes into --out (default reports/): index.html (one self-contained page, with a review form that downloads decisions.yaml), summary.md / summary.docx (date, catalogue, caveats, counts, top gaps and overlaps per SG, what was reviewed), res105-sg-<N>.md/.docx (FG-MV deliverables, Resolution 105) and res103-sg-<N>.md/.docx (DPI requirements, Resolution 103) per study group, report.json (schema: docs/report-schema.json), gaps.csv and overlaps.csv. --kind and --sg narrow every file, the summary included. Reviewed decisions in <catalogue>/decisions.yaml (or --decisions) override computed results and are shown apart where they differ. The folder is replaced as a whole: the reports are written into a folder beside it, which then takes its name, so a failed or interrupted run leaves the previous reports. An existing --out may hold only report files (it is refused otherwise, so a mistaken --out never deletes other files); a symbolic link or a file as --out is refused. The reports carry today's date unless --date is given; the same catalogue, decisions, options and --date give byte-identical files.`
  static override examples = [
    '<%= config.bin %> report',
    '<%= config.bin %> report --format md,csv --sg 20 --sg 21 --out reports/sg20-21',
    '<%= config.bin %> report --lang fr --date 2026-11-22',
    '<%= config.bin %> report --kind deliverable --format docx --out reports/res105',
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
    kind: Flags.string({
      summary:
        'Only this resolution: deliverable (Res. 105, FG-MV) or requirement (Res. 103, DPI); repeatable. Default: both.',
      options: [...SUBJECT_KINDS],
      multiple: true,
    }),
    lang: Flags.string({summary: 'Language of the report labels.', options: [...LANGS], default: 'en'}),
    decisions: Flags.string({
      summary: `Reviewed decisions (default: <catalogue>/${DECISIONS_FILE} when present).`,
    }),
    date: Flags.string({
      summary:
        'Date to print in the reports (YYYY-MM-DD); default today (UTC). Give it to compare runs byte for byte.',
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
    const date = this.flags.date ?? new Date().toISOString().slice(0, 10)
    const progress = progressBar(process.stderr, 'analysing', this.showProgress())
    const {analysis, warnings, catalogue} = analyseCatalogue(
      {
        catalogue: this.flags.catalogue,
        configPath: this.flags.config,
        decisionsPath: this.flags.decisions,
        sgs: this.flags.sg,
        date,
        onProgress: (done, total) => progress.update(done, total),
      },
      this.fileWarnings,
    )
    progress.done()
    this.reportWarnings(warnings)
    this.reportFileWarnings()
    const context = {
      lang: this.flags.lang as Lang,
      kinds: orderedKinds((this.flags.kind ?? SUBJECT_KINDS) as SubjectKind[]),
      sgs: this.flags.sg ?? [],
      catalogue: catalogueFacts(catalogue, catalogueHash(catalogue, this.flags.catalogue)),
    }
    const files = await renderReports(analysis, formats, context)
    writeFolderAtomic(this.flags.out, files, (name) => REPORT_FILE_NAME.test(name))
    const view = selectView(analysis, context)
    const coverage = coverageCounts(view.subjects)
    this.info(
      `${view.subjects.length} subjects: ${coverage.covered} covered, ${coverage.partial} partial, ${coverage.gap} gaps; ${view.overlaps.length} overlaps`,
    )
    if (!this.jsonEnabled()) for (const f of files) this.log(join(this.flags.out, f.name))
    return {
      out: this.flags.out,
      files: files.map((f) => join(this.flags.out, f.name)),
      subjects: view.subjects.length,
      coverage,
    }
  }
}

/**
 * The names of the files a report folder holds, for any study group and format (and the
 * `sg-<N>.md` of earlier versions): what a new run may replace.
 */
const REPORT_FILE_NAME =
  /^(index\.html|summary\.(md|docx)|(res10[35]-)?sg-\d+\.(md|docx)|report\.json|gaps\.csv|overlaps\.csv)$/

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
