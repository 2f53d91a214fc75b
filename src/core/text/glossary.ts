/**
 * Bilingual glossary: concepts with English and French terms. A term found in a text adds the
 * concept's token (`#digital-twin`), which is how a French requirement meets an English standard.
 */
import {isMap, isScalar, isSeq, type Node} from 'yaml'
import {readTextFile} from '../io/read-text.js'
import {parseYamlOrThrow} from '../io/yaml.js'
import type {Problem} from '../catalogue/problems.js'
import {InputError} from '../errors.js'
import {lightForm, tokenise} from './normalise.js'
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

export interface Glossary {
  concepts: Concept[]
  /** Terms by their first light-form token, longest first, for greedy phrase lookup. */
  byFirstToken: Map<string, GlossaryTerm[]>
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

export function compileGlossary(concepts: Concept[]): Glossary {
  const byFirstToken = new Map<string, GlossaryTerm[]>()
  for (const concept of concepts) {
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
  return {concepts, byFirstToken}
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

/** Reads `glossary.yaml`: `concepts: [{id, en: [...], fr: [...]}]`; problems name file and line. */
export function loadGlossary(path: string, warnings?: Problem[]): Glossary {
  const text = readTextFile(path, warnings)
  const {doc, lineOf} = parseYamlOrThrow(path, text, {failsafe: true})
  const list = isMap(doc.contents) ? doc.contents.get('concepts', true) : undefined
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
  return compileGlossary(concepts)
}
