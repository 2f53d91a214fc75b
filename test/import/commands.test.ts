import {runCommand} from '@oclif/test'
import assert from 'node:assert/strict'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {loadCatalogue} from '../../src/core/catalogue/load.js'
import {FIXTURES, ROOT, inScratchCatalogue} from './helpers.js'

/** `gapscan import csv` of standards from `input`, with the columns the fixtures use. */
const importStandardsCsv = (input: string, ...more: string[]) =>
  runCommand(['import', 'csv', '--kind', 'standard', input, '--map', STANDARD_COLUMNS, ...more], {root: ROOT})
const STANDARD_COLUMNS = 'id=Number,title=Title,org=Body,status=State'

describe('import: commands', () => {
  it('import relaton merges into --out, keeps the hand-written summary, and is idempotent', async () => {
    await inScratchCatalogue(async (dir) => {
      const out = join(dir, 'standards', 'hand.yaml')
      const args = [
        'import',
        'relaton',
        join(FIXTURES, 'relaton'),
        '--no-abstract',
        '--out',
        out,
        '--catalogue',
        dir,
      ]
      const first = await runCommand(args, {root: ROOT})
      assert.equal(first.error, undefined)
      assert.match(first.stderr, /added 9, updated 1, unchanged 0, withdrawn 0/)
      assert.match(first.stderr, /dropped 1 study-group references/)
      const bytes = readFileSync(out, 'utf8')
      assert.match(bytes, /summary: Our own words on digital twins of cities\./)
      assert.match(bytes, /question: Q7\/20/)
      const {problems} = loadCatalogue(dir)
      assert.deepEqual(
        problems.filter((p) => p.severity === 'error'),
        [],
      )
      const second = await runCommand([...args, '--json'], {root: ROOT})
      assert.deepEqual(JSON.parse(second.stdout), {
        added: 0,
        updated: 0,
        unchanged: 10,
        withdrawn: 0,
        file: out,
        total: 10,
        droppedSg: 1,
        droppedQuestions: 0,
      })
      assert.equal(readFileSync(out, 'utf8'), bytes)
    })
  })

  it('import csv writes nothing and exits 3 on a bad row', async () => {
    await inScratchCatalogue(async (dir) => {
      const out = join(dir, 'standards', 'csv.yaml')
      const bad = await importStandardsCsv(join(FIXTURES, 'bad.csv'), '--out', out, '--catalogue', dir)
      assert.equal(bad.error?.oclif?.exit, 3)
      assert.match(bad.stderr, /bad\.csv:3: title: required field is missing/)
      assert.equal(existsSync(out), false)
      const good = await runCommand(
        [
          'import',
          'csv',
          '--kind',
          'standard',
          join(FIXTURES, 'standards.csv'),
          '--map',
          `${STANDARD_COLUMNS},sg=Group,question=Q`,
          '--out',
          out,
          '--catalogue',
          dir,
          '--json',
        ],
        {root: ROOT},
      )
      // Y.4600 is already in hand.yaml: refused, nothing written.
      assert.equal(good.error?.oclif?.exit, 3)
      // With --json the error is a JSON object on stdout.
      assert.match(
        JSON.parse(good.stdout).error.message,
        /standards\.csv:2: id: standard "Y\.4600" is already in .*hand\.yaml/,
      )
      assert.equal(existsSync(out), false)
    })
  })

  it('import csv of a Windows-1252 file: accents kept, and the decoding warning printed', async () => {
    await inScratchCatalogue(async (dir) => {
      const input = join(dir, '..', 'excel.csv')
      writeFileSync(
        input,
        Buffer.from('Number,Title,Body,State\nX.1252,Gestion des identités,ITU-T,in force\n', 'latin1'),
      )
      const out = join(dir, 'standards', 'excel.yaml')
      const {stderr, error} = await importStandardsCsv(input, '--out', out, '--catalogue', dir)
      assert.equal(error, undefined, stderr)
      assert.equal(
        stderr.split('\n')[0],
        `${input}: warning: not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this`,
      )
      assert.match(readFileSync(out, 'utf8'), /title: Gestion des identités\n/)
    })
  })

  it('import csv takes the format from --out: .ndjson gets JSON Lines, and a re-run changes nothing', async () => {
    await inScratchCatalogue(async (dir) => {
      const input = join(dir, '..', 'new.csv')
      writeFileSync(
        input,
        'Number,Title,Body,State\nX.1252,Baseline identity management terms,ITU-T,in force\n',
      )
      const out = join(dir, 'standards', 'new.ndjson')
      const first = await importStandardsCsv(input, '--out', out, '--catalogue', dir)
      assert.equal(first.error, undefined, first.stderr)
      const bytes = readFileSync(out, 'utf8')
      assert.deepEqual(
        bytes
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).id),
        ['X.1252'],
      )
      const {catalogue, problems} = loadCatalogue(dir)
      assert.deepEqual(
        problems.filter((p) => p.severity === 'error'),
        [],
      )
      assert.ok(catalogue.standards.some((s) => s.id === 'X.1252'))
      const second = await importStandardsCsv(input, '--out', out, '--catalogue', dir)
      assert.match(second.stderr, /added 0, updated 0, unchanged 1/)
      assert.equal(readFileSync(out, 'utf8'), bytes)
      // An --out name that says no format, and no --format: a usage error, nothing written.
      const unknown = join(dir, 'standards', 'new.txt')
      const third = await importStandardsCsv(input, '--out', unknown, '--catalogue', dir)
      assert.equal(third.error?.oclif?.exit, 2)
      assert.equal(existsSync(unknown), false)
    })
  })
})
