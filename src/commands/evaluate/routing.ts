import {Flags} from '@oclif/core'
import {BaseCommand} from '../../cli/base-command.js'
import {analyseCatalogue} from '../../core/analysis/run.js'
import {
  measureRouting,
  parseRoutingGold,
  type RoutingMeasure,
} from '../../core/analysis/routing-evaluation.js'
import {readTextFile} from '../../core/io/read-text.js'

export default class EvaluateRouting extends BaseCommand<typeof EvaluateRouting> {
  static override summary = 'Measure routing against reviewed judgements (first SG or outcome per subject).'
  static override description =
    'The gold file is CSV with columns subject, expected (SG<n>, other-body or outside-scope), acceptable (;-separated alternatives a reviewer also accepts) and justification. Prints agreement for deliverables and requirements, the share of other-body subjects flagged so and of the others wrongly flagged, then each disagreement.'
  static override examples = ['<%= config.bin %> evaluate routing --gold test/gold/routing-gold.csv']
  static override flags = {
    gold: Flags.string({char: 'g', summary: 'Gold CSV of routing judgements.', required: true}),
    config: Flags.string({summary: 'Config file (default: <catalogue>/gapscan.config.yaml when present).'}),
  }

  public async run(): Promise<RoutingMeasure> {
    // Read first: a bad gold file fails before the catalogue is indexed.
    const gold = parseRoutingGold(readTextFile(this.flags.gold, this.fileWarnings), this.flags.gold)
    const {analysis, warnings} = analyseCatalogue(
      {catalogue: this.flags.catalogue, configPath: this.flags.config},
      this.fileWarnings,
    )
    this.reportWarnings(warnings)
    const m = measureRouting(analysis.subjects, gold, this.flags.gold)
    if (!this.jsonEnabled()) {
      const line = (name: string, c: {agreed: number; total: number}) =>
        this.log(`${name.padEnd(46)} ${c.agreed} of ${c.total}`)
      line('deliverables: first SG agreed', m.deliverables)
      line('requirements: first SG or outcome agreed', m.requirements)
      line('other-body requirements flagged other-body', m.otherBodyFlagged)
      line('other requirements flagged other-body', m.falseOtherBody)
      line('ITU-T requirements given a non-ITU-T outcome', m.ituFlaggedNotItu)
      for (const d of m.disagreements)
        this.log(`disagree ${d.subject}: expected ${d.expected}, proposed ${d.proposed}`)
    }
    return m
  }
}
