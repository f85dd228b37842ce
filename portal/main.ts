// The portal, without the add-in: sign in with the access code, then the page for the role — or, at /xem,
// the summary a share link opens. Everything is built with DOM calls from the API's JSON.
import { type MeResponse, SHARE_PAGE } from '../shared/api'
import { ApiFailure, getJson, useBearer } from './api'
import { byId, fill, h } from './dom'
import { failureNote } from './feedback'
import { forgetToken, savedToken } from './session'
import { communePage } from './views/commune'
import { districtPage } from './views/district'
import { evidenceCard, evidenceRoute } from './views/evidence'
import { leaderPage } from './views/leader'
import { sharePage } from './views/share'
import { signInPage } from './views/sign-in'
import { W, roleName } from './words'

const app = byId('app')
const who = byId('who')
const signOut = byId<HTMLButtonElement>('sign-out')

function showSignIn(message: string | null): void {
  useBearer(null)
  who.textContent = ''
  signOut.hidden = true
  signInPage(app, message, (me, token) => void showRole(me, token))
}

async function showRole(me: MeResponse, token: string): Promise<void> {
  useBearer(token, () => {
    forgetToken()
    showSignIn(W.expiredSession)
  })
  who.textContent = me.unit.name + ' · ' + roleName(me.role)
  signOut.hidden = false
  const page = h('div')
  const evidence = evidenceRoute(location.hash)
  fill(app, evidence ? evidenceCard(evidence) : null, page)
  if (me.role === 'commune') await communePage(me, page)
  else if (me.role === 'leader') await leaderPage(me, page)
  else await districtPage(me, page)
}

async function boot(): Promise<void> {
  signOut.addEventListener('click', () => {
    forgetToken()
    showSignIn(null)
  })
  if (location.pathname === SHARE_PAGE) {
    await sharePage(location.hash.slice(1), app)
    return
  }
  const token = savedToken()
  if (!token) {
    showSignIn(null)
    return
  }
  useBearer(token)
  try {
    await showRole(await getJson<MeResponse>('/me'), token)
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) {
      forgetToken()
      showSignIn(W.expiredSession)
    } else {
      fill(app, failureNote(err))
    }
  }
}

void boot()
