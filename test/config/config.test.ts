import {strict as assert} from 'node:assert'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {DEFAULT_CONFIG, loadConfig} from '../../src/core/config.js'
import {InputError} from '../../src/core/errors.js'

function withConfig(text: string): {dir: string; file: string} {
  const dir = mkdtempSync(join(tmpdir(), 'gapscan-config-'))
  const file = join(dir, 'gapscan.config.yaml')
  writeFileSync(file, text)
  return {dir, file}
}

function errorOf(text: string): string {
  const {dir} = withConfig(text)
  try {
    loadConfig(dir)
  } catch (e) {
    assert.ok(e instanceof InputError, String(e))
    return (e as Error).message.replace(dir, '<dir>')
  }
  assert.fail('expected an InputError')
}

describe('config (gapscan.config.yaml)', () => {
  it('uses the defaults when the catalogue has no config file', () => {
    assert.deepEqual(loadConfig(mkdtempSync(join(tmpdir(), 'gapscan-none-'))), DEFAULT_CONFIG)
  })

  it('merges the settings given and keeps the defaults of the others', () => {
    const {dir} = withConfig('top: 3\nthresholds:\n  covered: 0.3\nscoring:\n  model: bm25\n')
    const config = loadConfig(dir)
    assert.equal(config.top, 3)
    assert.deepEqual(config.thresholds, {covered: 0.3, partial: DEFAULT_CONFIG.thresholds.partial})
    assert.deepEqual(config.scoring, {model: 'bm25', bm25: DEFAULT_CONFIG.scoring.bm25})
    assert.deepEqual(config.weights, DEFAULT_CONFIG.weights)
  })

  it('names file, line and setting for every kind of mistake', () => {
    assert.equal(
      errorOf('thresholds:\n  covered: "high"\n'),
      '<dir>/gapscan.config.yaml:2: thresholds.covered: must be a number',
    )
    assert.equal(
      errorOf('thresholds:\n  covered: 0.1\n  partial: 0.5\n'),
      '<dir>/gapscan.config.yaml:3: thresholds.partial: must not exceed thresholds.covered',
    )
    assert.equal(errorOf('top: 3\nbogus: 1\n'), '<dir>/gapscan.config.yaml:2: bogus: unknown setting')
    assert.equal(
      errorOf('scoring:\n  model: lsi\n'),
      '<dir>/gapscan.config.yaml:2: scoring.model: must be tfidf or bm25',
    )
    assert.equal(errorOf('weights: 3\n'), '<dir>/gapscan.config.yaml:1: weights: must be a mapping')
    // Right type, wrong value.
    assert.equal(
      errorOf('top: 0\n'),
      '<dir>/gapscan.config.yaml:1: top: must be a whole number from 1 to 100',
    )
    assert.equal(
      errorOf('top: 2.5\n'),
      '<dir>/gapscan.config.yaml:1: top: must be a whole number from 1 to 100',
    )
    assert.equal(
      errorOf('thresholds:\n  covered: 1.5\n'),
      '<dir>/gapscan.config.yaml:2: thresholds.covered: must be between 0 and 1',
    )
    assert.equal(
      errorOf('thresholds:\n  partial: -0.1\n'),
      '<dir>/gapscan.config.yaml:2: thresholds.partial: must be between 0 and 1',
    )
    assert.equal(
      errorOf('weights:\n  body: -1\n'),
      '<dir>/gapscan.config.yaml:2: weights.body: must be a number of 0 or more',
    )
    assert.equal(
      errorOf('titleBoost: .nan\n'),
      '<dir>/gapscan.config.yaml:1: titleBoost: must be a number of 0 or more',
    )
    assert.equal(
      errorOf('overlap:\n  duplicate: 2\n'),
      '<dir>/gapscan.config.yaml:2: overlap.duplicate: must be between 0 and 1',
    )
    assert.equal(
      errorOf('scoring:\n  bm25:\n    b: 3\n'),
      '<dir>/gapscan.config.yaml:3: scoring.bm25.b: must be between 0 and 1',
    )
    assert.match(errorOf('a: [\n'), /^<dir>\/gapscan\.config\.yaml:2: malformed YAML: /)
  })

  it('refuses a named config file that does not exist', () => {
    assert.throws(() => loadConfig('data', '/nonexistent/gapscan.yaml'), /config file not found/)
  })
})
