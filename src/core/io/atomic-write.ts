/**
 * The one place gapscan writes files. A file is written to a temporary sibling and renamed over
 * its target; a folder of reports is written as a temporary sibling folder and swapped in. A
 * killed run leaves the old output or the new one, never a mix.
 *
 * Temporary files: every failure removes them. For SIGINT, SIGTERM and SIGHUP a handler is
 * installed with the first write: Node then runs it from the event loop, so never in the middle
 * of these synchronous writes; it removes any temporary file still listed and ends the process
 * by the same signal. Only SIGKILL (or a power cut) can leave one: its name carries the writer's
 * process id, and the next write beside it removes those of processes no longer running.
 */
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {OutputError} from '../errors.js'
import {oneLine} from '../catalogue/problems.js'
import {describeFsError} from './fs-error.js'

/** Writes `content` to the file `path`, replacing it in one rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeFilesAtomic([{path, content}])
}

/**
 * Writes a set of files (in any folders) so that none is replaced unless every one could be
 * written: all temporary files first, then all renames.
 */
export function writeFilesAtomic(files: readonly {path: string; content: string | Uint8Array}[]): void {
  const temps: {temp: string; path: string}[] = []
  try {
    for (const {path, content} of files) {
      checkTarget(path, 'file')
      const temp = prepareBeside(path)
      temps.push({temp, path})
      writeFileSync(temp, content, {flag: 'wx'})
    }
    for (const {temp, path} of temps) renameSync(temp, path)
  } catch (e) {
    throw writeError(temps.at(-1)?.path ?? files[0]?.path ?? 'output', e)
  } finally {
    for (const {temp} of temps) removeTemp(temp)
  }
}

/**
 * Writes `files` (names inside `dir`) as the whole content of the folder `dir`: they are written
 * into a temporary folder beside it, which then takes its place. An existing `dir` may only hold
 * files the same command writes (`ownName`) and placeholders such as `.gitkeep` (carried over,
 * so a clone's `reports/` stays as checked out), so a mistaken --out never deletes a person's files.
 */
export function writeFolderAtomic(
  dir: string,
  files: readonly {name: string; content: string | Uint8Array}[],
  ownName: (name: string) => boolean,
): void {
  const placeholders =
    existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).filter(isPlaceholder) : []
  const existing = checkTarget(dir, 'folder')
  if (existing) {
    const foreign = readdirSync(dir).filter((name) => !ownName(name) && !isPlaceholder(name))
    if (foreign.length > 0) {
      throw new OutputError(
        `cannot write ${oneLine(dir)}: it holds files this command did not write (${foreign.slice(0, 3).map(oneLine).join(', ')}${foreign.length > 3 ? ', …' : ''}); choose an empty folder or an earlier report folder`,
      )
    }
  }
  const temp = prepareBeside(dir)
  const old = `${temp}.old`
  live.add(old)
  try {
    mkdirSync(temp)
    for (const {name, content} of files) writeFileSync(join(temp, name), content, {flag: 'wx'})
    for (const name of placeholders) copyFileSync(join(dir, name), join(temp, name))
    // Two renames: the old folder steps aside, the new one takes its name, the old one goes.
    if (existing) renameSync(dir, old)
    try {
      renameSync(temp, dir)
    } catch (e) {
      if (existing) renameSync(old, dir)
      throw e
    }
  } catch (e) {
    removeTemp(temp)
    live.delete(old) // if it could not be put back, it holds the previous reports: keep it
    throw writeError(dir, e)
  }
  removeTemp(temp)
  removeTemp(old)
}

/**
 * Refuses a target that is a symbolic link (replacing it would silently cut the link), a device,
 * pipe or socket, or of the wrong kind (a folder for a file, a file for a folder). Returns
 * whether it exists. Commands call it before a long analysis too, to fail early.
 */
export function checkTarget(path: string, kind: 'file' | 'folder'): boolean {
  let stat: Stats
  try {
    stat = lstatSync(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw writeError(path, e)
  }
  const refuse = (what: string) => new OutputError(`cannot write ${oneLine(path)}: ${what}`)
  if (stat.isSymbolicLink())
    throw refuse('it is a symbolic link (refused rather than replaced; give the path it points to)')
  if (stat.isDirectory()) {
    if (kind === 'file') throw refuse('it is a folder')
    return true
  }
  if (!stat.isFile()) throw refuse('it is a device, pipe or socket, not a regular file (refused)')
  if (kind === 'folder') throw refuse('it is a file, not a folder')
  return true
}

/** Creates the parent folders of `path` and returns a fresh temporary name beside it. */
function prepareBeside(path: string): string {
  const dir = dirname(path)
  try {
    mkdirSync(dir, {recursive: true})
  } catch (e) {
    throw writeError(path, e)
  }
  removeStaleTemps(dir, basename(path))
  const temp = join(dir, `.${basename(path)}.${process.pid}.gapscan-tmp`)
  // One of ours from an earlier process with the same id (after a restart): not in use.
  rmSync(temp, {recursive: true, force: true})
  rmSync(`${temp}.old`, {recursive: true, force: true})
  handleSignals()
  live.add(temp)
  return temp
}

/** Temporary files and folders of this process not yet renamed or removed. */
const live = new Set<string>()

function removeTemp(path: string): void {
  rmSync(path, {recursive: true, force: true})
  live.delete(path)
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
let signalsHandled = false

function handleSignals(): void {
  if (signalsHandled) return
  signalsHandled = true
  for (const signal of SIGNALS) {
    const handler = () => {
      for (const path of [...live]) removeTemp(path)
      // Die by the signal, as without a handler, so the caller sees what ended the run.
      process.removeListener(signal, handler)
      process.kill(process.pid, signal)
    }
    process.on(signal, handler)
  }
}

const TEMP = /^\.(.+)\.(\d+)\.gapscan-tmp(\.old)?$/

/** Removes temporary files and folders beside a target left by writers that were killed. */
function removeStaleTemps(dir: string, name: string): void {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  for (const entry of entries) {
    const match = TEMP.exec(entry)
    if (match && match[1] === name && !isRunning(Number(match[2])))
      rmSync(join(dir, entry), {recursive: true, force: true})
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function writeError(path: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e
  return new OutputError(`cannot write ${oneLine(path)}: ${describeFsError(e)}`)
}

/** Files that only keep a folder in version control. */
function isPlaceholder(name: string): boolean {
  return name === '.gitkeep'
}
