/**
 * Tunable settings, with defaults, read from `gapscan.config.yaml` in the catalogue folder (or
 * `--config FILE`). Every key is optional; unknown keys and wrong types are input errors.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {CONFIG_FILE} from './catalogue/files.js'
import type {Problem} from './catalogue/problems.js'
import {InputError} from './errors.js'
import {readTextFile} from './io/read-text.js'
import {parseYamlOrThrow, yamlToData} from './io/yaml.js'
import {DEFAULT_SCORING, type ScoringOptions} from './match/index.js'
import {DEFAULT_WEIGHTS, type FieldWeights} from './text/analyse.js'

export interface Thresholds {
  /** Best score at or above which a subject is covered. */
  covered: number
  /** Best score at or above which a subject is partially covered (below: a gap). */
  partial: number
}

export interface GapscanConfig {
  weights: FieldWeights
  bigrams: boolean
  scoring: ScoringOptions
  thresholds: Thresholds
  /** Evidence (distinctive shared vocabulary, see StandardMatch.evidence) a match needs as well. */
  evidence: Thresholds
  /** Matches kept per subject. */
  top: number
  /**
   * Weight of title coverage in the final score: score = cosine × (1 + b × c²) / (1 + b), where c
   * is the share of the standard's title (idf-weighted) found in the subject. A text that states a
   * standard's whole title is most likely about it; squaring favours whole titles over the partial
   * overlap most texts have. 0 turns this off.
   */
  titleBoost: number
  /** Whether withdrawn standards can cover a subject (normally not: they are no longer in force). */
  includeWithdrawn: boolean
  /** Whether standards a subject names ("ITU-T X.509", "RFC 5280") are matches that cover it. */
  citations: boolean
  overlap: {
    /** Score at which two standards' texts count as near-duplicates. */
    duplicate: number
    /** Score at which two FG-MV deliverables count as overlapping each other. */
    deliverables: number
  }
}

export const DEFAULT_CONFIG: GapscanConfig = {
  weights: DEFAULT_WEIGHTS,
  bigrams: false,
  scoring: DEFAULT_SCORING,
  thresholds: {covered: 0.1, partial: 0.05},
  evidence: {covered: 3, partial: 2},
  top: 5,
  titleBoost: 0,
  includeWithdrawn: false,
  citations: true,
  overlap: {duplicate: 0.8, deliverables: 0.45},
}

type Plain = Record<string, unknown>

/** Most matches kept per subject (`top`, `match --top`): more is no review list, and costs memory per subject. */
export const MAX_TOP = 100

/** Loads the config: `path` when given, else `<catalogue>/gapscan.config.yaml` if present, else defaults. */
export function loadConfig(catalogueDir: string, path?: string, warnings?: Problem[]): GapscanConfig {
  const file = path ?? join(catalogueDir, CONFIG_FILE)
  if (!existsSync(file)) {
    if (path) throw new InputError(`${path}: config file not found`)
    return DEFAULT_CONFIG
  }
  const yaml = parseYamlOrThrow(file, readTextFile(file, warnings))
  // Problems name the line of the setting they are about.
  const where = (field: string): string => {
    const line = yaml.lineOf(yaml.doc.getIn(field.split('.'), true))
    return line === 0 ? file : `${file}:${line}`
  }
  return checkConfig(mergeConfig(DEFAULT_CONFIG, yamlToData(yaml) ?? {}, where, ''), where)
}

/** Deep-merges `override` into `base`, checking every key and type against the defaults. */
function mergeConfig<T>(base: T, override: unknown, where: (field: string) => string, prefix: string): T {
  if (override === null || typeof override !== 'object' || Array.isArray(override)) {
    throw new InputError(`${where(prefix)}: ${prefix || 'config'}: must be a mapping`)
  }
  const out: Plain = {...(base as Plain)}
  for (const [key, value] of Object.entries(override as Plain)) {
    const field = prefix ? `${prefix}.${key}` : key
    if (!Object.hasOwn(out, key)) throw new InputError(`${where(field)}: ${field}: unknown setting`)
    const current = out[key]
    if (typeof current === 'object' && current !== null) out[key] = mergeConfig(current, value, where, field)
    else if (typeof value !== typeof current)
      throw new InputError(`${where(field)}: ${field}: must be a ${typeof current}`)
    else out[key] = value
  }
  return out as T
}

/** The values' own rules, once the types are right: ranges, orders and choices. */
function checkConfig(config: GapscanConfig, where: (field: string) => string): GapscanConfig {
  const refuse = (field: string, rule: string): never => {
    throw new InputError(`${where(field)}: ${field}: ${rule}`)
  }
  const between = (field: string, value: number, low: number, high: number) => {
    if (!(value >= low && value <= high)) refuse(field, `must be between ${low} and ${high}`)
  }
  const notNegative = (field: string, value: number) => {
    if (!(value >= 0 && Number.isFinite(value))) refuse(field, 'must be a number of 0 or more')
  }
  between('thresholds.covered', config.thresholds.covered, 0, 1)
  between('thresholds.partial', config.thresholds.partial, 0, 1)
  if (config.thresholds.partial > config.thresholds.covered)
    refuse('thresholds.partial', 'must not exceed thresholds.covered')
  notNegative('evidence.covered', config.evidence.covered)
  notNegative('evidence.partial', config.evidence.partial)
  if (config.evidence.partial > config.evidence.covered)
    refuse('evidence.partial', 'must not exceed evidence.covered')
  between('overlap.duplicate', config.overlap.duplicate, 0, 1)
  between('overlap.deliverables', config.overlap.deliverables, 0, 1)
  if (!Number.isInteger(config.top) || config.top < 1 || config.top > MAX_TOP)
    refuse('top', `must be a whole number from 1 to ${MAX_TOP}`)
  notNegative('titleBoost', config.titleBoost)
  for (const field of ['title', 'keywords', 'body', 'terms'] as const)
    notNegative(`weights.${field}`, config.weights[field])
  if (!['tfidf', 'bm25'].includes(config.scoring.model)) refuse('scoring.model', 'must be tfidf or bm25')
  notNegative('scoring.bm25.k1', config.scoring.bm25.k1)
  between('scoring.bm25.b', config.scoring.bm25.b, 0, 1)
  return config
}
