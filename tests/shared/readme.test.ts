import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { ISSUE_CODES, makeIssue, severityOf } from '../../shared/issues'

it('lists every issue code in the README with its severity', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
  const missing = ISSUE_CODES.filter((c) => !readme.includes('| `' + c + '` | ' + severityOf(c) + ' |'))
  expect(missing).toEqual([])
  expect(readme).toContain(makeIssue('value_required', '', { indicator: '2.1' }).message)
})

it('lists every catalogue issue code in the README', async () => {
  const { CATALOG_ISSUE_CODES } = await import('../../shared/catalog-issues')
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
  expect(CATALOG_ISSUE_CODES.filter((c) => !readme.includes('`' + c + '`'))).toEqual([])
})
