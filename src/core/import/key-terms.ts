/**
 * A small, deterministic key-term extractor: turns a paragraph (e.g. a standard's abstract) into a
 * few short terms (1–3 words, no stop words) so that a catalogue can keep what a text is about
 * without keeping the text. Terms are runs of words between stop words and punctuation; every
 * 1–3-word slice of a run is a candidate (plurals folded: "twins" counts as "twin"). Candidates are
 * ranked by frequency weighted by length (occurrences × words, so "digital twin" seen twice ranks
 * above "digital" seen three times), then by first position; a candidate contained in (or
 * containing, or overlapping the end or start of) a term already chosen is skipped.
 */

import {lightForm, tokenise} from '../text/normalise.js'

const STOP_WORDS = new Set(
  `a about above according across after again against all almost along also although always am among an and another
any are aren't around as at based be became because been before being below between both but by can cannot could
did do does doing done down during each either else etc even ever every for from further given had has have having
he her here hers herself him himself his how however i if in into is isn't it it's its itself just least less like
made mainly make makes many may might more most much must my namely near need needs neither no nor not now of off
often on once one only onto or other others otherwise our ours out over own per rather same shall she should since so
some such than that the their theirs them themselves then there thereby therefore these they this those though through
throughout thus to together too toward towards under until up upon us use used uses using various very via was we well
were what when where whether which while who whom whose why will with within without would yet you your
recommendation recommendations supplement amendment corrigendum erratum annex appendix clause document documents
standard specification itu itu-t iso iec ieee etsi series part paper new version edition revision revised
describe describes described define defines defined provide provides provided specify specifies specified present
presents presented introduce introduces introduced contain contains contained give gives include includes included
including cover covers covered address addresses addressed consider considers considered aim aims intended allow
allows enable enables identify identifies identified propose proposes proposed outline outlines discuss discusses
focus focuses apply applies applied related relevant respectively e.g i.e various several certain particular general
following first second third two three four five six seven eight nine ten establish establishes
achieve achieves specific available important possible increasing whenever optional able way ways
help helps helping helped improve improves improving improved objective objectives
memo rfc rfcs regarding referred obsoletes behalf`.split(/\s+/),
)

/** Whether a word is one the key-term extractor treats as boilerplate (function words, "describes"…). */
export function isKeyTermStopWord(word: string): boolean {
  return STOP_WORDS.has(word)
}

const WORD = /^[a-z0-9][a-z0-9.'/+-]*[a-z0-9+]$|^[a-z]$/

export interface KeyTermOptions {
  /** How many terms to return at most (default 8). */
  max?: number
}

/** Up to `max` short key terms of `text`, lower-case, most salient first. */
export function keyTerms(text: string, opts: KeyTermOptions = {}): string[] {
  const max = opts.max ?? 8
  if (max <= 0 || !text.trim()) return []
  const runs = wordRuns(text)
  const stats = new Map<string, {count: number; words: number; first: number}>()
  let position = 0
  for (const run of runs) {
    for (let start = 0; start < run.length; start++) {
      for (let len = 1; len <= 3 && start + len <= run.length; len++) {
        const term = run.slice(start, start + len).join(' ')
        const stat = stats.get(term)
        if (stat) stat.count++
        else stats.set(term, {count: 1, words: len, first: position})
        position++
      }
    }
  }
  const occurrences = occurrenceFinder(text)
  const ranked = [...stats.entries()]
    .filter(([term, s]) => s.words > 1 || isContentWord(term))
    .sort(([a, x], [b, y]) => y.count * y.words - x.count * x.words || x.first - y.first || (a < b ? -1 : 1))
  const chosen: string[] = []
  const spans: Span[] = []
  for (const [term] of ranked) {
    if (chosen.length >= max) break
    const padded = ` ${term} `
    if (chosen.some((c) => ` ${c} `.includes(padded) || padded.includes(` ${c} `) || overlaps(c, term)))
      continue
    // Terms that continue each other in the text read back as one run ("providing highly
    // accurate" + "real time vascular" + "blood pressure level"): such a chain stays under 8 words.
    const own = occurrences(term)
    const withOwn = [...spans, ...own] // a repeated term can chain with itself
    if (own.some((span) => chainLength(withOwn, span) > MAX_CHAIN)) continue
    chosen.push(term)
    spans.push(...own)
  }
  return chosen
}

/** The longest run of the source's words chosen terms may cover together (the provenance rule: no 8). */
const MAX_CHAIN = 7

/** How many consecutive tokens of the text `span` and the chosen spans touching it cover together. */
function chainLength(spans: readonly Span[], span: Span): number {
  let {from, to} = span
  for (let grown = true; grown;) {
    grown = false
    for (const s of spans) {
      // Touching or overlapping, and reaching further on either side.
      if (s.from <= to && s.to >= from && (s.from < from || s.to > to)) {
        from = Math.min(from, s.from)
        to = Math.max(to, s.to)
        grown = true
      }
    }
  }
  return to - from
}

interface Span {
  from: number
  to: number
}

/**
 * Where a term occurs in the text, as the matcher (and the provenance test) reads both: in tokens
 * (`q.1990` is two, punctuation none, so words on both sides of a comma are neighbours), compared
 * in their light form (plurals folded).
 */
function occurrenceFinder(text: string): (term: string) => Span[] {
  const forms = tokenise(text).map(lightForm)
  const positions = new Map<string, number[]>()
  forms.forEach((form, i) => {
    const list = positions.get(form)
    if (list) list.push(i)
    else positions.set(form, [i])
  })
  return (term) => {
    const t = tokenise(term).map(lightForm)
    if (t.length === 0) return []
    const found = (positions.get(t[0]) ?? []).filter((i) => t.every((w, j) => forms[i + j] === w))
    return found.map((i) => ({from: i, to: i + t.length}))
  }
}

/** Runs of content words, split at stop words, punctuation and numbers-only tokens. */
function wordRuns(text: string): string[][] {
  const runs: string[][] = []
  let run: string[] = []
  const flush = () => {
    if (run.length > 0) runs.push(run)
    run = []
  }
  // Sentence punctuation ends a run; so does a full stop glued to the next sentence ("ends.Next").
  const pieces = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/([a-z)])\.(?=[A-Za-z]{2})/g, '$1 . ')
    .split(/(\s+|[,;:!?()[\]{}"“”«»]|\.(?=\s|$)|—|–)/)
  for (const raw of pieces) {
    if (raw === undefined) continue
    const token = raw.trim().replace(/^['-]+|['.-]+$/g, '')
    if (token === '') {
      if (raw.trim() !== '') flush()
      continue
    }
    // Document and work-item references ("REN/ERM-TG28-505", "M/536") are codes, not terms.
    const reference = token.includes('/') && /\d/.test(token)
    if (
      !WORD.test(token) ||
      STOP_WORDS.has(token) ||
      /^[\d.,/-]+$/.test(token) ||
      reference ||
      token.length > 40
    ) {
      flush()
      continue
    }
    run.push(singular(token.endsWith("'s") ? token.slice(0, -2) : token))
  }
  flush()
  return runs
}

/** Whether the end of one term is the start of the other ("driven digital" in "3d intelligent driven" / "driven digital human"). */
function overlaps(a: string, b: string): boolean {
  const x = a.split(' ')
  const y = b.split(' ')
  const joined = (words: string[]) => words.join(' ')
  for (let n = 1; n < Math.min(x.length, y.length) + 1; n++) {
    if (n < x.length && joined(x.slice(-n)) === joined(y.slice(0, n))) return true
    if (n < y.length && joined(y.slice(-n)) === joined(x.slice(0, n))) return true
  }
  return false
}

/** A light plural fold: cities → city, twins → twin, services → service (never ss/us/is endings). */
function singular(word: string): string {
  if (word.length <= 4 || !/^[a-z]+$/.test(word) || word === 'series' || word === 'species') return word
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (/(ss|us|is|ics)$/.test(word)) return word
  if (/(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('s')) return word.slice(0, -1)
  return word
}

function isContentWord(term: string): boolean {
  return term.length >= 3 || /\d/.test(term)
}
