/** Flag types shared by commands. */
import {Errors, Flags} from '@oclif/core'
import {ExitCode} from '../core/errors.js'
import {parseSgNumber} from '../core/catalogue/schema.js'

/** A study group number, written as the catalogue accepts it: `20`, `SG20`, `SG 20`, `Study Group 20`. */
export const sgFlag = Flags.custom<number>({
  parse: async (input) => {
    const sg = parseSgNumber(input)
    if (sg === undefined)
      throw new Errors.CLIError(`"${input}" is not a study group (e.g. 20 or SG20)`, {exit: ExitCode.usage})
    return sg
  },
})
