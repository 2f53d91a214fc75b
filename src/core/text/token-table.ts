/**
 * Distinct tokens and what is known of each, looked up straight from the text. A corpus repeats a
 * small vocabulary (52,600 titles and abstracts: 4.5 million tokens, 43,000 distinct), so the
 * analyser works each distinct token out once; finding it again by its characters in the text,
 * with a hash computed while scanning, spares making a string of every token and hashing it again.
 */

const WORD_CHAR = /^[\p{L}\p{N}]$/u
/** Per BMP code unit: 0 not classified yet, 1 letter or digit, 2 neither. */
const bmpClass = new Uint8Array(0x10000)

/**
 * Code units of the letter or digit (`[\p{L}\p{N}]`, the definition of a word character) at `i`:
 * 2 for one outside the BMP, 0 if there is none. Decided by hand: a regular expression would make
 * a string of every token before it could be looked up.
 */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0
  if (c >= 0xd800 && c <= 0xdbff) {
    const point = text.codePointAt(i)!
    return point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0
  }
  let kind = bmpClass[c]
  if (kind === 0) bmpClass[c] = kind = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2
  return kind === 1 ? 1 : 0
}

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193

export class TokenTable<Entry> {
  private keys: (string | undefined)[]
  private values: (Entry | undefined)[]
  private hashes: Int32Array
  private count = 0

  /**
   * `make` works out a new token's entry. Past `limit` distinct tokens, new ones are worked out
   * each time and not kept, so a process fed an endless stream of new words stays bounded.
   * `slots` (a power of two) is the starting size: small for a table that sees one short text.
   */
  constructor(
    private readonly make: (token: string) => Entry,
    private readonly limit = 500_000,
    slots = 1024,
  ) {
    this.keys = new Array(slots)
    this.values = new Array(slots)
    this.hashes = new Int32Array(slots)
  }

  get size(): number {
    return this.count
  }

  /** The entry of one token (a word `scan` would find), added if new. */
  lookup(token: string): Entry {
    let hash = FNV_OFFSET
    for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME)
    return this.entry(token, 0, token.length, hash)
  }

  /** The entries of a folded text's words (runs of letters and digits), in order. */
  scan(folded: string): Entry[] {
    const out: Entry[] = []
    const n = folded.length
    let i = 0
    while (i < n) {
      let hash = FNV_OFFSET
      let end = i
      while (end < n) {
        const length = wordCharLength(folded, end)
        if (length === 0) break
        hash = Math.imul(hash ^ folded.charCodeAt(end), FNV_PRIME)
        if (length === 2) hash = Math.imul(hash ^ folded.charCodeAt(end + 1), FNV_PRIME)
        end += length
      }
      if (end === i) i++
      else {
        out.push(this.entry(folded, i, end, hash))
        i = end
      }
    }
    return out
  }

  private entry(text: string, start: number, end: number, hash: number): Entry {
    const mask = this.keys.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot]
      if (key === undefined) break
      if (this.hashes[slot] === hash && sameChars(key, text, start, end)) return this.values[slot]!
    }
    // A copy, not a slice: V8 makes a long slice a view of the whole text, and a kept token
    // would keep every text it was first seen in alive.
    const token = ` ${text.slice(start, end)}`.slice(1)
    const entry = this.make(token)
    if (this.count < this.limit) this.insert(token, entry, hash)
    return entry
  }

  private insert(token: string, entry: Entry, hash: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow()
    const mask = this.keys.length - 1
    let slot = hash & mask
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask
    this.keys[slot] = token
    this.values[slot] = entry
    this.hashes[slot] = hash
    this.count++
  }

  private grow(): void {
    const {keys, values, hashes} = this
    this.keys = new Array(keys.length * 2)
    this.values = new Array(keys.length * 2)
    this.hashes = new Int32Array(keys.length * 2)
    this.count = 0
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot]
      if (key !== undefined) this.insert(key, values[slot]!, hashes[slot])
    }
  }
}

function sameChars(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false
  return true
}
