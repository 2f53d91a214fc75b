import assert from 'node:assert/strict'
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative, sep} from 'node:path'
import {
  formatProblem,
  listCatalogueFiles,
  loadCatalogue,
  loadFile,
  loadValidCatalogue,
  questionGroup,
  sortProblems,
  type Problem,
} from '../../src/core/catalogue/index.js'
import type {StudyGroup} from '../../src/core/catalogue/types.js'
import {InputError} from '../../src/core/errors.js'

const BROKEN = 'test/fixtures/broken'
/** A listed file as a path relative to the catalogue folder, with forward slashes. */
const relativeFile = (root: string, file: string) => relative(root, file).split(sep).join('/')
const SMALL = 'test/fixtures/catalogue/small'
const SG_FILE = `${BROKEN}/unknown-field/study-groups.yaml`
const STANDARD_YAML = (id: string) =>
  `kind: standard\nentries:\n  - id: ${id}\n    org: ITU-T\n    title: Title of ${id}\n    status: in-force\n`

const lines = (problems: Problem[]) => problems.map(formatProblem)

describe('loader', () => {
  let tmp: string
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'gapscan-loader-'))
  })
  after(() => {
    rmSync(tmp, {recursive: true, force: true})
  })
  /** A fresh folder under the temporary root holding the given files. */
  let n = 0
  const folder = (files: Record<string, string>): string => {
    const dir = join(tmp, `c${n++}`)
    mkdirSync(dir)
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), {recursive: true})
      writeFileSync(join(dir, name), text)
    }
    return dir
  }

  describe('the small fixture', () => {
    it('loads every kind with no problems', () => {
      const {catalogue, problems, files} = loadCatalogue(SMALL)
      assert.deepEqual(problems, [])
      assert.deepEqual(files, [
        `${SMALL}/standards.yaml`,
        `${SMALL}/study-groups.yaml`,
        `${SMALL}/subjects.csv`,
      ])
      assert.deepEqual(
        catalogue.standards.map((s) => [s.id, s.status, s.sg, s.origin.line]),
        [
          ['Y.4600', 'in-force', 20, 3],
          ['X.1252', 'in-force', 17, 9],
          ['ISO/IEC 23005-1', 'in-force', undefined, 15],
        ],
      )
      assert.deepEqual(
        catalogue.studyGroups.map((g) => [g.id, g.number, g.questions.map((q) => q.id)]),
        [
          ['SG17', 17, ['Q6/17']],
          ['SG20', 20, ['Q1/20']],
        ],
      )
      assert.deepEqual(catalogue.deliverables[0], {
        kind: 'deliverable',
        id: 'FGMV-99',
        title: 'Digital twins in the metaverse',
        keywords: [],
        origin: {file: `${SMALL}/subjects.csv`, line: 2},
        type: 'TR',
        summary: 'How digital twins feed virtual worlds',
        sgs: [20, 17],
      })
      assert.deepEqual(catalogue.requirements[0], {
        kind: 'requirement',
        id: 'DPI-T-01',
        title: 'The system must authenticate users with a second factor.',
        keywords: [],
        origin: {file: `${SMALL}/subjects.csv`, line: 3},
        buildingBlock: 'identity',
        level: 'REQUIRED',
        text: 'The system must authenticate users with a second factor.',
        sourceRefs: [],
      })
    })

    it('loadValidCatalogue returns the catalogue and no warnings', () => {
      const {catalogue, warnings} = loadValidCatalogue(SMALL)
      assert.equal(catalogue.standards.length, 3)
      assert.deepEqual(warnings, [])
    })
  })

  describe('ids and references', () => {
    it('reports a duplicate id across files, naming both places, and keeps the first', () => {
      const dir = `${BROKEN}/duplicate-ids-across-files`
      const {catalogue, problems} = loadCatalogue(dir)
      assert.deepEqual(lines(problems), [
        `${dir}/b-standards.csv:3: id: duplicate standard id "X.1252" (first at ${dir}/a-standards.yaml:3)`,
      ])
      assert.deepEqual(
        catalogue.standards.map((s) => [s.id, s.title]),
        [
          ['X.1252', 'Baseline identity management terms and definitions'],
          ['X.1253', 'Security guidelines for identity management systems'],
        ],
      )
    })

    it('reports a duplicate id within one file, and allows the same id for different kinds', () => {
      const dir = folder({
        'sg.yaml': 'kind: study-group\nentries:\n  - id: SG17\n    number: 17\n    title: Security\n',
        'a.yaml': `${STANDARD_YAML('X.1')}  - id: X.1\n    org: ISO\n    title: Again\n    status: in-force\n`,
        'b.csv': 'kind,id,title,type\ndeliverable,X.1,A deliverable named like a standard,TR\n',
      })
      const {catalogue, problems} = loadCatalogue(dir)
      assert.deepEqual(lines(problems), [
        `${dir}/a.yaml:7: id: duplicate standard id "X.1" (first at ${dir}/a.yaml:3)`,
      ])
      assert.equal(catalogue.deliverables[0].id, 'X.1')
      assert.equal(catalogue.standards.length, 1)
    })

    it('reports an unknown study group of a standard and of a deliverable', () => {
      const dir = `${BROKEN}/unknown-sg`
      assert.deepEqual(lines(loadCatalogue(dir).problems), [
        `${dir}/deliverables.csv:2: sgs: unknown study group 16 (known: 17, 20)`,
        `${dir}/deliverables.csv:2: sgs: unknown study group 21 (known: 17, 20)`,
        `${dir}/standards.csv:3: sg: unknown study group 99 (known: 17, 20)`,
      ])
    })

    it('says "none in the catalogue" when there are no study groups', () => {
      const dir = folder({'s.csv': 'kind,id,title,org,status,sg\nstandard,X.1,T,ITU-T,in-force,17\n'})
      assert.deepEqual(lines(loadCatalogue(dir).problems), [
        `${dir}/s.csv:2: sg: unknown study group 17 (known: none in the catalogue)`,
      ])
    })

    it('reports an unknown Question, in the standard’s SG or the one the Question names', () => {
      const dir = `${BROKEN}/unknown-question`
      const {catalogue, problems} = loadCatalogue(dir)
      assert.deepEqual(lines(problems), [
        `${dir}/standards.jsonl:1: question: unknown Question "Q9/17" in SG17`,
        `${dir}/standards.jsonl:2: question: unknown Question "Q6/16"`,
        `${dir}/standards.jsonl:4: question: unknown Question "Q1/20" in SG17`,
      ])
      // A Question alone (no sg) is checked against the SG it names, and accepted when known.
      assert.ok(catalogue.standards.some((s) => s.id === 'X.1253' && s.question === 'Q6/17'))
    })

    it('warns (not errors) about each successor in replaced_by that the catalogue lacks', () => {
      const dir = folder({
        's.jsonl': [
          '{"kind":"standard","id":"RFC 2616","title":"HTTP/1.1","org":"IETF","status":"withdrawn","replaced_by":["RFC 7230","RFC 9999"]}',
          '{"kind":"standard","id":"RFC 7230","title":"HTTP/1.1 syntax","org":"IETF","status":"withdrawn","replaced_by":["RFC 9110"]}',
          '{"kind":"standard","id":"RFC 9110","title":"HTTP Semantics","org":"IETF","status":"in-force"}',
        ].join('\n'),
      })
      const {catalogue, problems} = loadCatalogue(dir)
      assert.deepEqual(lines(problems), [
        `${dir}/s.jsonl:1: warning: replaced_by: successor "RFC 9999" is not in the catalogue`,
      ])
      assert.equal(catalogue.standards.length, 3)
    })

    it("questionGroup: the standard's own SG, else the SG the Question id names", () => {
      const groups = new Map([17, 20].map((n) => [n, {number: n} as StudyGroup]))
      const sgOf = (sg: number | undefined, question: string) => questionGroup(groups, sg, question)?.number
      assert.equal(sgOf(undefined, 'Q6/17'), 17)
      assert.equal(sgOf(undefined, 'Q12/20'), 20)
      assert.equal(sgOf(undefined, 'Q6'), undefined)
      assert.equal(sgOf(undefined, 'q6/17'), undefined)
      assert.equal(sgOf(20, 'Q6/17'), 20)
      assert.equal(sgOf(undefined, 'Q1/99'), undefined)
    })

    it('a reference error points at the line of the sg field, like schema errors do', () => {
      const dir = folder({
        'study-groups.yaml':
          'kind: study-group\nentries:\n  - id: SG17\n    number: 17\n    title: Security\n',
        'standards.yaml':
          'kind: standard\nentries:\n  - id: H.999\n    org: ITU-T\n    title: T\n    status: in-force\n    sg: 99\n',
      })
      assert.deepEqual(lines(loadCatalogue(dir).problems), [
        `${dir}/standards.yaml:7: sg: unknown study group 99 (known: 17)`,
      ])
    })
  })

  describe('files in the folder', () => {
    it('skips reserved files at the top level, README/LICENSE/.md/.txt and hidden files; warns about others', () => {
      const dir = `${BROKEN}/reserved-and-ignored`
      const {catalogue, problems, files} = loadCatalogue(dir)
      assert.deepEqual(files, [`${dir}/study-groups.yaml`, `${dir}/sub/glossary.yaml`])
      assert.deepEqual(lines(problems), [`${dir}/standards.docx: warning: not a catalogue file (ignored)`])
      // A reserved name only counts at the top: sub/glossary.yaml is read as catalogue entries.
      assert.deepEqual(
        catalogue.standards.map((s) => s.id),
        ['Y.4600'],
      )
    })

    it('lists catalogue files recursively in sorted order', () => {
      const dir = folder({
        'b.csv': '',
        'a/z.jsonl': '',
        'a/b.json': '',
        'C.yml': '',
        'glossary.yaml': '',
        'decisions.yaml': '',
        'gapscan.config.yaml': '',
        'README.md': '',
        'notes.pdf': '',
        '.git/config.yaml': '',
      })
      const listing = listCatalogueFiles(dir)
      assert.deepEqual(
        listing.files.map((f) => relativeFile(dir, f)),
        ['C.yml', 'a/b.json', 'a/z.jsonl', 'b.csv'],
      )
      // The folder named with a trailing slash: the same files, reserved names still skipped.
      assert.deepEqual(
        listCatalogueFiles(`${dir}/`).files.map((f) => relativeFile(dir, f)),
        ['C.yml', 'a/b.json', 'a/z.jsonl', 'b.csv'],
      )
      assert.deepEqual(lines(listing.problems), [`${dir}/notes.pdf: warning: not a catalogue file (ignored)`])
    })

    it('reports an empty folder as an error', () => {
      const dir = folder({})
      const {problems, files} = loadCatalogue(dir)
      assert.deepEqual(files, [])
      assert.deepEqual(lines(problems), [`${dir}: no catalogue files (.yaml, .json, .jsonl, .csv) found`])
    })

    it('reports a folder holding only ignored files as empty', () => {
      const dir = folder({'README.md': '# x\n', 'glossary.yaml': 'terms: []\n'})
      assert.deepEqual(lines(loadCatalogue(dir).problems), [
        `${dir}: no catalogue files (.yaml, .json, .jsonl, .csv) found`,
      ])
    })

    it('reports a missing folder, and a file given as the folder', () => {
      const missing = join(tmp, 'no-such-folder')
      assert.throws(
        () => loadCatalogue(missing),
        (e: Error) =>
          e instanceof InputError && e.message === `${missing}: cannot read catalogue: folder not found`,
      )
      assert.throws(
        () => loadCatalogue(SG_FILE),
        (e: Error) =>
          e instanceof InputError && e.message === `${SG_FILE}: cannot read catalogue: not a folder`,
      )
    })

    it('a dangling symlink in an existing folder is not reported as "no such folder"', () => {
      const dir = folder({})
      copyFileSync(SG_FILE, join(dir, 'study-groups.yaml'))
      symlinkSync(join(dir, 'gone.yaml'), join(dir, 'standards.yaml'))
      const {problems, catalogue} = loadCatalogue(dir)
      assert.equal(catalogue.studyGroups.length, 2)
      assert.ok(
        !problems.some((p) => p.message.startsWith('cannot read catalogue')),
        lines(problems).join('\n'),
      )
      assert.ok(problems.some((p) => p.file === join(dir, 'standards.yaml')))
    })
    it('a Windows-1252 file with a curly apostrophe (0x92) loads, with the decoding warning only', () => {
      const dir = folder({})
      copyFileSync(SG_FILE, join(dir, 'study-groups.yaml'))
      const yaml =
        'kind: standard\nentries:\n  - id: ISO 8601-1\n    org: ISO\n    title: Date et l\u2019heure\n    status: in-force\n'
      writeFileSync(join(dir, 'standards.yaml'), Buffer.from(yaml.replace('\u2019', '\x92'), 'latin1'))
      const {catalogue, problems} = loadCatalogue(dir)
      assert.deepEqual(lines(problems), [
        `${dir}/standards.yaml: warning: not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this`,
      ])
      assert.equal(catalogue.standards[0]?.title, 'Date et l\u2019heure')
    })
  })

  describe('loadFile', () => {
    it('applies a default kind when neither the file nor the record names one', () => {
      const dir = folder({'s.csv': 'id,title,org,status\nX.1,T,ITU-T,in-force\n'})
      const {entries, problems} = loadFile(join(dir, 's.csv'), 'standard')
      assert.deepEqual(problems, [])
      assert.deepEqual(
        entries.map((e) => [e.kind, e.id]),
        [['standard', 'X.1']],
      )
      assert.deepEqual(lines(loadFile(join(dir, 's.csv')).problems), [
        `${dir}/s.csv:2: kind: required field is missing (one of deliverable, requirement, standard, study-group)`,
      ])
    })

    it('lets a record’s kind override the file’s kind', () => {
      const dir = folder({
        'm.yaml': 'kind: standard\nentries:\n  - kind: deliverable\n    id: D1\n    title: T\n    type: TR\n',
      })
      const {entries, problems} = loadFile(join(dir, 'm.yaml'))
      assert.deepEqual(problems, [])
      assert.equal(entries[0].kind, 'deliverable')
    })

    it('refuses an unsupported extension and an unreadable file', () => {
      assert.deepEqual(lines(loadFile('x/notes.docx').problems), [
        'x/notes.docx: unsupported file type (use .yaml, .json, .jsonl or .csv)',
      ])
      assert.deepEqual(lines(loadFile(join(tmp, 'missing.yaml')).problems), [
        `${join(tmp, 'missing.yaml')}: cannot read: file not found (ENOENT)`,
      ])
    })

    it('drops entries with errors but keeps the valid ones of the same file', () => {
      const dir = folder({
        's.yaml': `${STANDARD_YAML('X.1')}  - id: X.2\n    org: ITU-T\n    status: retired\n`,
      })
      const {entries, problems} = loadFile(join(dir, 's.yaml'))
      assert.deepEqual(
        entries.map((e) => e.id),
        ['X.1'],
      )
      assert.deepEqual(lines(problems), [
        `${dir}/s.yaml:7: title: required field is missing`,
        `${dir}/s.yaml:9: status: "retired" is not one of in-force, under-study, withdrawn`,
      ])
    })
  })

  describe('problems', () => {
    it('formats errors and warnings, with and without line and field', () => {
      const p = (over: Partial<Problem>): Problem => ({
        severity: 'error',
        file: 'a.yaml',
        line: 4,
        message: 'm',
        ...over,
      })
      assert.equal(formatProblem(p({field: 'title'})), 'a.yaml:4: title: m')
      assert.equal(formatProblem(p({})), 'a.yaml:4: m')
      assert.equal(formatProblem(p({line: 0})), 'a.yaml: m')
      assert.equal(formatProblem(p({severity: 'warning', field: 'x'})), 'a.yaml:4: warning: x: m')
      assert.equal(formatProblem(p({severity: 'warning', line: 0})), 'a.yaml: warning: m')
    })

    it('sorts by file, line, field and message, locale-independently', () => {
      const p = (file: string, line: number, field?: string, message = 'm'): Problem => ({
        severity: 'error',
        file,
        line,
        field,
        message,
      })
      const sorted = sortProblems([
        p('b', 1),
        p('a', 10),
        p('a', 2, 'z'),
        p('a', 2, 'a', 'y'),
        p('a', 2, 'a', 'x'),
        p('B', 5),
      ])
      assert.deepEqual(sorted.map(formatProblem), [
        'B:5: m',
        'a:2: a: x',
        'a:2: a: y',
        'a:2: z: m',
        'a:10: m',
        'b:1: m',
      ])
    })

    it('loadCatalogue returns problems sorted by file then line', () => {
      const dir = `${BROKEN}/hostile-strings`
      const problemLines = loadCatalogue(dir).problems.map((p) => p.line)
      assert.deepEqual(
        problemLines,
        [...problemLines].sort((a, b) => a - b),
      )
    })
  })

  describe('loadValidCatalogue', () => {
    it('throws an InputError naming the first problem and how many more there are', () => {
      const dir = `${BROKEN}/unknown-sg`
      assert.throws(
        () => loadValidCatalogue(dir),
        (e: unknown) =>
          e instanceof InputError &&
          e.exitCode === 3 &&
          e.message ===
            `${dir}/deliverables.csv:2: sgs: unknown study group 16 (known: 17, 20) (and 2 more problems: run gapscan validate)`,
      )
    })

    it('names a single problem without a count', () => {
      const dir = `${BROKEN}/yaml-duplicate-key`
      assert.throws(
        () => loadValidCatalogue(dir),
        (e: unknown) =>
          e instanceof InputError &&
          e.message === `${dir}/standards.yaml:5: malformed YAML: Map keys must be unique`,
      )
    })

    it('returns warnings when there are no errors', () => {
      const dir = `${BROKEN}/unknown-field`
      const {catalogue, warnings} = loadValidCatalogue(dir)
      assert.equal(catalogue.standards.length, 1)
      assert.deepEqual(lines(warnings), [`${dir}/standards.yaml:7: warning: colour: unknown field (ignored)`])
    })
  })
})
