import assert from 'node:assert/strict'
import {formatOf, readRecords} from '../../src/core/catalogue/readers.js'

describe('readers', () => {
  describe('formatOf', () => {
    it('maps extensions to formats, case-insensitively', () => {
      assert.equal(formatOf('a/standards.yaml'), 'yaml')
      assert.equal(formatOf('a/standards.YML'), 'yaml')
      assert.equal(formatOf('a/standards.json'), 'yaml')
      assert.equal(formatOf('a/standards.jsonl'), 'jsonl')
      assert.equal(formatOf('a/standards.ndjson'), 'jsonl')
      assert.equal(formatOf('a/subjects.CSV'), 'csv')
      assert.equal(formatOf('a/README.md'), undefined)
      assert.equal(formatOf('a/standards.xlsx'), undefined)
    })
  })

  describe('YAML', () => {
    it('reads the kind, records and the line of every field', () => {
      const text = [
        '# a comment',
        'kind: standard',
        'entries:',
        '  - id: Y.4600',
        '    title: Digital twin',
        '',
        '    keywords: [digital twin, smart city]',
        '  - id: X.1252',
        '    title: >-',
        '      Baseline identity',
        '      management',
        '    status: in-force',
      ].join('\n')
      const parsed = readRecords('s.yaml', text, 'yaml')
      assert.deepEqual(parsed, {
        kind: 'standard',
        kindLine: 2,
        problems: [],
        records: [
          {
            values: {id: 'Y.4600', title: 'Digital twin', keywords: ['digital twin', 'smart city']},
            line: 4,
            fieldLines: {id: 4, title: 5, keywords: 7},
          },
          {
            values: {id: 'X.1252', title: 'Baseline identity management', status: 'in-force'},
            line: 8,
            fieldLines: {id: 8, title: 9, status: 12},
          },
        ],
      })
    })

    it('keeps every scalar as text: 010 stays "010", numbers and booleans are strings', () => {
      const text = 'kind: standard\nentries:\n  - id: 010\n    sg: 17\n    flag: true\n    ver: 1.10\n'
      const [record] = readRecords('s.yaml', text, 'yaml').records
      assert.deepEqual(record.values, {id: '010', sg: '17', flag: 'true', ver: '1.10'})
    })

    it('treats plain null and ~ (and a missing value) as empty, but keeps a quoted "null"', () => {
      const text = 'kind: standard\nentries:\n  - id: X\n    a:\n    b: ~\n    c: null\n    d: "null"\n'
      const [record] = readRecords('s.yaml', text, 'yaml').records
      assert.deepEqual(record.values, {id: 'X', a: '', b: '', c: '', d: 'null'})
    })

    it('reads CRLF line ends with the same lines and values', () => {
      const text =
        'kind: standard\r\nentries:\r\n  - id: X\r\n    title: "two\r\n      lines"\r\n    summary: |\r\n      a\r\n      b\r\n'
      const parsed = readRecords('s.yaml', text, 'yaml')
      assert.deepEqual(parsed.records, [
        {
          values: {id: 'X', title: 'two lines', summary: 'a\nb\n'},
          line: 3,
          fieldLines: {id: 3, title: 4, summary: 6},
        },
      ])
    })

    it('reports malformed YAML at its line, with no records', () => {
      const text = 'kind: standard\nentries:\n  - id: Y.4600\n    title: Digital twin: a system\n'
      assert.deepEqual(readRecords('s.yaml', text, 'yaml'), {
        records: [],
        problems: [
          {
            severity: 'error',
            file: 's.yaml',
            line: 4,
            message: 'malformed YAML: Nested mappings are not allowed in compact mappings',
          },
        ],
      })
    })

    it('reports a duplicate key as malformed YAML at the second key', () => {
      const text = 'kind: standard\nentries:\n  - id: X\n    title: a\n    title: b\n'
      const {problems} = readRecords('s.yaml', text, 'yaml')
      assert.deepEqual(
        problems.map((p) => [p.line, p.message]),
        [[5, 'malformed YAML: Map keys must be unique']],
      )
    })

    it('refuses a file that is not a {kind, entries} mapping', () => {
      const message = 'not a catalogue file: expected a mapping with `kind` and an `entries` list'
      assert.deepEqual(readRecords('e.yaml', '', 'yaml').problems, [
        {severity: 'error', file: 'e.yaml', line: 1, field: undefined, message},
      ])
      assert.deepEqual(readRecords('l.yaml', '\n- a\n- b\n', 'yaml').problems, [
        {severity: 'error', file: 'l.yaml', line: 2, field: undefined, message},
      ])
      assert.deepEqual(readRecords('m.yaml', 'kind: standard\nentries: none\n', 'yaml').problems, [
        {severity: 'error', file: 'm.yaml', line: 2, field: 'entries', message},
      ])
    })

    it('reports an entry that is not a mapping and keeps the others', () => {
      const text = 'kind: standard\nentries:\n  - just text\n  - id: X\n'
      const parsed = readRecords('s.yaml', text, 'yaml')
      assert.deepEqual(parsed.problems, [
        {
          severity: 'error',
          file: 's.yaml',
          line: 3,
          field: undefined,
          message: 'each entry must be a mapping of field: value',
        },
      ])
      assert.deepEqual(
        parsed.records.map((r) => r.values),
        [{id: 'X'}],
      )
    })

    it('reads nested mappings (questions) as raw mappings', () => {
      const text =
        'kind: study-group\nentries:\n  - id: SG17\n    questions:\n      - id: Q6/17\n        title: Security\n'
      const [record] = readRecords('g.yaml', text, 'yaml').records
      assert.deepEqual(record.values.questions, [{id: 'Q6/17', title: 'Security'}])
    })

    it('YAML aliases are resolved (title: *t is the anchored text, not the literal "*t")', () => {
      const text =
        'kind: standard\ncommon: &kw [a, b]\nentries:\n  - id: X\n    title: &t Hello\n    keywords: *kw\n  - id: Y\n    title: *t\n'
      const parsed = readRecords('s.yaml', text, 'yaml')
      assert.deepEqual(
        parsed.records.map((r) => r.values),
        [
          {id: 'X', title: 'Hello', keywords: ['a', 'b']},
          {id: 'Y', title: 'Hello'},
        ],
      )
    })
  })

  describe('JSON (read by the YAML parser)', () => {
    it('gives JSON the same field lines, and keeps "010" and numbers as text', () => {
      const text = [
        '{',
        '  "kind": "standard",',
        '  "entries": [',
        '    {',
        '      "id": "010",',
        '      "sg": 17,',
        '      "keywords": ["a", "b"]',
        '    }',
        '  ]',
        '}',
      ].join('\n')
      assert.deepEqual(readRecords('s.json', text, 'yaml'), {
        kind: 'standard',
        kindLine: 2,
        problems: [],
        records: [
          {
            values: {id: '010', sg: '17', keywords: ['a', 'b']},
            line: 4,
            fieldLines: {id: 5, sg: 6, keywords: 7},
          },
        ],
      })
    })

    it('reports a JSON syntax error (missing comma) as malformed YAML at its line', () => {
      const text = '{\n  "kind": "standard",\n  "entries": [\n    {"id": "X" "title": "y"}\n  ]\n}\n'
      const {problems, records} = readRecords('s.json', text, 'yaml')
      assert.deepEqual(records, [])
      assert.deepEqual(
        problems.map((p) => [p.file, p.line, p.severity, p.message]),
        [
          ['s.json', 4, 'error', 'malformed YAML: Unexpected double-quoted-scalar token'],
          ['s.json', 4, 'error', 'malformed YAML: Block collections are not allowed within flow collections'],
        ],
      )
    })
  })

  describe('JSON Lines', () => {
    it('numbers records by their line, skipping blank lines, and reports bad lines', () => {
      const text = [
        '{"id": "A", "sg": 17, "ok": true, "gone": null}',
        '',
        '{"id": "B"',
        '[1, 2]',
        '   ',
        '{"id": "C", "keywords": ["x", null, 3]}',
      ].join('\n')
      assert.deepEqual(readRecords('s.jsonl', text, 'jsonl'), {
        records: [
          {values: {id: 'A', sg: '17', ok: 'true'}, line: 1, fieldLines: {}},
          {values: {id: 'C', keywords: ['x', '3']}, line: 6, fieldLines: {}},
        ],
        problems: [
          {
            severity: 'error',
            file: 's.jsonl',
            line: 3,
            field: undefined,
            message: "malformed JSON: Expected ',' or '}' after property value",
          },
          {
            severity: 'error',
            file: 's.jsonl',
            line: 4,
            field: undefined,
            message: 'each line must be a JSON object',
          },
        ],
      })
    })

    it('accepts CRLF line ends', () => {
      const {records, problems} = readRecords('s.jsonl', '{"id": "A"}\r\n{"id": "B"}\r\n', 'jsonl')
      assert.deepEqual(problems, [])
      assert.deepEqual(
        records.map((r) => [r.values.id, r.line]),
        [
          ['A', 1],
          ['B', 2],
        ],
      )
    })
  })

  describe('CSV', () => {
    it('reads a header row (its trimmed names as columns), trims cells and numbers records from line 2', () => {
      const text = 'kind, id ,title\nstandard, 010 ,  Digital twin  \n\nstandard,X.1,Second\n'
      assert.deepEqual(readRecords('s.csv', text, 'csv'), {
        records: [
          {values: {kind: 'standard', id: '010', title: 'Digital twin'}, line: 2, fieldLines: {}},
          {values: {kind: 'standard', id: 'X.1', title: 'Second'}, line: 4, fieldLines: {}},
        ],
        problems: [],
        columns: ['kind', 'id', 'title'],
      })
    })

    it('accepts a BOM and CRLF, and gives a quoted multi-line cell the line it starts on', () => {
      const text =
        '\ufeffkind,id,title\r\nstandard,A,"line one\r\nline two\r\nline three"\r\nstandard,B,plain\r\nstandard,C,"x\r\n"\r\nstandard,D,last'
      const {records, problems} = readRecords('s.csv', text, 'csv')
      assert.deepEqual(problems, [])
      assert.deepEqual(
        records.map((r) => [r.values.id, r.line, r.values.title]),
        [
          ['A', 2, 'line one\nline two\nline three'],
          ['B', 5, 'plain'],
          ['C', 6, 'x\n'],
          ['D', 8, 'last'],
        ],
      )
      assert.deepEqual(Object.keys(records[0].values), ['kind', 'id', 'title'])
    })

    it('reports an unclosed quote on the last line as malformed CSV at that line', () => {
      const text = 'kind,id,title\nstandard,A,ok\nstandard,B,"unclosed\n'
      assert.deepEqual(readRecords('s.csv', text, 'csv'), {
        records: [],
        problems: [
          {
            severity: 'error',
            file: 's.csv',
            line: 3,
            field: undefined,
            message:
              'malformed CSV: Quote Not Closed: the parsing is finished with an opening quote at line 3',
          },
        ],
      })
    })

    it('reports a row with too many cells at its line', () => {
      const {problems} = readRecords('s.csv', 'kind,id,title\nstandard,A,ok\nstandard,B,x,extra\n', 'csv')
      assert.deepEqual(
        problems.map((p) => [p.line, p.message]),
        [[3, 'malformed CSV: Invalid Record Length: columns length is 3, got 4 on line 3']],
      )
    })

    it('an unclosed quote is reported at the line where the quote opens, not at the end of the file', () => {
      const text =
        'kind,id,title\nstandard,A,ok\nstandard,B,"unclosed\nstandard,C,x\nstandard,D,x\nstandard,E,x\n'
      const {problems} = readRecords('s.csv', text, 'csv')
      assert.equal(problems.length, 1)
      assert.equal(problems[0].line, 3)
    })
  })
})
