/**
 * The bundled catalogue may hold facts from its sources but none of their prose: standards carry
 * no abstracts, only short key terms, and our curated texts share no long word run with GovStack.
 */
import {strict as assert} from 'node:assert'
import {existsSync, readFileSync} from 'node:fs'
import {parse} from 'csv-parse/sync'
import {loadCatalogue} from '../../src/core/catalogue/index.js'
import {tokenise} from '../../src/core/text/normalise.js'

const shared = new URL('../../../shared/data/', import.meta.url)
const RUN = 8

function shingles(text: string, size = RUN): Set<string> {
  const words = tokenise(text)
  const out = new Set<string>()
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '))
  return out
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
