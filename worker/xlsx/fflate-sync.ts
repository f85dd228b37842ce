// fflate's async zip/unzip start a Web Worker for parts over 160 KB (zip) or 512 KB (unzip); workerd has
// none, so a large workbook would fail with "Worker is not defined". The Worker build aliases `fflate` to
// this module, which answers the async calls with the synchronous ones. (Imported by path, not by name,
// so the alias does not point back at itself.)
import * as fflate from '../../node_modules/fflate/esm/browser.js'

export * from '../../node_modules/fflate/esm/browser.js'

type Callback<T> = (err: Error | null, data: T) => void

export function zip(data: fflate.AsyncZippable, optsOrCb: fflate.AsyncZipOptions | Callback<Uint8Array>, maybeCb?: Callback<Uint8Array>): () => void {
  const cb = (typeof optsOrCb === 'function' ? optsOrCb : maybeCb) as Callback<Uint8Array>
  const opts = typeof optsOrCb === 'function' ? {} : optsOrCb
  queueMicrotask(() => {
    try {
      cb(null, fflate.zipSync(data as fflate.Zippable, opts))
    } catch (e) {
      cb(e as Error, new Uint8Array(0))
    }
  })
  return () => {}
}

export function unzip(data: Uint8Array, optsOrCb: fflate.AsyncUnzipOptions | Callback<fflate.Unzipped>, maybeCb?: Callback<fflate.Unzipped>): () => void {
  const cb = (typeof optsOrCb === 'function' ? optsOrCb : maybeCb) as Callback<fflate.Unzipped>
  const opts = typeof optsOrCb === 'function' ? {} : optsOrCb
  queueMicrotask(() => {
    try {
      cb(null, fflate.unzipSync(data, opts as fflate.UnzipOptions))
    } catch (e) {
      cb(e as Error, {})
    }
  })
  return () => {}
}
