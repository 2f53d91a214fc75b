import {strict as assert} from 'node:assert'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {loadDecisions} from '../../src/core/analysis/decisions.js'
import {emptyCatalogue} from '../../src/core/catalogue/index.js'
import type {Problem} from '../../src/core/catalogue/problems.js'
import {InputError} from '../../src/core/errors.js'
import {readTextFile} from '../../src/core/io/read-text.js'
import {loadGlossary} from '../../src/core/text/glossary.js'

describe('io: reading text input files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gapscan-read-'))

  it('decodes UTF-16 with a byte-order mark and Latin-1 like catalogue files', () => {
    const utf16 = join(dir, 'u16.yaml')
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('décision', 'utf16le')]))
    assert.equal(readTextFile(utf16), 'décision')
    const latin1 = join(dir, 'l1.yaml')
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    assert.equal(readTextFile(latin1), 'café')
  })

  it('hands a decoding warning to the caller when asked, naming the file', () => {
    const latin1 = join(dir, 'warn.yaml')
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    const warnings: Problem[] = []
    assert.equal(readTextFile(latin1, warnings), 'café')
    assert.deepEqual(warnings, [
      {
        severity: 'warning',
        file: latin1,
        line: 0,
        message: 'not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this',
      },
    ])
    const utf8 = join(dir, 'ok.yaml')
    writeFileSync(utf8, 'café')
    readTextFile(utf8, warnings)
    assert.equal(warnings.length, 1)
  })

  it('turns a missing or binary file into a one-line input error naming it', () => {
    assert.throws(
      () => readTextFile(join(dir, 'none.yaml')),
      (e: unknown) => {
        return (
          e instanceof InputError &&
          e.message === `${join(dir, 'none.yaml')}: cannot read: file not found (ENOENT)`
        )
      },
    )
    const binary = join(dir, 'bin.yaml')
    writeFileSync(binary, Buffer.from([0x01, 0x00, 0x02, 0x03, 0x00, 0x00, 0x00, 0x05]))
    assert.throws(() => readTextFile(binary), /bin\.yaml: binary content/)
    // The same rule holds for every reader built on it: no stack trace for a binary decisions file.
    assert.throws(() => loadDecisions(binary, emptyCatalogue(), true), InputError)
    assert.throws(() => loadGlossary(binary), InputError)
  })
})
