import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {formatFlag, importTarget} from '../../cli/import-target.js'
import {applyImport, type ApplyImportResult} from '../../core/import/apply.js'
import type {ImportCounts} from '../../core/import/merge.js'
import {latestEditions, readRelatonFiles, relatonToStandards} from '../../core/import/relaton.js'
import {reportImport} from '../../core/import/report.js'

export default class ImportRelaton extends BaseCommand<typeof ImportRelaton> {
  static override summary = 'Import standards from Relaton bibliographic data (YAML files or JSON Lines).'
  static override description =
    'Reads raw Relaton YAML (one edition per file; folders are read recursively) and the compact JSON Lines form, keeps the latest edition of each number, maps status, study group and type, and merges the result into --out. Existing entries keep their hand-written summary, keywords and Question when the import has none. Nothing is written when any input has an error (exit 3).'
  static override examples = [
    '<%= config.bin %> import relaton ~/relaton-data-itu/data --no-abstract --out data/standards/itu-t.jsonl',
    '<%= config.bin %> import relaton itu-t-latest.jsonl --format yaml --out my-catalogue/standards/itu-t.yaml',
  ]
  static override strict = false
  static override args = {
    inputs: Args.string({description: 'Relaton YAML/JSONL files or folders', required: true}),
  }
  static override flags = {
    format: formatFlag,
    abstract: Flags.boolean({
      summary:
        'Keep abstracts as summary; --no-abstract keeps facts, up to 8 key terms and a bag of derived words only.',
      default: true,
      allowNo: true,
    }),
    out: Flags.string({
      char: 'o',
      summary: 'Catalogue file to merge into (default: <catalogue>/standards/relaton-import.<format>).',
    }),
  }

  public async run(): Promise<
    ImportCounts & {file: string; total: number; droppedSg: number; droppedQuestions: number}
  > {
    const {argv} = await this.parse(ImportRelaton)
    const inputs = argv as string[]
    const {out, format} = importTarget(this.flags, 'standards', 'relaton-import')
    const read = readRelatonFiles(inputs)
    this.checkInputs(read.problems)
    const latest = latestEditions(read.records)
    const {entries, problems} = relatonToStandards(latest, {abstract: this.flags.abstract})
    this.checkInputs(problems)
    this.info(`read ${read.records.length} records: ${latest.length} numbers`)
    const result: ApplyImportResult = applyImport({
      kind: 'standard',
      imported: entries,
      out,
      format,
      catalogue: this.flags.catalogue,
    })
    for (const line of reportImport(result)) this.info(line)
    return {
      ...result.counts,
      file: out,
      total: result.total,
      droppedSg: result.dropped.sg,
      droppedQuestions: result.dropped.question,
    }
  }
}
