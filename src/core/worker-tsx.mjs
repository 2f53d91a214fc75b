// Development only: starts a worker module from TypeScript sources when the code runs under tsx
// (the tests do; tsx's loader does not follow into worker threads on Node 20). The module's URL
// is the last argument. Built code, which the benchmark and bin/run.js run, starts the compiled
// worker directly (see threads.ts).
import {argv} from 'node:process'
import {register} from 'tsx/esm/api'

register()
await import(argv.at(-1))
