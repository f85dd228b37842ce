// Saving a file fetched with the bearer header (a plain link could not carry it): a blob URL clicked once.
import { getFile } from './api'

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
