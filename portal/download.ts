// Saving a file fetched with the bearer header (a plain link could not carry it): a blob URL clicked once.
import { getFile } from './api'
import { h } from './dom'
import { note, withButton } from './feedback'
import { W } from './words'

export async function download(path: string): Promise<string> {
  const { blob, name } = await getFile(path)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return name
}

/** A button that downloads `path()` (read when pressed) and says what it saved, or why it could not, in `out`. */
export function downloadButton(id: string, label: string, path: () => string, out: HTMLElement, primary = false): HTMLButtonElement {
  const button = h('button', { type: 'button', id, class: primary ? 'primary' : null }, label)
  button.addEventListener('click', () => void withButton(button, out, async () => note('ok', W.downloaded + (await download(path())), null)))
  return button
}
