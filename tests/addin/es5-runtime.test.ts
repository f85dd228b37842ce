// @vitest-environment node
// Runs the built pane (polyfills + SystemJS + app, as taskpane.html loads them) in a Node `vm` realm from which
// the built-ins Internet Explorer 11 lacks were deleted, with a small DOM, an XMLHttpRequest (whatwg-fetch
// sits on it), Office and the fake Excel stubbed — then clicks through a commune's create → check → submit.
// Not a real IE11, but it catches what es-check cannot: a modern built-in used without a polyfill.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import vm from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { DIST, ensureBuilt, scriptsOfPage } from './bundle'
import { FakeExcel, installOffice, type OfficeStub } from './fake-excel'
import { FakeServer } from './fake-server'
import { INDICATOR_CODES, passingValue } from './fixtures'

const MISSING_IN_IE11 = [
  'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Proxy', 'Reflect', 'BigInt', 'fetch', 'URL', 'URLSearchParams',
  'AbortController', 'TextEncoder', 'TextDecoder', 'queueMicrotask', 'globalThis', 'structuredClone',
  'Object.entries', 'Object.values', 'Object.assign', 'Object.fromEntries', 'Object.getOwnPropertyDescriptors',
  'Array.from', 'Array.of', 'Array.prototype.includes', 'Array.prototype.find', 'Array.prototype.findIndex', 'Array.prototype.fill',
  'Array.prototype.flat', 'Array.prototype.flatMap', 'String.prototype.startsWith', 'String.prototype.endsWith',
  'String.prototype.includes', 'String.prototype.padStart', 'String.prototype.padEnd', 'String.prototype.repeat',
  'String.prototype.trimStart', 'String.prototype.trimEnd', 'String.prototype.normalize', 'Number.isFinite', 'Number.isNaN',
  'Number.isInteger', 'Math.trunc', 'Math.sign',
]

// ---------- a very small DOM

type Listener = (e: { type: string }) => void

class El {
  tagName: string
  id = ''
  className = ''
  type = ''
  value = ''
  src = ''
  async = false
  crossOrigin = ''
  disabled = false
  selected = false
  style: { [k: string]: string } = {}
  children: El[] = []
  parentNode: El | null = null
  onclick: (() => void) | null = null
  onchange: (() => void) | null = null
  attrs: { [k: string]: string } = {}
  private text = ''
  private listeners: { [type: string]: Listener[] } = {}
  constructor(tag: string, private doc: Doc) {
    this.tagName = tag.toUpperCase()
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('')
  }
  set textContent(v: string) {
    this.text = v
    this.children = []
  }
  get firstChild(): El | null {
    return this.children[0] || null
  }
  getAttribute(name: string): string | null {
    return name in this.attrs ? (this.attrs[name] as string) : null
  }
  setAttribute(name: string, value: string): void {
    this.attrs[name] = value
  }
  appendChild(child: El): El {
    child.parentNode = this
    this.children.push(child)
    if (child.tagName === 'SCRIPT' && child.src) this.doc.loadScript(child)
    if (child.tagName === 'OPTION' && this.tagName === 'SELECT' && (child.selected || this.children.length === 1)) this.value = child.value
    return child
  }
  removeChild(child: El): El {
    this.children = this.children.filter((c) => c !== child)
    child.parentNode = null
    return child
  }
  addEventListener(type: string, fn: Listener): void {
    ;(this.listeners[type] || (this.listeners[type] = [])).push(fn)
  }
  dispatch(type: string): void {
    for (const fn of this.listeners[type] || []) fn({ type })
  }
  click(): void {
    if (!this.disabled && this.onclick) this.onclick()
  }
}

class Doc {
  readyState = 'complete'
  baseURI = 'https://pane.test/taskpane.html'
  documentElement: El
  head: El
  body: El
  title = ''
  all: El[] = []
  constructor(private run: (code: string, file: string) => void, html: string) {
    this.documentElement = new El('html', this)
    this.head = new El('head', this)
    this.body = new El('body', this)
    // Elements of the page with an id, data-msg or tag we query, in document order (a flat list is enough).
    const tag = /<(\w+)([^>]*)>/g
    let m: RegExpExecArray | null
    const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script[\s\S]*?<\/script>/g, '')
    while ((m = tag.exec(body))) {
      const el = new El(m[1] as string, this)
      const attr = /([\w-]+)="([^"]*)"/g
      let a: RegExpExecArray | null
      while ((a = attr.exec(m[2] as string))) {
        const [, name, value] = a as unknown as [string, string, string]
        if (name === 'id') el.id = value
        else if (name === 'class') el.className = value
        else if (name === 'type') el.type = value
        else if (name === 'style') el.style.display = /display:\s*none/.test(value) ? 'none' : ''
        el.attrs[name] = value
      }
      this.all.push(el)
      this.body.children.push(el)
    }
  }
  getElementById(id: string): El | null {
    return this.all.filter((e) => e.id === id)[0] || null
  }
  createElement(tag: string): El {
    return new El(tag, this)
  }
  createEvent(): { initEvent(): void } {
    return { initEvent: () => undefined }
  }
  querySelector(): null {
    return null
  }
  querySelectorAll(selector: string): El[] {
    if (selector === '[data-msg]') return this.all.filter((e) => 'data-msg' in e.attrs)
    if (selector === '[data-roles]') return this.all.filter((e) => 'data-roles' in e.attrs)
    if (selector === 'button') return this.all.filter((e) => e.tagName === 'BUTTON')
    return []
  }
  addEventListener(): void {
    return undefined
  }
  loadScript(script: El): void {
    const path = script.src.replace(/^https:\/\/pane\.test\//, '')
    setTimeout(() => {
      try {
        this.run(readFileSync(join(DIST, path), 'utf8'), path)
        script.dispatch('load')
      } catch (e) {
        script.dispatch('error')
        throw e
      }
    }, 0)
  }
}

// ---------- XMLHttpRequest on the fake API

function xhrClass(server: FakeServer): unknown {
  return class FakeXhr {
    readyState = 0
    status = 0
    statusText = ''
    responseText = ''
    responseURL = ''
    withCredentials = false
    responseType = ''
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    ontimeout: (() => void) | null = null
    onabort: (() => void) | null = null
    onreadystatechange: (() => void) | null = null
    private method = 'GET'
    private url = ''
    private headers: { [k: string]: string } = {}
    open(method: string, url: string): void {
      this.method = method
      this.url = url
      this.responseURL = url
    }
    setRequestHeader(name: string, value: string): void {
      this.headers[name] = value
    }
    getAllResponseHeaders(): string {
      return 'content-type: application/json\r\n'
    }
    send(body?: string): void {
      const init: { method: string; headers: { [k: string]: string }; body?: string } = { method: this.method, headers: this.headers }
      if (body !== undefined && body !== null) init.body = body
      server.fetch(this.url, init).then(
        (res) => res.text().then((t) => {
          this.status = res.status
          this.responseText = t
          this.readyState = 4
          if (this.onload) this.onload()
        }),
        () => {
          this.readyState = 4
          if (this.onerror) this.onerror()
        },
      )
    }
    abort(): void {
      if (this.onabort) this.onabort()
    }
  }
}

// ---------- the realm

type Realm = { doc: Doc; office: OfficeStub; fake: FakeExcel; server: FakeServer; global: { [k: string]: unknown }; errors: unknown[] }

const NOW = Date.parse('2026-11-12T03:00:00Z')

async function loadPane(): Promise<Realm> {
  const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8')
  const errors: unknown[] = []
  const context = vm.createContext({})
  const run = (code: string, file: string): void => {
    vm.runInContext(code, context, { filename: file })
  }
  const g = vm.runInContext('this', context) as { [k: string]: unknown }
  // Strip the realm down to what IE11 has.
  vm.runInContext(
    MISSING_IN_IE11.map((path) => {
      const parts = path.split('.')
      const owner = parts.length === 1 ? 'this' : parts.slice(0, -1).join('.')
      return 'delete ' + owner + '[' + JSON.stringify(parts[parts.length - 1]) + '];'
    }).join('\n'),
    context,
  )
  for (const path of MISSING_IN_IE11) {
    const gone = vm.runInContext('(function(){ try { return typeof ' + path + ' } catch (e) { return "undefined" } })()', context)
    if (gone !== 'undefined') throw new Error(path + ' is still there')
  }
  const doc = new Doc(run, html)
  const fake = new FakeExcel({ apiVersion: '1.1' })
  const server = new FakeServer(NOW)
  const storage: { [k: string]: string } = {}
  Object.assign(g, {
    window: g,
    self: g,
    document: doc,
    location: { href: 'https://pane.test/taskpane.html', protocol: 'https:', host: 'pane.test', hostname: 'pane.test' },
    navigator: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko' },
    localStorage: {
      getItem: (k: string) => (k in storage ? storage[k] : null),
      setItem: (k: string, v: string) => { storage[k] = String(v) },
      removeItem: (k: string) => { delete storage[k] },
    },
    XMLHttpRequest: xhrClass(server),
    setTimeout, clearTimeout, setInterval, clearInterval,
    console: { log: () => undefined, warn: () => undefined, error: (...a: unknown[]) => errors.push(a) },
    addEventListener: () => undefined,
    crypto: undefined,
  })
  // The fixed clock of the test, for the pane's Date.
  vm.runInContext('(function (now) { var D = Date; Date = function (a, b, c, d, e, f, g) { return arguments.length ? (arguments.length === 1 ? new D(a) : new D(a, b, c, d, e, f || 0, g || 0)) : new D(now) }; Date.prototype = D.prototype; Date.UTC = D.UTC; Date.parse = D.parse; Date.now = function () { return now } })(' + NOW + ')', context)
  const office = installOffice(g, fake, 'vi-VN')
  const { polyfills, entry } = scriptsOfPage()
  run(readFileSync(polyfills, 'utf8'), 'polyfills')
  for (const name of ['Promise', 'Symbol']) {
    if (vm.runInContext('typeof ' + name, context) === 'undefined') throw new Error('the polyfills did not provide ' + name)
  }
  run('System.import(' + JSON.stringify('./' + entry.slice(DIST.length + 1)) + ').catch(function (e) { console.error(String(e && e.stack || e)) })', 'entry')
  const realm = { doc, office, fake, server, global: g, errors }
  await until(realm, () => /Chưa kết nối/.test(text(realm, 'status')))
  return realm
}

function text(r: Realm, id: string): string {
  const el = r.doc.getElementById(id)
  return el ? el.textContent.trim() : ''
}

async function until(r: Realm, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out; status: ' + text(r, 'status') + '; errors: ' + JSON.stringify(r.errors))
    await new Promise((res) => setTimeout(res, 5))
  }
}

async function click(r: Realm, id: string): Promise<string> {
  const button = r.doc.getElementById(id)!
  button.click()
  await until(r, () => !button.disabled)
  return text(r, 'status')
}

beforeAll(() => ensureBuilt(), 120_000)

describe('the built pane without modern built-ins (an IE11-like realm)', () => {
  it('starts, connects, creates the workbook, checks and submits', async () => {
    const r = await loadPane()
    expect(text(r, 'unit-line')).toBe('')
    expect(r.doc.getElementById('btn-check')!.textContent).toBe('Kiểm tra')
    r.doc.getElementById('token')!.value = 'commune-token'
    // Before connecting only the connection form shows; then only the commune's buttons.
    expect(r.doc.getElementById('commune')!.style.display).toBe('none')
    expect(r.doc.getElementById('district')!.style.display).toBe('none')
    expect(await click(r, 'btn-save-settings')).toBe('Đã kết nối: Xã Bình Sơn (xã).')
    expect(r.doc.getElementById('commune')!.style.display).toBe('block')
    expect(r.doc.getElementById('district')!.style.display).toBe('none')
    r.doc.getElementById('period')!.value = '2026-11-14'
    r.doc.getElementById('period')!.onchange!()
    expect(await click(r, 'btn-create')).toBe('Đã tạo sổ báo cáo: Thông tin, Chỉ tiêu, Nhiệm vụ, Nguồn vốn, Kết quả, kiến nghị.')
    expect(await click(r, 'btn-check')).toMatch(/^Có \d+ lỗi/)
    expect(text(r, 'headline')).toMatch(/^Còn \d+ lỗi cần sửa$/)
    expect(r.doc.getElementById('issues')!.children.length).toBeGreaterThan(10)
    for (const code of INDICATOR_CODES) {
      const row = r.fake.rowOf('Chỉ tiêu', 0, code)
      r.fake.setValues('Chỉ tiêu', 'F' + (row + 1), [[passingValue(code), 'đạt']])
    }
    expect(await click(r, 'btn-check')).toBe('Không có lỗi. Có thể gửi báo cáo.')
    expect(text(r, 'headline')).toBe('Đạt 19/19 tiêu chí')
    expect(await click(r, 'btn-submit')).toBe('Đã gửi: lần 1, nhận lúc 10:00 12/11/2026, đúng hạn. Đạt 19/19 tiêu chí.')
    expect(r.fake.value('Thông tin', 'B8')).toBe(1)
    const key = r.server.calls.filter((c) => c.method === 'POST')[0]!.headers['Idempotency-Key']
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/)
    expect(r.errors).toEqual([])
  })
})
