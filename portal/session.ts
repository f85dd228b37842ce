// The access code remembered on this device until "Đăng xuất": in localStorage when the person asks to be
// remembered, otherwise in sessionStorage (gone when the tab closes). It is only ever sent in the
// Authorization header: never in a URL, never logged.
const KEY = 'ntm.portal.token'

function stores(): Storage[] {
  const out: Storage[] = []
  try { out.push(window.localStorage) } catch { /* storage blocked */ }
  try { out.push(window.sessionStorage) } catch { /* storage blocked */ }
  return out
}

let memory: string | null = null

export function savedToken(): string | null {
  for (const s of stores()) {
    const t = s.getItem(KEY)
    if (t) return t
  }
  return memory
}

export function saveToken(token: string, remember: boolean): void {
  forgetToken()
  memory = token
  const [local, session] = stores()
  try {
    ;(remember ? local : session)?.setItem(KEY, token)
  } catch {
    // Private mode or full storage: the code lives in memory until the page closes.
  }
}

export function forgetToken(): void {
  memory = null
  for (const s of stores()) s.removeItem(KEY)
}
