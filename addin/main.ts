// Office.onReady → language, labels, settings form, period list, button bindings. Nothing else.
import {
  currentPeriod, currentRole, guard, onAggregate, onBusyChange, onCheck, onConnect, onCreateBook, onEvidence, onLock, onRefreshFlags,
  onMarkNoticesRead, onSaveSettings, onSaveUnitSettings, onSubmit, onSyncTasks, periodChoices, setPeriod,
} from './actions'
import { type MessageKey, pickLang, setLang, t } from './messages'
import { loadSettings } from './settings'
import { showError } from './status'

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T
}

function applyLabels(): void {
  const nodes = document.querySelectorAll('[data-msg]')
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as HTMLElement
    node.textContent = t(node.getAttribute('data-msg') as MessageKey)
  }
  document.title = t('title')
  document.documentElement.setAttribute('lang', t('title') === 'Báo cáo nông thôn mới' ? 'vi' : 'en')
}

function fillPeriods(): void {
  const select = byId<HTMLSelectElement>('period')
  const current = currentPeriod()
  const choices = periodChoices()
  for (const id of choices) {
    const option = document.createElement('option')
    option.value = id
    option.textContent = id.slice(8, 10) + '/' + id.slice(5, 7) + '/' + id.slice(0, 4)
    if (id === current) option.selected = true
    select.appendChild(option)
  }
  setPeriod(current)
  select.onchange = () => setPeriod(select.value)
}

function showSections(): void {
  const role = currentRole()
  byId('commune').style.display = role === null || role === 'commune' ? '' : 'none'
  byId('district').style.display = role === null || role !== 'commune' ? '' : 'none'
  byId('unit-settings').style.display = role === 'district' || role === 'admin' ? 'block' : 'none'
}

/**
 * A heading button that shows and hides its form. The forms start hidden by the stylesheet and never submit
 * (no inline style or handler: the page's CSP forbids them).
 */
function toggler(buttonId: string, formId: string): (open: boolean) => void {
  const toggle = byId<HTMLButtonElement>(buttonId)
  const form = byId<HTMLFormElement>(formId)
  form.onsubmit = () => false
  const setOpen = (open: boolean): void => {
    form.style.display = open ? 'block' : 'none'
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false')
  }
  toggle.onclick = () => setOpen(form.style.display === 'none')
  return setOpen
}

function bind(id: string, action: () => Promise<unknown>): void {
  byId<HTMLButtonElement>(id).onclick = () => void guard(action)
}

function init(inExcel: boolean): void {
  applyLabels()
  fillPeriods()
  const settings = loadSettings()
  byId<HTMLInputElement>('server-url').value = settings.serverUrl
  byId<HTMLInputElement>('token').value = settings.token
  const setOpen = toggler('btn-settings-toggle', 'settings-form')
  setOpen(!settings.token)
  toggler('btn-unit-settings-toggle', 'unit-settings-form')(false)
  const buttons = document.querySelectorAll('button')
  onBusyChange((busy) => {
    for (let i = 0; i < buttons.length; i++) (buttons[i] as HTMLButtonElement).disabled = busy
  })
  // The sections follow the saved token whether connecting works or not (a failed save forgets the old role).
  bind('btn-save-settings', () =>
    onSaveSettings(byId<HTMLInputElement>('server-url').value, byId<HTMLInputElement>('token').value).then(
      () => {
        showSections()
        if (currentRole()) setOpen(false)
      },
      (e: unknown) => {
        showSections()
        throw e
      },
    ),
  )
  bind('btn-create', onCreateBook)
  bind('btn-check', onCheck)
  bind('btn-submit', onSubmit)
  bind('btn-flags', onRefreshFlags)
  bind('btn-tasks', onSyncTasks)
  bind('btn-evidence', onEvidence)
  bind('btn-aggregate', onAggregate)
  bind('btn-lock', () => onLock(true))
  bind('btn-unlock', () => onLock(false))
  bind('btn-district-create', onCreateBook)
  bind('btn-district-tasks', onSyncTasks)
  bind('btn-district-flags', onRefreshFlags)
  bind('btn-notices-read', onMarkNoticesRead)
  bind('btn-save-unit-settings', onSaveUnitSettings)
  if (!inExcel) {
    showError(t('notExcel'))
    for (let i = 0; i < buttons.length; i++) if ((buttons[i] as HTMLButtonElement).id !== 'btn-settings-toggle') (buttons[i] as HTMLButtonElement).disabled = true
    return
  }
  void guard(() => onConnect().then(showSections))
}

Office.onReady((info) => {
  setLang(pickLang(Office.context && Office.context.displayLanguage))
  init((info.host as unknown as string) === 'Excel')
})
