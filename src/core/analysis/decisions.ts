/**
 * Reviewed decisions (`decisions.yaml`): a rapporteur accepts, rejects or adds a subject–standard
 * link, or assigns a gap to a study group, with who, when and why. Decisions override computed
 * results on every run; reports show both.
 */
import {existsSync} from 'node:fs'
import {isMap, isScalar, isSeq, type Node} from 'yaml'
import {readTextFile} from '../io/read-text.js'
import {parseYamlOrThrow} from '../io/yaml.js'
import type {Catalogue} from '../catalogue/types.js'
import type {Problem} from '../catalogue/problems.js'
import {InputError} from '../errors.js'
import {isIsoDate} from '../dates.js'
import {idKey, parseSgNumber} from '../catalogue/schema.js'

export const DECISION_ACTIONS = ['accept', 'reject', 'add', 'assign'] as const
export type DecisionAction = (typeof DECISION_ACTIONS)[number]

export interface Decision {
  subject: string
  action: DecisionAction
  /** The standard of an accept / reject / add. */
  standard?: string
  /** The study group (and optionally Question) a gap is assigned to. */
  sg?: number
  question?: string
  by: string
  date: string
  reason: string
  line: number
}

/** Reads and checks decisions against the catalogue; a missing default file means no decisions. */
export function loadDecisions(
  path: string,
  catalogue: Catalogue,
  required = false,
  warnings?: Problem[],
): Decision[] {
  if (!existsSync(path)) {
    if (required) throw new InputError(`${path}: decisions file not found`)
    return []
  }
  const {doc, lineOf} = parseYamlOrThrow(path, readTextFile(path, warnings), {failsafe: true})
  if (doc.contents === null) return []
  const list = isMap(doc.contents) ? doc.contents.get('decisions', true) : undefined
  // `decisions:` with nothing under it (all items commented out) is an empty list.
  if (
    list === undefined ||
    list === null ||
    (isScalar(list) && (list.value === null || String(list.value) === ''))
  )
    return []
  if (!isSeq(list)) throw new InputError(`${path}:1: decisions: expected a list of decisions`)
  // Ids are matched in the catalogue's one normalised form (idKey) and kept as the catalogue
  // spells them, so a decision typing `fgmv-38` or an accent in decomposed form still applies.
  const subjects = new Map(
    [...catalogue.deliverables, ...catalogue.requirements].map((s) => [idKey(s.id), s.id]),
  )
  const standards = new Map(catalogue.standards.map((s) => [idKey(s.id), s.id]))
  const groups = new Map(catalogue.studyGroups.map((g) => [g.number, g]))
  const decisions: Decision[] = []
  for (const item of list.items) {
    const line = lineOf(item as Node)
    const fail = (field: string, message: string): never => {
      throw new InputError(`${path}:${line}: ${field}: ${message}`)
    }
    if (!isMap(item)) fail('decision', 'must be a mapping')
    const map = item as unknown as {get(k: string): unknown; items: {key: unknown}[]}
    const text = (field: string, required: boolean): string | undefined => {
      const value = map.get(field)
      if (value === undefined || value === null || String(value).trim() === '') {
        if (required) fail(field, 'required field is missing')
        return undefined
      }
      if (typeof value !== 'string') fail(field, 'must be text')
      return (value as string).trim()
    }
    const known = ['subject', 'action', 'standard', 'sg', 'question', 'by', 'date', 'reason']
    for (const pair of map.items) {
      const key = String((pair.key as {value?: unknown})?.value ?? pair.key)
      if (!known.includes(key)) fail(key, 'unknown field')
    }
    const written = text('subject', true)!
    const subject = subjects.get(idKey(written)) ?? fail('subject', `unknown subject "${written}"`)
    const action = text('action', true)!
    if (!(DECISION_ACTIONS as readonly string[]).includes(action))
      fail('action', `"${action}" is not one of ${DECISION_ACTIONS.join(', ')}`)
    const decision: Decision = {
      subject,
      action: action as DecisionAction,
      by: text('by', true)!,
      date: text('date', true)!,
      reason: text('reason', true)!,
      line,
    }
    if (!isIsoDate(decision.date)) fail('date', `"${decision.date}" is not a date (YYYY-MM-DD)`)
    if (decision.action === 'assign') {
      const sgText = text('sg', true)!
      const sg = parseSgNumber(sgText)
      if (sg === undefined || !groups.has(sg)) fail('sg', `unknown study group ${sgText}`)
      decision.sg = sg!
      const question = text('question', false)
      if (question !== undefined) {
        const group = groups.get(sg!)!
        if (!group.questions.some((q) => q.id === question)) {
          // A Question outside the catalogue's list is an error only when that list is complete;
          // otherwise the rapporteur may know a Question the catalogue lacks (a warning says so).
          if (group.questionsComplete || !new RegExp(`^Q\\d+/${sg}$`).test(question))
            fail('question', `unknown Question "${question}" in SG${sg}`)
          warnings?.push({
            severity: 'warning',
            file: path,
            line,
            field: 'question',
            message: `Question "${question}" is not in the catalogue's list for SG${sg} (known incomplete): accepted`,
          })
        }
        decision.question = question
      }
    } else {
      const written = text('standard', true)!
      decision.standard = standards.get(idKey(written)) ?? fail('standard', `unknown standard "${written}"`)
    }
    decisions.push(decision)
  }
  return decisions
}
