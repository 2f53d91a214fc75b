/** Deterministic pseudo-random numbers for the synthetic corpus: mulberry32 and a string hash. */

export type Rng = () => number

/** mulberry32: a tiny, fast 32-bit generator; uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes integers into one 32-bit seed (murmur3 finaliser), so each document has its own stream. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
  }
  return h >>> 0
}

export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

/** Fisher–Yates, in place. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1+q)^s (Zipf–Mandelbrot; q = 0 is plain Zipf) by
 * binary search in a cumulative table. The offset q flattens the head, as in text whose function
 * words have been removed.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array

  constructor(
    readonly n: number,
    s = 1.07,
    q = 0,
  ) {
    this.cumulative = new Float64Array(n)
    let sum = 0
    for (let r = 0; r < n; r++) {
      sum += 1 / Math.pow(r + 1 + q, s)
      this.cumulative[r] = sum
    }
    for (let r = 0; r < n; r++) this.cumulative[r] /= sum
  }

  sample(rng: Rng): number {
    const u = rng()
    let lo = 0
    let hi = this.n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid] < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
