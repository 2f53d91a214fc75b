import {BaseCommand} from '../cli/base-command.js'
import {loadCatalogue, formatProblem, sortProblems, type Problem} from '../core/catalogue/index.js'
import {checkCatalogueSideFiles} from '../core/workspace.js'
import {ExitCode} from '../core/errors.js'

export default class Validate extends BaseCommand<typeof Validate> {
  static override summary = 'Check a catalogue and list every problem, one line each.'
  static override description =
    'Checks every file the other commands read: the entry files, and gapscan.config.yaml, glossary.yaml and decisions.yaml (its subjects and standards against the catalogue) when present. Each problem is printed as `file:line: field: what is wrong`. Exits 0 when there are no errors (warnings allowed), 1 when there are errors, 3 when the catalogue folder cannot be read at all.'
  static override examples = [
    '<%= config.bin %> validate',
    '<%= config.bin %> validate --catalogue my-slice/ --json',
  ]

  public async run(): Promise<{
    valid: boolean
    errors: number
    warnings: number
    files: number
    problems: Problem[]
  }> {
    const loaded = loadCatalogue(this.flags.catalogue)
    const problems = sortProblems([
      ...loaded.problems,
      ...checkCatalogueSideFiles(this.flags.catalogue, loaded.catalogue),
    ])
    const {files} = loaded
    const errors = problems.filter((p) => p.severity === 'error').length
    const warnings = problems.length - errors
    if (!this.jsonEnabled()) {
      for (const problem of problems) this.log(formatProblem(problem))
      const verdict = errors === 0 ? this.colour.green('valid') : this.colour.red('invalid')
      this.info(
        `${this.flags.catalogue}: ${verdict}: ${files.length} files, ${errors} errors, ${warnings} warnings`,
      )
    }
    if (errors > 0) process.exitCode = ExitCode.findings
    return {valid: errors === 0, errors, warnings, files: files.length, problems}
  }
}
