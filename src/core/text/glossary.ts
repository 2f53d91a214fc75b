/**
 * Bilingual glossary: concepts with English and French terms. A term found in a text adds the
 * concept's token (`#digital-twin`), which is how a French requirement meets an English standard.
 * Single words are translated rather than made concepts: `words` maps French words onto an
 * English word, and stemming does the rest (réseaux → réseau → network ← networking), which a
 * concept, matched on surface forms, could not. `keep_whole` lists English words whose stem
 * would collide with an unrelated word's (modulation and module both stem to `modul`).
 */
import {isMap, isScalar, isSeq, type Node} from 'yaml'
import {readTextFile} from '../io/read-text.js'
import {parseYamlOrThrow} from '../io/yaml.js'
import type {Problem} from '../catalogue/problems.js'
import {InputError} from '../errors.js'
import {lightForm, tokenise} from './normalise.js'
import {stem} from './stem.js'
import {isStopWord} from './stopwords.js'

export interface Concept {
  id: string
  en: string[]
  fr: string[]
}

/** A glossary term as light-form tokens, and its concept. */
export interface GlossaryTerm {
  tokens: string[]
  concept: string
}

/** A French→English word translation: French words (any inflection) that mean the English word. */
export interface WordTranslation {
  en: string
  fr: string[]
}

export interface Glossary {
  concepts: Concept[]
  /** Terms by their first light-form token, longest first, for greedy phrase lookup. */
  byFirstToken: Map<string, GlossaryTerm[]>
  /** The French→English word translations, as listed. */
  words: readonly WordTranslation[]
  /** French stem → the English stem it translates to (the first translation listed wins). */
  frenchStems: Map<string, string>
  /** Folded English words indexed whole rather than stemmed (their stem collides with another word's). */
  keepWhole: Set<string>
}

/** How the analyser stems a folded token, with the glossary's translations and whole words. */
export function glossaryStem(glossary: Glossary | undefined, token: string, language: 'en' | 'fr'): string {
  if (language === 'fr') {
    const french = stem(token, 'fr')
    return glossary?.frenchStems.get(french) ?? french
  }
  if (glossary?.keepWhole.has(lightForm(token))) return lightForm(token)
  return stem(token, 'en')
}

/** A token as the glossary sees it: its light form, and the glossary terms that start with it. */
export interface GlossaryToken {
  light: string
  starts: readonly GlossaryTerm[] | undefined
}

/** How the glossary sees a folded token (callers that see a token often keep the result). */
export function glossaryToken(glossary: Glossary | undefined, token: string): GlossaryToken {
  const light = lightForm(token)
  return {light, starts: glossary?.byFirstToken.get(light)}
}

export const CONCEPT_PREFIX = '#'

export function compileGlossary(
  concepts: Concept[],
  words: readonly WordTranslation[] = [],
  keepWhole: readonly string[] = [],
): Glossary {
  const whole = new Set(keepWhole.map((w) => lightForm(tokenise(w)[0] ?? '')))
  const englishStem = (word: string) => (whole.has(lightForm(word)) ? lightForm(word) : stem(word, 'en'))
  const frenchStems = new Map<string, string>()
  for (const {en, fr} of words) {
    const target = englishStem(tokenise(en)[0])
    for (const word of fr) {
      const tokens = tokenise(word)
      if (tokens.length !== 1) continue
      const french = stem(tokens[0], 'fr')
      if (!frenchStems.has(french)) frenchStems.set(french, target)
    }
  }
  const byFirstToken = new Map<string, GlossaryTerm[]>()
  for (const concept of [...concepts, ...compoundConcepts(concepts, words)]) {
    for (const term of [...concept.en, ...concept.fr]) {
      const tokens = tokenise(term).map(lightForm)
      // A term of stop words only ("Recommendation") says nothing about a subject.
      if (tokens.every((t) => isStopWord(t))) continue
      const list = byFirstToken.get(tokens[0]) ?? []
      list.push({tokens, concept: concept.id})
      byFirstToken.set(tokens[0], list)
    }
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length)
  return {concepts, byFirstToken, words, frenchStems, keepWhole: whole}
}

/**
 * French compounds the token scanner splits (pare-feu, sous-réseau, aujourd'hui) cannot be
 * translated stem by stem: they become phrases of the concept whose term is their English word,
 * or of a new concept `word:<en>` when no concept has it.
 */
function compoundConcepts(concepts: readonly Concept[], words: readonly WordTranslation[]): Concept[] {
  const key = (term: string) => tokenise(term).map(lightForm).join(' ')
  const known = new Set(concepts.flatMap((c) => [...c.en, ...c.fr].map(key)))
  // The concept of each English term, first concept first.
  const ownerOf = new Map<string, Concept>()
  for (const c of concepts) for (const term of c.en) if (!ownerOf.has(key(term))) ownerOf.set(key(term), c)
  const added = new Map<string, Concept>()
  for (const {en, fr} of words) {
    const compounds = fr.filter((word) => tokenise(word).length > 1 && !known.has(key(word)))
    if (compounds.length === 0) continue
    const owner = ownerOf.get(key(en))
    const concept = added.get(owner?.id ?? en) ?? {
      id: owner?.id ?? `word:${key(en)}`,
      en: owner ? [] : [en],
      fr: [],
    }
    for (const word of compounds) {
      concept.fr.push(word)
      known.add(key(word))
    }
    added.set(owner?.id ?? en, concept)
  }
  return [...added.values()]
}

export interface ConceptSpan {
  concept: string
  /** First token of the term, and one past its last. */
  start: number
  end: number
}

/** Concepts found in a token sequence, longest term first, no overlaps, in text order. */
export function findConcepts(sequence: readonly GlossaryToken[]): ConceptSpan[] {
  const found: ConceptSpan[] = []
  for (let i = 0; i < sequence.length; i++) {
    const candidates = sequence[i].starts
    if (!candidates) continue
    for (const {tokens, concept} of candidates) {
      if (i + tokens.length > sequence.length) continue
      let same = true
      for (let j = 1; j < tokens.length && same; j++) same = sequence[i + j].light === tokens[j]
      if (same) {
        found.push({concept, start: i, end: i + tokens.length})
        i += tokens.length - 1
        break
      }
    }
  }
  return found
}

type LineOf = (node: Node | null | undefined) => number

/** A YAML file read with line positions; malformed YAML is an input error naming the line. */
function readYaml(path: string, warnings?: Problem[]): {contents: unknown; lineOf: LineOf} {
  const text = readTextFile(path, warnings)
  const {doc, lineOf} = parseYamlOrThrow(path, text, {failsafe: true})
  return {contents: doc.contents, lineOf}
}

/**
 * Reads `glossary.yaml` (`concepts: [{id, en: [...], fr: [...]}]`) and, when given, the lexicon
 * (`lexicon.yaml`: `words: [{en, fr: [...]}]`, `keep_whole: [...]`); problems name file and line.
 */
export function loadGlossary(path: string, warnings?: Problem[], lexiconPath?: string): Glossary {
  const {contents, lineOf} = readYaml(path, warnings)
  const list = isMap(contents) ? contents.get('concepts', true) : undefined
  if (!isSeq(list)) throw new InputError(`${path}:1: concepts: expected a list of concepts`)
  const concepts: Concept[] = []
  const owner = new Map<string, string>()
  for (const item of list.items) {
    const line = lineOf(item as Node)
    if (!isMap(item)) throw new InputError(`${path}:${line}: each concept must be a mapping`)
    const id = item.get('id')
    if (typeof id !== 'string' || id.trim() === '')
      throw new InputError(`${path}:${line}: id: required field is missing`)
    const terms = (field: 'en' | 'fr'): string[] => {
      const node = item.get(field, true)
      if (node === undefined) return []
      if (!isSeq(node) || !node.items.every((t) => isScalar(t))) {
        throw new InputError(`${path}:${lineOf(node as Node)}: ${field}: must be a list of terms`)
      }
      return node.items.map((t) => String((t as {value: unknown}).value).trim()).filter((t) => t !== '')
    }
    const concept = {id: id.trim(), en: terms('en'), fr: terms('fr')}
    if (concept.en.length + concept.fr.length === 0)
      throw new InputError(`${path}:${line}: ${concept.id}: has no terms`)
    for (const term of [...concept.en, ...concept.fr]) {
      const key = tokenise(term).map(lightForm).join(' ')
      const previous = owner.get(key)
      if (previous !== undefined && previous !== concept.id) {
        throw new InputError(
          `${path}:${line}: ${concept.id}: term "${term}" already belongs to concept ${previous}`,
        )
      }
      owner.set(key, concept.id)
    }
    concepts.push(concept)
  }
  if (lexiconPath === undefined) return compileGlossary(concepts)
  const lexicon = readYaml(lexiconPath, warnings)
  return compileGlossary(
    concepts,
    wordsOf(lexicon.contents, lexiconPath, lexicon.lineOf),
    keepWholeOf(lexicon.contents, lexiconPath, lexicon.lineOf),
  )
}

/**
 * A single word, or an input error naming the line. French words may be compounds written with
 * a hyphen or apostrophe (`pare-feu`); phrases with spaces belong to the glossary.
 */
function singleWord(value: unknown, path: string, line: number, field: string): string {
  const word = String(value).trim()
  const compound = field === 'fr' && !/\s/.test(word)
  if (tokenise(word).length === 0 || (tokenise(word).length > 1 && !compound))
    throw new InputError(`${path}:${line}: ${field}: "${word}" must be a single word`)
  return word
}

/** The `words` section: `[{en: word, fr: [words]}]`. */
function wordsOf(contents: unknown, path: string, lineOf: LineOf): WordTranslation[] {
  const list = isMap(contents) ? contents.get('words', true) : undefined
  if (list === undefined) return []
  if (!isSeq(list)) throw new InputError(`${path}:${lineOf(list as Node)}: words: expected a list`)
  return list.items.map((item) => {
    const line = lineOf(item as Node)
    if (!isMap(item)) throw new InputError(`${path}:${line}: each word must be a mapping`)
    const fr = item.get('fr', true)
    if (!isSeq(fr) || fr.items.length === 0 || !fr.items.every((t) => isScalar(t)))
      throw new InputError(`${path}:${line}: fr: must be a list of French words`)
    return {
      en: singleWord(item.get('en') ?? '', path, line, 'en'),
      fr: fr.items.map((t) => singleWord((t as {value: unknown}).value, path, line, 'fr')),
    }
  })
}

/** The `keep_whole` section: a list of English words. */
function keepWholeOf(contents: unknown, path: string, lineOf: LineOf): string[] {
  const list = isMap(contents) ? contents.get('keep_whole', true) : undefined
  if (list === undefined) return []
  if (!isSeq(list) || !list.items.every((t) => isScalar(t)))
    throw new InputError(`${path}:${lineOf(list as Node)}: keep_whole: expected a list of words`)
  return list.items.map((t) =>
    singleWord((t as {value: unknown}).value, path, lineOf(t as Node), 'keep_whole'),
  )
}
