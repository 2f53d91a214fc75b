/**
 * The real job: GovStack's requirement statements against every standard of the Relaton
 * snapshots (title + abstract), with the repository's glossary.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {loadavg} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {MatchIndexBuilder} from '../dist/core/match/index.js'
import {Analyser, DEFAULT_WEIGHTS} from '../dist/core/text/analyse.js'
import {loadGlossary} from '../dist/core/text/glossary.js'
import type {TermWeights} from '../dist/core/text/vocabulary.js'
import {forEachJsonLine, isRecord} from './jsonl.js'
import {maxRssKb, now, searchAll} from './measure.js'

export interface RealFigures {
  kind: 'real'
  queries: number
  standards: number
  glossaryMs: number
  /** Reading and parsing the CSV and JSON Lines files (not analysis). */
  loadMs: number
  analyseMs: number
  indexMs: number
  searchMs: number
  maxRssKb: number
  matchedShare: number
  meanTopScore: number
  loadAtStart: number
}

export function realDataPaths(dataDir: string): {requirements: string; relaton: string[]} | undefined {
  const requirements = join(dataDir, 'govstack', 'requirements.csv')
  const relatonDir = join(dataDir, 'relaton')
  if (!existsSync(requirements) || !existsSync(relatonDir)) return undefined
  const relaton = readdirSync(relatonDir)
    .filter((f) => f.endsWith('-latest.jsonl'))
    .sort()
    .map((f) => join(relatonDir, f))
  return relaton.length > 0 ? {requirements, relaton} : undefined
}

export async function runReal(dataDir: string, glossaryPath: string): Promise<RealFigures> {
  const paths = realDataPaths(dataDir)
  if (!paths) throw new Error(`${dataDir}: no GovStack requirements or Relaton snapshots`)
  const loadAtStart = loadavg()[0]
  let t0 = now()
  const glossary = loadGlossary(glossaryPath)
  const glossaryMs = now() - t0
  const analyser = new Analyser({weights: DEFAULT_WEIGHTS, bigrams: true, glossary})

  let analyseMs = 0
  const analysed = (title: string, body: string | undefined): TermWeights => {
    const start = now()
    const terms = analyser.analyse({title, body}).terms
    analyseMs += now() - start
    return terms
  }

  // Standards are analysed as they are parsed, so each record's text is dropped at once.
  const loadStart = now()
  // As in the product (Matcher), each record goes into the index builder as soon as it is analysed.
  const builder = new MatchIndexBuilder()
  let addMs = 0
  for (const path of paths.relaton) {
    forEachJsonLine(path, (value, line) => {
      if (!isRecord(value)) throw new Error(`${path}:${line}: expected an object`)
      const id = String(value.docid ?? value.number ?? `${path}:${line}`)
      const title = typeof value.title === 'string' ? value.title : String(value.number ?? '')
      const body = typeof value.abstract === 'string' ? value.abstract : undefined
      const terms = analysed(title, body)
      const added = now()
      builder.add(id, terms)
      addMs += now() - added
    })
  }
  const rows = parse(readFileSync(paths.requirements, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Record<string, string>[]
  const queries = rows.map((row) => analysed('', row.text ?? ''))
  const loadMs = now() - loadStart - analyseMs - addMs

  t0 = now()
  const index = builder.build()
  const indexMs = now() - t0 + addMs
  const standards = index.size

  const {searchMs, matched, topSum} = await searchAll(index, queries)
  return {
    kind: 'real',
    queries: queries.length,
    standards,
    glossaryMs,
    loadMs,
    analyseMs,
    indexMs,
    searchMs,
    maxRssKb: maxRssKb(),
    matchedShare: matched / Math.max(1, queries.length),
    meanTopScore: matched > 0 ? topSum / matched : 0,
    loadAtStart,
  }
}
