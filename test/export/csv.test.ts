import assert from 'node:assert/strict'
import {parse} from 'csv-parse/sync'
import {neutraliseCell, resolveDelimiter, restoreCell, toCsv} from '../../src/core/export/csv.js'
import {UsageError} from '../../src/core/errors.js'

describe('export/csv', () => {
  describe('neutraliseCell (formula injection)', () => {
    for (const cell of ['=1+1', '+A1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")', '-x']) {
      it(`prefixes ${JSON.stringify(cell)} with '`, () => {
        assert.equal(neutraliseCell(cell), `'${cell}`)
        assert.equal(restoreCell(neutraliseCell(cell)), cell)
      })
    }
    for (const cell of ['', 'FGMV-22', 'Y.4600', '0.3173', "it's", 'a=b', ' =x', 'SG17;SG20']) {
      it(`leaves ${JSON.stringify(cell)} unchanged`, () => {
        assert.equal(neutraliseCell(cell), cell)
        assert.equal(restoreCell(cell), cell)
      })
    }
    it("round-trips a cell that already starts with ' and a trigger", () => {
      assert.equal(neutraliseCell("'=x"), "''=x")
      assert.equal(restoreCell("''=x"), "'=x")
    })
  })

  describe('toCsv', () => {
    it('neutralises every cell, including quoted ones', () => {
      const csv = toCsv([
        ['id', 'title'],
        ['-x', '=HYPERLINK("http://x")'],
        ['+A1', '@SUM(A1)'],
        ['\tx', '=1+1'],
      ])
      assert.equal(
        csv,
        'id,title\r\n\'-x,"\'=HYPERLINK(""http://x"")"\r\n\'+A1,\'@SUM(A1)\r\n\'\tx,\'=1+1\r\n',
      )
    })

    it('quotes per RFC 4180: commas, quotes, CR, LF; CRLF after every record', () => {
      const rows = [
        ['a', 'b'],
        ['x, y', 'say "hi"'],
        ['line\nbreak', 'cr\rhere'],
        ['crlf\r\ninside', 'plain'],
      ]
      const csv = toCsv(rows)
      assert.equal(
        csv,
        'a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak","cr\rhere"\r\n"crlf\r\ninside",plain\r\n',
      )
      assert.deepEqual(parse(csv), rows)
    })

    it('does not quote needlessly', () => {
      assert.equal(toCsv([['a b', "it's", 'é ü 中']]), "a b,it's,é ü 中\r\n")
    })

    it('uses another delimiter and quotes cells that contain it', () => {
      assert.equal(toCsv([['a;b', 'c,d']], {delimiter: ';'}), '"a;b";c,d\r\n')
      assert.equal(toCsv([['a', 'b\tc']], {delimiter: 'tab'}), 'a\t"b\tc"\r\n')
    })

    it('starts with a UTF-8 BOM only when asked', () => {
      assert.ok(toCsv([['é']], {bom: true}).startsWith('\ufeffé'))
      assert.equal(
        Buffer.from(toCsv([['x']], {bom: true}), 'utf8')
          .subarray(0, 3)
          .toString('hex'),
        'efbbbf',
      )
      assert.ok(!toCsv([['é']]).startsWith('\ufeff'))
    })

    it('refuses a delimiter that is not one safe character', () => {
      for (const bad of ['', ';;', '"', '\n']) assert.throws(() => resolveDelimiter(bad), UsageError)
      assert.equal(resolveDelimiter('\\t'), '\t')
      assert.equal(resolveDelimiter(undefined), ',')
    })
  })
})
