/**
 * `gapscan reprot`: names the nearest command and exits 2 (a usage error), on one line, without
 * prompting. @oclif/plugin-not-found was not used: on a terminal it asks "Did you mean …?" and
 * waits for an answer, and without one it prints no suggestion at all and exits 127.
 */
import type {Hook} from '@oclif/core'
import {ExitCode} from '../../core/errors.js'

const hook: Hook<'command_not_found'> = async function (options) {
  const visible = options.config.commands.filter((c) => !c.hidden).map((c) => c.id)
  const typed = options.id.split(':').join(' ')
  const nearest = nearestCommand(options.id, visible)
  const hint = nearest ? `did you mean "${nearest.split(':').join(' ')}"? ` : ''
  process.stderr.write(
    `error: "${typed}" is not a ${options.config.bin} command; ${hint}(${options.config.bin} --help lists them)\n`,
  )
  this.exit(ExitCode.usage)
}

export default hook

/** The command id closest to `id` by edit distance, when close enough to be a typo. */
export function nearestCommand(id: string, ids: readonly string[]): string | undefined {
  let best: {id: string; distance: number} | undefined
  for (const candidate of [...ids].sort()) {
    const distance = editDistance(id.toLowerCase(), candidate)
    if (!best || distance < best.distance) best = {id: candidate, distance}
  }
  return best && best.distance <= Math.max(2, Math.floor(best.id.length / 3)) ? best.id : undefined
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    previous = current
  }
  return previous[b.length]
}
