import assert from 'node:assert/strict'
import {parse} from 'yaml'
import {mergeQuestions, readQuestionRows} from '../../src/core/import/questions.js'

const FILE = [
  '# study groups',
  'kind: study-group',
  'entries:',
  '  - id: SG17',
  '    number: 17',
  '    title: Security',
  '    questions_complete: false   # kept',
  '    questions:',
  '      - id: Q10/17',
  '        title: Old title',
  '  - id: SG5',
  '    number: 5',
  '    title: Environment',
  '    questions: []',
  '',
].join('\n')

const questionsOf = (text: string) =>
  Object.fromEntries(
    (parse(text) as {entries: {number: number; questions: {id: string; title: string}[]}[]}).entries.map(
      (g) => [g.number, g.questions],
    ),
  )

describe('import: Questions into the study-group file', () => {
  it('adds new Questions in Question order, updates known ones, keeps comments and other fields', () => {
    const {rows, problems} = readQuestionRows(
      'q.csv',
      'sg,id,title,source_url\n17,Q10/17,New title,\n17,Q2/17,Second,https://example.org/q2\n5,Q1/5,First of SG5,\n',
    )
    assert.deepEqual(problems, [])
    const merged = mergeQuestions('sg.yaml', FILE, rows)
    assert.deepEqual(merged.counts, {added: 2, updated: 1, unchanged: 0, withdrawn: 0})
    assert.deepEqual(questionsOf(merged.text), {
      17: [
        {id: 'Q2/17', title: 'Second', source_url: 'https://example.org/q2'},
        {id: 'Q10/17', title: 'New title'},
      ],
      5: [{id: 'Q1/5', title: 'First of SG5'}],
    })
    assert.match(merged.text, /^# study groups/)
    assert.match(merged.text, /questions_complete: false # kept/)
    // A second identical import changes nothing.
    const again = mergeQuestions('sg.yaml', merged.text, rows)
    assert.deepEqual(again.counts, {added: 0, updated: 0, unchanged: 3, withdrawn: 0})
    assert.equal(again.text, merged.text)
  })

  it('names file, line and field of each bad row; an unknown SG merges nothing', () => {
    const {rows, problems} = readQuestionRows(
      'q.csv',
      'sg,id,title\nx,Q1/17,T\n17,Q1/16,T\n17,Q3/17,\n13,Q7/13,T\n',
    )
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`),
      [
        'q.csv:2: sg: "x" is not a study group number',
        'q.csv:3: id: "Q1/16" is not a Question of SG17 (Q<n>/17)',
        'q.csv:4: title: must not be empty',
      ],
    )
    const merged = mergeQuestions('sg.yaml', FILE, rows)
    assert.deepEqual(
      merged.problems.map((p) => `${p.line}: ${p.message}`),
      ['5: SG13 is not in sg.yaml'],
    )
    assert.equal(merged.text, FILE)
  })

  it('refuses a file without the required columns', () => {
    const {problems} = readQuestionRows('q.csv', 'sg,title\n17,T\n')
    assert.deepEqual(
      problems.map((p) => `${p.line}: ${p.field}: ${p.message}`),
      ['1: id: required column is missing'],
    )
  })
})
