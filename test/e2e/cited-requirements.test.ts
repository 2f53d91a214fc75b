import assert from 'node:assert/strict'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {subjectsToMatch} from '../../src/core/catalogue/subjects.js'
import {Matcher, type SubjectResult} from '../../src/core/match/matcher.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Issue #12: on the bundled catalogue, every requirement that names a standard the catalogue holds
 * has it as a cited match, and is covered by it.
 */
describe('e2e: the bundled requirements that name a standard have it as a cited match', function () {
  this.timeout(300_000)
  let results: SubjectResult[]
  before(async () => {
    const {catalogue, config, glossary} = loadWorkspace(join(ROOT, 'data'), {}, [])
    const matcher = new Matcher(catalogue, config, glossary)
    const requirements = subjectsToMatch(catalogue, undefined, []).filter((s) => s.kind === 'requirement')
    results = await matcher.matchAll(requirements)
  })

  it('lists every resolved designation among the matches, as cited, and the subject covered', () => {
    const citing = results.filter((r) => r.citations.some((c) => c.ids.length > 0))
    // X.509, ISO 8601, ISO 20022, WCAG 2.2, RFCs, NIST SP/FIPS, OpenID, OGC services, JWT, BPMN…
    assert.ok(citing.length >= 30, `${citing.length} citing requirements`)
    for (const r of citing) {
      assert.equal(r.status, 'covered', r.subject)
      const cited = new Set(r.matches.filter((m) => m.basis === 'cited').map((m) => m.id))
      for (const c of r.citations)
        for (const id of c.ids) assert.ok(cited.has(id), `${r.subject}: ${c.text} → ${id}`)
      // Cited matches come first.
      assert.equal(r.matches[0].basis, 'cited', r.subject)
    }
  })

  it('resolves every designation the bundled requirements write', () => {
    const unresolved = results.flatMap((r) =>
      r.citations.filter((c) => c.ids.length === 0).map((c) => c.text),
    )
    assert.deepEqual(unresolved, [])
  })
})
