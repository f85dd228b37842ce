import { describe, expect, it } from 'vitest'
import { ISSUE_CODES, hasErrors, makeIssue, severityOf } from '../../shared/issues'

describe('issues', () => {
  it('gives every code a Vietnamese and an English message', () => {
    expect(ISSUE_CODES.length).toBeGreaterThan(30)
    for (const code of ISSUE_CODES) {
      const issue = makeIssue(code, 'x', { indicator: '2.1', task: 'T1', value: 'v', expected: 'e', limit: 'l' })
      expect(issue.message.length).toBeGreaterThan(10)
      expect(issue.message_en.length).toBeGreaterThan(10)
      expect(issue.message).not.toBe(issue.message_en)
      expect(issue.message).not.toContain('undefined')
      expect(issue.message_en).not.toContain('undefined')
    }
  })

  it('writes Vietnamese with its diacritics', () => {
    expect(makeIssue('value_required', 'indicators[0].value', { indicator: '2.1' }).message).toBe('Chỉ tiêu 2.1: chưa nhập giá trị.')
    expect(makeIssue('task_lead_multiple', 'tasks[0].lead', { task: 'TB-4' }).message).toContain('một người chủ trì một việc')
  })

  it('blocks on errors only', () => {
    expect(severityOf('status_contradicts_threshold')).toBe('warning')
    expect(severityOf('percent_out_of_range')).toBe('error')
    expect(hasErrors([makeIssue('people_share_high', 'funds', { value: '40', limit: '30' })])).toBe(false)
    expect(hasErrors([makeIssue('unit_required', 'unit')])).toBe(true)
    expect(hasErrors([])).toBe(false)
  })
})

describe('values quoted in messages', () => {
  it('never throw, whatever a JSON body or a cell holds', async () => {
    const { shownValue } = await import('../../shared/issues')
    expect(shownValue({ toString: false })).toBe('[object Object]')
    expect(shownValue(null)).toBe('null')
    expect(shownValue('85%')).toBe('85%')
  })
})
