import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {OutputError} from '../../src/core/errors.js'
import {toCsv} from '../../src/core/export/csv.js'
import {writeFileAtomic, writeFilesAtomic} from '../../src/core/io/atomic-write.js'

describe('export/atomic write', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-atomic-'))
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('writes the CSV, creating missing parent folders', () => {
    const out = join(dir, 'a', 'b', 'tsag.csv')
    writeFileAtomic(out, toCsv([['id'], ['x']]))
    assert.equal(readFileSync(out, 'utf8'), 'id\r\nx\r\n')
    assert.deepEqual(readdirSync(join(dir, 'a', 'b')), ['tsag.csv'])
  })

  it('fails with an OutputError and leaves no file when the parent is a file', () => {
    writeFileSync(join(dir, 'file'), 'not a folder')
    assert.throws(() => writeFileAtomic(join(dir, 'file', 'tsag.csv'), 'id\r\n'), OutputError)
    assert.deepEqual(readdirSync(dir), ['file'])
    assert.equal(readFileSync(join(dir, 'file'), 'utf8'), 'not a folder')
  })

  it('keeps the old file intact and removes temporary files when a write fails', () => {
    const out = join(dir, 'tsag.csv')
    writeFileSync(out, 'old content')
    writeFileSync(join(dir, 'file'), '')
    // The second file cannot be written, after the first one's temporary file was: nothing is replaced.
    assert.throws(
      () =>
        writeFilesAtomic([
          {path: out, content: 'new content'},
          {path: join(dir, 'file', 'other.csv'), content: 'x'},
        ]),
      OutputError,
    )
    assert.equal(readFileSync(out, 'utf8'), 'old content')
    assert.deepEqual(readdirSync(dir).sort(), ['file', 'tsag.csv'])
  })

  it('replaces the old file completely on success', () => {
    const out = join(dir, 'tsag.csv')
    writeFileSync(out, 'a much longer old content that must not survive')
    writeFileAtomic(out, 'new')
    assert.equal(readFileSync(out, 'utf8'), 'new')
    assert.deepEqual(readdirSync(dir), ['tsag.csv'])
  })
})
