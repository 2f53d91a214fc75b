/**
 * The real job: GovStack's requirement statements against every standard of the Relaton
 * snapshots (title + abstract), with the repository's glossary.
 */
import {DEFAULT_CONFIG} from '../dist/core/config.js'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {loadavg} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {Analyser, type TextFields} from '../dist/core/text/analyse.js'
import {loadGlossary} from '../dist/core/text/glossary.js'
import {forEachJsonLine, isRecord} from './jsonl.js'
import {analyseBatch, maxRssKb, now, searchAll} from './measure.js'

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
  const analyser = new Analyser({weights: DEFAULT_CONFIG.weights, bigrams: DEFAULT_CONFIG.bigrams, glossary})

  // Read and parsed first, then analysed as a batch, as the product does (Matcher): the
  // catalogue is in memory, and its standards go through analyseMany into the index builder.
  const loadStart = now()
  const ids: string[] = []
  const texts: TextFields[] = []
  for (const path of paths.relaton) {
    forEachJsonLine(path, (value, line) => {
      if (!isRecord(value)) throw new Error(`${path}:${line}: expected an object`)
      ids.push(String(value.docid ?? value.number ?? `${path}:${line}`))
      const title = typeof value.title === 'string' ? value.title : String(value.number ?? '')
      const body = typeof value.abstract === 'string' ? value.abstract : undefined
      texts.push({title, body})
    })
  }
  const rows = parse(readFileSync(paths.requirements, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Record<string, string>[]
  const loadMs = now() - loadStart

  const {builder, analyseMs: standardsMs, addMs} = analyseBatch(analyser, ids, texts)
  const queriesStart = now()
  const queryTexts = rows.map((row) => ({title: '', body: row.text ?? ''}))
  const queries = Array.from(analyser.analyseMany(queryTexts), (analysed) => analysed.terms)
  const analyseMs = standardsMs + now() - queriesStart

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
