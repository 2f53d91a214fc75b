/** The worker thread of BackgroundScanner: folds and splits the texts it is sent. */
import {workerData} from 'node:worker_threads'
import {serveScans, type ScanWorkerData} from './background-scan.js'

serveScans(workerData as ScanWorkerData)
