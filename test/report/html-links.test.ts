import {strict as assert} from 'node:assert'
import {standardLink} from '../../src/core/report/html.js'

describe('report: links to standards in the HTML page', () => {
  it('links an http(s) URL, escaping id and URL', () => {
    assert.equal(
      standardLink('Y.4600', 'https://www.itu.int/rec/T-REC-Y.4600-202208-I?a=1&b=2'),
      '<a href="https://www.itu.int/rec/T-REC-Y.4600-202208-I?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">Y.4600</a>',
    )
  })

  it('never links javascript:, data: or malformed URLs, and shows the id as text', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'https://x.org/"onmouseover="alert(1)',
      ' https://x.org',
    ]) {
      assert.equal(standardLink('<b>X.1</b>', url), '&lt;b&gt;X.1&lt;/b&gt;')
    }
    assert.equal(standardLink('X.1', undefined), 'X.1')
  })
})
