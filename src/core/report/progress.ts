/** A one-line progress bar for stderr, drawn only when a person watches a terminal. */
export interface Progress {
  update(done: number, total: number): void
  done(): void
}

export function progressBar(stream: NodeJS.WriteStream, label: string, enabled: boolean): Progress {
  if (!enabled) return {update: () => {}, done: () => {}}
  let last = -1
  return {
    update(done, total) {
      const width = 30
      const filled = total > 0 ? Math.round((done / total) * width) : width
      if (filled === last && done !== total) return
      last = filled
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`)
    },
    done() {
      stream.write('\r\u001b[2K')
    },
  }
}
