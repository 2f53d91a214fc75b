/**
 * Folding and splitting text into tokens on a second thread, ahead of the analyser. Analysing
 * the real job's 52,600 titles and abstracts (4.5 million tokens) is two halves of about equal
 * cost: reading the characters (fold, split, find each distinct token) and weighing the tokens
 * (stems, glossary concepts, bigrams, term ids). The second half must stay on one thread, in
 * batch order, because term ids are handed out in the order terms are first seen; the first half
 * can run ahead.
 *
 * The caller submits chunks of texts and takes each chunk's tokens back in order. Analysis never
 * waits: a chunk the worker has not finished is scanned by the caller itself (and the worker told
 * to skip it), so a slow, late or failed worker costs time, never a different result.
 */
import {MessageChannel, receiveMessageOnPort, type MessagePort, type Worker} from 'node:worker_threads'
import {startWorker} from '../threads.js'
import {foldText} from './normalise.js'
import {TokenTable} from './token-table.js'

/**
 * A chunk's texts as token ids (see `BackgroundScanner.token`): text t's tokens are
 * `tokens[ends[t - 1] … ends[t]]` (from 0 for the first).
 */
export interface ScannedTexts {
  tokens: Int32Array
  ends: Int32Array
}

interface ScanRequest {
  chunk: number
  texts: string[]
}

interface ScanReply extends ScannedTexts {
  chunk: number
  /** Tokens the worker saw for the first time in this chunk, in id order. */
  fresh: string[]
}

/** What the worker is started with. */
export interface ScanWorkerData {
  port: MessagePort
  /** Shared counters: see WANTED and ANSWERED. */
  progress: Int32Array
}

/** progress[WANTED]: the lowest chunk still wanted (the caller scanned the ones below itself). */
const WANTED = 0
/** progress[ANSWERED]: one more than the last chunk the worker has replied to. */
const ANSWERED = 1

export class BackgroundScanner {
  private readonly worker: Worker
  private readonly port: MessagePort
  private readonly progress = new Int32Array(new SharedArrayBuffer(8))
  /** Token ids are the worker's: the token of id i is names[i]. */
  private readonly names: string[] = []
  /** A reply taken from the port ahead of the chunk the caller asked for. */
  private early: ScanReply | undefined
  private taken = 0

  constructor() {
    const {port1, port2} = new MessageChannel()
    this.port = port1
    const workerData: ScanWorkerData = {port: port2, progress: this.progress}
    this.worker = startWorker('scan-worker', import.meta.url, {workerData, transferList: [port2]})
    // A worker that fails only stops answering: the caller then scans every chunk itself.
    this.worker.on('error', () => {})
    // Never keeps the process alive on its own (a caller that stops early may not close it).
    this.worker.unref()
  }

  /** Hands the worker a chunk of texts to scan. Chunks are numbered 0, 1, … in order. */
  submit(chunk: number, texts: string[]): void {
    this.port.postMessage({chunk, texts} satisfies ScanRequest)
  }

  /**
   * The chunk's tokens if the worker has them ready (or within `waitMs`: tests wait, to be sure
   * to see the worker's answers; analysis never does); otherwise undefined, and the worker skips
   * the chunk (the caller scans it). Chunks must be taken in order.
   */
  take(chunk: number, waitMs = 0): ScannedTexts | undefined {
    Atomics.store(this.progress, WANTED, chunk)
    const deadline = Date.now() + waitMs
    let answered = Atomics.load(this.progress, ANSWERED)
    while (answered <= chunk && Date.now() < deadline) {
      Atomics.wait(this.progress, ANSWERED, answered, deadline - Date.now())
      answered = Atomics.load(this.progress, ANSWERED)
    }
    for (;;) {
      const reply = this.early ?? this.receive()
      this.early = undefined
      if (reply === undefined || reply.chunk > chunk) {
        this.early = reply
        Atomics.store(this.progress, WANTED, chunk + 1)
        return undefined
      }
      if (reply.chunk === chunk) {
        this.taken++
        return reply
      }
      // A reply to a chunk the caller scanned itself meanwhile: only its fresh tokens count.
    }
  }

  /** How many chunks the worker has scanned for the caller so far. */
  get answered(): number {
    return this.taken
  }

  /** The token a worker's token id stands for. */
  token(id: number): string {
    return this.names[id]
  }

  close(): void {
    this.port.close()
    void this.worker.terminate()
  }

  private receive(): ScanReply | undefined {
    const reply = receiveMessageOnPort(this.port)?.message as ScanReply | undefined
    // Ids number tokens in the order the worker first saw them, every reply included.
    if (reply) for (const token of reply.fresh) this.names.push(token)
    return reply
  }
}

/** The worker's side: scans each wanted chunk and replies with its token ids. */
export function serveScans({port, progress}: ScanWorkerData): void {
  let fresh: string[] = []
  let next = 0
  const table = new TokenTable<number>((token) => {
    fresh.push(token)
    return next++
  })
  port.on('message', ({chunk, texts}: ScanRequest) => {
    if (chunk < Atomics.load(progress, WANTED)) return
    const ends = new Int32Array(texts.length)
    let tokens = new Int32Array(1024)
    let count = 0
    texts.forEach((text, t) => {
      const ids = table.scan(foldText(text))
      if (count + ids.length > tokens.length) {
        const grown = new Int32Array(Math.max(tokens.length * 2, count + ids.length))
        grown.set(tokens.subarray(0, count))
        tokens = grown
      }
      for (const id of ids) tokens[count++] = id
      ends[t] = count
    })
    const reply: ScanReply = {chunk, tokens, ends, fresh}
    fresh = []
    port.postMessage(reply, [tokens.buffer, ends.buffer])
    Atomics.store(progress, ANSWERED, chunk + 1)
    Atomics.notify(progress, ANSWERED)
  })
}
