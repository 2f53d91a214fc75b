/** Input files for importers: named files, and folders expanded (recursively, sorted). Reading is io/read-text.ts. */
import {statSync} from 'node:fs'
import {extname} from 'node:path'
import type {Problem} from '../catalogue/problems.js'
import {walkFolder} from '../io/walk.js'

/** Files under `paths` whose extension is one of `extensions` (lower-case, with dot); named files are kept whatever their extension. */
export function listInputFiles(
  paths: readonly string[],
  extensions: readonly string[],
): {files: string[]; problems: Problem[]} {
  const files: string[] = []
  const problems: Problem[] = []
  for (const path of paths) {
    let isDir: boolean
    try {
      isDir = statSync(path).isDirectory()
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      problems.push({
        severity: 'error',
        file: path,
        line: 0,
        message: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code}`,
      })
      continue
    }
    if (isDir) {
      const walked = walkFolder(path)
      problems.push(...walked.problems)
      const found = walked.files.filter((file) => extensions.includes(extname(file).toLowerCase()))
      files.push(...found)
      if (found.length === 0) {
        problems.push({
          severity: 'error',
          file: path,
          line: 0,
          message: `no ${extensions.join(', ')} files in this folder`,
        })
      }
    } else files.push(path)
  }
  return {files, problems}
}
