/** Walking a folder for input files, shared by the catalogue loader and the importers. */
import {readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {compareText, type Problem} from '../catalogue/problems.js'

/**
 * Every file under `dir`, recursively, in sorted order; hidden entries and `node_modules` are
 * skipped. An entry that cannot be read (a broken link, no permission) is a problem about that
 * file only, not the whole folder.
 */
export function walkFolder(dir: string): {files: string[]; problems: Problem[]} {
  const files: string[] = []
  const problems: Problem[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort(compareText)) {
      if (name.startsWith('.') || name === 'node_modules') continue
      const path = join(folder, name)
      let isDirectory: boolean
      try {
        isDirectory = statSync(path).isDirectory()
      } catch (e) {
        problems.push({
          severity: 'error',
          file: path,
          line: 0,
          message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        })
        continue
      }
      if (isDirectory) walk(path)
      else files.push(path)
    }
  }
  walk(dir)
  return {files, problems}
}
