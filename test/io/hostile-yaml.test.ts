/**
 * Every reader of a YAML or JSON input, fed generated hostile files: aliases that expand
 * exponentially ("billion laughs", in several shapes) and nesting far deeper than any real file.
 * Each must answer with one problem naming the file and a line, quickly, never hang or overflow.
 */
import {strict as assert} from 'node:assert'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {loadDecisions} from '../../src/core/analysis/decisions.js'
import {emptyCatalogue, loadFile} from '../../src/core/catalogue/index.js'
import {formatProblem, type Problem} from '../../src/core/catalogue/problems.js'
import {loadSubjects} from '../../src/core/catalogue/subjects.js'
import {loadConfig} from '../../src/core/config.js'
import {GapscanError} from '../../src/core/errors.js'
import {loadSnapshot} from '../../src/core/export/snapshot.js'
import {readRelatonFiles} from '../../src/core/import/relaton.js'
import {MAX_ALIAS_VALUES, MAX_NESTING_DEPTH} from '../../src/core/io/yaml.js'
import {loadGold} from '../../src/core/match/evaluate.js'
import {loadGlossary} from '../../src/core/text/glossary.js'

const dir = mkdtempSync(join(tmpdir(), 'gapscan-hostile-yaml-'))

/** `levels` anchors, each a list of `width` aliases of the one before: width^levels values. */
function laughs(levels: number, width: number, flow: boolean): string {
  const lines = [`l0: &l0 "lol"`]
  for (let i = 1; i <= levels; i++) {
    const items = Array.from({length: width}, () => `*l${i - 1}`)
    lines.push(
      flow
        ? `l${i}: &l${i} [${items.join(', ')}]`
        : `l${i}: &l${i}\n${items.map((a) => `  - ${a}`).join('\n')}`,
    )
  }
  return lines.join('\n') + '\n'
}

/** The bomb placed where each reader looks: under the key it reads, so it is really walked. */
const BOMBS: Record<string, (bomb: string, top: number) => string> = {
  catalogue: (bomb, top) => `${bomb}kind: standard\nentries:\n  - id: X.1\n    title: *l${top}\n`,
  decisions: (bomb, top) => `${bomb}decisions: *l${top}\n`,
  glossary: (bomb, top) => `${bomb}concepts: *l${top}\n`,
  config: (bomb, top) => `${bomb}weights: *l${top}\n`,
}

const HOSTILE_ALIASES = [
  {name: '9 levels of 9 (block)', levels: 9, width: 9, flow: false},
  {name: '9 levels of 9 (flow)', levels: 9, width: 9, flow: true},
  {name: '30 levels of 2', levels: 30, width: 2, flow: true},
  {name: '5 levels of 40', levels: 5, width: 40, flow: true},
]

function nested(depth: number, kind: 'seq' | 'map'): string {
  return kind === 'seq'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
}

/** Runs a reader that throws on bad input, or returns problems: the one-line message either way. */
function messageOf(read: () => Problem[] | unknown): string {
  try {
    const problems = read() as Problem[]
    assert.ok(Array.isArray(problems) && problems.length > 0, 'expected a problem')
    return formatProblem(problems.find((p) => p.severity === 'error')!)
  } catch (e) {
    if (!(e instanceof GapscanError)) throw e
    return e.message
  }
}

function write(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** Every YAML reader, by the file name it is given. */
const YAML_READERS: Record<string, (path: string) => unknown> = {
  catalogue: (path) => loadFile(path).problems,
  subjects: (path) => loadSubjects(path, []),
  gold: (path) => loadGold(path),
  decisions: (path) => loadDecisions(path, emptyCatalogue(), true),
  glossary: (path) => loadGlossary(path),
  config: (path) => loadConfig(dir, path),
  relaton: (path) => readRelatonFiles([path]).problems,
}

describe('io: hostile YAML and JSON in every reader', () => {
  for (const shape of HOSTILE_ALIASES) {
    for (const [reader, read] of Object.entries(YAML_READERS)) {
      it(`${reader}: refuses aliases that expand exponentially (${shape.name})`, () => {
        const bomb = laughs(shape.levels, shape.width, shape.flow)
        const place = BOMBS[reader] ?? BOMBS.catalogue
        const path = write(
          `${reader}-${shape.levels}x${shape.width}${shape.flow ? 'f' : 'b'}.yaml`,
          place(bomb, shape.levels),
        )
        const message = messageOf(() => read(path))
        assert.match(message, new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `))
        assert.match(message, new RegExp(`aliases expand to more than ${MAX_ALIAS_VALUES} values`))
      })
    }
  }

  it('accepts aliases a person would write (an anchored title used twice)', () => {
    const path = write(
      'ok.yaml',
      'kind: standard\nentries:\n  - id: X.1\n    title: &t Shared title\n    org: ITU-T\n    status: in-force\n  - id: X.2\n    title: *t\n    org: ITU-T\n    status: in-force\n',
    )
    const {entries, problems} = loadFile(path)
    assert.deepEqual(problems, [])
    assert.deepEqual(
      entries.map((e) => e.title),
      ['Shared title', 'Shared title'],
    )
  })

  it('refuses an alias to its own ancestor (a cycle) instead of walking it forever', () => {
    const path = write('cycle.yaml', 'kind: standard\nentries: &e\n  - id: X.1\n    title: [*e]\n')
    assert.match(
      messageOf(() => loadFile(path).problems),
      /cycle\.yaml:\d+: (aliases expand|nested more than)/,
    )
  })

  for (const depth of [MAX_NESTING_DEPTH + 1, 1000, 10_000, 100_000]) {
    for (const kind of ['seq', 'map'] as const) {
      for (const [reader, read] of Object.entries(YAML_READERS)) {
        it(`${reader}: refuses ${kind === 'seq' ? 'lists' : 'mappings'} nested ${depth} deep (JSON syntax in a .yaml/.json file)`, () => {
          const path = write(
            `${reader}-deep-${kind}-${depth}.json`,
            `{"kind": "standard", "decisions": 1, "concepts": 1, "entries": ${nested(depth, kind)}}`,
          )
          const message = messageOf(() => read(path))
          assert.match(message, /:\d+: (nested more than 100 levels deep|malformed YAML)/, message)
        })
      }
      it(`JSON Lines (catalogue, subjects, gold, relaton): refuses ${kind} nested ${depth} deep at its line`, () => {
        const path = write(
          `deep-${kind}-${depth}.jsonl`,
          `{"id": "a", "text": "ok"}\n{"id": "b", "text": ${nested(depth, kind)}}\n`,
        )
        for (const read of [
          YAML_READERS.catalogue,
          YAML_READERS.subjects,
          YAML_READERS.gold,
          YAML_READERS.relaton,
        ])
          assert.equal(
            messageOf(() => read(path)),
            `${path}:2: nested more than ${MAX_NESTING_DEPTH} levels deep`,
          )
      })
      it(`report.json (diff, export --previous): refuses ${kind} nested ${depth} deep`, () => {
        const path = write(
          `deep-${kind}-${depth}-report.json`,
          `{"schemaVersion": "1.0", "subjects": ${nested(depth, kind)}}`,
        )
        assert.equal(
          messageOf(() => loadSnapshot(path)),
          `${path}:1: nested more than ${MAX_NESTING_DEPTH} levels deep`,
        )
      })
    }
  }

  it('accepts nesting up to the limit', () => {
    const path = write(
      'deep-ok.jsonl',
      `{"id": "a", "text": "ok", "x": ${nested(MAX_NESTING_DEPTH - 1, 'seq')}}\n`,
    )
    assert.deepEqual(
      loadSubjects(path, []).map((s) => s.id),
      ['a'],
    )
  })
})
