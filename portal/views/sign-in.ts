// Sign-in with the access code; remembered on this device unless the person unticks the box.
import type { MeResponse } from '../../shared/api'
import { ApiFailure, getJson, useBearer } from '../api'
import { failureNote, note } from '../feedback'
import { fill, h } from '../dom'
import { saveToken } from '../session'
import { W } from '../words'

export function signInPage(root: HTMLElement, message: string | null, done: (me: MeResponse, token: string) => void): void {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'current-password', spellcheck: 'false', required: true, 'aria-describedby': 'token-hint' })
  const remember = h('input', { id: 'remember', type: 'checkbox', checked: true })
  const out = h('div', { id: 'sign-in-answer' }, message ? note('warn', message, null) : null)
  const button = h('button', { type: 'submit', class: 'primary', id: 'sign-in' }, W.signIn)
  const form = h('form', { class: 'card sign-in', id: 'sign-in-form', novalidate: true },
    h('h2', null, W.signInTitle),
    h('p', { id: 'token-hint' }, W.signInLead),
    h('label', { for: 'token' }, W.tokenLabel), input,
    h('label', { class: 'check' }, remember, ' ', W.remember),
    h('p', { class: 'hint' }, W.rememberHint),
    button, out)
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const token = input.value.trim()
    if (!token) {
      fill(out, note('error', 'Hãy nhập mã truy cập.', 'Enter the access code.'))
      return
    }
    button.disabled = true
    useBearer(token)
    try {
      const me = await getJson<MeResponse>('/me')
      saveToken(token, remember.checked)
      input.value = ''
      done(me, token)
    } catch (err) {
      useBearer(null)
      fill(out, err instanceof ApiFailure && err.status === 401 ? note('error', W.badToken, W.badTokenEn) : failureNote(err))
    } finally {
      button.disabled = false
    }
  })
  fill(root, form)
  input.focus()
}
