// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { AggregateResponse, OverdueTask } from '../../shared/api'
import { overdueSection } from '../../portal/views/summary'

const task = (n: number): OverdueTask => ({
  id: 'NV-' + n, title: 'Việc ' + n, owner: 'trieu-son', lead: 'binh-son', collaborators: [], occurrence: '2026-11-10', days: 16,
})
const aggregate = (listed: number, total: number | undefined): AggregateResponse =>
  ({ overdueTasks: Array.from({ length: listed }, (_, i) => task(i)), overdueTotal: total, overdueNext: null, unitNames: { 'binh-son': 'Xã Bình Sơn' } }) as unknown as AggregateResponse

const text = (els: HTMLElement[]): string[] => els.map((e) => (e.textContent ?? '').trim())

describe('the portal\'s overdue tasks', () => {
  it('counts every overdue task, lists the first page and says how many more', () => {
    const els = overdueSection(aggregate(2, 250))
    expect(text(els)[0]).toBe('Việc quá hạn (250)')
    expect(els[1]?.querySelectorAll('li')).toHaveLength(2)
    expect(els[1]?.textContent).toContain('Chủ trì: Xã Bình Sơn')
    expect(text(els)[2]).toBe('Còn 248 việc quá hạn khác; bảng tổng hợp (.xlsx) liệt kê đến 1.000 việc quá hạn lâu nhất.')
  })

  it('says nothing more when all are listed, and counts a snapshot taken before paging by its list', () => {
    expect(text(overdueSection(aggregate(3, 3)))).toHaveLength(2)
    expect(text(overdueSection(aggregate(3, undefined)))[0]).toBe('Việc quá hạn (3)')
    expect(text(overdueSection(aggregate(0, 0)))).toEqual(['Việc quá hạn (0)', 'Không có việc quá hạn.'])
  })
})
