// Office.onReady → language, labels, settings form, period list, button bindings. Nothing else.
import {
  currentPeriod, currentRole, guard, onAggregate, onBusyChange, onCheck, onConnect, onCreateBook, onEvidence, onLock, onRefreshFlags,
  onMarkNoticesRead, onSaveSettings, onSaveUnitSettings, onSubmit, onSyncTasks, periodChoices, setPeriod,
} from './actions'
import { type MessageKey, pickLang, setLang, t } from './messages'
import { loadSettings } from './settings'
import { formatDateVi } from '../shared/dates'
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
    option.textContent = id === current ? t('currentPeriod', { date: formatDateVi(id) }) : formatDateVi(id)
    if (id === current) option.selected = true
    select.appendChild(option)
  }
  setPeriod(current)
  select.onchange = () => setPeriod(select.value)
}

/**
 * Before connecting only the connection form shows; after, only what the token's role may do: an element
 * with `data-roles="district admin"` shows for those roles (a leader sees no lock and no sync).
 */
function showSections(): void {
  const role = currentRole()
  const nodes = document.querySelectorAll('[data-roles]')
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as HTMLElement
    const roles = (node.getAttribute('data-roles') || '').split(' ')
    node.style.display = role !== null && roles.indexOf(role) >= 0 ? 'block' : 'none'
  }
  byId('district-title').textContent = t(role === 'leader' ? 'leaderSection' : 'districtSection')
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
  // A failed connection leaves the form open; one that works (or falls back to the role last seen for this
  // token, when offline) shows that role's buttons.
  void guard(() =>
    onConnect().then(
      () => {
        showSections()
        setOpen(!currentRole())
      },
      (e: unknown) => {
        showSections()
        setOpen(true)
        throw e
      },
    ),
  )
}

Office.onReady((info) => {
  setLang(pickLang(Office.context && Office.context.displayLanguage))
  init((info.host as unknown as string) === 'Excel')
})
