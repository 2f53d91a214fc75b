/**
 * Reads a text input file (subjects, gold pairs, glossary, decisions, config) with the same
 * encoding rules as catalogue files; any failure is an input error naming the file.
 */
import {readFileSync} from 'node:fs'
import {decodeText} from '../catalogue/decode.js'
import {InputError} from '../errors.js'

export function readTextFile(path: string): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (e) {
    throw new InputError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  try {
    return decodeText(bytes).text
  } catch (e) {
    throw new InputError(`${path}: ${(e as Error).message}`)
  }
}
