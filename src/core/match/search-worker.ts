/** A worker thread of searchMany: searches its run of queries and posts the hits back. */
import {parentPort, workerData} from 'node:worker_threads'
import {runSearchJob, type SearchJob} from './search-many.js'

const hits = runSearchJob(workerData as SearchJob)
parentPort!.postMessage(hits, [hits.offsets.buffer, hits.docs.buffer, hits.scores.buffer])
