/**
 * The bundled catalogue may hold facts from its sources but none of their prose: standards carry
 * no abstracts, only short key terms and an unordered bag of derived words, and our curated texts
 * share no long word run with GovStack.
 */
import {strict as assert} from 'node:assert'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {parse} from 'csv-parse/sync'
import {loadCatalogue} from '../../src/core/catalogue/index.js'
import {lightForm, tokenise} from '../../src/core/text/normalise.js'

const shared = new URL('../../../shared/data/', import.meta.url)
const RUN = 8

function shingles(text: string, size = RUN): Set<string> {
  const words = tokenise(text)
  const out = new Set<string>()
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '))
  return out
}

/**
 * The longest run of the text's words that its key terms cover when laid end to end where each
 * occurs in the text (words compared in their light form, as the extractor folds plurals).
 */
function longestCoveredRun(text: string, terms: readonly string[]): string[] {
  const words = tokenise(text)
  const forms = words.map(lightForm)
  const covered = new Array<boolean>(words.length).fill(false)
  for (const term of terms) {
    const t = tokenise(term).map(lightForm)
    if (t.length === 0) continue
    for (let i = 0; i + t.length <= forms.length; i++) {
      if (!t.every((w, j) => forms[i + j] === w)) continue
      for (let j = 0; j < t.length; j++) covered[i + j] = true
    }
  }
  // Terms that touch or overlap form one run.
  let best: string[] = []
  for (let i = 0; i < words.length; ) {
    if (!covered[i]) {
      i++
      continue
    }
    let end = i
    while (end < words.length && covered[end]) end++
    if (end - i > best.length) best = words.slice(i, end)
    i = end
  }
  return best
}

describe('bundled data provenance', function () {
  this.timeout(120_000)
  const {catalogue, problems} = loadCatalogue('data')

  it('validates with no errors', () => {
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
    )
  })

  it('ships no abstracts: standards have no summary and key terms of at most 3 words', () => {
    assert.equal(catalogue.standards.filter((s) => s.summary !== undefined).length, 0)
    const long = catalogue.standards.flatMap((s) => s.keywords.filter((k) => k.split(/\s+/).length > 3))
    assert.deepEqual(long.slice(0, 5), [])
  })

  it('derived terms are single words, sorted and unique, none of them a title word', () => {
    const bad = catalogue.standards.filter((s) => {
      const terms = s.derivedTerms
      if (!terms) return false
      const sorted = [...new Set(terms)].sort()
      const title = new Set(tokenise(s.title))
      return (
        terms.length > 48 ||
        terms.some((t, i) => t !== sorted[i] || /\s/.test(t) || title.has(t)) ||
        sorted.length !== terms.length
      )
    })
    assert.deepEqual(
      bad.slice(0, 5).map((s) => s.id),
      [],
    )
    // Every body with abstracts in its source has them (the ITU-T's too).
    const orgs = new Set(catalogue.standards.filter((s) => s.derivedTerms).map((s) => s.org))
    for (const org of ['ITU-T', 'ISO', 'IEC', 'IEEE', 'ETSI', 'OASIS', 'IETF', 'OGC', 'OpenID Foundation'])
      assert.ok(orgs.has(org), org)
  })

  it('ships no 8-word run of any body\'s abstract in the key terms and derived terms of its standard', function () {
    const relaton = new URL('relaton/', shared)
    if (!existsSync(relaton)) this.skip()
    const byId = new Map(catalogue.standards.map((s) => [s.id, s]))
    const files = readdirSync(relaton).filter((f) => f.endsWith('-latest.jsonl'))
    assert.ok(files.length >= 11, files.join(' '))
    const hits: string[] = []
    let compared = 0
    for (const file of files) {
      for (const line of readFileSync(new URL(file, relaton), 'utf8').split('\n')) {
        if (!line) continue
        const record = JSON.parse(line) as {number: string; abstract?: string}
        const standard = byId.get(record.number)
        if (!record.abstract || !standard) continue
        compared++
        // Derived terms as shipped (sorted); key terms in whatever order a reader puts them.
        const source = shingles(record.abstract)
        for (const s of shingles((standard.derivedTerms ?? []).join(' ')))
          if (source.has(s)) hits.push(`${file} ${record.number}: ${s}`)
        const chain = longestCoveredRun(record.abstract, standard.keywords)
        if (chain.length >= RUN) hits.push(`${file} ${record.number}: ${chain.join(' ')}`)
      }
    }
    assert.ok(compared > 40_000, `compared ${compared}`)
    assert.deepEqual(hits.slice(0, 5), [])
  })

  it('derives study groups only for in-force ITU-T texts (209), and names successors that exist', () => {
    const derived = catalogue.standards.filter((s) => s.sgDerived)
    assert.equal(derived.length, 209)
    assert.deepEqual(
      derived.filter((s) => s.org !== 'ITU-T' || s.status !== 'in-force' || s.sg === undefined).map((s) => s.id),
      [],
    )
    const ids = new Set(catalogue.standards.map((s) => s.id))
    const replaced = catalogue.standards.filter((s) => s.replacedBy)
    assert.equal(replaced.length, 1384)
    assert.deepEqual(
      replaced.filter((s) => s.status !== 'withdrawn' || !s.replacedBy?.every((id) => ids.has(id))).map((s) => s.id),
      [],
    )
  })

  it('gives every entry a source URL', () => {
    const all = [...catalogue.deliverables, ...catalogue.requirements, ...catalogue.standards, ...catalogue.studyGroups]
    assert.deepEqual(
      all.filter((e) => !e.sourceUrl).map((e) => e.id),
      [],
    )
  })

  it('has curated requirements that share no 8-word run with the GovStack statements', function () {
    const csv = new URL('govstack/requirements.csv', shared)
    if (!existsSync(csv)) this.skip()
    const rows = parse(readFileSync(csv), {columns: true}) as {text: string}[]
    const source = new Set<string>()
    for (const row of rows) for (const s of shingles(row.text)) source.add(s)
    const copied = catalogue.requirements.flatMap((r) => [...shingles(`${r.title}. ${r.text}`)].filter((s) => source.has(s)).map((s) => `${r.id}: ${s}`))
    assert.deepEqual(copied, [])
  })

  it('has no 12-word run of an ITU-T abstract in any summary or text of the catalogue', function () {
    const jsonl = new URL('relaton/itu-t-latest.jsonl', shared)
    if (!existsSync(jsonl)) this.skip()
    const source = new Set<string>()
    for (const line of readFileSync(jsonl, 'utf8').split('\n')) {
      if (!line) continue
      const abstract = (JSON.parse(line) as {abstract?: string}).abstract
      if (abstract) for (const s of shingles(abstract, 12)) source.add(s)
    }
    // Titles are facts, and key terms are at most three words (checked above): the prose that
    // could be copied is in summaries, requirement texts and the titles we wrote ourselves.
    const prose = [
      ...catalogue.deliverables.map((d) => ({id: d.id, text: d.summary ?? ''})),
      ...catalogue.requirements.map((r) => ({id: r.id, text: `${r.title}. ${r.text}`})),
      ...catalogue.studyGroups.map((g) => ({id: g.id, text: g.summary ?? ''})),
      ...catalogue.standards.map((s) => ({id: s.id, text: s.summary ?? ''})),
    ]
    const hits: string[] = []
    for (const {id, text} of prose) for (const s of shingles(text, 12)) if (source.has(s)) hits.push(`${id}: ${s}`)
    assert.deepEqual(hits.slice(0, 5), [])
  })
})
