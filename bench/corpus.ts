/**
 * A seeded synthetic corpus of standards-like texts. Texts are generated on demand from
 * (seed, kind, index), never stored: a 100,000-document corpus is produced one document at a time,
 * so the generator holds only the vocabulary and the topic tables.
 *
 * Model: a vocabulary of a few thousand technical words with Zipf frequencies; topics, each a
 * small Zipf-weighted set of words; a document picks a topic and mixes its words with general
 * vocabulary and function words. Subjects are drawn from the same topics, so they have matches.
 */
import {mixSeed, mulberry32, randomInt, ZipfSampler, type Rng} from './prng.js'
import {buildVocabulary, FUNCTION_WORDS} from './vocabulary.js'

export interface SyntheticText {
  id: string
  title: string
  body: string
}

export interface CorpusSize {
  name: string
  subjects: number
  standards: number
}

export const SIZES: CorpusSize[] = [
  {name: 'small', subjects: 500, standards: 2_000},
  {name: 'medium', subjects: 5_000, standards: 20_000},
  {name: 'large', subjects: 20_000, standards: 100_000},
]

const TOPIC_WORDS = 24
const STANDARD = 1
const SUBJECT = 2

export class SyntheticCorpus {
  readonly vocabulary: string[]
  private readonly global: ZipfSampler
  private readonly inTopic = new ZipfSampler(TOPIC_WORDS, 0.8)
  private readonly topics: Int32Array[]

  constructor(
    readonly size: CorpusSize,
    readonly seed = 20_240_917,
  ) {
    const rng = mulberry32(seed)
    this.vocabulary = buildVocabulary(rng)
    // Zipf–Mandelbrot, q = 10: the most frequent word is in about a third of the documents, like
    // the most frequent content word of the Relaton snapshots ("system", 36 %).
    this.global = new ZipfSampler(this.vocabulary.length, 1.07, 10)
    // About 25 standards per topic; topic words avoid the 100 most frequent (general) words.
    const topicCount = Math.max(40, Math.round(size.standards / 25))
    this.topics = []
    for (let t = 0; t < topicCount; t++) {
      const words = new Int32Array(TOPIC_WORDS)
      for (let w = 0; w < TOPIC_WORDS; w++) words[w] = randomInt(rng, 100, this.vocabulary.length - 1)
      this.topics.push(words)
    }
  }

  standard(i: number): SyntheticText {
    return this.text(
      `STD-${String(i + 1).padStart(6, '0')}`,
      mulberry32(mixSeed(this.seed, STANDARD, i)),
      0.55,
    )
  }

  subject(i: number): SyntheticText {
    return this.text(
      `SUBJ-${String(i + 1).padStart(5, '0')}`,
      mulberry32(mixSeed(this.seed, SUBJECT, i)),
      0.45,
    )
  }

  private text(id: string, rng: Rng, topicShare: number): SyntheticText {
    const topic = this.topics[Math.floor(rng() * this.topics.length)]
    // A second, minor topic makes near misses and partial overlaps, as in real catalogues.
    const second = this.topics[Math.floor(rng() * this.topics.length)]
    const word = (): string => {
      const u = rng()
      if (u < topicShare) return this.vocabulary[topic[this.inTopic.sample(rng)]]
      if (u < topicShare + 0.1) return this.vocabulary[second[this.inTopic.sample(rng)]]
      return this.vocabulary[this.global.sample(rng)]
    }
    const sentence = (count: number, capital: boolean): string => {
      const parts: string[] = []
      for (let n = 0; n < count; n++) {
        parts.push(n > 0 && rng() < 0.3 ? FUNCTION_WORDS[Math.floor(rng() * FUNCTION_WORDS.length)] : word())
      }
      if (capital) parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1)
      return parts.join(' ')
    }
    const title = sentence(randomInt(rng, 6, 15), true)
    let remaining = randomInt(rng, 30, 80)
    const sentences: string[] = []
    while (remaining > 0) {
      const n = Math.min(remaining, randomInt(rng, 8, 20))
      sentences.push(sentence(n, true))
      remaining -= n
    }
    return {id, title, body: sentences.join('. ') + '.'}
  }
}
