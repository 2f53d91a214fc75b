/**
 * Lists the English vocabulary the French lexicon (data/lexicon.yaml) is compiled from, and the
 * Porter-stem groups that its keep_whole list is judged from:
 *
 *   npx tsx scripts/lexicon-vocabulary.ts words [--relaton /work/shared/data/relaton] [--top 4000]
 *   npx tsx scripts/lexicon-vocabulary.ts stems [--min 5]
 *
 * `words` prints "count word" for content words of the bundled catalogue text (standards' titles
 * and keywords, requirements, deliverables), plus the Relaton abstracts when given, most frequent
 * first. `stems` prints each Porter stem shared by several catalogue words, so a reader can spot
 * unrelated words that stemming would merge (module/modulation).
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {loadCatalogue} from '../src/core/catalogue/index.js'
import {entryBody} from '../src/core/catalogue/types.js'
import {tokenise} from '../src/core/text/normalise.js'
import {stem} from '../src/core/text/stem.js'
import {isStopWord} from '../src/core/text/stopwords.js'

/** Content words only: no stop words, nothing with a digit, nothing shorter than 3 letters. */
function contentWords(text: string): string[] {
  return tokenise(text).filter((w) => w.length > 2 && !/\d/.test(w) && !isStopWord(w))
}

function catalogueCounts(): Map<string, number> {
  const {catalogue} = loadCatalogue('data')
  const counts = new Map<string, number>()
  const entries = [...catalogue.standards, ...catalogue.requirements, ...catalogue.deliverables]
  for (const entry of entries) {
    const text = [entry.title, ...entry.keywords, entry.kind === 'standard' ? '' : entryBody(entry)].join(' ')
    for (const word of contentWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return counts
}

function addRelatonAbstracts(counts: Map<string, number>, folder: string): void {
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue
      const abstract = (JSON.parse(line) as {abstract?: unknown}).abstract
      if (typeof abstract !== 'string') continue
      for (const word of contentWords(abstract)) counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
}

function byCount(counts: Map<string, number>): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

const {positionals, values} = parseArgs({
  allowPositionals: true,
  options: {
    relaton: {type: 'string'},
    top: {type: 'string', default: '4000'},
    min: {type: 'string', default: '5'},
  },
})
const counts = catalogueCounts()
if (positionals[0] === 'stems') {
  const min = Number(values.min)
  const groups = new Map<string, string[]>()
  for (const [word, count] of byCount(counts)) {
    if (count < min) continue
    const key = stem(word, 'en')
    groups.set(key, [...(groups.get(key) ?? []), word])
  }
  for (const [key, words] of groups) if (words.length > 1) console.log(`${key}: ${words.join(' ')}`)
} else {
  if (values.relaton !== undefined) addRelatonAbstracts(counts, values.relaton)
  for (const [word, count] of byCount(counts).slice(0, Number(values.top))) console.log(`${count} ${word}`)
}
