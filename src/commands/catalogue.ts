import {BaseCommand} from '../cli/base-command.js'
import {loadValidCatalogue, summariseCatalogue, type CatalogueSummary} from '../core/catalogue/index.js'

export default class CatalogueCommand extends BaseCommand<typeof CatalogueCommand> {
  static override summary =
    'Show what a catalogue holds: counts per kind, study group, organisation and status.'
  static override examples = ['<%= config.bin %> catalogue', '<%= config.bin %> catalogue --json']

  public async run(): Promise<CatalogueSummary> {
    const {catalogue, warnings} = loadValidCatalogue(this.flags.catalogue)
    this.reportWarnings(warnings)
    const summary = summariseCatalogue(catalogue)
    if (!this.jsonEnabled()) {
      const table = (title: string, rows: Record<string, unknown>) => {
        this.log(title)
        for (const [key, value] of Object.entries(rows)) this.log(`  ${key.padEnd(28)} ${value}`)
      }
      table('Entries per kind', summary.counts)
      table('Standards per organisation', summary.byOrg)
      table('Standards per status', summary.byStatus)
      this.log('Per study group (standards / in force / under study / deliverables / Questions)')
      for (const [sg, row] of Object.entries(summary.bySg)) {
        this.log(
          `  ${sg.padEnd(28)} ${row.standards} / ${row.inForce} / ${row.underStudy} / ${row.deliverables} / ${row.questions}`,
        )
      }
      table('Requirements per building block', summary.byBuildingBlock)
      table('Entries per file', summary.byFile)
    }
    return summary
  }
}
