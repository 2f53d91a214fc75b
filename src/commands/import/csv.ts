import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {formatFlag, importTarget} from '../../cli/import-target.js'
import {applyImport} from '../../core/import/apply.js'
import {importCsv, parseColumnMap} from '../../core/import/csv.js'
import {readText} from '../../core/io/read-text.js'
import type {ImportCounts} from '../../core/import/merge.js'
import {reportImport} from '../../core/import/report.js'
import type {EntryKind} from '../../core/catalogue/types.js'

const FOLDER: Record<string, string> = {
  standard: 'standards',
  requirement: 'requirements',
  deliverable: 'deliverables',
}

export default class ImportCsv extends BaseCommand<typeof ImportCsv> {
  static override summary = 'Import standards, requirements or deliverables from a spreadsheet export (CSV).'
  static override description =
    'The first row names the columns. --map field=Column,... says which column holds each catalogue field; a field that is not mapped is read from the column of the same name. Bad rows are reported as `file:line: field: message`, and nothing is written (exit 3).'
  static override examples = [
    '<%= config.bin %> import csv --kind standard export.csv --map id=Number,title=Title,sg=SG,status=Status --out data/standards/sg20.yaml',
  ]
  static override args = {
    file: Args.string({description: 'CSV file (UTF-8; a header row of column names)', required: true}),
  }
  static override flags = {
    kind: Flags.string({
      summary: 'What the rows are.',
      options: ['standard', 'requirement', 'deliverable'],
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
}
