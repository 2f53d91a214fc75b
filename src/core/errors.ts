/**
 * Typed errors carry their exit code so the CLI maps them without a stack trace.
 * Exit codes (documented in the README):
 *   0 success · 1 findings (validation problems, new gaps with --fail-on-new-gaps)
 *   2 usage error (bad flags or arguments) · 3 input error (unreadable or invalid input)
 *   4 output error (a report or export could not be written)
 */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  input: 3,
  output: 4,
} as const

export class GapscanError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode: number) {
    super(message)
    this.name = new.target.name
    this.exitCode = exitCode
  }
}

/** Bad input data: a catalogue, subjects, decisions or config file. */
export class InputError extends GapscanError {
  constructor(message: string) {
    super(message, ExitCode.input)
  }
}

/** Bad command-line usage that oclif's own parser cannot catch. */
export class UsageError extends GapscanError {
  constructor(message: string) {
    super(message, ExitCode.usage)
  }
}

/** A file could not be written. */
export class OutputError extends GapscanError {
  constructor(message: string) {
    super(message, ExitCode.output)
  }
}
