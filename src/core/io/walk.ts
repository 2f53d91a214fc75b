/** Walking a folder for input files, shared by the catalogue loader and the importers. */
import {readdirSync, realpathSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {compareText, type Problem} from '../catalogue/problems.js'
import {describeFsError} from './fs-error.js'

/**
 * Every file under `dir`, recursively, in sorted order; hidden entries and `node_modules` are
 * skipped. Symbolic links are followed once: a link to a folder already being walked (a loop,
 * e.g. a link to an ancestor) or already walked is a problem, not a second walk. An entry that
 * cannot be read (a broken link, no permission) is a problem about that entry only.
 */
export function walkFolder(dir: string): {files: string[]; problems: Problem[]} {
  const files: string[] = []
  const problems: Problem[] = []
  const problem = (file: string, message: string) =>
    problems.push({severity: 'error', file, line: 0, message})
  const walked = new Set<string>()
  const walk = (folder: string) => {
    walked.add(realpathSync(folder))
    for (const name of readdirSync(folder).sort(compareText)) {
      if (name.startsWith('.') || name === 'node_modules') continue
      const path = join(folder, name)
      let isDirectory: boolean
      try {
        isDirectory = statSync(path).isDirectory()
      } catch (e) {
        problem(path, `cannot read: ${describeFsError(e)}`)
        continue
      }
      if (!isDirectory) {
        files.push(path)
        continue
      }
      const real = realpathSync(path)
      if (walked.has(real)) problem(path, `link to a folder already read (${real}): skipped, to avoid a loop`)
      else walk(path)
    }
  }
  walk(dir)
  return {files, problems}
}
