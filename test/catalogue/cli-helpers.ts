/** Shared set-up for command tests: the repository root, exit-code hygiene and a TTY/NO_COLOR switch. */
import {fileURLToPath} from 'node:url'
import {runCommand} from '@oclif/test'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Commands set process.exitCode (validate) or exit through oclif (others); keep it from leaking
 * into mocha's own exit code, and give each test a clean slate.
 */
export function resetExitCodeAround(): void {
  let saved: typeof process.exitCode
  beforeEach(() => {
    saved = process.exitCode
    process.exitCode = undefined
  })
  afterEach(() => {
    process.exitCode = saved
  })
}

/**
 * Loads oclif and the compiled commands once before a suite, so the first test is not charged
 * with the module loading (the per-test budget is one second).
 */
export function warmUpCli(): void {
  before(async function () {
    this.timeout(30_000)
    const saved = process.exitCode
    await runCommand(['validate', '--catalogue', 'test/fixtures/catalogue/small', '--quiet'], {root: ROOT})
    process.exitCode = saved
  })
}

/** Runs `fn` with stderr claiming to be a terminal and NO_COLOR set (or unset), then restores both. */
export async function withTerminal<T>(noColor: string | undefined, fn: () => Promise<T>): Promise<T> {
  const savedEnv = process.env.NO_COLOR
  const savedTty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY')
  Object.defineProperty(process.stderr, 'isTTY', {value: true, configurable: true, writable: true})
  if (noColor === undefined) delete process.env.NO_COLOR
  else process.env.NO_COLOR = noColor
  try {
    return await fn()
  } finally {
    if (savedEnv === undefined) delete process.env.NO_COLOR
    else process.env.NO_COLOR = savedEnv
    if (savedTty) Object.defineProperty(process.stderr, 'isTTY', savedTty)
    else delete (process.stderr as {isTTY?: boolean}).isTTY
  }
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/

/** Removes SGR colour sequences (`ESC [ n m`). */
// eslint-disable-next-line no-control-regex
export const stripColour = (text: string): string => text.replace(/\u001b\[\d+m/g, '')

/** The exit code of a run: a thrown oclif exit, else process.exitCode (reset for the next test). */
export function exitOf(result: {error?: Error & {oclif?: {exit?: number}}}): number {
  const code = result.error ? (result.error.oclif?.exit ?? 1) : (process.exitCode ?? 0)
  process.exitCode = undefined
  return Number(code)
}
