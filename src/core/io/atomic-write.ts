/**
 * The one place gapscan writes files. Each file is written to a temporary sibling and renamed
 * over the target, so a killed run leaves either the old file or the new one, never half of one.
 */
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {OutputError} from '../errors.js'

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeFilesAtomic([{path, content}])
}

/**
 * Writes a set of files so that either all are replaced or (on a failure while preparing them)
 * none is: every temporary file is written first, then all are renamed.
 */
export function writeFilesAtomic(files: {path: string; content: string | Uint8Array}[]): void {
  const temps: {temp: string; path: string}[] = []
  try {
    for (const {path, content} of files) {
      const dir = dirname(path)
      mkdirSync(dir, {recursive: true})
      const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
      temps.push({temp, path})
      writeFileSync(temp, content)
    }
  } catch (e) {
    for (const {temp} of temps) rmSync(temp, {force: true})
    throw new OutputError(
      `cannot write ${temps.at(-1)?.path ?? 'output'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    )
  }
  try {
    for (const {temp, path} of temps) renameSync(temp, path)
  } catch (e) {
    for (const {temp} of temps) rmSync(temp, {force: true})
    throw new OutputError(
      `cannot replace output: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    )
  }
}
