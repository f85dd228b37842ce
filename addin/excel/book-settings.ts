// Values kept in the workbook itself (Office.context.document.settings, part of the common API that every
// Excel host has): the pending submission's idempotency key, so a submit cut off by a dropped connection is
// retried with the same key and the server does not create a second revision. Never the access token.
export type PendingSubmit = { key: string; period: string; unit: string; hash: string; startedAt: string }

const PENDING = 'ntm.pendingSubmit'

function settings(): Office.Settings | null {
  try {
    return Office.context && Office.context.document && Office.context.document.settings ? Office.context.document.settings : null
  } catch {
    return null
  }
}

export function readPendingSubmit(): PendingSubmit | null {
  const s = settings()
  if (!s) return null
  const v = s.get(PENDING) as PendingSubmit | null | undefined
  return v && typeof v.key === 'string' ? v : null
}

function save(s: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    s.saveAsync((result) => {
      // Compared as text: 'failed' is the value of Office.AsyncResultStatus.Failed.
      if ((result.status as unknown as string) === 'failed') reject(result.error)
      else resolve()
    })
  })
}

export function writePendingSubmit(p: PendingSubmit): Promise<void> {
  const s = settings()
  if (!s) return Promise.resolve()
  s.set(PENDING, p)
  return save(s)
}

export function clearPendingSubmit(): Promise<void> {
  const s = settings()
  if (!s) return Promise.resolve()
  s.remove(PENDING)
  return save(s)
}
