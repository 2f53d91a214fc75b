import assert from 'node:assert/strict'
import {formatProblem, parseSgNumber, titleFromText, type EntryKind} from '../../src/core/catalogue/index.js'
import type {RawRecord, RawValue} from '../../src/core/catalogue/readers.js'
import {cleanText, parseEntry} from '../../src/core/catalogue/schema.js'

function record(
  values: Record<string, RawValue>,
  line = 3,
  fieldLines: Record<string, number> = {},
): RawRecord {
  return {values, line, fieldLines}
}

/** Parses one record and returns the entry plus the formatted problem lines. */
function parse(kind: EntryKind, values: Record<string, RawValue>, fieldLines: Record<string, number> = {}) {
  const result = parseEntry('f.yaml', record(values, 3, fieldLines), kind)
  return {entry: result.entry, lines: result.problems.map(formatProblem).sort()}
}

const STANDARD = {id: 'X.1252', title: 'Baseline identity management', org: 'ITU-T', status: 'in-force'}
const CONTROL_MESSAGE = 'contains control or bidirectional-override characters'

describe('schema', () => {
  it('cleanText turns what the schema refuses into spaces, so imported text always passes', () => {
    const hostile = 'Digital\u202e twin\u0007\u0085 of  a\u2066city\n'
    assert.equal(cleanText(hostile), 'Digital twin of a city')
    assert.match(
      parse('standard', {...STANDARD, title: hostile}).lines.join('\n'),
      /control or bidirectional/,
    )
    assert.deepEqual(parse('standard', {...STANDARD, title: cleanText(hostile)}).lines, [])
  })

  describe('required fields', () => {
    it('builds a standard with its origin and no problems', () => {
      const {entry, lines} = parse('standard', {
        ...STANDARD,
        sg: '17',
        question: 'Q6/17',
        keywords: ['identity'],
      })
      assert.deepEqual(lines, [])
      assert.deepEqual(entry, {
        kind: 'standard',
        id: 'X.1252',
        title: 'Baseline identity management',
        keywords: ['identity'],
        origin: {file: 'f.yaml', line: 3},
        org: 'ITU-T',
        status: 'in-force',
        sg: 17,
        question: 'Q6/17',
      })
    })

    it('reads derived terms, successors and a derived study group as typed fields', () => {
      const {entry, lines} = parse('standard', {
        ...STANDARD,
        status: 'withdrawn',
        sg: '17',
        sg_derived: 'true',
        derived_terms: ['entity', 'federation'],
        replaced_by: 'X.1252.1; X.1253',
      })
      assert.deepEqual(lines, [])
      assert.equal(entry?.kind, 'standard')
      if (entry?.kind !== 'standard') return
      assert.deepEqual(
        [entry.sg, entry.sgDerived, entry.derivedTerms, entry.replacedBy],
        [17, true, ['entity', 'federation'], ['X.1252.1', 'X.1253']],
      )
      // Absent, false or empty: no property at all, so files and objects stay small.
      const plain = parse('standard', {...STANDARD, sg: '17', sg_derived: 'false', derived_terms: []}).entry
      assert.deepEqual(
        plain && Object.keys(plain).filter((k) => ['sgDerived', 'derivedTerms', 'replacedBy'].includes(k)),
        [],
      )
    })

    it('rejects sg_derived that is not a boolean or has no sg, and successors that are not text', () => {
      assert.deepEqual(parse('standard', {...STANDARD, sg: '17', sg_derived: 'yes'}).lines, [
        'f.yaml:3: sg_derived: must be true or false, got "yes"',
      ])
      assert.deepEqual(parse('standard', {...STANDARD, sg_derived: 'true'}).lines, [
        'f.yaml:3: sg_derived: is true but the standard has no sg',
      ])
      assert.deepEqual(parse('standard', {...STANDARD, replaced_by: [['RFC 1']]}).lines, [
        'f.yaml:3: replaced_by: list items must be text',
      ])
      assert.deepEqual(parse('standard', {...STANDARD, derived_terms: {a: 'b'}}).lines, [
        'f.yaml:3: derived_terms: must be a list',
      ])
    })

    it('names every missing required field of a standard at its line, and returns no entry', () => {
      const {entry, lines} = parse('standard', {keywords: ['x']})
      assert.equal(entry, undefined)
      assert.deepEqual(lines, [
        'f.yaml:3: id: required field is missing',
        'f.yaml:3: org: required field is missing',
        'f.yaml:3: status: required field is missing',
        'f.yaml:3: title: required field is missing',
      ])
    })

    it('names the missing fields of a deliverable, a requirement and a study group', () => {
      assert.deepEqual(parse('deliverable', {id: 'D1'}).lines, [
        'f.yaml:3: title: required field is missing',
        'f.yaml:3: type: required field is missing',
      ])
      assert.deepEqual(parse('requirement', {id: 'R1'}).lines, [
        'f.yaml:3: building_block: required field is missing',
        'f.yaml:3: text: required field is missing',
      ])
      assert.deepEqual(parse('study-group', {id: 'SG1'}).lines, [
        'f.yaml:3: number: required field is missing',
        'f.yaml:3: title: required field is missing',
      ])
    })

    it('reports a problem at the line of its field when the format knows it', () => {
      const {lines} = parse('standard', {...STANDARD, title: '   '}, {id: 3, title: 5})
      assert.deepEqual(lines, ['f.yaml:5: title: must not be empty'])
    })

    it('treats an empty title as missing and a whitespace-only title as empty', () => {
      assert.deepEqual(parse('standard', {...STANDARD, title: ''}).lines, [
        'f.yaml:3: title: required field is missing',
      ])
      assert.deepEqual(parse('standard', {...STANDARD, title: ' \t '}).lines, [
        'f.yaml:3: title: must not be empty',
      ])
    })

    it('rejects empty requirement text and titles a requirement from its text', () => {
      assert.deepEqual(parse('requirement', {id: 'R1', building_block: 'identity', text: '  '}).lines, [
        'f.yaml:3: text: must not be empty',
      ])
      const {entry, lines} = parse('requirement', {
        id: 'R1',
        building_block: 'identity',
        level: 'required',
        text: 'The system must authenticate users. It should log attempts.',
        source_refs: 'identity-6.1-3; identity-6.1-4',
      })
      assert.deepEqual(lines, [])
      assert.deepEqual(entry, {
        kind: 'requirement',
        id: 'R1',
        title: 'The system must authenticate users.',
        keywords: [],
        origin: {file: 'f.yaml', line: 3},
        buildingBlock: 'identity',
        level: 'REQUIRED',
        text: 'The system must authenticate users. It should log attempts.',
        sourceRefs: ['identity-6.1-3', 'identity-6.1-4'],
      })
    })

    it('rejects a list or mapping where a single text value is expected', () => {
      assert.deepEqual(parse('standard', {...STANDARD, title: ['a', 'b']}).lines, [
        'f.yaml:3: title: must be a single text value, not a list or mapping',
      ])
      assert.deepEqual(parse('standard', {...STANDARD, org: {name: 'ITU-T'}}).lines, [
        'f.yaml:3: org: must be a single text value, not a list or mapping',
      ])
    })

    it('keeps an id of 010 as the text "010"', () => {
      assert.equal(parse('standard', {...STANDARD, id: '010'}).entry?.id, '010')
      assert.equal(parse('requirement', {id: '010', building_block: 'b', text: 't'}).entry?.id, '010')
    })

    it('trims text values', () => {
      const {entry} = parse('standard', {...STANDARD, title: '  Spaced  title \n'})
      assert.equal(entry?.title, 'Spaced  title')
    })
  })

  describe('enumerations and aliases', () => {
    const status = (value: string) => {
      const {entry} = parse('standard', {...STANDARD, status: value})
      return entry?.kind === 'standard' ? entry.status : undefined
    }

    it('accepts standard statuses and their aliases', () => {
      assert.equal(status('in-force'), 'in-force')
      assert.equal(status('In Force'), 'in-force')
      assert.equal(status('published'), 'in-force')
      assert.equal(status('Active'), 'in-force')
      assert.equal(status('under-study'), 'under-study')
      assert.equal(status('under_development'), 'under-study')
      assert.equal(status('Under Development'), 'under-study')
      assert.equal(status('draft'), 'under-study')
      assert.equal(status('withdrawn'), 'withdrawn')
      assert.equal(status('Superseded'), 'withdrawn')
      assert.equal(status('withdrawal'), 'withdrawn')
    })

    it('rejects an unknown status, quoting the value as written', () => {
      assert.deepEqual(parse('standard', {...STANDARD, status: 'Retired'}).lines, [
        'f.yaml:3: status: "Retired" is not one of in-force, under-study, withdrawn',
      ])
    })

    it('accepts deliverable types and their long names, case-insensitively', () => {
      const type = (value: string) => {
        const {entry} = parse('deliverable', {id: 'D1', title: 'T', type: value})
        return entry?.kind === 'deliverable' ? entry.type : undefined
      }
      assert.equal(type('TR'), 'TR')
      assert.equal(type('ts'), 'TS')
      assert.equal(type('Technical Report'), 'TR')
      assert.equal(type('technical specification'), 'TS')
      assert.deepEqual(parse('deliverable', {id: 'D1', title: 'T', type: 'white paper'}).lines, [
        'f.yaml:3: type: "white paper" is not one of TR, TS',
      ])
    })

    it('accepts requirement levels in any case and rejects others', () => {
      const base = {id: 'R1', building_block: 'b', text: 't'}
      const level = (value: string) => {
        const {entry} = parse('requirement', {...base, level: value})
        return entry?.kind === 'requirement' ? entry.level : undefined
      }
      assert.equal(level('recommended'), 'RECOMMENDED')
      assert.equal(level('Optional'), 'OPTIONAL')
      assert.deepEqual(parse('requirement', {...base, level: 'MUST'}).lines, [
        'f.yaml:3: level: "MUST" is not one of REQUIRED, RECOMMENDED, OPTIONAL',
      ])
    })

    it('clips a long rejected value to 40 characters', () => {
      const {lines} = parse('standard', {...STANDARD, status: 'z'.repeat(60)})
      assert.deepEqual(lines, [
        `f.yaml:3: status: "${'z'.repeat(40)}…" is not one of in-force, under-study, withdrawn`,
      ])
    })
  })

  describe('lists', () => {
    it('reads a YAML list, dropping empty items and trimming', () => {
      const {entry} = parse('standard', {...STANDARD, keywords: [' digital twin ', '', 'smart city']})
      assert.deepEqual(entry?.keywords, ['digital twin', 'smart city'])
    })

    it('reads `;`-separated text as a list', () => {
      const {entry} = parse('standard', {...STANDARD, keywords: 'digital twin; smart city;;  iot '})
      assert.deepEqual(entry?.keywords, ['digital twin', 'smart city', 'iot'])
    })

    it('keeps a `;` inside a YAML list item', () => {
      const {entry} = parse('standard', {...STANDARD, keywords: ['a;b']})
      assert.deepEqual(entry?.keywords, ['a;b'])
    })

    it('rejects a mapping, and a list of non-text items', () => {
      assert.deepEqual(parse('standard', {...STANDARD, keywords: {a: 'b'}}).lines, [
        'f.yaml:3: keywords: must be a list',
      ])
      assert.deepEqual(parse('standard', {...STANDARD, keywords: [['nested']]}).lines, [
        'f.yaml:3: keywords: list items must be text',
      ])
    })

    it('reads a deliverable’s study groups in any spelling, as a list or as text', () => {
      const sgs = (value: RawValue) => {
        const {entry} = parse('deliverable', {id: 'D1', title: 'T', type: 'TR', sgs: value})
        return entry?.kind === 'deliverable' ? entry.sgs : undefined
      }
      assert.deepEqual(sgs('20;SG17; SG 5;ITU-T Study Group 13'), [20, 17, 5, 13])
      assert.deepEqual(sgs(['20', 'sg016']), [20, 16])
      assert.deepEqual(parse('deliverable', {id: 'D1', title: 'T', type: 'TR', sgs: '20;twenty'}).lines, [
        'f.yaml:3: sgs: must be a list of study group numbers, got "twenty"',
      ])
    })

    it('reads study-group mandates and questions', () => {
      const {entry, lines} = parse('study-group', {
        id: 'SG17',
        number: '17',
        title: 'Security',
        mandate: 'security; identity management',
        questions: [{id: ' Q6/17 ', title: ' Security aspects ', source_url: 'https://example.org/q6'}],
      })
      assert.deepEqual(lines, [])
      assert.deepEqual(entry, {
        kind: 'study-group',
        id: 'SG17',
        title: 'Security',
        keywords: [],
        origin: {file: 'f.yaml', line: 3},
        number: 17,
        mandate: ['security', 'identity management'],
        questions: [{id: 'Q6/17', title: 'Security aspects', sourceUrl: 'https://example.org/q6'}],
        questionsComplete: false,
      })
    })

    it('rejects malformed questions', () => {
      const base = {id: 'SG17', number: '17', title: 'Security'}
      assert.deepEqual(parse('study-group', {...base, questions: 'Q6/17'}).lines, [
        'f.yaml:3: questions: must be a list of {id, title} mappings',
      ])
      assert.deepEqual(parse('study-group', {...base, questions: [{title: 'No id'}, 'Q7/17']}).lines, [
        'f.yaml:3: questions: each question needs an id (e.g. Q6/17) and a title',
        'f.yaml:3: questions: each question needs an id (e.g. Q6/17) and a title',
      ])
      assert.deepEqual(parse('study-group', {...base, questions: [{id: 'Q6/17', title: ' '}]}).lines, [
        'f.yaml:3: questions: question Q6/17 has an empty title',
      ])
    })

    it('question ids and titles are checked for control and bidi-override characters like other text', () => {
      const {entry, lines} = parse('study-group', {
        id: 'SG17',
        number: '17',
        title: 'Security',
        questions: [{id: 'Q6/17', title: 'Evil \u202e title'}],
      })
      assert.equal(entry, undefined)
      assert.deepEqual(lines, [`f.yaml:3: questions: ${CONTROL_MESSAGE}`])
    })
  })

  describe('numbers', () => {
    it('parses study group numbers in their usual spellings', () => {
      assert.equal(parseSgNumber('20'), 20)
      assert.equal(parseSgNumber('020'), 20)
      assert.equal(parseSgNumber('SG20'), 20)
      assert.equal(parseSgNumber('sg 20'), 20)
      assert.equal(parseSgNumber('Study Group 17'), 17)
      assert.equal(parseSgNumber('ITU-T SG 5'), 5)
      assert.equal(parseSgNumber(' ITU-T Study Group 13 '), 13)
      assert.equal(parseSgNumber('twenty'), undefined)
      assert.equal(parseSgNumber('1000'), undefined)
      assert.equal(parseSgNumber('17.5'), undefined)
      assert.equal(parseSgNumber(''), undefined)
    })

    it('rejects a standard sg that is not a whole number', () => {
      assert.deepEqual(parse('standard', {...STANDARD, sg: 'seventeen'}).lines, [
        'f.yaml:3: sg: must be a whole number, got "seventeen"',
      ])
      const {entry} = parse('standard', {...STANDARD, sg: 'SG 17'})
      assert.equal(entry?.kind === 'standard' ? entry.sg : undefined, 17)
    })

    it('requires a study group id to match its number', () => {
      assert.deepEqual(parse('study-group', {id: 'SG17', number: '20', title: 'Security'}).lines, [
        'f.yaml:3: id: must be SG20 to match number 20',
      ])
      assert.deepEqual(parse('study-group', {id: 'SG20', number: 'SG020', title: 'IoT'}).lines, [])
    })
  })

  describe('hostile text', () => {
    it('accepts markup as plain text', () => {
      const {entry, lines} = parse('standard', {...STANDARD, title: '<script>alert(1)</script>'})
      assert.deepEqual(lines, [])
      assert.equal(entry?.title, '<script>alert(1)</script>')
    })

    it('accepts tabs and newlines in text', () => {
      const {entry, lines} = parse('standard', {...STANDARD, summary: 'line one\n\tline two'})
      assert.deepEqual(lines, [])
      assert.equal(entry?.kind === 'standard' ? entry.summary : undefined, 'line one\n\tline two')
    })

    for (const [name, char] of [
      ['NUL', '\u0000'],
      ['BEL', '\u0007'],
      ['ESC (ANSI escapes)', '\u001b'],
      ['carriage return', '\r'],
      ['DEL', '\u007f'],
      ['C1 control U+0085', '\u0085'],
      ['LRE U+202A', '\u202a'],
      ['RLO U+202E', '\u202e'],
      ['LRI U+2066', '\u2066'],
      ['PDI U+2069', '\u2069'],
    ]) {
      it(`rejects ${name} in a title, a summary and a keyword`, () => {
        assert.deepEqual(parse('standard', {...STANDARD, title: `a${char}b`}).lines, [
          `f.yaml:3: title: ${CONTROL_MESSAGE}`,
        ])
        assert.deepEqual(parse('standard', {...STANDARD, summary: `a${char}b`}).lines, [
          `f.yaml:3: summary: ${CONTROL_MESSAGE}`,
        ])
        assert.deepEqual(parse('standard', {...STANDARD, keywords: ['ok', `a${char}b`]}).lines, [
          `f.yaml:3: keywords: ${CONTROL_MESSAGE}`,
        ])
      })
    }

    it('limits titles to 1,000 characters and long texts to 50,000', () => {
      assert.deepEqual(parse('standard', {...STANDARD, title: 'x'.repeat(1000)}).lines, [])
      assert.deepEqual(parse('standard', {...STANDARD, title: 'x'.repeat(2000)}).lines, [
        'f.yaml:3: title: is 2000 characters long; at most 1000 allowed',
      ])
      assert.deepEqual(parse('standard', {...STANDARD, summary: 'x'.repeat(50_000)}).lines, [])
      assert.deepEqual(parse('standard', {...STANDARD, summary: 'x'.repeat(50_001)}).lines, [
        'f.yaml:3: summary: is 50001 characters long; at most 50000 allowed',
      ])
      assert.deepEqual(
        parse('requirement', {id: 'R1', building_block: 'b', text: 'x'.repeat(50_001)}).lines,
        ['f.yaml:3: text: is 50001 characters long; at most 50000 allowed'],
      )
    })
  })

  describe('unknown fields', () => {
    it('warns about an unknown field and still returns the entry', () => {
      const result = parseEntry('f.yaml', record({...STANDARD, colour: 'blue'}, 3, {colour: 7}), 'standard')
      assert.deepEqual(result.problems, [
        {severity: 'warning', file: 'f.yaml', line: 7, field: 'colour', message: 'unknown field (ignored)'},
      ])
      assert.equal(formatProblem(result.problems[0]), 'f.yaml:7: warning: colour: unknown field (ignored)')
      assert.equal(result.entry?.id, 'X.1252')
    })

    it('ignores empty cells of other kinds’ fields (mixed-kind CSV) and the kind column', () => {
      const {lines, entry} = parse('standard', {kind: 'standard', ...STANDARD, building_block: '', sgs: ''})
      assert.deepEqual(lines, [])
      assert.equal(entry?.id, 'X.1252')
    })

    it('warns about a field that belongs to another kind when it has a value', () => {
      assert.deepEqual(parse('standard', {...STANDARD, building_block: 'identity'}).lines, [
        'f.yaml:3: warning: building_block: unknown field (ignored)',
      ])
    })
  })

  describe('titleFromText', () => {
    it('takes the first sentence', () => {
      assert.equal(titleFromText('Users must log in. Then more.'), 'Users must log in.')
      assert.equal(titleFromText('Scope: identity; then more'), 'Scope:')
    })

    it('shortens a long first sentence at a word boundary with an ellipsis', () => {
      const text = `${'word '.repeat(30)}end.`
      const title = titleFromText(text)
      assert.ok(title.endsWith('…'))
      assert.ok(title.length <= 88, `${title.length}`)
      assert.equal(title, `${'word '.repeat(17).trim()}…`)
    })

    it('keeps a sentence of 90 characters whole', () => {
      const text = 'x'.repeat(90)
      assert.equal(titleFromText(text), text)
    })
  })
})
