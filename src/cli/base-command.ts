/**
 * Flags and behaviour shared by every gapscan command: the catalogue folder, colour, quiet mode,
 * `--json`, and the mapping of typed core errors to exit codes and one-line messages.
 */
import {Command, Errors, Flags, type Interfaces} from '@oclif/core'
import {Chalk, type ChalkInstance} from 'chalk'
import {formatProblem, oneLine, type Problem} from '../core/catalogue/problems.js'
import {subjectsToMatch} from '../core/catalogue/subjects.js'
import {ExitCode, GapscanError} from '../core/errors.js'
import {describeFsError} from '../core/io/fs-error.js'
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
    // A closed pipe or full disk on stdout shows up as an 'error' event on the stream. Ours goes
    // first: oclif's own listener rethrows everything but EPIPE, which prints a stack trace.
    if (!process.stdout.listeners('error').includes(stdoutFailed))
      process.stdout.prependListener('error', stdoutFailed)
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

  /**
   * Every failure ends as one line on stderr and a documented exit code, with or without
   * --json: usage errors (ours and oclif's flag parsing, which would exit 1 under --json and
   * print the whole parser state) exit 2 with one line on stderr and nothing on stdout; other
   * gapscan errors under --json are `{error}` JSON on stdout instead of the line; a failed write
   * to stdout (a closed pipe, a full disk) is one line on stderr, exit 4.
   */
  protected override async catch(err: Error & {exitCode?: number}): Promise<unknown> {
    const known = knownError(err)
    if (!known) return super.catch(err)
    process.exitCode = known.exitCode
    if (this.jsonEnabled() && known.json) {
      this.logJson({error: {message: known.message, exitCode: known.exitCode}})
    } else {
      const label = this.colour ? this.colour.red('error') : 'error'
      process.stderr.write(`${label}: ${oneLine(known.message)}\n`)
    }
    Errors.exit(known.exitCode)
  }
}

/** The message and exit code of an error we know how to report on one line, or undefined. */
function knownError(
  err: Error & {exitCode?: number},
): {message: string; exitCode: number; json: boolean} | undefined {
  if (err instanceof GapscanError)
    return {message: err.message, exitCode: err.exitCode, json: err.exitCode !== ExitCode.usage}
  if ((err as {oclif?: {exit?: number}}).oclif?.exit === ExitCode.usage) {
    // oclif's parse errors span lines ("Parsing --top\n\tExpected an integer…\nSee more help…").
    const lines = err.message
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^(See more help|The following error occurred)/.test(line))
    return {
      message: `${lines.join(': ').replace(/:+\s*:/g, ':')} (see --help)`,
      exitCode: ExitCode.usage,
      json: false,
    }
  }
  if (isStdoutFailure(err)) return {message: stdoutMessage(err), exitCode: ExitCode.output, json: false}
  return undefined
}

const STREAM_FAILURES = new Set(['EPIPE', 'ENOSPC', 'EIO', 'EDQUOT', 'EFBIG', 'ECONNRESET'])

function isStdoutFailure(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException
  return (
    e?.code !== undefined && STREAM_FAILURES.has(e.code) && (e.syscall === 'write' || e.syscall === undefined)
  )
}

function stdoutMessage(err: unknown): string {
  return `cannot write to standard output: ${describeFsError(err)}`
}

/** A failed write to stdout after the command's own error handling: one line, exit 4, no trace. */
function stdoutFailed(err: unknown): void {
  try {
    process.stderr.write(`error: ${stdoutMessage(err)}\n`)
  } finally {
    process.exit(ExitCode.output)
  }
}

export function colourLevel(noColourFlag: boolean | undefined, isTty: boolean | undefined): 0 | 1 {
  const noColourEnv = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== ''
  return noColourFlag || noColourEnv || !isTty ? 0 : 1
}
