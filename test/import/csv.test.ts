import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Standard} from '../../src/core/catalogue/types.js'
import {importCsv, parseColumnMap} from '../../src/core/import/csv.js'
import {knownNumbers, readWorkItems, workItemStatus} from '../../src/core/import/itu-work-items.js'
import {FIXTURES} from './helpers.js'

describe('import: csv and work items', () => {
  it('maps columns with --map and reads unmapped fields from same-named columns', () => {
    const file = join(FIXTURES, 'standards.csv')
    const map = parseColumnMap('id=Number,title=Title,org=Body,status=State,sg=Group,question=Q', 'standard')
    const {entries, problems} = importCsv(file, readFileSync(file, 'utf8'), 'standard', map)
    assert.deepEqual(problems, [])
    const s = entries as Standard[]
    assert.deepEqual(
      s.map((e) => [e.id, e.status, e.sg, e.question]),
      [
        ['Y.4600', 'in-force', 20, 'Q7/20'],
        ['X.1252', 'in-force', 17, 'Q99/17'],
        ['ISO 9999', 'withdrawn', undefined, undefined],
      ],
    )
  })

  it('reports bad rows as file:line: field and rejects unknown map fields', () => {
    const file = join(FIXTURES, 'bad.csv')
    const map = parseColumnMap('id=Number,title=Title,org=Body,status=State', 'standard')
    const {problems} = importCsv(file, readFileSync(file, 'utf8'), 'standard', map)
    assert.deepEqual(
      problems.map((p) => `${p.line}: ${p.field}: ${p.message}`),
      [
        '3: title: required field is missing',
        '4: status: "sort of" is not one of in-force, under-study, withdrawn',
      ],
    )
    assert.throws(() => parseColumnMap('colour=Colour', 'standard'), /"colour" is not a standard field/)
    const missing = importCsv(file, readFileSync(file, 'utf8'), 'standard', {title: 'Name'})
    assert.match(missing.problems[0].message, /column "Name" is not in the header/)
  })

  it('reads the header the records are read with: a blank first line, spaces around names', () => {
    const text = '\n Number , Title ,Body,State\nX.1252,Identity terms,ITU-T,in force\n'
    const map = parseColumnMap('id=Number,title=Title,org=Body,status=State', 'standard')
    const {entries, problems} = importCsv('lead.csv', text, 'standard', map)
    assert.deepEqual(problems, [])
    assert.deepEqual(
      entries.map((e) => [e.id, e.title]),
      [['X.1252', 'Identity terms']],
    )
    const missing = importCsv('lead.csv', text, 'standard', {title: 'Name'})
    assert.deepEqual(
      missing.problems.map((p) => p.message),
      ['column "Name" is not in the header (Number, Title, Body, State)'],
    )
  })

  it('gives a work item row the line it starts on, even with a quoted multi-line cell', () => {
    const text = 'number,title,sg,status\nY.multi,"Two\nlines",20,sort of\nY.next,One line,20,nonsense\n'
    const result = readWorkItems([{file: 'items.csv', text}], new Set())
    assert.deepEqual(
      result.problems.map((p) => `${p.file}:${p.line}: ${p.field}`),
      ['items.csv:2: status', 'items.csv:4: status'],
    )
  })

  it('reads ITU-T work items: skips known and joint-number parts, Questions and repeats; keeps facts', () => {
    const recs =
      'number,title,sg,question,status,approved,url\nY.2060,IoT overview,13,,in force,,\nY.aidt-reqts,AI digital twin requirements,20,Q1/20,under study,,https://a ; https://b\nGSTR-MVQ,QoS and QoE,12,,under study (carried),,\n'
    const meta =
      'item,alt_id,title,sg,question,type,status,url\nGSTR-MVQ,,QoS,SG12 (inferred),,Technical report,[Carried],\nXSTR.dpama,TR.dpama,Landscape,SG17,Q7/17,Technical report,Agreed on 2025-12-11,\nQ6/17,,Security,SG17,Q6/17,Question (2025-2028),Active,\n'
    const result = readWorkItems(
      [
        {file: 'recommendations.csv', text: recs},
        {file: 'metaverse.csv', text: meta},
      ],
      knownNumbers(['Y.4000/Y.2060']),
    )
    assert.deepEqual(result.problems, [])
    assert.deepEqual(result.skipped, {known: 1, questions: 1, duplicates: 1})
    assert.deepEqual(
      result.entries.map((e) => [e.id, e.status, e.sg, e.question, e.type, e.sourceUrl]),
      [
        ['Y.aidt-reqts', 'under-study', 20, 'Q1/20', 'recommendation', 'https://a'],
        ['GSTR-MVQ', 'under-study', 12, undefined, 'technical report', undefined],
        ['XSTR.dpama', 'in-force', 17, 'Q7/17', 'technical report', undefined],
      ],
    )
    assert.equal(workItemStatus('Under study; timing 2027-10'), 'under-study')
    assert.equal(workItemStatus('in force (edition 9)'), 'in-force')
  })

  it('reads work-items-more.csv: final number else provisional name; a later repeat adds SG and Question', () => {
    const more = [
      'provisional_name,final_number,title,sg,question,type,status,source_url',
      'X.bvm,X.1096,Biometric variability,SG17,Q10/17,Recommendation (AAP),Consented on 2025-12-11,https://a (read via mirror) ; https://b',
      'Q.FITSM,,Telepresence suits,"(not stated; Q.-series; liaison SG21 Q8/21)",,Recommendation (AAP),Under study,https://c',
      'GSTR-MVQ,,QoS and QoE,(not stated),,Technical report (Agreement),[Carried to next study period],https://d',
      'Y.DTN-ModelReq,Y.3094,DTN model domain,(not stated),,Recommendation (AAP),Approved on 2026-04-13,https://e',
    ].join('\n')
    const meta =
      'item,alt_id,title,sg,question,type,status,url\nGSTR-MVQ,,QoS,SG12 (inferred),Q12/12,Technical report,[Carried],\n'
    const result = readWorkItems(
      [
        {file: 'work-items-more.csv', text: more},
        {file: 'metaverse.csv', text: meta},
      ],
      knownNumbers(['Y.3094']),
    )
    assert.deepEqual(result.problems, [])
    assert.deepEqual(result.skipped, {known: 1, questions: 0, duplicates: 1})
    assert.deepEqual(
      result.entries.map((e) => [e.id, e.status, e.sg, e.question, e.type, e.sourceUrl]),
      [
        ['X.1096', 'under-study', 17, 'Q10/17', 'recommendation', 'https://a'],
        // "(not stated…)" names no study group, even when the note mentions some.
        ['Q.FITSM', 'under-study', undefined, undefined, 'recommendation', 'https://c'],
        // The newer row's facts, plus the study group and Question only the older one gives.
        ['GSTR-MVQ', 'under-study', 12, 'Q12/12', 'technical report', 'https://d'],
      ],
    )
  })
})
