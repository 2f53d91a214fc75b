/**
 * User data that looks like JavaScript's own names (`__proto__`, `constructor`, …) is ordinary
 * text everywhere it becomes a key or a value; ids are compared in one normalised form and are
 * one line. Generated over every such name and every format.
 */
import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {loadCatalogue, loadFile, summariseCatalogue} from '../../src/core/catalogue/index.js'
import {formatProblem, type Problem} from '../../src/core/catalogue/problems.js'
import {loadSubjects} from '../../src/core/catalogue/subjects.js'
import {loadConfig} from '../../src/core/config.js'
import {InputError} from '../../src/core/errors.js'
import {loadGold} from '../../src/core/match/evaluate.js'

const NAMES = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'prototype',
  '__defineGetter__',
]

const tmp = mkdtempSync(join(tmpdir(), 'gapscan-keys-'))
function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmp, 'f'))
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}

const SG = 'kind: study-group\nentries:\n  - id: SG20\n    number: 20\n    title: IoT\n'
const standard = (id: string, org: string) =>
  `  - id: ${JSON.stringify(id)}\n    title: T\n    org: ${JSON.stringify(org)}\n    status: in-force\n`
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map(formatProblem)

describe('catalogue: JavaScript names as data, and id normal forms', () => {
  for (const name of NAMES) {
    it(`"${name}" as an id, an organisation and a building block is ordinary text, counted right`, () => {
      const dir = mkdtempSync(join(tmp, 'c'))
      writeFileSync(join(dir, 'sg.yaml'), SG)
      writeFileSync(
        join(dir, 'std.yaml'),
        `kind: standard\nentries:\n${standard(name, name)}${standard('X.2', name)}${standard('X.3', 'ITU-T')}`,
      )
      writeFileSync(
        join(dir, 'req.jsonl'),
        `${JSON.stringify({kind: 'requirement', id: name, building_block: name, text: 'Some text.'})}\n`,
      )
      const {catalogue, problems} = loadCatalogue(dir)
      assert.deepEqual(errors(problems), [])
      assert.deepEqual(
        catalogue.standards.map((s) => s.id),
        [name, 'X.2', 'X.3'],
      )
      const summary = summariseCatalogue(catalogue)
      assert.deepEqual(summary.byOrg, {'ITU-T': 1, [name]: 2})
      assert.equal(Object.entries(summary.byOrg).length, 2)
      assert.deepEqual(Object.entries(summary.byBuildingBlock), [[name, 1]])
      assert.equal(JSON.parse(JSON.stringify(summary)).byOrg[name], 2)
    })

    it(`"${name}" as a field name (YAML, JSON Lines, CSV header) is an unknown field, nothing more`, () => {
      for (const [ext, text] of [
        [
          'yaml',
          `kind: standard\nentries:\n  - id: X.1\n    title: T\n    org: ITU-T\n    status: in-force\n    ${name}: {a: 1}\n`,
        ],
        [
          'jsonl',
          `${JSON.stringify({kind: 'standard', id: 'X.1', title: 'T', org: 'ITU-T', status: 'in-force', [name]: {a: '1'}})}\n`,
        ],
        ['csv', `kind,id,title,org,status,${name}\nstandard,X.1,T,ITU-T,in-force,v\n`],
      ]) {
        const path = file(`s.${ext}`, text)
        const {entries, problems} = loadFile(path)
        assert.deepEqual(
          entries.map((e) => e.id),
          ['X.1'],
          ext,
        )
        assert.deepEqual(
          problems.map((p) => [p.severity, p.field, p.message]),
          [['warning', name, 'unknown field (ignored)']],
          ext,
        )
        assert.equal(({} as Record<string, unknown>).a, undefined, 'no prototype was changed')
      }
    })

    it(`"${name}" as a config setting is an unknown setting`, () => {
      const path = file('c.yaml', `${name}: 1\n`)
      assert.throws(
        () => loadConfig(tmp, path),
        (e: Error) => e instanceof InputError && e.message === `${path}:1: ${name}: unknown setting`,
      )
      const nested = file('n.yaml', `thresholds:\n  ${name}: 1\n`)
      assert.throws(
        () => loadConfig(tmp, nested),
        (e: Error) =>
          e instanceof InputError && e.message === `${nested}:2: thresholds.${name}: unknown setting`,
      )
    })
  }

  const SAME_ID: [string, string][] = [
    ['Y.4600', 'y.4600'],
    ['X.Café', 'X.Cafe\u0301'], // NFC vs NFD
    ['X.STRASSE', 'X.straße'], // full case folding
    ['FGMV-01', 'fgmv-01'],
  ]
  for (const [a, b] of SAME_ID) {
    it(`"${a}" and "${b}" are the same id: the second is a duplicate, in one file or two`, () => {
      const dir = mkdtempSync(join(tmp, 'c'))
      writeFileSync(join(dir, 'sg.yaml'), SG)
      writeFileSync(join(dir, 'a.yaml'), `kind: standard\nentries:\n${standard(a, 'ITU-T')}`)
      writeFileSync(
        join(dir, 'b.jsonl'),
        `${JSON.stringify({kind: 'standard', id: b, title: 'T', org: 'ITU-T', status: 'in-force'})}\n`,
      )
      const found = errors(loadCatalogue(dir).problems)
      assert.equal(found.length, 1, found.join('\n'))
      assert.match(found[0], /b\.jsonl:1: id: duplicate standard id /)
      const subjects = file(
        's.jsonl',
        `${JSON.stringify({id: a, text: 'x'})}\n${JSON.stringify({id: b, text: 'y'})}\n`,
      )
      assert.throws(() => loadSubjects(subjects, []), /:2: id: duplicate subject id/)
    })
  }

  for (const [label, control] of [
    ['a newline', '\n'],
    ['a tab', '\t'],
    ['a carriage return', '\r'],
    ['a NUL', '\u0000'],
    ['an escape', '\u001b'],
    ['a line separator', '\u2028'],
    ['a bidi override', '\u202e'],
  ]) {
    it(`an id with ${label} is refused in YAML, JSON Lines and a subjects file, on one line`, () => {
      const id = `X.1${control}2`
      for (const path of [
        file('s.yaml', `kind: standard\nentries:\n${standard(id, 'ITU-T')}`),
        file(
          's.jsonl',
          `${JSON.stringify({kind: 'standard', id, title: 'T', org: 'ITU-T', status: 'in-force'})}\n`,
        ),
      ]) {
        const found = errors(loadFile(path).problems)
        assert.equal(found.length, 1, found.join('\n'))
        assert.match(
          found[0],
          /:\d+: id: (must be one line without tabs or control characters|contains control)/,
        )
        assert.doesNotMatch(found[0], /[\n\r\u2028]/)
      }
      const subjects = file('s.jsonl', `${JSON.stringify({id, text: 'x'})}\n`)
      assert.throws(
        () => loadSubjects(subjects, []),
        /:1: id: must be one line without tabs or control characters/,
      )
    })
  }
})

describe('catalogue: a list or mapping where text is expected', () => {
  const NOT_TEXT = 'must be a single text value, not a list or mapping'
  for (const [label, value] of [
    ['a list', ['a', 'b']],
    ['an empty list', []],
    ['a list of one empty text', ['']],
    ['a mapping', {a: 'b'}],
  ] as [string, unknown][]) {
    it(`${label} as a title, an id, a subject's text or a gold pair's subject says so`, () => {
      const yaml = file(
        's.yaml',
        `kind: standard\nentries:\n  - id: X.1\n    title: ${JSON.stringify(value)}\n    org: ITU-T\n    status: in-force\n`,
      )
      assert.deepEqual(errors(loadFile(yaml).problems), [`${yaml}:4: title: ${NOT_TEXT}`])
      const jsonl = file(
        's.jsonl',
        `${JSON.stringify({kind: 'standard', id: value, title: 'T', org: 'ITU-T', status: 'in-force'})}\n`,
      )
      assert.deepEqual(errors(loadFile(jsonl).problems), [`${jsonl}:1: id: ${NOT_TEXT}`])
      const subjects = file('subjects.jsonl', `${JSON.stringify({id: 'a', text: value})}\n`)
      assert.throws(
        () => loadSubjects(subjects, []),
        (e: Error) => e.message === `${subjects}:1: text: ${NOT_TEXT}`,
      )
      const gold = file('gold.jsonl', `${JSON.stringify({subject: value, standard: 'X.1'})}\n`)
      assert.throws(
        () => loadGold(gold),
        (e: Error) => e.message === `${gold}:1: subject: ${NOT_TEXT}`,
      )
    })
  }
})
