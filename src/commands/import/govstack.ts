import {Args, Flags} from '@oclif/core'
import {join} from 'node:path'
import {BaseCommand} from '../../cli/base-command.js'
import {applyImport} from '../../core/import/apply.js'
import {importGovstack} from '../../core/import/govstack-import.js'
import type {ImportCounts} from '../../core/import/merge.js'
import {reportImport} from '../../core/import/report.js'

export default class ImportGovstack extends BaseCommand<typeof ImportGovstack> {
  static override summary = 'Import GovStack specification statements as requirements.'
  static override description =
    'Reads GovStack building-block specification pages (markdown; a folder of <building-block>/<file>.md, read recursively), turns each requirement statement into a requirement entry (id, building block, level, text, a title from the text, source reference and GitHub URL) and merges them into --out. The import holds the specification text verbatim: it is for refreshing your own catalogue, next to the curated, own-words requirements.'
  static override examples = [
    '<%= config.bin %> import govstack ~/govstack-spec --out my-catalogue/requirements/govstack-import.yaml',
  ]
  static override strict = false
  static override args = {
    inputs: Args.string({description: 'Specification folder(s) or markdown files', required: true}),
  }
  static override flags = {
    out: Flags.string({
      char: 'o',
      summary: 'Catalogue file to merge into (default: <catalogue>/requirements/govstack-import.yaml).',
    }),
  }

  public async run(): Promise<ImportCounts & {file: string; total: number; statements: number}> {
    const {argv} = await this.parse(ImportGovstack)
    const out = this.flags.out ?? join(this.flags.catalogue, 'requirements', 'govstack-import.yaml')
    const {entries, statements, problems} = importGovstack(argv as string[])
    this.checkInputs(problems)
    this.info(`read ${statements} statements`)
    const result = applyImport({kind: 'requirement', imported: entries, out, catalogue: this.flags.catalogue})
    for (const line of reportImport(result)) this.info(line)
    return {...result.counts, file: out, total: result.total, statements}
  }
}
