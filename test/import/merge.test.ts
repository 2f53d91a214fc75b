import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {loadFile} from '../../src/core/catalogue/load.js'
import type {Standard} from '../../src/core/catalogue/types.js'
import {applyImport} from '../../src/core/import/apply.js'
import {compareNatural, mergeEntries, serialiseJsonl, serialiseYaml} from '../../src/core/import/merge.js'
import {inScratchCatalogue} from './helpers.js'

const origin = {file: 'import', line: 1}
function standard(id: string, extra: Partial<Standard> = {}): Standard {
  return {
    kind: 'standard',
    id,
    title: `Title of ${id}`,
    org: 'ITU-T',
    status: 'in-force',
    keywords: [],
    origin,
    ...extra,
  }
}

describe('import: merge', () => {
  it('orders ids naturally', () => {
    const ids = ['Y.4900', 'Y.41000', 'Y.4600', 'H.770.1', 'H.770', 'Y Suppl. 73', 'Y Suppl. 8']
    assert.deepEqual([...ids].sort(compareNatural), [
      'H.770',
      'H.770.1',
      'Y Suppl. 8',
      'Y Suppl. 73',
      'Y.4600',
      'Y.4900',
      'Y.41000',
    ])
  })

  it('counts added, updated, unchanged and withdrawn, and keeps hand-written summary and keywords', () => {
    const existing = [
      standard('Y.4600', {summary: 'Our words.', keywords: ['digital twin']}),
      standard('Y.4900', {title: 'Old title'}),
      standard('X.1000'),
      standard('Z.1'),
    ]
    const imported = [
      standard('Y.4600'),
      standard('Y.4900'),
      standard('X.1000', {status: 'withdrawn'}),
      standard('A.1'),
    ]
    const {entries, counts} = mergeEntries(existing, imported)
    assert.deepEqual(counts, {added: 1, updated: 1, unchanged: 1, withdrawn: 1})
    assert.deepEqual(
      entries.map((e) => e.id),
      ['A.1', 'X.1000', 'Y.4600', 'Y.4900', 'Z.1'],
    )
    const y4600 = entries.find((e) => e.id === 'Y.4600') as Standard
    assert.equal(y4600.summary, 'Our words.')
    assert.deepEqual(y4600.keywords, ['digital twin'])
    assert.equal(entries.find((e) => e.id === 'Y.4900')?.title, 'Title of Y.4900')
  })

  it('lets imported keywords replace old ones, and a second identical import changes nothing', () => {
    const first = mergeEntries([], [standard('Y.1', {keywords: ['a']})])
    const second = mergeEntries(first.entries, [standard('Y.1', {keywords: ['b']})])
    assert.deepEqual(second.counts, {added: 0, updated: 1, unchanged: 0, withdrawn: 0})
    const third = mergeEntries(second.entries, [standard('Y.1', {keywords: ['b']})])
    assert.deepEqual(third.counts, {added: 0, updated: 0, unchanged: 1, withdrawn: 0})
  })

  it('serialises YAML {kind, entries} and compact JSON Lines with snake_case fields and no empty values', () => {
    const s = standard('Y.4600', {sg: 20, sourceUrl: 'https://example.org/y4600', published: '2022-08-29'})
    assert.equal(
      serialiseJsonl([s]),
      '{"kind":"standard","id":"Y.4600","title":"Title of Y.4600","source_url":"https://example.org/y4600","org":"ITU-T","status":"in-force","sg":20,"published":"2022-08-29"}\n',
    )
    assert.equal(
      serialiseYaml('standard', [s]),
      'kind: standard\nentries:\n  - id: Y.4600\n    title: Title of Y.4600\n    source_url: https://example.org/y4600\n    org: ITU-T\n    status: in-force\n    sg: 20\n    published: 2022-08-29\n',
    )
  })

  it('writes a file the catalogue loader reads back, byte-identical on a second run', async () => {
    for (const format of ['yaml', 'jsonl'] as const) {
      await inScratchCatalogue((dir) => {
        const out = join(dir, 'standards', `merged.${format}`)
        const imported = () => [
          standard('Y.4901', {sg: 20}),
          standard('ISO 1', {org: 'ISO', status: 'withdrawn'}),
        ]
        const first = applyImport({kind: 'standard', imported: imported(), out, catalogue: dir})
        assert.deepEqual(first.counts, {added: 2, updated: 0, unchanged: 0, withdrawn: 0})
        assert.equal(first.written, true)
        const bytes = readFileSync(out, 'utf8')
        const second = applyImport({kind: 'standard', imported: imported(), out, catalogue: dir})
        assert.deepEqual(second.counts, {added: 0, updated: 0, unchanged: 2, withdrawn: 0})
        assert.equal(second.written, false)
        assert.equal(readFileSync(out, 'utf8'), bytes)
        const loaded = loadFile(out)
        assert.deepEqual(loaded.problems, [])
        assert.deepEqual(
          loaded.entries.map((e) => e.id),
          ['ISO 1', 'Y.4901'],
        )
      })
    }
  })

  it('drops study groups and Questions the catalogue does not know, and refuses ids held by another file', async () => {
    await inScratchCatalogue((dir) => {
      const out = join(dir, 'standards', 'new.yaml')
      const result = applyImport({
        kind: 'standard',
        imported: [
          standard('X.1', {sg: 16}),
          standard('X.2', {sg: 17, question: 'Q99/17'}),
          standard('X.3', {sg: 17, question: 'Q6/17'}),
        ],
        out,
        catalogue: dir,
      })
      assert.deepEqual(result.dropped, {sg: 1, question: 1})
      const entries = loadFile(out).entries as Standard[]
      assert.equal(entries[0].sg, undefined)
      assert.equal(entries[0].committee, 'ITU-T Study Group 16')
      assert.equal(entries[1].question, undefined)
      assert.equal(entries[2].question, 'Q6/17')
      assert.throws(
        () => applyImport({kind: 'standard', imported: [standard('Y.4600')], out, catalogue: dir}),
        (e: Error & {exitCode?: number}) =>
          e.exitCode === 3 && /Y\.4600" is already in .*hand\.yaml/.test(e.message),
      )
    })
  })
})
