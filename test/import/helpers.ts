import {cpSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'import')
/** The shared data next to the repository (absent in a lone clone: tests over it skip). */
export const SHARED = resolve(ROOT, '..', 'shared', 'data')

/** Runs `body` on a scratch copy of the fixture catalogue, removed afterwards whatever happens. */
export async function inScratchCatalogue(body: (dir: string) => unknown): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'gapscan-import-'))
  const dir = join(base, 'catalogue')
  cpSync(join(FIXTURES, 'catalogue'), dir, {recursive: true})
  try {
    await body(dir)
  } finally {
    rmSync(base, {recursive: true, force: true})
  }
}
