/**
 * Reading a text input file (catalogue files, subjects, gold pairs, glossary, decisions, config,
 * importer inputs) with the catalogue's encoding rules: one reader, two ways to fail.
 */
import {readFileSync} from 'node:fs'
import {decodeText, DecodeError} from '../catalogue/decode.js'
import type {Problem} from '../catalogue/problems.js'
import {InputError} from '../errors.js'

/**
 * The file's text, and problems about the whole file (line 0) instead of exceptions: an error
 * when it cannot be read or is not text, a warning when it was decoded from a legacy encoding.
 */
export function readText(path: string): {text?: string; problems: Problem[]} {
  try {
    const decoded = decodeText(readFileSync(path))
    const problems: Problem[] = decoded.warning
      ? [{severity: 'warning', file: path, line: 0, message: decoded.warning}]
      : []
    return {text: decoded.text, problems}
  } catch (e) {
    const message =
      e instanceof DecodeError
        ? e.message
        : `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`
    return {problems: [{severity: 'error', file: path, line: 0, message}]}
  }
}

/**
 * The file's text, for inputs whose every problem stops the job: an input error naming the file.
 * A decoding warning (a legacy encoding) goes to `warnings` when given, for the command to print.
 */
export function readTextFile(path: string, warnings?: Problem[]): string {
  const {text, problems} = readText(path)
  if (text === undefined) throw new InputError(`${path}: ${problems[0].message}`)
  warnings?.push(...problems)
  return text
}
