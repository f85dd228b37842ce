// The pane's page for happy-dom tests: the body of addin/taskpane.html, a fresh fake Excel and in-memory API, the
// clock and language fixed, no saved settings, no remembered identity.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { resetState, setClock, setPeriod } from '../../addin/actions'
import { setLang } from '../../addin/messages'
import { ROOT } from './bundle'
import { FakeExcel, type OfficeStub, installOffice } from './fake-excel'
import { FakeServer } from './fake-server'

const html = readFileSync(join(ROOT, 'addin', 'taskpane.html'), 'utf8')
const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script[\s\S]*?<\/script>/g, '')

export function freshPane(now: number, period: string): { fake: FakeExcel; office: OfficeStub; server: FakeServer } {
  document.body.innerHTML = body
  window.localStorage.clear()
  const fake = new FakeExcel({ apiVersion: '1.1' })
  const office = installOffice(globalThis, fake)
  const server = new FakeServer(now)
  ;(globalThis as { fetch: unknown }).fetch = server.fetch
  setClock(() => now)
  setLang('vi')
  resetState()
  setPeriod(period)
  return { fake, office, server }
}
