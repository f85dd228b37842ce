// The leader's page: the summary at a glance on a phone, for a chosen period, and the workbook to download.
import { API_BASE, type AggregateResponse, type MeResponse, aggregateWorkbookPath } from '../../shared/api'
import { periodText } from '../../shared/words'
import { sendJson } from '../api'
import { download } from '../download'
import { failureNote, note } from '../feedback'
import { fill, h } from '../dom'
import { periodSelect, recentPeriods, reviewPeriod } from '../periods'
import { W } from '../words'
import { summaryGlance } from './summary'

export async function leaderPage(me: MeResponse, root: HTMLElement): Promise<void> {
  let period = reviewPeriod(me.today)
  const unit = me.unit.id
  const glance = h('div', { id: 'glance' })
  const out = h('div')
  const title = h('h2', { id: 'glance-h' }, 'Tổng hợp ' + periodText(period))
  const button = h('button', { type: 'button', id: 'download-summary' }, W.downloadSummary)
  const select = periodSelect('period', recentPeriods(me.today, 6), period, (p) => {
    period = p
    title.textContent = 'Tổng hợp ' + periodText(p)
    void show()
  })
  button.addEventListener('click', async () => {
    button.disabled = true
    try {
      fill(out, note('ok', W.downloaded + (await download(aggregateWorkbookPath(unit, period).slice(API_BASE.length))), null))
    } catch (err) {
      fill(out, failureNote(err))
    } finally {
      button.disabled = false
    }
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
