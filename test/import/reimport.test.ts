/**
 * Re-importing a spreadsheet never loses what a person wrote: for every entry kind, each field
 * the sheet does not carry keeps its curated value; and column names match whatever their case.
 */
import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {loadFile} from '../../src/core/catalogue/load.js'
import type {EntryKind} from '../../src/core/catalogue/types.js'
import {applyImport} from '../../src/core/import/apply.js'
import {importCsv, parseColumnMap} from '../../src/core/import/csv.js'
import {inScratchCatalogue} from './helpers.js'

/** Per kind: the curated file (every optional field filled by hand) and a sheet with the required columns only. */
const CASES: {kind: EntryKind; curated: string; sheet: string; kept: Record<string, unknown>}[] = [
  {
    kind: 'deliverable',
    curated:
      'kind: deliverable\nentries:\n  - id: FGMV-01\n    title: Old title\n    type: TR\n    working_group: WG2\n    approved: 2024-05\n    summary: Curated summary.\n    keywords: [twin, city]\n    sgs: [20]\n',
    sheet: 'ID,Title,TYPE\nFGMV-01,New title,TR\n',
    kept: {
      workingGroup: 'WG2',
      approved: '2024-05',
      summary: 'Curated summary.',
      keywords: ['twin', 'city'],
      sgs: [20],
    },
  },
  {
    kind: 'standard',
    curated:
      'kind: standard\nentries:\n  - id: Y.4600\n    title: Old title\n    org: ITU-T\n    status: in-force\n    sg: 20\n    type: Recommendation\n    published: 2020-01\n    committee: SG20\n    summary: Curated summary.\n    keywords: [twin]\n    source_url: https://example.org/y4600\n',
    sheet: 'Id,title,Org,Status\nY.4600,New title,ITU-T,in-force\n',
    kept: {
      sg: 20,
      type: 'Recommendation',
      published: '2020-01',
      committee: 'SG20',
      summary: 'Curated summary.',
      keywords: ['twin'],
      sourceUrl: 'https://example.org/y4600',
    },
  },
  {
    kind: 'requirement',
    curated:
      'kind: requirement\nentries:\n  - id: DPI-ID-01\n    title: Curated title\n    building_block: identity\n    level: REQUIRED\n    text: Old text.\n    keywords: [identity]\n    source_refs: [spec 5.1]\n',
    sheet: 'ID,Building_Block,TEXT\nDPI-ID-01,identity,New text.\n',
    kept: {level: 'REQUIRED', keywords: ['identity'], sourceRefs: ['spec 5.1']},
  },
]

describe('import csv: re-import keeps curated fields; columns match in any case', () => {
  for (const {kind, curated, sheet, kept} of CASES) {
    it(`${kind}: every field the sheet does not carry keeps its curated value, and the sheet's fields change`, () =>
      inScratchCatalogue((dir) => {
        const out = join(dir, 'curated.yaml')
        writeFileSync(out, curated)
        const sheetFile = join(dir, 'sheet.csv')
        writeFileSync(sheetFile, sheet)
        const {entries, problems} = importCsv(sheetFile, sheet, kind, parseColumnMap(undefined, kind))
        assert.deepEqual(problems, [])
        const result = applyImport({kind, imported: entries, out, catalogue: dir})
        assert.deepEqual(result.counts, {added: 0, updated: 1, unchanged: 0, withdrawn: 0})
        const [entry] = loadFile(out, kind).entries as unknown as Record<string, unknown>[]
        for (const [field, value] of Object.entries(kept)) assert.deepEqual(entry[field], value, field)
        assert.ok(entry.title === 'New title' || entry.text === 'New text.', JSON.stringify(entry))
      }))
  }

  for (const header of ['summary', 'Summary', 'SUMMARY', ' sUmMaRy ']) {
    it(`reads the column "${header}" as the field summary, mapped or not`, () => {
      const text = `id,title,org,status,${header}\nX.1,T,ITU-T,in-force,The summary\n`
      for (const map of [undefined, `summary=${header.trim().toLowerCase()}`, `summary=SUMMARY`]) {
        const {entries, problems} = importCsv('s.csv', text, 'standard', parseColumnMap(map, 'standard'))
        assert.deepEqual(problems, [])
        assert.equal((entries[0] as {summary?: string}).summary, 'The summary', `${header} / ${map}`)
      }
    })
  }
})
