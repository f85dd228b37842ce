// A stand-in for Excel built on office-addin-mock: every range is an OfficeMockObject (so reading a
// property that was not loaded and synced gives the mock's error string, as in Office.js), while a small
// workbook model underneath keeps sheets, cells, fills, formats, tables and charts. Property writes on ranges
// are applied at context.sync(), like Office.js; method calls (add, delete, clear, select…) apply at once,
// as office-addin-mock does; either kind left unsynced at the end of Excel.run is an error.
// Counts sync() calls. No Node APIs: the browser test bundles this file too.
import { OfficeMockObject } from 'office-addin-mock'
import { a1, a1Block, columnIndex, qualified } from '../../shared/workbook/grid'

export type CellV = string | number | boolean
type Rect = { r0: number; c0: number; r1: number; c1: number }

export type SheetModel = {
  name: string
  cells: { [rc: string]: CellV }
  fills: { [rc: string]: string }
  formats: { [rc: string]: string }
  bold: { [rc: string]: boolean }
  widths: { [col: number]: number }
  validations: Array<{ address: string; rule: unknown }>
  tables: Array<{ name: string; address: string }>
  charts: Array<{ type: string; source: string; seriesBy: string; title: string; from: string; to: string }>
  frozenRows: number
  /** Cells whose written value began with "=": Excel keeps them as formulas (the fake does not compute them). */
  formulas: { [rc: string]: string }
}

const NOT_LOADED = 'Error, property was not loaded'
const NOT_SYNCED = 'Error, context.sync() was not called'
const isMockError = (v: unknown): boolean => v === NOT_LOADED || v === NOT_SYNCED

export type OfficeErrorLike = { name: string; code: string; message: string; debugInfo: { code: string; message: string } }
function officeError(code: string, message: string): OfficeErrorLike {
  return { name: 'RichApi.Error', code, message, debugInfo: { code, message } }
}

function rectOf(address: string): Rect {
  const bang = address.lastIndexOf('!')
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '')
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(local)
  if (!m) throw officeError('InvalidArgument', 'bad address ' + address)
  const r0 = Number(m[2]) - 1
  const c0 = columnIndex(m[1] as string)
  const r1 = m[4] ? Number(m[4]) - 1 : r0
  const c1 = m[3] ? columnIndex(m[3]) : c0
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) }
}
const key = (r: number, c: number): string => r + ',' + c
const rectAddress = (r: Rect): string => a1Block(r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1)

type TrackedRange = {
  mock: any
  sheet: SheetModel
  rect: Rect
  values: unknown
  numberFormat: unknown
  fill: unknown
  bold: unknown
  width: unknown
  rule: unknown
}

type Ctx = {
  ranges: TrackedRange[]
  loads: Array<() => void>
  errors: OfficeErrorLike[]
  /** Method calls since the last sync (applied at once; remembered to catch a missing sync). */
  dirty: number
  ops: { push(op: () => void): void }
}

export type FakeOptions = { apiVersion?: string; sheets?: { [name: string]: CellV[][] } }

export class FakeExcel {
  sheets: SheetModel[] = []
  syncCount = 0
  runCount = 0
  active = ''
  selected: { sheet: string; address: string } | null = null
  maxMinor: number
  /** Set to make the next sync fail with this Excel error. */
  failNextSync: OfficeErrorLike | null = null

  constructor(options: FakeOptions = {}) {
    this.maxMinor = Number((options.apiVersion || '1.12').split('.')[1])
    const initial = options.sheets || { Sheet1: [] }
    for (const name of Object.keys(initial)) {
      const sheet = this.addSheet(name)
      this.setValues(name, 'A1', initial[name] as CellV[][])
    }
    this.active = this.sheets[0] ? this.sheets[0].name : ''
    void this.sheets
  }

  // -------- test helpers
  sheet(name: string): SheetModel {
    const s = this.find(name)
    if (!s) throw new Error('no sheet ' + name)
    return s
  }
  names(): string[] {
    return this.sheets.map((s) => s.name)
  }
  value(sheet: string, address: string): CellV {
    const r = rectOf(address)
    const v = this.sheet(sheet).cells[key(r.r0, r.c0)]
    return v === undefined ? '' : v
  }
  fill(sheet: string, address: string): string | undefined {
    const r = rectOf(address)
    return this.sheet(sheet).fills[key(r.r0, r.c0)]
  }
  format(sheet: string, address: string): string | undefined {
    const r = rectOf(address)
    return this.sheet(sheet).formats[key(r.r0, r.c0)]
  }
  grid(sheet: string): CellV[][] {
    const s = this.sheet(sheet)
    const used = this.usedRect(s)
    const out: CellV[][] = []
    for (let r = used.r0; r <= used.r1; r++) {
      const line: CellV[] = []
      for (let c = used.c0; c <= used.c1; c++) {
        const v = s.cells[key(r, c)]
        line.push(v === undefined ? '' : v)
      }
      out.push(line)
    }
    return out
  }
  /** What a user does: type into cells (at once, outside any batch). */
  setValues(sheet: string, topLeft: string, values: CellV[][]): void {
    const s = this.sheet(sheet)
    const r = rectOf(topLeft)
    values.forEach((line, i) => line.forEach((v, j) => {
      if (v === '' || v === null || v === undefined) delete s.cells[key(r.r0 + i, r.c0 + j)]
      else s.cells[key(r.r0 + i, r.c0 + j)] = v
    }))
  }
  /** Finds the row (0-based) whose column `col` holds `value`. */
  rowOf(sheet: string, col: number, value: CellV): number {
    const s = this.sheet(sheet)
    for (const k of Object.keys(s.cells)) {
      const [r, c] = k.split(',').map(Number)
      if (c === col && s.cells[k] === value) return r as number
    }
    return -1
  }

  requirements = {
    isSetSupported: (name: string, version?: string): boolean => {
      if (name !== 'ExcelApi') return false
      const minor = Number(String(version || '1.1').split('.')[1] || 0)
      return minor <= this.maxMinor
    },
  }

  // -------- the model
  private find(name: string): SheetModel | undefined {
    // Excel compares sheet names without regard to case ("thông tin" and "Thông tin" are the same sheet).
    for (const s of this.sheets) if (s.name.toLowerCase() === name.toLowerCase()) return s
    return undefined
  }
  private addSheet(name: string): SheetModel {
    if (this.find(name)) throw officeError('ItemAlreadyExists', 'A sheet named ' + name + ' already exists')
    if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw officeError('InvalidArgument', 'bad sheet name ' + name)
    const s: SheetModel = { name, cells: {}, fills: {}, formats: {}, bold: {}, widths: {}, validations: [], tables: [], charts: [], frozenRows: 0, formulas: {} }
    this.sheets.push(s)
    return s
  }
  private usedRect(s: SheetModel): Rect {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1
    for (const k of Object.keys(s.cells)) {
      const [r, c] = k.split(',').map(Number) as [number, number]
      if (r < r0) r0 = r
      if (c < c0) c0 = c
      if (r > r1) r1 = r
      if (c > c1) c1 = c
    }
    return r1 < 0 ? { r0: 0, c0: 0, r1: 0, c1: 0 } : { r0, c0, r1, c1 }
  }

  private rangeMock(ctx: Ctx, sheet: SheetModel, rect: Rect): any {
    const values: CellV[][] = []
    const formats: string[][] = []
    for (let r = rect.r0; r <= rect.r1; r++) {
      const line: CellV[] = []
      const fline: string[] = []
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = sheet.cells[key(r, c)]
        line.push(v === undefined ? '' : v)
        fline.push(sheet.formats[key(r, c)] || 'General')
      }
      values.push(line)
      formats.push(fline)
    }
    const format: { [k: string]: unknown } = {
      fill: { color: sheet.fills[key(rect.r0, rect.c0)] || '#FFFFFF', clear: () => ctx.ops.push(() => this.each(sheet, rect, (k) => delete sheet.fills[k])) },
      font: { bold: !!sheet.bold[key(rect.r0, rect.c0)], color: '#000000' },
    }
    if (this.maxMinor >= 2) format.columnWidth = 64
    const data: { [k: string]: unknown } = {
      address: qualified(sheet.name, rectAddress(rect)),
      values,
      numberFormat: formats,
      rowCount: rect.r1 - rect.r0 + 1,
      columnCount: rect.c1 - rect.c0 + 1,
      format,
      select: () => ctx.ops.push(() => {
        this.selected = { sheet: sheet.name, address: rectAddress(rect) }
      }),
    }
    if (this.maxMinor >= 8) data.dataValidation = { rule: '' }
    const mock: any = new (OfficeMockObject as any)(data, 'excel')
    const tracked: TrackedRange = { mock, sheet, rect, values: mock.values, numberFormat: mock.numberFormat, fill: mock.format.fill.color, bold: mock.format.font.bold, width: mock.format.columnWidth, rule: mock.dataValidation ? mock.dataValidation.rule : undefined }
    ctx.ranges.push(tracked)
    return mock
  }

  private each(sheet: SheetModel, rect: Rect, fn: (k: string, r: number, c: number) => void): void {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(key(r, c), r, c)
  }

  /** Property writes queued on range mocks since the last sync, as operations on the model. */
  private pendingWrites(ctx: Ctx): Array<() => void> {
    const out: Array<() => void> = []
    for (const t of ctx.ranges) {
      const m = t.mock
      const rows = t.rect.r1 - t.rect.r0 + 1
      const cols = t.rect.c1 - t.rect.c0 + 1
      const shape = (v: unknown, what: string): CellV[][] => {
        const grid = v as CellV[][]
        if (grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== cols)) {
          throw officeError('InvalidArgument', what + ' of ' + rectAddress(t.rect) + ' must be ' + rows + '×' + cols)
        }
        return grid
      }
      if (Array.isArray(m.values) && m.values !== t.values) {
        const grid = shape(m.values, 'values')
        t.values = m.values
        out.push(() => this.each(t.sheet, t.rect, (k, r, c) => {
          const v = (grid[r - t.rect.r0] as CellV[])[c - t.rect.c0]
          delete t.sheet.formulas[k]
          if (v === '' || v === null || v === undefined) delete t.sheet.cells[k]
          // As typed into a cell: "=…" is a formula, a leading apostrophe makes the rest text and is not kept.
          else if (typeof v === 'string' && v.charAt(0) === '=') {
            t.sheet.formulas[k] = v
            t.sheet.cells[k] = v
          } else if (typeof v === 'string' && v.charAt(0) === "'") t.sheet.cells[k] = v.slice(1)
          else t.sheet.cells[k] = v as CellV
        }))
      }
      if (Array.isArray(m.numberFormat) && m.numberFormat !== t.numberFormat) {
        const grid = shape(m.numberFormat, 'numberFormat')
        t.numberFormat = m.numberFormat
        out.push(() => this.each(t.sheet, t.rect, (k, r, c) => { t.sheet.formats[k] = String((grid[r - t.rect.r0] as CellV[])[c - t.rect.c0]) }))
      }
      const color = m.format.fill.color
      if (typeof color === 'string' && !isMockError(color) && color !== t.fill) {
        t.fill = color
        out.push(() => this.each(t.sheet, t.rect, (k) => { t.sheet.fills[k] = color }))
      }
      const bold = m.format.font.bold
      if (typeof bold === 'boolean' && bold !== t.bold) {
        t.bold = bold
        out.push(() => this.each(t.sheet, t.rect, (k) => { t.sheet.bold[k] = bold }))
      }
      const width = m.format.columnWidth
      // RangeFormat.columnWidth is ExcelApi 1.2: an older host rejects the batch at sync.
      if (typeof width === 'number' && this.maxMinor < 2) throw officeError('ApiNotFound', 'RangeFormat.columnWidth needs ExcelApi 1.2')
      if (typeof width === 'number' && width !== t.width) {
        t.width = width
        out.push(() => { for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.widths[c] = width })
      }
      if (m.dataValidation && typeof m.dataValidation.rule === 'object' && m.dataValidation.rule !== null && m.dataValidation.rule !== t.rule) {
        const rule = m.dataValidation.rule
        t.rule = rule
        out.push(() => t.sheet.validations.push({ address: rectAddress(t.rect), rule }))
      }
    }
    return out
  }

  private sheetObject(ctx: Ctx, name: string): any {
    const fake = this
    const resolve = (): SheetModel => {
      const s = fake.find(current)
      if (!s) {
        ctx.errors.push(officeError('ItemNotFound', 'The requested resource doesn\'t exist: sheet ' + current))
        return { name: current, cells: {}, fills: {}, formats: {}, bold: {}, widths: {}, validations: [], tables: [], charts: [], frozenRows: 0, formulas: {} }
      }
      return s
    }
    let current = name
    const obj: any = {
      get name() { return current },
      set name(v: string) {
        const s = resolve()
        ctx.ops.push(() => {
          if (fake.find(v)) throw officeError('ItemAlreadyExists', 'A sheet named ' + v + ' already exists')
          s.name = v
        })
        current = v
      },
      getRange: (address: string) => fake.rangeMock(ctx, resolve(), rectOf(address)),
      getUsedRange: () => {
        const s = resolve()
        return fake.rangeMock(ctx, s, fake.usedRect(s))
      },
      activate: () => ctx.ops.push(() => { fake.active = current }),
      delete: () => {
        const s = resolve()
        ctx.ops.push(() => {
          if (fake.sheets.length === 1) throw officeError('InvalidOperation', 'a workbook needs one sheet')
          fake.sheets = fake.sheets.filter((x) => x !== s)
        })
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          const s = resolve()
          const table = { name: 'Table' + (s.tables.length + 1), address: rectAddress(rectOf(address)), hasHeaders }
          ctx.ops.push(() => s.tables.push(table))
          return table
        },
      },
      charts: {
        add: (type: string, source: any, seriesBy: string) => {
          const s = resolve()
          const tracked = ctx.ranges.filter((t) => t.mock === source)[0]
          if (!tracked) throw new Error('chart source must be a range of this batch')
          const chart = { type, source: qualified(tracked.sheet.name, rectAddress(tracked.rect)), seriesBy, title: '', from: '', to: '' }
          const api = {
            title: { set text(v: string) { chart.title = v }, get text() { return chart.title } },
            setPosition: (from: string, to?: string) => { chart.from = from; chart.to = to || '' },
          }
          ctx.ops.push(() => s.charts.push(chart))
          return api
        },
      },
    }
    if (this.maxMinor >= 7) {
      obj.freezePanes = { freezeRows: (n: number) => { const s = resolve(); ctx.ops.push(() => { s.frozenRows = n }) } }
    }
    return obj
  }

  private context(ctx: Ctx): any {
    const fake = this
    let items: Array<{ name: string }> | null = null
    let loadQueued = false
    const worksheets = {
      load(props: string | string[]) {
        const list = typeof props === 'string' ? props.split(',') : props
        if (list.map((p) => p.trim()).indexOf('items/name') < 0) throw new Error('the fake loads worksheets with items/name only')
        loadQueued = true
        ctx.loads.push(() => {
          items = fake.sheets.map((s) => ({ name: s.name }))
          loadQueued = false
        })
        return worksheets
      },
      get items() {
        if (items === null) throw new Error(loadQueued ? NOT_SYNCED : NOT_LOADED + ': worksheets.items')
        return items
      },
      getItem: (name: string) => fake.sheetObject(ctx, name),
      add: (name: string) => {
        ctx.ops.push(() => void fake.addSheet(name))
        return fake.sheetObject(ctx, name)
      },
    }
    const requestContext = {
      workbook: { worksheets },
      sync: async () => {
        fake.syncCount++
        if (fake.failNextSync) {
          const e = fake.failNextSync
          fake.failNextSync = null
          ctx.dirty = 0
          throw e
        }
        // Errors of queued calls first (the batch fails as a whole), then property writes, then loads.
        ctx.dirty = 0
        if (ctx.errors.length > 0) throw ctx.errors.shift()
        const writes = fake.pendingWrites(ctx)
        for (const w of writes) w()
        const loads = ctx.loads
        ctx.loads = []
        for (const l of loads) l()
        for (const t of ctx.ranges) await t.mock.sync()
        // office-addin-mock applies loaded values a few microtasks later
        await new Promise((r) => setTimeout(r, 0))
        for (const t of ctx.ranges) {
          if (Array.isArray(t.mock.values)) t.values = t.mock.values
          if (Array.isArray(t.mock.numberFormat)) t.numberFormat = t.mock.numberFormat
        }
      },
    }
    return requestContext
  }

  /** Excel.run: a fresh request context per batch; unsynced work at the end is an error. */
  run = async <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    this.runCount++
    const ctx: Ctx = {
      ranges: [], loads: [], errors: [], dirty: 0,
      ops: { push: (op) => { ctx.dirty++; try { op() } catch (e) { ctx.errors.push(e as OfficeErrorLike) } } },
    }
    const result = await batch(this.context(ctx))
    if (ctx.dirty > 0 || ctx.loads.length > 0 || this.pendingWrites(ctx).length > 0) throw new Error('Excel.run ended with queued commands that were never synced')
    return result
  }
}

export type FakeSettings = { store: { [k: string]: unknown }; saved: { [k: string]: unknown }; saves: number }

/** Office.context.document.settings: values live in the workbook once saveAsync completes. */
export function fakeSettings(): Office.Settings & { state: FakeSettings } {
  const state: FakeSettings = { store: {}, saved: {}, saves: 0 }
  return {
    state,
    get: (name: string) => (Object.prototype.hasOwnProperty.call(state.store, name) ? state.store[name] : null),
    set: (name: string, value: unknown) => { state.store[name] = JSON.parse(JSON.stringify(value)) },
    remove: (name: string) => { delete state.store[name] },
    saveAsync: (cb?: (r: { status: string }) => void) => {
      state.saves++
      state.saved = JSON.parse(JSON.stringify(state.store))
      setTimeout(() => cb && cb({ status: 'succeeded' }), 0)
    },
  } as unknown as Office.Settings & { state: FakeSettings }
}

export type OfficeStub = { fake: FakeExcel; settings: ReturnType<typeof fakeSettings> }

/**
 * Installs Excel and Office backed by a FakeExcel. Where Office.js is loaded (the browser test serves the npm
 * copy, which outside Office reports no host and later swaps window.Office for Microsoft.Office.WebExtension),
 * onReady and context are kept on both objects.
 */
export function installOffice(target: any, fake: FakeExcel, displayLanguage = 'vi-VN'): OfficeStub {
  const settings = fakeSettings()
  target.Excel = { run: fake.run }
  const context = { displayLanguage, requirements: fake.requirements, document: { settings } }
  const onReady = (cb?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Excel', platform: 'PC' }
    if (cb) setTimeout(() => cb(info), 0)
    return Promise.resolve(info)
  }
  const patch = (office: any): any => {
    if (!office || typeof office !== 'object') return office
    const define = (name: string, value: unknown): void => {
      Object.defineProperty(office, name, { get: () => value, set: () => undefined, configurable: true, enumerable: true })
    }
    if (!office.HostType) office.HostType = { Excel: 'Excel' }
    if (!office.AsyncResultStatus) office.AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' }
    define('context', context)
    define('onReady', onReady)
    return office
  }
  // office.js later runs `window.Office = Microsoft.Office.WebExtension` (copying what window.Office held):
  // patch that object in advance so the swap keeps the stubs.
  target.Office = patch(target.Office || {})
  const ms = target.Microsoft || (target.Microsoft = {})
  const msOffice = ms.Office || (ms.Office = {})
  msOffice.WebExtension = patch(msOffice.WebExtension || {})
  return { fake, settings }
}

export { a1 }
