/** Worker threads, started the same way wherever gapscan uses them. */
import {extname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker, type WorkerOptions} from 'node:worker_threads'

/**
 * Starts the worker module `name` that sits next to the module at `from` (its import.meta.url):
 * the compiled `name.js`, or, when gapscan runs from its TypeScript sources under tsx, `name.ts`
 * through a shim that registers tsx in the new thread first.
 */
export function startWorker(name: string, from: string, options: WorkerOptions = {}): Worker {
  // None of the parent's Node options: gapscan's workers need none, and an inherited loader
  // (`--import tsx`, as the tests and the benchmark run) costs each worker ~0.3 s to start.
  const own = {execArgv: [], ...options}
  if (extname(fileURLToPath(from)) !== '.ts') return new Worker(new URL(`./${name}.js`, from), own)
  const source = new URL(`./${name}.ts`, from).href
  return new Worker(new URL('./worker-tsx.mjs', import.meta.url), {
    ...own,
    argv: [...(own.argv ?? []), source],
  })
}
