// The leader's page: the summary at a glance on a phone, for a chosen period, and the workbook to download.
import type { AggregateResponse, MeResponse } from '../../shared/api'
import { periodText } from '../../shared/words'
import { sendJson } from '../api'
import { downloadButton } from '../download'
import { failureNote } from '../feedback'
import { fill, h } from '../dom'
import { periodSelect, recentPeriods, reviewPeriod } from '../periods'
import { W } from '../words'
import { summaryGlance, summaryWorkbookPath } from './summary'

export async function leaderPage(me: MeResponse, root: HTMLElement): Promise<void> {
  let period = reviewPeriod(me.today)
  const unit = me.unit.id
  const glance = h('div', { id: 'glance' })
  const out = h('div')
  const title = h('h2', { id: 'glance-h' }, 'Tổng hợp ' + periodText(period))
  const button = downloadButton('download-summary', W.downloadSummary, () => summaryWorkbookPath(unit, period), out)
  const select = periodSelect('period', recentPeriods(me.today, 6), period, (p) => {
    period = p
    title.textContent = 'Tổng hợp ' + periodText(p)
    void show()
  })
  fill(root, h('section', { class: 'card', 'aria-labelledby': 'glance-h' }, title, h('label', { for: 'period' }, W.period), select, glance, button, out))

  async function show(): Promise<void> {
    const asked = period
    fill(glance, h('p', { class: 'muted' }, W.loading))
    try {
      const a = await sendJson<AggregateResponse>('POST', '/aggregate', { unit, period })
      if (asked === period) fill(glance, summaryGlance(a))
    } catch (err) {
      fill(glance, failureNote(err))
    }
  }
  await show()
}
