import assert from 'node:assert/strict'
import {decodeText} from '../../src/core/catalogue/index.js'
import {DecodeError} from '../../src/core/catalogue/decode.js'

const BOM8 = [0xef, 0xbb, 0xbf]

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le')
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]]
  return bytes
}

describe('decodeText', () => {
  it('decodes plain UTF-8 without a warning', () => {
    const decoded = decodeText(Buffer.from('title: café — 数字\n', 'utf8'))
    assert.deepEqual(decoded, {text: 'title: café — 数字\n', encoding: 'utf-8'})
  })

  it('decodes empty input as empty UTF-8 text', () => {
    assert.deepEqual(decodeText(new Uint8Array(0)), {text: '', encoding: 'utf-8'})
  })

  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeText(Buffer.concat([Buffer.from(BOM8), Buffer.from('kind,id\n', 'utf8')]))
    assert.deepEqual(decoded, {text: 'kind,id\n', encoding: 'utf-8'})
    assert.equal(decoded.text.charCodeAt(0), 0x6b)
  })

  it('refuses a UTF-8 byte-order mark followed by invalid UTF-8', () => {
    const bytes = Buffer.from([...BOM8, 0x61, 0xe9, 0x62])
    assert.throws(
      () => decodeText(bytes),
      (e: unknown) =>
        e instanceof DecodeError &&
        e.message === 'starts with a UTF-8 byte-order mark but is not valid UTF-8',
    )
  })

  it('decodes UTF-16LE with a byte-order mark, without a warning', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: café — ok\n', 'utf16le')])
    assert.deepEqual(decodeText(bytes), {text: 'id: café — ok\n', encoding: 'utf-16le'})
  })

  it('decodes UTF-16BE with a byte-order mark, without a warning', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('id: café — ok\n')])
    assert.deepEqual(decodeText(bytes), {text: 'id: café — ok\n', encoding: 'utf-16be'})
  })

  it('detects UTF-16LE without a byte-order mark and warns', () => {
    assert.deepEqual(decodeText(Buffer.from('kind: standard\nentries: []\n', 'utf16le')), {
      text: 'kind: standard\nentries: []\n',
      encoding: 'utf-16le',
      warning: 'no byte-order mark; decoded as UTF-16LE',
    })
  })

  it('detects UTF-16BE without a byte-order mark and warns', () => {
    assert.deepEqual(decodeText(utf16be('kind: standard\nentries: []\n')), {
      text: 'kind: standard\nentries: []\n',
      encoding: 'utf-16be',
      warning: 'no byte-order mark; decoded as UTF-16BE',
    })
  })

  it('decodes Latin-1 as Windows-1252 with a warning, keeping é as é', () => {
    const decoded = decodeText(Buffer.from("title: Représentation de l'heure\n", 'latin1'))
    assert.deepEqual(decoded, {
      text: "title: Représentation de l'heure\n",
      encoding: 'windows-1252',
      warning: 'not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this',
    })
    assert.equal(decoded.text.codePointAt(11), 0xe9)
  })

  it('refuses binary content with NUL bytes in both byte positions', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ])
    assert.throws(
      () => decodeText(png),
      (e: unknown) => e instanceof DecodeError && e.message === 'binary content (NUL bytes): not a text file',
    )
  })

  it('refuses text with a single stray NUL byte', () => {
    assert.throws(() => decodeText(Buffer.from('kind: standard\0\nentries: []\n', 'utf8')), DecodeError)
  })

  // Node >= 20.18.3 decodes the 'windows-1252' label as ISO-8859-1 (nodejs/node#60888), so the
  // bytes 0x80-0x9F become C1 control characters instead of € ‚ „ … ‘ ’ “ ” – — ™.
  it('Windows-1252 bytes 0x80-0x9F decode to their Windows-1252 characters (0x92 → ’, 0x80 → €)', () => {
    const decoded = decodeText(
      Buffer.from([0x6c, 0x92, 0x68, 0x65, 0x75, 0x72, 0x65, 0x20, 0x80, 0x93, 0x94, 0x96]),
    )
    assert.equal(decoded.encoding, 'windows-1252')
    assert.equal(decoded.text, 'l’heure €“”–')
  })
})
