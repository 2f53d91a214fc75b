/**
 * One small broken catalogue per folder under test/fixtures/broken: the exact problem lines
 * `validate` prints for each, and the verdict. Every folder there must have a row here.
 */
import assert from 'node:assert/strict'
import {existsSync, readdirSync} from 'node:fs'
import {formatProblem, loadCatalogue, type Catalogue} from '../../src/core/catalogue/index.js'

const BROKEN = 'test/fixtures/broken'
const KINDS = 'deliverable, requirement, standard, study-group'
const NOT_CATALOGUE = 'not a catalogue file: expected a mapping with `kind` and an `entries` list'
const CONTROL = 'contains control or bidirectional-override characters'

interface Case {
  valid: boolean
  /** Problem lines with the case folder written as `@`. */
  lines: string[]
  /** Entries loaded: deliverables / requirements / standards / study groups. */
  counts: [number, number, number, number]
  check?: (catalogue: Catalogue) => void
}

const CASES: Record<string, Case> = {
  'malformed-yaml': {
    valid: false,
    lines: ['@/standards.yaml:4: malformed YAML: Nested mappings are not allowed in compact mappings'],
    counts: [0, 0, 0, 2],
  },
  'malformed-csv': {
    valid: false,
    lines: [
      '@/standards.csv:3: malformed CSV: Quote Not Closed: the parsing is finished with an opening quote at line 3',
    ],
    counts: [0, 0, 0, 2],
  },
  'malformed-jsonl': {
    valid: false,
    lines: [
      "@/standards.jsonl:2: malformed JSON: Expected ',' or '}' after property value",
      '@/standards.jsonl:5: each line must be a JSON object',
    ],
    counts: [0, 0, 2, 2],
    check: (c) => {
      assert.deepEqual(
        c.standards.map((s) => [s.id, s.origin.line]),
        [
          ['Y.4600', 1],
          ['X.1253', 4],
        ],
      )
    },
  },
  'csv-bom-crlf': {
    valid: true,
    lines: [],
    counts: [0, 0, 3, 2],
    check: (c) => {
      const file = `${BROKEN}/csv-bom-crlf/standards.csv`
      assert.deepEqual(c.standards, [
        {
          kind: 'standard',
          id: 'Y.4600',
          title: 'Digital twin system for smart cities',
          keywords: ['digital twin', 'smart city'],
          origin: {file, line: 2},
          org: 'ITU-T',
          status: 'in-force',
          sg: 20,
          summary: 'First line of the summary\nsecond line',
        },
        {
          kind: 'standard',
          id: 'X.1252',
          title: 'Baseline identity management terms, definitions',
          keywords: ['identity', 'authentication'],
          origin: {file, line: 4},
          org: 'ITU-T',
          status: 'in-force',
          sg: 17,
        },
        {
          kind: 'standard',
          id: '010',
          title: 'Leading zero id',
          keywords: [],
          origin: {file, line: 5},
          org: 'ISO',
          status: 'under-study',
        },
      ])
    },
  },
  latin1: {
    valid: true,
    lines: [
      '@/standards.yaml: warning: not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this',
    ],
    counts: [0, 0, 1, 2],
    check: (c) => {
      const [standard] = c.standards
      assert.equal(standard.title, "Représentation de la date et de l'heure")
      assert.equal(standard.summary, "Norme publiée par l'ISO")
      assert.equal(standard.title.codePointAt(4), 0xe9)
    },
  },
  utf16: {
    valid: true,
    lines: ['@/standards-be.yaml: warning: no byte-order mark; decoded as UTF-16BE'],
    counts: [0, 0, 2, 2],
    check: (c) => {
      assert.deepEqual(
        c.standards.map((s) => [s.id, s.title, s.origin.line]),
        [
          ['X.1255', 'Framework for discovery of identity management information', 3],
          ['X.1254', 'Entity authentication assurance framework — café edition', 3],
        ],
      )
    },
  },
  'binary-file': {
    valid: false,
    lines: [
      '@/logo.png: warning: not a catalogue file (ignored)',
      '@/standards.yaml: binary content (NUL bytes): not a text file',
    ],
    counts: [0, 0, 0, 2],
  },
  'duplicate-ids-across-files': {
    valid: false,
    lines: ['@/b-standards.csv:3: id: duplicate standard id "X.1252" (first at @/a-standards.yaml:3)'],
    counts: [0, 0, 2, 2],
  },
  'unknown-sg': {
    valid: false,
    lines: [
      '@/deliverables.csv:2: sgs: unknown study group 16 (known: 17, 20)',
      '@/deliverables.csv:2: sgs: unknown study group 21 (known: 17, 20)',
      '@/standards.csv:3: sg: unknown study group 99 (known: 17, 20)',
    ],
    counts: [1, 0, 2, 2],
  },
  'unknown-question': {
    valid: false,
    lines: [
      '@/standards.jsonl:1: question: unknown Question "Q9/17" in SG17',
      '@/standards.jsonl:2: question: unknown Question "Q6/16"',
      '@/standards.jsonl:4: question: unknown Question "Q1/20" in SG17',
    ],
    counts: [0, 0, 4, 2],
  },
  'empty-title': {
    valid: false,
    lines: [
      '@/standards.yaml:4: title: required field is missing',
      '@/standards.yaml:8: title: must not be empty',
      '@/standards.yaml:11: title: required field is missing',
    ],
    counts: [0, 0, 0, 2],
  },
  'empty-requirement-text': {
    valid: false,
    lines: [
      '@/requirements.yaml:5: text: must not be empty',
      '@/requirements.yaml:6: text: required field is missing',
    ],
    counts: [0, 1, 0, 2],
    check: (c) => assert.equal(c.requirements[0].id, 'DPI-T-03'),
  },
  'bad-enum': {
    valid: false,
    lines: [
      '@/deliverables.yaml:5: type: "white paper" is not one of TR, TS',
      '@/standards.yaml:6: status: "retired" is not one of in-force, under-study, withdrawn',
    ],
    counts: [0, 0, 1, 2],
    check: (c) => assert.deepEqual([c.standards[0].id, c.standards[0].status], ['X.1253', 'withdrawn']),
  },
  'unknown-field': {
    valid: true,
    lines: ['@/standards.yaml:7: warning: colour: unknown field (ignored)'],
    counts: [0, 0, 1, 2],
    check: (c) => assert.equal('colour' in c.standards[0], false),
  },
  'not-a-catalogue-file': {
    valid: false,
    lines: [`@/list.yaml:1: ${NOT_CATALOGUE}`, `@/notes.yaml:1: entries: ${NOT_CATALOGUE}`],
    counts: [0, 0, 0, 2],
  },
  'wrong-kind': {
    valid: false,
    lines: [
      `@/standards.yaml:2: kind: "standards" is not one of ${KINDS}`,
      `@/subjects.csv:3: kind: "report" is not one of ${KINDS}`,
    ],
    counts: [1, 0, 0, 2],
  },
  'hostile-strings': {
    valid: false,
    lines: [
      `@/standards.yaml:9: title: ${CONTROL}`,
      '@/standards.yaml:13: title: is 2000 characters long; at most 1000 allowed',
      `@/standards.yaml:18: summary: ${CONTROL}`,
      `@/standards.yaml:23: keywords: ${CONTROL}`,
    ],
    counts: [0, 0, 1, 2],
    check: (c) =>
      assert.deepEqual([c.standards[0].id, c.standards[0].title], ['XSS.1', '<script>alert(1)</script>']),
  },
  'yaml-duplicate-key': {
    valid: false,
    lines: ['@/standards.yaml:5: malformed YAML: Map keys must be unique'],
    counts: [0, 0, 0, 2],
  },
  'json-file': {
    valid: false,
    lines: ['@/standards.json:15: status: "retired" is not one of in-force, under-study, withdrawn'],
    counts: [0, 0, 1, 2],
  },
  'reserved-and-ignored': {
    valid: true,
    lines: ['@/standards.docx: warning: not a catalogue file (ignored)'],
    counts: [0, 0, 1, 2],
  },
}

describe('broken catalogue fixtures', () => {
  it('has a row for every fixture folder, and every folder has a valid study-groups.yaml', () => {
    const folders = readdirSync(BROKEN, {withFileTypes: true})
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
    assert.deepEqual(folders, Object.keys(CASES).sort())
    for (const folder of folders) assert.ok(existsSync(`${BROKEN}/${folder}/study-groups.yaml`), folder)
  })

  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: ${expected.valid ? 'valid' : 'invalid'}, ${expected.lines.length} problem line(s)`, () => {
      const dir = `${BROKEN}/${name}`
      const {catalogue, problems} = loadCatalogue(dir)
      assert.deepEqual(
        problems.map(formatProblem),
        expected.lines.map((line) => line.replaceAll('@/', `${dir}/`)),
      )
      assert.equal(
        problems.every((p) => p.severity === 'warning'),
        expected.valid,
      )
      assert.deepEqual(
        [
          catalogue.deliverables.length,
          catalogue.requirements.length,
          catalogue.standards.length,
          catalogue.studyGroups.length,
        ],
        expected.counts,
      )
      assert.deepEqual(
        catalogue.studyGroups.map((g) => g.id),
        ['SG17', 'SG20'],
      )
      expected.check?.(catalogue)
    })
  }
})
