import {InputError} from '../errors.js'
import {loadCatalogue} from './load.js'
import {formatProblem, type Problem} from './problems.js'
import type {Catalogue} from './types.js'

export * from './types.js'
export * from './problems.js'
export * from './load.js'
export * from './summary.js'
export {decodeText} from './decode.js'
export {parseSgNumber, titleFromText} from './schema.js'

/**
 * Loads a catalogue that must be valid for the job at hand: any error stops the run with the
 * first problem named (validate lists them all). Warnings are returned for the caller to show.
 */
export function loadValidCatalogue(dir: string): {catalogue: Catalogue; warnings: Problem[]} {
  const {catalogue, problems} = loadCatalogue(dir)
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problems: run gapscan validate)` : ''
    throw new InputError(`${formatProblem(errors[0])}${more}`)
  }
  return {catalogue, warnings: problems}
}
