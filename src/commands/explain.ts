import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {UsageError} from '../core/errors.js'
import {Matcher, roundScore, type CoverageStatus} from '../core/match/matcher.js'

export interface Explanation {
  subject: string
  standard: string
  /** The final score: the search score, adjusted by title coverage when `titleBoost` is on. */
  score: number
  /** The search score before that adjustment (BM25 normalised, or the TF-IDF cosine). */
  cosine: number
  titleCoverage: number
  /** Idf of the shared words over the highest idf (StandardMatch.evidence). */
  evidence: number
  /** How far this match goes towards covering the subject. */
  coverage: CoverageStatus
  /** The designation, when the subject cites the standard (a citation covers it). */
  cited?: string
  terms: {
    term: string
    label: string
    subjectWeight: number
    standardWeight: number
    idf: number
    contribution: number
  }[]
}

export default class Explain extends BaseCommand<typeof Explain> {
  static override summary = 'Break the score of one subject against one standard down term by term.'
  static override examples = [
    '<%= config.bin %> explain FGMV-20 Y.4600',
    '<%= config.bin %> explain DPI-ID-01 X.1252 --json',
  ]
  static override args = {
    subject: Args.string({required: true, description: 'Subject id (deliverable or requirement).'}),
    standard: Args.string({required: true, description: 'Standard id, e.g. Y.4600.'}),
  }
  static override flags = {
    subjects: Flags.string({
      char: 's',
      summary: 'Look the subject up in this file instead of the catalogue.',
    }),
    config: Flags.string({summary: 'Config file (default: <catalogue>/gapscan.config.yaml when present).'}),
  }

  public async run(): Promise<Explanation> {
    const {catalogue, config, glossary, subjects} = this.loadMatching({
      configPath: this.flags.config,
      subjectsFile: this.flags.subjects,
    })
    const subject = subjects.find((s) => s.id === this.args.subject)
    if (!subject) throw new UsageError(`unknown subject "${this.args.subject}"`)
    const standard = catalogue.standards.find((s) => s.id === this.args.standard)
    if (!standard) throw new UsageError(`unknown standard "${this.args.standard}"`)
    // Built after the arguments are checked: indexing a large catalogue takes a second.
    const matcher = new Matcher(catalogue, config, glossary)
    const explained = matcher.explain(subject, standard.id)
    if (!explained) {
      throw new UsageError(
        `${standard.id} is withdrawn: withdrawn standards are not matched (set includeWithdrawn: true in the config)`,
      )
    }
    const result: Explanation = {
      subject: subject.id,
      standard: standard.id,
      score: explained.score,
      cosine: explained.cosine,
      titleCoverage: explained.titleCoverage,
      evidence: explained.evidence,
      coverage: explained.coverage,
      ...(explained.cited === undefined ? {} : {cited: explained.cited}),
      terms: explained.contributions.map((c) => ({
        term: c.term,
        label: c.label,
        subjectWeight: roundScore(c.queryWeight),
        standardWeight: roundScore(c.docWeight),
        idf: roundScore(c.idf),
        contribution: roundScore(c.contribution),
      })),
    }
    if (!this.jsonEnabled()) {
      this.log(`${subject.id} × ${standard.id} (${standard.title}): score ${result.score.toFixed(4)}`)
      this.log(
        `  evidence ${result.evidence.toFixed(2)} (idf of the shared words over the highest idf) → ${result.coverage}${
          result.cited === undefined ? '' : `; cited by the subject as "${result.cited}", which covers it`
        }`,
      )
      if (config.titleBoost > 0)
        this.log(`  title coverage ${result.titleCoverage.toFixed(4)} (titleBoost ${config.titleBoost})`)
      if (result.terms.length === 0) this.log('  no shared terms')
      this.log(
        `  ${'term'.padEnd(32)} ${'subject'.padStart(8)} ${'standard'.padStart(8)} ${'idf'.padStart(7)} ${'share'.padStart(8)}`,
      )
      for (const t of result.terms) {
        this.log(
          `  ${t.label.padEnd(32)} ${t.subjectWeight.toFixed(4).padStart(8)} ${t.standardWeight.toFixed(4).padStart(8)} ${t.idf.toFixed(3).padStart(7)} ${t.contribution.toFixed(4).padStart(8)}`,
        )
      }
    }
    return result
  }
}
