import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {MAX_TOP} from '../core/config.js'
import {Matcher, type SubjectResult} from '../core/match/matcher.js'

export default class Match extends BaseCommand<typeof Match> {
  static override summary = "Score subjects against the catalogue's standards and classify their coverage."
  static override description =
    'Subjects are the catalogue\'s FG-MV deliverables and DPI requirements, or those in --subjects FILE (a catalogue file, or JSON Lines/CSV of {"id", "text"}). Each subject gets covered / partial / gap and its best standards, with the shared terms that explain each score.'
  static override examples = [
    '<%= config.bin %> match --top 3',
    '<%= config.bin %> match --subjects drafts.jsonl --json',
    '<%= config.bin %> match --kind requirement --json',
  ]
  static override flags = {
    subjects: Flags.string({
      char: 's',
      summary: "Score the subjects in this file instead of the catalogue's.",
    }),
    top: Flags.integer({char: 'k', summary: 'Matches kept per subject.', min: 1, max: MAX_TOP}),
    kind: Flags.string({summary: 'Only subjects of this kind.', options: ['deliverable', 'requirement']}),
    config: Flags.string({summary: 'Config file (default: <catalogue>/gapscan.config.yaml when present).'}),
  }

  public async run(): Promise<SubjectResult[]> {
    const {catalogue, config, glossary, subjects} = this.loadMatching({
      configPath: this.flags.config,
      subjectsFile: this.flags.subjects,
    })
    const selected = this.flags.kind ? subjects.filter((s) => s.kind === this.flags.kind) : subjects
    const matcher = new Matcher(catalogue, config, glossary)
    const results = await matcher.matchAll(selected, this.flags.top ?? config.top)
    if (!this.jsonEnabled()) {
      for (const result of results) {
        this.log(`${result.subject}\t${result.status}`)
        for (const m of result.matches) {
          const why = m.basis === 'cited' ? `cited as "${m.cited}"` : `evidence ${m.evidence.toFixed(2)}`
          this.log(
            `  ${m.score.toFixed(4)}  ${m.id}${m.sg !== undefined ? ` (SG${m.sg})` : ` (${m.org})`}  ${why}  ${m.terms.join(', ')}`,
          )
        }
        for (const c of result.citations.filter((c) => c.ids.length === 0))
          this.log(`  cites ${c.text}: not in the catalogue`)
      }
    }
    return results
  }
}
