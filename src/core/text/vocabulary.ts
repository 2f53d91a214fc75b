/**
 * Term ids. Every term an analyser produces — a stem, a bigram of two stems, a glossary concept —
 * gets a small integer id, and everything downstream (the index, queries, explanations) works on
 * ids. A large corpus has millions of distinct bigrams, nearly all of them rare: building,
 * hashing and comparing a string for each occurrence was most of the cost of indexing. Here a
 * bigram is a pair of ids in an open-addressing table of integers, and its text is built only
 * when someone asks for it.
 */

export type TermId = number

/** A document's or query's terms: term id → weight. */
export type TermWeights = Map<TermId, number>

export const BIGRAM_JOINER = '_'

const EMPTY = -1

export class Vocabulary {
  private readonly wordIds = new Map<string, TermId>()
  /** The text of each word, or undefined for a bigram (see `first`/`second`). */
  private readonly words: (string | undefined)[] = []
  /** For a bigram id, its two parts; -1 for a word. */
  private first: Int32Array<ArrayBuffer> = new Int32Array(1024)
  private second: Int32Array<ArrayBuffer> = new Int32Array(1024)
  /**
   * Open addressing, linear probing, kept at most three-quarters full. Each slot is three
   * integers — the two parts and the bigram id — so a lookup reads one place in memory, not
   * three. A large corpus has ~600,000 bigrams: a table that fits the cache better beat the
   * shorter probes of a half-full one (real job's analysis ~8 % faster).
   */
  private table = new Int32Array(3 << 12).fill(EMPTY)
  private bigrams = 0

  get size(): number {
    return this.words.length
  }

  /** The id of a word (a stem or a concept), added if new. */
  word(text: string): TermId {
    let id = this.wordIds.get(text)
    if (id === undefined) {
      id = this.push(text, EMPTY, EMPTY)
      this.wordIds.set(text, id)
    }
    return id
  }

  /** The id of the bigram of two term ids, added if new. */
  bigram(a: TermId, b: TermId): TermId {
    const table = this.table
    const at = this.slotOf(table, a, b)
    if (table[at + 2] !== EMPTY) return table[at + 2]
    const id = this.push(undefined, a, b)
    table[at] = a
    table[at + 1] = b
    table[at + 2] = id
    // At most three-quarters full: 4 × bigrams > 3 × slots, and a slot is 3 integers.
    if (++this.bigrams * 4 > table.length) this.rehash()
    return id
  }

  /** The id of a term given as text (`secur`, `network_secur`, `#digital-twin`), if known. */
  find(text: string): TermId | undefined {
    const word = this.wordIds.get(text)
    if (word !== undefined) return word
    // A bigram's text is its two words joined; a word never contains the joiner.
    const at = text.indexOf(BIGRAM_JOINER)
    if (at <= 0) return undefined
    const a = this.wordIds.get(text.slice(0, at))
    const b = this.wordIds.get(text.slice(at + 1))
    if (a === undefined || b === undefined) return undefined
    const id = this.table[this.slotOf(this.table, a, b) + 2]
    return id === EMPTY ? undefined : id
  }

  /** The text of a term: the word, or a bigram's two words joined by `_`. */
  text(id: TermId): string {
    const word = this.words[id]
    if (word !== undefined) return word
    return this.text(this.first[id]) + BIGRAM_JOINER + this.text(this.second[id])
  }

  /** A term map keyed by text, for tests and debugging output. */
  named(terms: TermWeights): Map<string, number> {
    return new Map([...terms].map(([id, weight]) => [this.text(id), weight]))
  }

  private push(word: string | undefined, a: TermId, b: TermId): TermId {
    const id = this.words.length
    this.words.push(word)
    if (id >= this.first.length) {
      this.first = grow(this.first)
      this.second = grow(this.second)
    }
    this.first[id] = a
    this.second[id] = b
    return id
  }

  /** Where the pair (a, b) is in the table, or the empty slot where it would go. */
  private slotOf(table: Int32Array, a: TermId, b: TermId): number {
    const slots = table.length / 3
    let slot = pairHash(a, b) & (slots - 1)
    for (;;) {
      const at = slot * 3
      if (table[at + 2] === EMPTY || (table[at] === a && table[at + 1] === b)) return at
      slot = (slot + 1) & (slots - 1)
    }
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(EMPTY)
    for (let id = 0; id < this.words.length; id++) {
      if (this.words[id] !== undefined) continue
      const at = this.slotOf(table, this.first[id], this.second[id])
      table[at] = this.first[id]
      table[at + 1] = this.second[id]
      table[at + 2] = id
    }
    this.table = table
  }
}

/** Mixes two ids into a well-spread 32-bit hash (multiplicative hashing, then a final xor-shift). */
function pairHash(a: number, b: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)
  return (h ^ (h >>> 15)) >>> 0
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2)
  grown.set(array)
  return grown
}
