/**
 * External-file mode: queries and a corpus as JSON Lines (`{"id": …, "text": …}`), results as
 * JSON Lines (`{"query": id, "matches": [{"id", "score"}, …]}`), timing on stderr.
 */
import {DEFAULT_CONFIG} from '../dist/core/config.js'
import {writeFileSync} from 'node:fs'
import {compareText} from '../dist/core/catalogue/problems.js'
import {MatchIndex, type IndexDocument} from '../dist/core/match/index.js'
import {roundScore} from '../dist/core/match/matcher.js'
import {Analyser, type TextFields} from '../dist/core/text/analyse.js'
import {loadGlossary} from '../dist/core/text/glossary.js'
import type {TermWeights} from '../dist/core/text/vocabulary.js'
import {forEachJsonLine, isRecord} from './jsonl.js'
import {maxRssKb, now} from './measure.js'

export interface ExternalOptions {
  queries: string
  corpus: string
  out?: string
  k: number
  glossary?: string
}

const byScoreThenId = (a: {id: string; score: number}, b: {id: string; score: number}): number =>
  b.score - a.score || compareText(a.id, b.id)

/** Every line's id and text, as fields to analyse. */
function readTexts(path: string): {ids: string[]; texts: TextFields[]} {
  const ids: string[] = []
  const texts: TextFields[] = []
  forEachJsonLine(path, (value, line) => {
    if (!isRecord(value) || value.id === undefined || typeof value.text !== 'string') {
      throw new Error(`${path}:${line}: expected {"id": …, "text": "…"}`)
    }
    ids.push(String(value.id))
    texts.push({title: '', body: value.text})
  })
  return {ids, texts}
}

/**
 * The k best matches with scores rounded to 4 decimals and ties (after rounding) broken by id.
 * Asks the index for more hits until the first hit left out rounds lower than the k-th, so a
 * document that ties after rounding is never cut off by the index's own order.
 */
export function topMatches(index: MatchIndex, terms: TermWeights, k: number): {id: string; score: number}[] {
  let want = k
  for (;;) {
    const hits = index.search(terms, want + 1)
    const exhausted = hits.length <= want
    if (exhausted || roundScore(hits[want].score) < roundScore(hits[k - 1].score)) {
      return hits
        .slice(0, exhausted ? hits.length : want)
        .map((h) => ({id: index.ids[h.doc], score: roundScore(h.score)}))
        .sort(byScoreThenId)
        .slice(0, k)
    }
    want *= 2
  }
}

export function runExternal(options: ExternalOptions): void {
  const start = now()
  const glossary = options.glossary ? loadGlossary(options.glossary) : undefined
  const analyser = new Analyser({weights: DEFAULT_CONFIG.weights, bigrams: DEFAULT_CONFIG.bigrams, glossary})
  const corpus = readTexts(options.corpus)
  const queryTexts = readTexts(options.queries)
  const readMs = now() - start

  // Analysed as batches, as the product does (a large batch's text is read on a second thread).
  let t0 = now()
  const analyseAll = ({ids, texts}: {ids: string[]; texts: TextFields[]}) =>
    Array.from(analyser.analyseMany(texts), ({terms}, i) => ({id: ids[i], terms}))
  const documents: IndexDocument[] = analyseAll(corpus)
  const queries = analyseAll(queryTexts)
  const analyseMs = now() - t0

  t0 = now()
  const index = new MatchIndex(documents)
  const indexMs = now() - t0
  const corpusSize = documents.length
  documents.length = 0

  t0 = now()
  const lines: string[] = []
  for (const query of queries) {
    lines.push(JSON.stringify({query: query.id, matches: topMatches(index, query.terms, options.k)}))
  }
  const searchMs = now() - t0
  const output = lines.length > 0 ? lines.join('\n') + '\n' : ''
  if (options.out) writeFileSync(options.out, output)
  else process.stdout.write(output)

  const s = (ms: number) => (ms / 1000).toFixed(3)
  process.stderr.write(
    `gapscan bench: ${queries.length} queries × ${corpusSize} documents, top ${options.k}\n` +
      `  read+parse ${s(readMs)} s, analyse ${s(analyseMs)} s, index ${s(indexMs)} s, search ${s(searchMs)} s, ` +
      `total ${s(now() - start)} s, peak RSS ${(maxRssKb() / 1024).toFixed(0)} MB\n` +
      (options.out ? `  wrote ${options.out}\n` : ''),
  )
}
