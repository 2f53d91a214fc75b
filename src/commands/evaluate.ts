import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {
  evaluate,
  evaluateQueries,
  loadGold,
  type Evaluation,
  type QueryEvaluation,
} from '../core/match/evaluate.js'
import {Matcher} from '../core/match/matcher.js'
import {ablate, type AblationRow} from '../core/match/ablation.js'
import {formatAblation, formatQueryEvaluation} from '../core/match/evaluate-format.js'
import {UsageError} from '../core/errors.js'

export default class Evaluate extends BaseCommand<typeof Evaluate> {
  static override summary = 'Measure matching quality against a gold file or an evaluation query set.'
  static override description =
    'A gold file of correct (subject, standard) pairs (CSV, JSON Lines or YAML with fields subject and standard): prints recall@1, recall@5 and MRR, then precision, recall and F1 of `covered` for thresholds 0.05…0.95, and the threshold with the best F1.\n\nAn evaluation query set (JSON Lines, CSV or YAML with fields id, lang, kind, expect, text — e.g. ../shared/eval/queries-dev.jsonl): prints per kind and language recall@1/@5/@10, MRR, how many queries are marked covered and how many of those are right (a `novel` query, which expects nothing, is never rightly covered).'
  static override examples = [
    '<%= config.bin %> evaluate --gold test/gold/dpi-gold.csv',
    '<%= config.bin %> evaluate --gold ../shared/eval/queries-dev.jsonl',
    '<%= config.bin %> evaluate --gold pairs.csv --subjects drafts.jsonl --json',
  ]
  static override flags = {
    gold: Flags.string({
      char: 'g',
      summary: 'Gold file of correct pairs, or an evaluation query set.',
      required: true,
    }),
    subjects: Flags.string({
      char: 's',
      summary: 'Subjects file, when the gold pairs name subjects outside the catalogue.',
    }),
    config: Flags.string({summary: 'Config file (default: <catalogue>/gapscan.config.yaml when present).'}),
    ablate: Flags.boolean({
      summary:
        'With a query set: evaluate again with each pipeline stage switched off in turn, and print the table.',
    }),
  }

  public async run(): Promise<Evaluation | QueryEvaluation | AblationRow[]> {
    // Read first: a bad gold file fails before the catalogue is indexed.
    const gold = loadGold(this.flags.gold, this.fileWarnings)
    if (this.flags.ablate && gold.form !== 'queries')
      throw new UsageError('--ablate needs an evaluation query set (id, lang, kind, expect, text)')
    const {catalogue, config, glossary, subjects} = this.loadMatching({
      configPath: this.flags.config,
      subjectsFile: this.flags.subjects,
    })
    if (this.flags.ablate && gold.form === 'queries') {
      const rows = await ablate(catalogue, {config, glossary}, gold.queries, (name) =>
        this.info(`evaluating: ${name}`),
      )
      if (!this.jsonEnabled()) this.log(formatAblation(rows))
      return rows
    }
    const matcher = new Matcher(catalogue, config, glossary)
    if (gold.form === 'queries') {
      const result = await evaluateQueries(matcher, gold.queries)
      if (!this.jsonEnabled()) this.log(formatQueryEvaluation(result))
      return result
    }
    const result = evaluate(matcher, subjects, gold.pairs, this.flags.gold)
    if (!this.jsonEnabled()) {
      const f = (x: number) => x.toFixed(4)
      this.log(`subjects ${result.subjects}, pairs ${result.pairs}`)
      this.log(`recall@1 ${f(result.recallAt1)}  recall@5 ${f(result.recallAt5)}  MRR ${f(result.mrr)}`)
      this.log('threshold  precision  recall  F1')
      for (const p of result.sweep)
        this.log(
          `${p.threshold.toFixed(2).padStart(9)}  ${f(p.precision).padStart(9)}  ${f(p.recall)}  ${f(p.f1)}`,
        )
      this.log(`best F1 ${f(result.best.f1)} at threshold ${result.best.threshold.toFixed(2)}`)
    }
    return result
  }
}
