// Development only: starts the search worker from TypeScript sources when the code runs under
// tsx (the tests do; tsx's loader does not follow into worker threads on Node 20). Built code,
// which the benchmark and bin/run.js run, starts dist/core/match/search-worker.js directly.
import {register} from 'tsx/esm/api'

register()
await import('./search-worker.ts')
