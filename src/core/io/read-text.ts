/**
 * Reading a text input file (catalogue files, subjects, gold pairs, glossary, decisions, config,
 * importer inputs) with the catalogue's encoding rules: one reader, two ways to fail.
 */
import {closeSync, constants, fstatSync, openSync, readFileSync} from 'node:fs'
import {decodeText, DecodeError} from '../catalogue/decode.js'
import type {Problem} from '../catalogue/problems.js'
import {InputError} from '../errors.js'
import {describeFsError} from './fs-error.js'

/** Largest input file read (a catalogue's biggest real file is ~40 MB of JSON Lines). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024

/**
 * The bytes of a regular file. It is opened without blocking and checked before reading, so a
 * FIFO, socket or device (which would block or never end) is refused, as is a folder.
 */
export function readRegularFile(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) throw new NotRegularFile('is a folder, not a file')
    if (!stat.isFile()) throw new NotRegularFile(`is a ${specialKind(stat)}, not a regular file (refused)`)
    if (stat.size > MAX_INPUT_BYTES)
      throw new NotRegularFile(`is ${stat.size} bytes; at most ${MAX_INPUT_BYTES} read`)
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

class NotRegularFile extends Error {}

function specialKind(stat: {
  isFIFO(): boolean
  isSocket(): boolean
  isCharacterDevice(): boolean
  isBlockDevice(): boolean
}): string {
  if (stat.isFIFO()) return 'named pipe (FIFO)'
  if (stat.isSocket()) return 'socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device'
  return 'special file'
}

/**
 * The file's text, and problems about the whole file (line 0) instead of exceptions: an error
 * when it cannot be read or is not text, a warning when it was decoded from a legacy encoding.
 */
export function readText(path: string): {text?: string; problems: Problem[]} {
  try {
    const decoded = decodeText(readRegularFile(path))
    const problems: Problem[] = decoded.warning
      ? [{severity: 'warning', file: path, line: 0, message: decoded.warning}]
      : []
    return {text: decoded.text, problems}
  } catch (e) {
    const message =
      e instanceof DecodeError || e instanceof NotRegularFile
        ? e.message
        : `cannot read: ${describeFsError(e)}`
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
