import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {analyse, type Analysis} from '../../src/core/analysis/analyse.js'
import {loadDecisions} from '../../src/core/analysis/decisions.js'
import {InputError} from '../../src/core/errors.js'
import type {Problem} from '../../src/core/catalogue/problems.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const FIXTURE = 'test/fixtures/analysis/small'
const {catalogue, config, glossary} = loadWorkspace(FIXTURE, {}, [])

let dir: string
let counter = 0

/** Writes a decisions file; `lines` are the list items, one flow mapping per line (line 2 onwards). */
function decisionsFile(...lines: string[]): string {
  const path = join(dir, `decisions-${++counter}.yaml`)
  writeFileSync(path, ['decisions:', ...lines.map((l) => `  - ${l}`), ''].join('\n'))
  return path
}

const OK = 'by: TSB, date: 2026-11-21, reason: Agreed'

describe('analysis: decisions', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-decisions-'))
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  describe('analysis: loadDecisions', () => {
    it('reads decisions with their lines; sg as a number, "SG21" too', () => {
      const path = decisionsFile(
        `{subject: FGMV-01, action: accept, standard: Y.4600, by: J. Rapporteur, date: 2026-11-20, reason: Same scope}`,
        `{subject: DPI-CON-01, action: assign, sg: SG21, question: Q1/21, ${OK}}`,
      )
      assert.deepEqual(loadDecisions(path, catalogue), [
        {
          subject: 'FGMV-01',
          action: 'accept',
          standard: 'Y.4600',
          by: 'J. Rapporteur',
          date: '2026-11-20',
          reason: 'Same scope',
          line: 2,
        },
        {
          subject: 'DPI-CON-01',
          action: 'assign',
          sg: 21,
          question: 'Q1/21',
          by: 'TSB',
          date: '2026-11-21',
          reason: 'Agreed',
          line: 3,
        },
      ])
    })

    // The normalised form is idKey's (NFC, case-folded; tested with the catalogue's ids).
    it('matches ids in their normalised form and keeps the catalogue spelling', () => {
      const path = decisionsFile(
        `{subject: fgmv-01, action: accept, standard: y.4600, ${OK}}`,
        `{subject: "Dpi-Con-01", action: reject, standard: "Y.4600", ${OK}}`,
      )
      assert.deepEqual(
        loadDecisions(path, catalogue).map((d) => [d.subject, d.standard]),
        [
          ['FGMV-01', 'Y.4600'],
          ['DPI-CON-01', 'Y.4600'],
        ],
      )
    })

    it('reads block-style mappings with the line of the item', () => {
      const path = join(dir, 'block.yaml')
      writeFileSync(
        path,
        'decisions:\n  - subject: DPI-ID-01\n    action: reject\n    standard: X.1254\n    by: TSB\n    date: 2026-11-21\n    reason: No\n  - subject: FGMV-09\n    action: reject\n',
      )
      assert.throws(() => loadDecisions(path, catalogue), {
        message: `${path}:8: subject: unknown subject "FGMV-09"`,
      })
    })

    it('gives no decisions for a missing default file or an empty list, but refuses a missing required file', () => {
      assert.deepEqual(loadDecisions(join(dir, 'none.yaml'), catalogue), [])
      const empty = join(dir, 'empty.yaml')
      writeFileSync(empty, '')
      assert.deepEqual(loadDecisions(empty, catalogue), [])
      const emptyList = join(dir, 'empty-list.yaml')
      writeFileSync(emptyList, 'decisions: []\n')
      assert.deepEqual(loadDecisions(emptyList, catalogue), [])
      const missing = join(dir, 'none.yaml')
      assert.throws(() => loadDecisions(missing, catalogue, true), {
        name: 'InputError',
        message: `${missing}: decisions file not found`,
      })
    })

    const refuses = (line: string, message: (path: string) => string, at = 3) => {
      const path = decisionsFile(`{subject: FGMV-01, action: accept, standard: Y.4600, ${OK}}`, line)
      assert.throws(
        () => loadDecisions(path, catalogue),
        (e: unknown) => {
          assert.ok(e instanceof InputError, String(e))
          assert.equal(e.exitCode, 3)
          assert.equal(e.message, `${path}:${at}: ${message(path)}`)
          return true
        },
      )
    }

    it('refuses an unknown subject', () =>
      refuses(
        `{subject: FGMV-77, action: accept, standard: Y.4600, ${OK}}`,
        () => 'subject: unknown subject "FGMV-77"',
      ))

    it('refuses an unknown standard', () =>
      refuses(
        `{subject: FGMV-01, action: add, standard: Z.9999, ${OK}}`,
        () => 'standard: unknown standard "Z.9999"',
      ))

    it('refuses an unknown study group', () =>
      refuses(`{subject: DPI-CON-01, action: assign, sg: 99, ${OK}}`, () => 'sg: unknown study group 99'))

    it('refuses an unknown Question of a known study group', () =>
      refuses(
        `{subject: DPI-CON-01, action: assign, sg: 21, question: Q6/17, ${OK}}`,
        () => 'question: unknown Question "Q6/17" in SG21',
      ))

    it('accepts, with a warning, a Question of the SG missing from an incomplete list', () => {
      for (const question of ['Q6/21', 'Q12/21']) {
        const path = decisionsFile(
          `{subject: DPI-CON-01, action: assign, sg: 21, question: ${question}, ${OK}}`,
        )
        const warnings: Problem[] = []
        const [decision] = loadDecisions(path, catalogue, false, warnings)
        assert.equal(decision.question, question)
        assert.deepEqual(warnings, [
          {
            severity: 'warning',
            file: path,
            line: 2,
            field: 'question',
            message: `Question "${question}" is not in the catalogue's list for SG21 (known incomplete): accepted`,
          },
        ])
      }
    })

    it('refuses a Question missing from a list marked complete', () => {
      const complete = {
        ...catalogue,
        studyGroups: catalogue.studyGroups.map((g) => ({...g, questionsComplete: true})),
      }
      for (const question of ['Q6/21', 'Q2/17']) {
        const sg = question.split('/')[1]
        const path = decisionsFile(
          `{subject: DPI-CON-01, action: assign, sg: ${sg}, question: ${question}, ${OK}}`,
        )
        assert.throws(
          () => loadDecisions(path, complete),
          (e: unknown) =>
            e instanceof InputError &&
            e.message === `${path}:2: question: unknown Question "${question}" in SG${sg}`,
        )
      }
    })

    it('refuses an unknown action', () =>
      refuses(
        `{subject: FGMV-01, action: approve, standard: Y.4600, ${OK}}`,
        () => 'action: "approve" is not one of accept, reject, add, assign',
      ))

    it('refuses a bad date', () =>
      refuses(
        `{subject: FGMV-01, action: accept, standard: Y.4600, by: TSB, date: 20/11/2026, reason: x}`,
        () => 'date: "20/11/2026" is not a date (YYYY-MM-DD)',
      ))

    it('refuses an unknown field, naming it', () =>
      refuses(
        `{subject: FGMV-01, action: accept, standard: Y.4600, colour: red, ${OK}}`,
        () => 'colour: unknown field',
      ))

    it('refuses a missing required field', () => {
      refuses(
        `{subject: FGMV-01, action: accept, standard: Y.4600, date: 2026-11-21, reason: x}`,
        () => 'by: required field is missing',
      )
      refuses(`{subject: FGMV-01, action: accept, ${OK}}`, () => 'standard: required field is missing')
      refuses(`{subject: DPI-CON-01, action: assign, ${OK}}`, () => 'sg: required field is missing')
    })

    it('refuses a list item that is not a mapping, and decisions that are not a list', () => {
      refuses('just text', () => 'decision: must be a mapping')
      const path = join(dir, 'scalar.yaml')
      writeFileSync(path, 'decisions: 3\n')
      assert.throws(() => loadDecisions(path, catalogue), {
        message: `${path}:1: decisions: expected a list of decisions`,
      })
    })

    it('refuses malformed YAML with file:line', () => {
      const path = join(dir, 'malformed.yaml')
      writeFileSync(path, 'decisions:\n  - {subject: FGMV-01, action: accept\n')
      assert.throws(
        () => loadDecisions(path, catalogue),
        (e: unknown) => {
          assert.ok(e instanceof InputError)
          assert.match(
            e.message,
            new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: malformed YAML: `),
          )
          return true
        },
      )
    })

    it('reads an empty `decisions:` key (all items commented out) as no decisions', () => {
      const path = join(dir, 'null.yaml')
      writeFileSync(path, 'decisions:\n  # - {subject: FGMV-01, action: accept, standard: Y.4600}\n')
      assert.deepEqual(loadDecisions(path, catalogue), [])
    })

    it('refuses impossible dates (2026-13-45, 2026-02-30) that match YYYY-MM-DD', () => {
      refuses(
        `{subject: FGMV-01, action: accept, standard: Y.4600, by: TSB, date: 2026-13-45, reason: x}`,
        () => 'date: "2026-13-45" is not a date (YYYY-MM-DD)',
      )
      refuses(
        `{subject: FGMV-01, action: accept, standard: Y.4600, by: TSB, date: 2026-02-30, reason: x}`,
        () => 'date: "2026-02-30" is not a date (YYYY-MM-DD)',
      )
    })

    it('refuses sg "0x15" and "2e1" (not read as SG21 and SG20, as Number() would)', () => {
      refuses(
        `{subject: DPI-CON-01, action: assign, sg: "0x15", ${OK}}`,
        () => 'sg: unknown study group 0x15',
      )
      refuses(`{subject: DPI-CON-01, action: assign, sg: "2e1", ${OK}}`, () => 'sg: unknown study group 2e1')
    })
  })

  describe('analysis: reviewed decisions applied by analyse()', () => {
    const matcher = new Matcher(catalogue, config, glossary)
    let computed: Analysis
    before(() => {
      computed = analyse(catalogue, matcher)
    })
    const runWith = (m: Matcher, ...lines: string[]) =>
      analyse(catalogue, m, {decisions: loadDecisions(decisionsFile(...lines), catalogue)})
    const run = (...lines: string[]) => runWith(matcher, ...lines)
    // At evidence.covered 2, Y.4600 (evidence 1.95) is only partial for DPI-SEC-01, while X.1999
    // (2.53) still covers it: what is left when X.1999 is rejected is then a partial match.
    const strict = new Matcher(catalogue, {...config, evidence: {covered: 2, partial: 1.2}}, glossary)
    const subjectOf = (a: Analysis, id: string) => a.subjects.find((s) => s.id === id)!

    it('accept: a gap becomes covered and reviewed; the computed result is kept apart', () => {
      const a = run(`{subject: DPI-CON-01, action: accept, standard: X.1254, ${OK}}`)
      const s = subjectOf(a, 'DPI-CON-01')
      assert.equal(s.coverage, 'covered')
      assert.equal(s.reviewed, true)
      assert.deepEqual(s.computed, {coverage: 'gap', score: 0})
      assert.deepEqual(
        s.matches.map((m) => [m.id, m.score, m.review]),
        [['X.1254', 0, 'accepted']],
      )
      assert.deepEqual(s.responsible, {basis: 'covering-standards', sgs: [17], questions: [], score: 0})
      assert.deepEqual(s.decisions, [
        {
          subject: 'DPI-CON-01',
          action: 'accept',
          standard: 'X.1254',
          by: 'TSB',
          date: '2026-11-21',
          reason: 'Agreed',
        },
      ])
      // Other subjects are untouched.
      assert.deepEqual(subjectOf(a, 'FGMV-01'), subjectOf(computed, 'FGMV-01'))
    })

    it('accept of a standard already matched marks that match', () => {
      const s = subjectOf(run(`{subject: DPI-MSG-01, action: accept, standard: H.9990, ${OK}}`), 'DPI-MSG-01')
      assert.equal(s.coverage, 'covered')
      assert.deepEqual(s.computed, {coverage: 'gap', score: 0.1182})
      assert.deepEqual(
        s.matches.map((m) => [m.id, m.score, m.review]),
        [['H.9990', 0.1182, 'accepted']],
      )
      // Accepted: H.9990 covers, though its evidence is below the partial level.
      assert.deepEqual(s.responsible, {basis: 'covering-standards', sgs: [21], questions: [], score: 0.1182})
    })

    it('add: links a standard the matcher did not propose (even a withdrawn one)', () => {
      const s = subjectOf(run(`{subject: DPI-MSG-01, action: add, standard: Y.9990, ${OK}}`), 'DPI-MSG-01')
      assert.equal(s.coverage, 'covered')
      assert.equal(s.computed.coverage, 'gap')
      assert.deepEqual(
        s.matches.map((m) => [m.id, m.review ?? null]),
        [
          ['H.9990', null],
          ['Y.9990', 'added'],
        ],
      )
      // H.9990 (SG21, evidence 1.17) is below the covered level and not reviewed: only the added
      // Y.9990 (SG20) makes an SG responsible.
      assert.deepEqual(s.responsible, {basis: 'covering-standards', sgs: [20], questions: [], score: 0})
    })

    it('reject: removes the match from coverage, responsibility and overlaps', () => {
      const a = run(`{subject: DPI-ID-01, action: reject, standard: X.1254, ${OK}}`)
      const s = subjectOf(a, 'DPI-ID-01')
      assert.equal(s.computed.coverage, 'covered')
      assert.equal(s.coverage, 'gap')
      assert.equal(s.reviewed, true)
      assert.equal(s.matches[0].review, 'rejected')
      assert.equal(s.responsible.basis, 'mandate')
      assert.deepEqual(s.responsible.sgs, [17])
      // Q10/17 (identity management) shares one word with it: too little to propose it.
      assert.deepEqual(s.responsible.questions, [])

      const sec = subjectOf(
        runWith(strict, `{subject: DPI-SEC-01, action: reject, standard: X.1999, ${OK}}`),
        'DPI-SEC-01',
      )
      assert.equal(sec.computed.coverage, 'covered')
      assert.equal(sec.coverage, 'partial') // Y.4600 (evidence 1.95) is left: partial, no longer covered
      assert.deepEqual(
        sec.matches.map((m) => [m.id, m.score, m.review ?? null]),
        [
          ['X.1999', 0.3248, 'rejected'],
          ['Y.4600', 0.2715, null],
        ],
      )
      assert.equal(sec.relationship, 'intersects with')
      assert.equal(sec.responsible.basis, 'mandate')
      assert.equal(sec.overlaps.multipleSgs, false)
      // With the fixture's own levels Y.4600 alone still covers: SG20 answers, SG17 no longer.
      const b = run(`{subject: DPI-SEC-01, action: reject, standard: X.1999, ${OK}}`)
      assert.equal(subjectOf(b, 'DPI-SEC-01').coverage, 'covered')
      assert.deepEqual(subjectOf(b, 'DPI-SEC-01').responsible.sgs, [20])
      assert.ok(!b.overlaps.some((o) => o.type === 'coordination' && o.a === 'DPI-SEC-01'))
    })

    it('reject of a standard that is not among the matches changes nothing but the review flag', () => {
      const s = subjectOf(run(`{subject: FGMV-01, action: reject, standard: H.9990, ${OK}}`), 'FGMV-01')
      assert.equal(s.reviewed, true)
      assert.deepEqual(
        s.matches.map((m) => m.id),
        subjectOf(computed, 'FGMV-01').matches.map((m) => m.id),
      )
      assert.equal(s.coverage, 'covered')
    })

    // A rejected link is not evidence: X.1999 (SG17) rejected for DPI-SEC-01 leaves SG17 with its
    // mandate phrase only (security), no related work, and the routing names no X.1999.
    it('reject: a rejected match does not vote for its SG in the responsibility evidence', () => {
      const id = subjectOf(run(`{subject: DPI-ID-01, action: reject, standard: X.1254, ${OK}}`), 'DPI-ID-01')
      assert.deepEqual(id.responsible, {basis: 'mandate', sgs: [17], questions: [], score: 0.6})
      const computedSec = subjectOf(computed, 'DPI-SEC-01')
      const sec = subjectOf(
        runWith(strict, `{subject: DPI-SEC-01, action: reject, standard: X.1999, ${OK}}`),
        'DPI-SEC-01',
      )
      assert.ok(computedSec.routing.sgs.some((g) => g.standards.includes('X.1999')))
      assert.ok(sec.routing.sgs.every((g) => !g.standards.includes('X.1999')))
      assert.ok(sec.routing.sgs[0].confidence < computedSec.routing.sgs[0].confidence)
    })

    it('later decisions win: reject then accept of the same link is accepted', () => {
      const s = subjectOf(
        run(
          `{subject: DPI-ID-01, action: reject, standard: X.1254, ${OK}}`,
          `{subject: DPI-ID-01, action: accept, standard: X.1254, ${OK}}`,
        ),
        'DPI-ID-01',
      )
      assert.equal(s.matches[0].review, 'accepted')
      assert.equal(s.coverage, 'covered')
    })

    it('assign: records the SG (and Question) that takes a gap; coverage unchanged', () => {
      const a = run(`{subject: DPI-CON-01, action: assign, sg: 21, question: Q1/21, ${OK}}`)
      const s = subjectOf(a, 'DPI-CON-01')
      assert.deepEqual(s.assigned, {sg: 21, question: 'Q1/21'})
      assert.equal(s.coverage, 'gap')
      assert.equal(s.reviewed, true)
      assert.deepEqual(s.responsible, {basis: 'assigned', sgs: [21], questions: ['Q1/21'], score: 1})
      const sg21 = a.studyGroups.find((g) => g.number === 21)!
      assert.deepEqual(sg21.counts, {covered: 2, partial: 0, gap: 2})
      assert.ok(sg21.subjects.includes('DPI-CON-01'))
      assert.ok(!a.studyGroups.find((g) => g.number === 17)!.subjects.includes('DPI-CON-01'))
      const noQuestion = subjectOf(run(`{subject: DPI-CON-01, action: assign, sg: 20, ${OK}}`), 'DPI-CON-01')
      assert.deepEqual(noQuestion.assigned, {sg: 20})
      assert.deepEqual(noQuestion.responsible.questions, [])
    })

    it('a subject whose only match is rejected has no relationship', () => {
      const s = subjectOf(run(`{subject: DPI-ID-01, action: reject, standard: X.1254, ${OK}}`), 'DPI-ID-01')
      assert.equal(s.coverage, 'gap')
      // The rejected X.1254 is the only match: no live match, so no relationship (as for DPI-CON-01).
      assert.equal(s.relationship, undefined)
    })
  })
})
