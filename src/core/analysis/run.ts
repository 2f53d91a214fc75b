/**
 * The main job as one call, for `report` and `export`: load the catalogue folder (catalogue,
 * config, glossary, decisions), check the requested study groups, build the matcher, analyse.
 */
import {join} from 'node:path'
import type {Problem} from '../catalogue/problems.js'
import type {Catalogue} from '../catalogue/types.js'
import {UsageError} from '../errors.js'
import {Matcher} from '../match/matcher.js'
import {loadWorkspace} from '../workspace.js'
import {analyse, type Analysis} from './analyse.js'
import {DECISIONS_FILE} from '../catalogue/files.js'
import {loadDecisions} from './decisions.js'

export interface AnalysisRun {
  /** Catalogue folder. */
  catalogue: string
  /** Config file; default `<catalogue>/gapscan.config.yaml` when present. */
  configPath?: string
  /** Decisions file; default `<catalogue>/decisions.yaml` when present (a named file must exist). */
  decisionsPath?: string
  /** Only these study groups in the per-SG view; each must be in the catalogue. */
  sgs?: number[]
  date?: string
  onProgress?: (done: number, total: number) => void
}

/**
 * Returns the analysis, the catalogue it rests on and the catalogue's warnings (`validate` lists them); warnings about the
 * config, glossary and decisions files go to `fileWarnings`.
 */
export function analyseCatalogue(
  run: AnalysisRun,
  fileWarnings: Problem[],
): {analysis: Analysis; warnings: Problem[]; catalogue: Catalogue} {
  const {catalogue, config, glossary, warnings} = loadWorkspace(
    run.catalogue,
    {configPath: run.configPath},
    fileWarnings,
  )
  const known = catalogue.studyGroups.map((g) => g.number).sort((a, b) => a - b)
  for (const sg of run.sgs ?? []) {
    if (!known.includes(sg))
      throw new UsageError(`--sg: unknown study group ${sg} (known: ${known.join(', ')})`)
  }
  const decisions = loadDecisions(
    run.decisionsPath ?? join(run.catalogue, DECISIONS_FILE),
    catalogue,
    run.decisionsPath !== undefined,
    fileWarnings,
  )
  const matcher = new Matcher(catalogue, config, glossary)
  const analysis = analyse(catalogue, matcher, {
    decisions,
    sgs: run.sgs,
    date: run.date,
    onProgress: run.onProgress,
  })
  return {analysis, warnings, catalogue}
}
