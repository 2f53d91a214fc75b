/**
 * Flags and behaviour shared by every gapscan command: the catalogue folder, colour, quiet mode,
 * `--json`, and the mapping of typed core errors to exit codes and one-line messages.
 */
import {Command, Errors, Flags, type Interfaces} from '@oclif/core'
import {Chalk, type ChalkInstance} from 'chalk'
import {formatProblem, type Problem} from '../core/catalogue/problems.js'
import {subjectsToMatch} from '../core/catalogue/subjects.js'
import {GapscanError} from '../core/errors.js'
import {failOnProblems} from '../core/import/apply.js'
import type {MatchSubject} from '../core/match/matcher.js'
import {loadWorkspace, type Workspace} from '../core/workspace.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof BaseCommand)['baseFlags'] & T['flags']
>
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>

export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true
  static override baseFlags = {
    catalogue: Flags.string({
      char: 'c',
      summary: 'Catalogue folder to load.',
      default: 'data',
      helpGroup: 'GLOBAL',
    }),
    'no-color': Flags.boolean({
      summary: 'Plain output without colour (also when NO_COLOR is set).',
      helpGroup: 'GLOBAL',
    }),
    quiet: Flags.boolean({
      char: 'q',
      summary: 'Print no progress or informational messages.',
      helpGroup: 'GLOBAL',
    }),
  }

  protected flags!: BaseFlags<T>
  protected args!: BaseArgs<T>
  /** Colours for stderr messages; off for NO_COLOR, --no-color or a non-TTY stream. */
  protected colour!: ChalkInstance

  public override async init(): Promise<void> {
    await super.init()
    const {args, flags} = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    })
    this.flags = flags as BaseFlags<T>
    this.args = args as BaseArgs<T>
    this.colour = new Chalk({level: colourLevel(this.flags['no-color'], process.stderr.isTTY)})
  }

  /** An informational line on stderr, unless --quiet or --json. */
  protected info(message: string): void {
    if (!this.flags.quiet && !this.jsonEnabled()) this.logToStderr(message)
  }

  /** How many warnings the catalogue's files gave, on stderr (`validate` lists them). */
  protected reportWarnings(warnings: readonly Problem[]): void {
    if (warnings.length > 0)
      this.info(`${warnings.length} catalogue warnings (run gapscan validate to see them)`)
  }

  /**
   * Warnings about input files outside the catalogue (e.g. a legacy encoding): the loaders a
   * command calls add to it, and `reportFileWarnings` prints them.
   */
  protected readonly fileWarnings: Problem[] = []

  /** Prints the file warnings gathered so far, one line each on stderr, and forgets them. */
  protected reportFileWarnings(): void {
    for (const problem of this.fileWarnings.splice(0)) this.info(formatProblem(problem))
  }

  /** An importer's input problems: the errors stop the command (nothing written), the warnings are printed. */
  protected checkInputs(problems: readonly Problem[]): void {
    failOnProblems(problems)
    this.fileWarnings.push(...problems)
    this.reportFileWarnings()
  }

  /**
   * The catalogue to match against and the subjects to score (its own, or those in
   * `subjectsFile`), with the catalogue's warning count and the files' warnings printed.
   */
  protected loadMatching(options: {configPath?: string; subjectsFile?: string}): Workspace & {
    subjects: MatchSubject[]
  } {
    const workspace = loadWorkspace(this.flags.catalogue, {configPath: options.configPath}, this.fileWarnings)
    this.reportWarnings(workspace.warnings)
    const subjects = subjectsToMatch(workspace.catalogue, options.subjectsFile, this.fileWarnings)
    this.reportFileWarnings()
    return {...workspace, subjects}
  }

  /** Whether a progress bar may be drawn: only for a person watching a terminal. */
  protected showProgress(): boolean {
    return Boolean(process.stderr.isTTY) && !this.flags.quiet && !this.jsonEnabled()
  }

  protected override async catch(err: Error & {exitCode?: number}): Promise<unknown> {
    if (err instanceof GapscanError) {
      process.exitCode = err.exitCode
      if (this.jsonEnabled()) this.logJson({error: {message: err.message, exitCode: err.exitCode}})
      else this.logToStderr(`${this.colour ? this.colour.red('error') : 'error'}: ${err.message}`)
      Errors.exit(err.exitCode)
    }
    return super.catch(err)
  }
}

export function colourLevel(noColourFlag: boolean | undefined, isTty: boolean | undefined): 0 | 1 {
  const noColourEnv = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== ''
  return noColourFlag || noColourEnv || !isTty ? 0 : 1
}
