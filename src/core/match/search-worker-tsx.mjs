// Development only: starts the search worker from TypeScript sources (tests and benchmarks run
// under tsx, whose loader does not follow into worker threads on Node 20). Built code starts
// dist/core/match/search-worker.js directly.
import {register} from 'tsx/esm/api'

register()
await import('./search-worker.ts')
