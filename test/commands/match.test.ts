import assert from 'node:assert/strict'
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import type {SubjectResult} from '../../src/core/match/matcher.js'
import {ROOT, resetExitCodeAround, warmUpCli} from '../catalogue/cli-helpers.js'

const SMALL = 'test/fixtures/catalogue/small'
const FIXTURE = 'test/fixtures/analysis/small'

const match = (...args: string[]) => runCommand<SubjectResult[]>(['match', ...args], {root: ROOT})

describe('gapscan match', () => {
  warmUpCli()
  resetExitCodeAround()
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-match-'))
  })
  after(() => rmSync(dir, {recursive: true, force: true}))
  const file = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }

  it('--json on the small fixture: subjects, statuses, matches with score, SG and terms', async () => {
    const {stdout, stderr, error, result} = await match('--catalogue', SMALL, '--json')
    assert.equal(error, undefined)
    assert.equal(stderr, '')
    const parsed = JSON.parse(stdout) as SubjectResult[]
    assert.deepEqual(parsed, [
      {
        subject: 'FGMV-99',
        status: 'gap',
        matches: [
          {
            id: 'Y.4600',
            basis: 'text',
            score: 0.1431,
            evidence: 0.9434,
            org: 'ITU-T',
            sg: 20,
            status: 'in-force',
            terms: ['digital', 'twins'],
          },
        ],
        citations: [],
      },
      {
        subject: 'DPI-T-01',
        status: 'gap',
        matches: [
          {
            id: 'Y.4600',
            basis: 'text',
            score: 0.073,
            evidence: 0.4717,
            org: 'ITU-T',
            sg: 20,
            status: 'in-force',
            terms: ['system'],
          },
        ],
        citations: [],
      },
    ])
    assert.deepEqual(result, parsed)
  })

  it('--json: subjects in catalogue order, matches by descending score', async () => {
    const {stdout, error} = await match('--catalogue', FIXTURE, '--json')
    assert.equal(error, undefined)
    const parsed = JSON.parse(stdout) as SubjectResult[]
    assert.deepEqual(
      parsed.map((r) => [r.subject, r.status]),
      [
        ['FGMV-01', 'covered'],
        ['FGMV-02', 'covered'],
        ['FGMV-03', 'covered'],
        ['DPI-ID-01', 'covered'],
        ['DPI-SEC-01', 'covered'],
        ['DPI-CON-01', 'gap'],
        ['DPI-MSG-01', 'gap'],
      ],
    )
    for (const r of parsed) {
      for (const m of r.matches) {
        assert.deepEqual(
          Object.keys(m).filter((k) => ['id', 'score', 'terms'].includes(k)),
          ['id', 'score', 'terms'],
        )
        assert.equal(typeof m.score, 'number')
        assert.ok(Array.isArray(m.terms))
      }
      const scores = r.matches.map((m) => m.score)
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      )
    }
    assert.deepEqual(
      parsed[0].matches.map((m) => [m.id, m.score, m.sg ?? null]),
      [
        ['Y.4600', 0.5871, 20],
        ['X.1999', 0.4456, 17],
        ['F.7001', 0.1802, 21],
        ['ISO/IEC 99001', 0.1736, null],
      ],
    )
  })

  it('prints a plain listing for people', async () => {
    const {stdout, error} = await match('--catalogue', SMALL)
    assert.equal(error, undefined)
    assert.equal(
      stdout,
      [
        'FGMV-99\tgap',
        '  0.1431  Y.4600 (SG20)  evidence 0.94  digital, twins',
        'DPI-T-01\tgap',
        '  0.0730  Y.4600 (SG20)  evidence 0.47  system',
        '',
      ].join('\n'),
    )
  })

  it('--kind and --top narrow the result', async () => {
    const {stdout, error} = await match(
      '--catalogue',
      FIXTURE,
      '--kind',
      'deliverable',
      '--top',
      '1',
      '--json',
    )
    assert.equal(error, undefined)
    const parsed = JSON.parse(stdout) as SubjectResult[]
    assert.deepEqual(
      parsed.map((r) => [r.subject, r.matches.map((m) => m.id)]),
      [
        ['FGMV-01', ['Y.4600']],
        ['FGMV-02', ['F.7001']],
        ['FGMV-03', ['F.7001']],
      ],
    )
  })

  it('--subjects FILE.jsonl of {"id", "text"} lines (French meets English through the glossary)', async () => {
    const path = file(
      'subjects.jsonl',
      [
        '{"id":"T1","text":"Security guidelines for digital twin systems in smart cities"}',
        '{"id":"T2","text":"Les jumeaux numériques pour les villes intelligentes"}',
        '{"id":"T3","text":"Banana bread recipes"}',
        '',
      ].join('\n'),
    )
    const {stdout, error} = await match('--catalogue', FIXTURE, '--subjects', path, '--json')
    assert.equal(error, undefined)
    const parsed = JSON.parse(stdout) as SubjectResult[]
    assert.deepEqual(
      parsed.map((r) => [r.subject, r.status, r.matches.map((m) => [m.id, m.score])]),
      [
        [
          'T1',
          'covered',
          [
            ['X.1999', 0.7122],
            ['Y.4600', 0.5094],
          ],
        ],
        // The French text meets the standards only through two glossary concepts (its words are
        // not theirs): ranked, but too little evidence (0.78) to cover.
        [
          'T2',
          'gap',
          [
            ['Y.4600', 0.1201],
            ['X.1999', 0.1167],
          ],
        ],
        ['T3', 'gap', []],
      ],
    )
    assert.deepEqual(parsed[1].matches[0].terms, ['digital twin', 'smart city'])
  })

  it('a subjects file in Windows-1252: decoded, matched, and one warning line naming the file', async () => {
    const path = join(dir, 'latin1.jsonl')
    writeFileSync(
      path,
      Buffer.from('{"id":"T2","text":"Les jumeaux numériques pour les villes intelligentes"}\n', 'latin1'),
    )
    const {stdout, stderr, error} = await match('--catalogue', FIXTURE, '--subjects', path)
    assert.equal(error, undefined)
    assert.equal(
      stderr,
      `${path}: warning: not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this\n`,
    )
    // The same scores as the UTF-8 file gives (test above): "numériques" was decoded right.
    assert.ok(stdout.startsWith('T2\tgap\n  0.1201  Y.4600 '), stdout)
  })

  it('a config file in Windows-1252: applied, and its decoding warning printed', async () => {
    const catalogue = join(dir, 'latin1-config')
    cpSync(FIXTURE, catalogue, {recursive: true})
    const config = join(catalogue, 'gapscan.config.yaml')
    writeFileSync(config, Buffer.from('# réglages du groupe\ntop: 1\n', 'latin1'))
    const {stdout, stderr, error} = await match('--catalogue', catalogue)
    assert.equal(error, undefined)
    // top: 1 applied: each subject line is followed by at most one match line.
    assert.doesNotMatch(stdout, /\n {2}\d.*\n {2}\d/)
    assert.match(stdout, /\n {2}\d/)
    assert.equal(
      stderr,
      `${config}: warning: not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this\n`,
    )
  })

  it('a malformed subjects file: exit 3, one line naming file and line', async () => {
    const path = file('bad.jsonl', '{"id":"a","text":"digital twin"}\n{"id":"b" "text":"x"}\n')
    const {stdout, stderr, error} = await match('--catalogue', FIXTURE, '--subjects', path)
    assert.equal(error?.oclif?.exit, 3)
    assert.equal(stdout, '')
    assert.match(
      stderr,
      new RegExp(`^error: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: malformed JSON: [^\\n]*\\n$`),
    )
  })

  it('a subjects file with an empty text or a duplicate id: exit 3 with file:line: field', async () => {
    const empty = file('empty.jsonl', '{"id":"a","text":"digital twin"}\n{"id":"b","text":""}\n')
    const r1 = await match('--catalogue', FIXTURE, '--subjects', empty)
    assert.equal(r1.error?.oclif?.exit, 3)
    assert.equal(r1.stderr, `error: ${empty}:2: text: must not be empty\n`)
    const dup = file('dup.jsonl', '{"id":"a","text":"digital twin"}\n{"id":"a","text":"smart city"}\n')
    const r2 = await match('--catalogue', FIXTURE, '--subjects', dup)
    assert.equal(r2.error?.oclif?.exit, 3)
    assert.equal(r2.stderr, `error: ${dup}:2: id: duplicate subject id "a" (first at line 1)\n`)
  })

  it('a missing subjects file: exit 3', async () => {
    const {error, stderr} = await match('--catalogue', FIXTURE, '--subjects', join(dir, 'nope.jsonl'))
    assert.equal(error?.oclif?.exit, 3)
    assert.match(stderr, /^error: .*nope\.jsonl/)
  })
})
