// The pane's one status line and its detail list. textContent only: nothing from the server or the
// workbook is ever parsed as HTML.
export type Tone = 'busy' | 'ok' | 'error' | 'info'

function el(id: string): HTMLElement | null {
  return document.getElementById(id)
}

function show(tone: Tone, text: string, details?: readonly string[]): void {
  const status = el('status')
  if (status) {
    status.textContent = text
    status.className = 'status status-' + tone
  }
  const list = el('status-details')
  if (list) {
    while (list.firstChild) list.removeChild(list.firstChild)
    for (const line of details || []) {
      const li = document.createElement('li')
      li.textContent = line
      list.appendChild(li)
    }
  }
}

export function showBusy(text: string): void {
  show('busy', text)
}
export function showOk(text: string, details?: readonly string[]): void {
  show('ok', text, details)
}
export function showInfo(text: string, details?: readonly string[]): void {
  show('info', text, details)
}
export function showError(text: string, details?: readonly string[]): void {
  show('error', text, details)
}

export function setText(id: string, text: string): void {
  const e = el(id)
  if (e) e.textContent = text
}

export type IssueItem = { text: string; address: string | null; severity: 'error' | 'warning'; onSelect?: () => void }

/** The clickable list of issues: a button per issue with a cell, plain text otherwise. */
export function showIssues(items: readonly IssueItem[]): void {
  const list = el('issues')
  if (!list) return
  while (list.firstChild) list.removeChild(list.firstChild)
  for (const item of items) {
    const li = document.createElement('li')
    li.className = 'issue issue-' + item.severity + (item.address && item.onSelect ? ' has-link' : '')
    if (item.address && item.onSelect) {
      const button = document.createElement('button')
      button.type = 'button'
      button.className = 'issue-link'
      const where = document.createElement('span')
      where.className = 'issue-address'
      where.textContent = item.address
      const what = document.createElement('span')
      what.textContent = ' ' + item.text
      button.appendChild(where)
      button.appendChild(what)
      const select = item.onSelect
      button.onclick = () => select()
      li.appendChild(button)
    } else {
      li.textContent = item.text
    }
    list.appendChild(li)
  }
  const box = el('issues-box')
  if (box) box.style.display = items.length > 0 ? 'block' : 'none'
}

function span(text: string): HTMLElement {
  const s = document.createElement('span')
  s.textContent = text
  return s
}

export type HeadlineTone = 'ok' | 'error'

export function showHeadline(text: string, tone: HeadlineTone): void {
  const e = el('headline')
  if (!e) return
  e.textContent = text
  e.className = 'headline headline-' + tone
}

export type ChaseGroup = {
  label: string
  tone: 'error' | 'warning' | 'info' | 'ok'
  /** Names, each a link when it can select its row. */
  items: Array<{ text: string; onSelect?: () => void }>
}

/** One line per group: "Chưa nộp: Thọ Bình, Dân Lý" with every name a button; nothing shown for no groups. */
export function showChase(groups: readonly ChaseGroup[]): void {
  const box = el('chase-box')
  const line = el('chase')
  if (!box || !line) return
  while (line.firstChild) line.removeChild(line.firstChild)
  for (const g of groups) {
    const part = document.createElement('span')
    part.className = 'chase-group chase-' + g.tone
    const label = document.createElement('strong')
    label.textContent = g.items.length > 0 ? g.label + ': ' : g.label
    part.appendChild(label)
    g.items.forEach((item, i) => {
      if (i > 0) part.appendChild(span(', '))
      if (item.onSelect) {
        const b = document.createElement('button')
        b.type = 'button'
        b.className = 'link-inline'
        b.textContent = item.text
        const select = item.onSelect
        b.onclick = () => select()
        part.appendChild(b)
      } else {
        part.appendChild(span(item.text))
      }
    })
    line.appendChild(part)
  }
  box.style.display = groups.length > 0 ? 'block' : 'none'
}
