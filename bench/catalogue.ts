/**
 * The bundled catalogue: how long loading and validating data/ takes (target < 1 s), and the
 * main job on it — index, analysis and every report format — measured in one process.
 */
import {loadavg} from 'node:os'
import {join} from 'node:path'
import {analyse} from '../dist/core/analysis/analyse.js'
import {loadCatalogue} from '../dist/core/catalogue/index.js'
import {Matcher} from '../dist/core/match/matcher.js'
import {SUBJECT_KINDS} from '../dist/core/catalogue/types.js'
import {catalogueFacts, catalogueHash} from '../dist/core/report/context.js'
import {renderReports, REPORT_FORMATS} from '../dist/core/report/index.js'
import {loadWorkspace} from '../dist/core/workspace.js'
import {cpuMs, maxRssKb, now} from './measure.js'

export interface CatalogueFigures {
  kind: 'catalogue'
  entries: number
  /** Fastest of three loads of data/ (read, decode, parse, validate, cross-check). */
  loadMs: number
  loadCpuMs: number
  matcherMs: number
  analyseMs: number
  renderMs: number
  subjects: number
  maxRssKb: number
  loadAtStart: number
}

export async function runCatalogue(repo: string): Promise<CatalogueFigures> {
  const loadAtStart = loadavg()[0]
  const data = join(repo, 'data')
  let loadMs = Infinity
  let loadCpuMs = Infinity
  let entries = 0
  for (let i = 0; i < 3; i++) {
    const cpu = cpuMs()
    const t0 = now()
    const {catalogue} = loadCatalogue(data)
    loadMs = Math.min(loadMs, now() - t0)
    loadCpuMs = Math.min(loadCpuMs, cpuMs() - cpu)
    entries =
      catalogue.deliverables.length +
      catalogue.requirements.length +
      catalogue.standards.length +
      catalogue.studyGroups.length
  }
  const ws = loadWorkspace(data, {}, [])
  let t0 = now()
  const matcher = new Matcher(ws.catalogue, ws.config, ws.glossary)
  const matcherMs = now() - t0
  t0 = now()
  const analysis = analyse(ws.catalogue, matcher)
  const analyseMs = now() - t0
  t0 = now()
  await renderReports(analysis, REPORT_FORMATS, {
    lang: 'en',
    kinds: [...SUBJECT_KINDS],
    sgs: [],
    catalogue: catalogueFacts(ws.catalogue, catalogueHash(ws.catalogue, data)),
  })
  const renderMs = now() - t0
  return {
    kind: 'catalogue',
    entries,
    loadMs,
    loadCpuMs,
    matcherMs,
    analyseMs,
    renderMs,
    subjects: analysis.subjects.length,
    maxRssKb: maxRssKb(),
    loadAtStart,
  }
}
