import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {formatFlag, importTarget} from '../../cli/import-target.js'
import {applyImport} from '../../core/import/apply.js'
import {importCsv, parseColumnMap} from '../../core/import/csv.js'
import {readText} from '../../core/io/read-text.js'
import {writeFileAtomic} from '../../core/io/atomic-write.js'
import {mergeQuestions, readQuestionRows} from '../../core/import/questions.js'
import {join} from 'node:path'
import {formatCounts, type ImportCounts} from '../../core/import/merge.js'
import {reportImport} from '../../core/import/report.js'
import type {EntryKind} from '../../core/catalogue/types.js'

const FOLDER: Record<string, string> = {
  standard: 'standards',
  requirement: 'requirements',
  deliverable: 'deliverables',
}

export default class ImportCsv extends BaseCommand<typeof ImportCsv> {
  static override summary =
    'Import standards, requirements, deliverables or ITU-T Questions from a spreadsheet export (CSV).'
  static override description =
    "Questions (--kind question): columns sg, id, title and optionally source_url, merged into the study groups' questions lists of <catalogue>/study-groups/study-groups.yaml (or --out), comments kept. The first row names the columns. --map field=Column,... says which column holds each catalogue field; a field that is not mapped is read from the column of the same name. Bad rows are reported as `file:line: field: message`, and nothing is written (exit 3)."
  static override examples = [
    '<%= config.bin %> import csv --kind standard export.csv --map id=Number,title=Title,sg=SG,status=Status --out data/standards/sg20.yaml',
    '<%= config.bin %> import csv --kind question questions.csv',
  ]
  static override args = {
    file: Args.string({description: 'CSV file (UTF-8; a header row of column names)', required: true}),
  }
  static override flags = {
    kind: Flags.string({
      summary: 'What the rows are.',
      options: ['standard', 'requirement', 'deliverable', 'question'],
      required: true,
    }),
    map: Flags.string({summary: 'Catalogue field to column name: field=Column,field=Column…'}),
    format: formatFlag,
    out: Flags.string({
      char: 'o',
      summary: 'Catalogue file to merge into (default: <catalogue>/<kind>s/csv-import.<format>).',
    }),
  }

  public async run(): Promise<ImportCounts & {file: string; total: number}> {
    if (this.flags.kind === 'question') return this.importQuestions()
    const kind = this.flags.kind as EntryKind
    const map = parseColumnMap(this.flags.map, kind)
    const {out, format} = importTarget(this.flags, FOLDER[kind], 'csv-import')
    const input = readText(this.args.file)
    this.checkInputs(input.problems)
    const {entries, problems} = importCsv(this.args.file, input.text ?? '', kind, map)
    this.checkInputs(problems)
    const result = applyImport({kind, imported: entries, out, format, catalogue: this.flags.catalogue})
    for (const line of reportImport(result)) this.info(line)
    return {...result.counts, file: out, total: result.total}
  }

  /** Questions go into the study-group file's lists, not into a file of their own. */
  private importQuestions(): ImportCounts & {file: string; total: number} {
    const out = this.flags.out ?? join(this.flags.catalogue, 'study-groups', 'study-groups.yaml')
    const input = readText(this.args.file)
    this.checkInputs(input.problems)
    const {rows, problems} = readQuestionRows(this.args.file, input.text ?? '')
    this.checkInputs(problems)
    const target = readText(out)
    this.checkInputs(target.problems)
    const merged = mergeQuestions(out, target.text ?? '', rows)
    this.checkInputs(merged.problems)
    writeFileAtomic(out, merged.text)
    this.info(`${out}: Questions ${formatCounts(merged.counts)}`)
    return {...merged.counts, file: out, total: rows.length}
  }
}
