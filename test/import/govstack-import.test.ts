import assert from 'node:assert/strict'
import {sourceUrl, statementValues} from '../../src/core/import/govstack-import.js'

describe('import: govstack mapping', () => {
  it('maps a statement to a requirement record with a derived title, source_refs and GitHub URL', () => {
    const statement = {
      id: 'identity-5.1-2',
      buildingBlock: 'identity',
      section: '5.1',
      level: 'REQUIRED' as const,
      text: 'The **system** MUST support [OIDC](https://openid.net) login.\u0007',
      sourceFile: 'identity/5-cross-cutting-requirements.md',
    }
    const url = sourceUrl(statement.sourceFile)
    assert.equal(
      url,
      'https://github.com/GovStackWorkingGroup/bb-identity/blob/main/spec/5-cross-cutting-requirements.md',
    )
    assert.deepEqual(statementValues(statement, url), {
      id: 'identity-5.1-2',
      title: 'The system MUST support OIDC login.',
      building_block: 'identity',
      level: 'REQUIRED',
      text: 'The **system** MUST support [OIDC](https://openid.net) login.',
      source_refs: ['identity-5.1-2'],
      source_url: url,
    })
    assert.equal(
      sourceUrl('architecture/5-x.md', {
        repo: 'GovStackWorkingGroup/specifications',
        path: 'arch/5-x.md',
        commit: 'abc1234',
      }),
      'https://github.com/GovStackWorkingGroup/specifications/blob/abc1234/arch/5-x.md',
    )
  })
})
