// A stand-in for Excel that behaves like Excel where the add-in could tell the difference, each behaviour
// pinned by its own test in excel.test.ts ("the fake itself"):
// - Typed input, and strings written to Range.values or Range.formulas, are read as Excel reads what a user
//   types (excel-input.ts): "85%" → 0.85 with a percent format, "14/11/2026" → a date serial under vi-VN and
//   text under en-US, "1.200.000" → 1200000 under vi-VN, "=A1" → a formula, "'…" or a text-formatted cell
//   → text.
// - A property is readable only once loaded and synced, or set by the add-in itself; otherwise reading it
//   throws PropertyNotLoaded, as Office.js does.
// - Every call and property write is queued and applied in order at context.sync(); when one fails, those
//   before it stay applied and the rest are dropped (Office.js does not roll a batch back).
// - Table names are unique in the workbook (case ignored); sheet names too.
// - On ExcelApi 1.1 the used range covers cells with values or formatting (getUsedRange(valuesOnly) is 1.2).
// - Calls above the host's ExcelApi version fail (columnWidth 1.2, conditionalFormats 1.6) or do not exist
//   (freezePanes 1.7, dataValidation 1.8).
// Work queued and never synced by the end of Excel.run is an error here (stricter than Excel, which would
// sync it): the add-in must sync what it queues. Counts sync() calls. No Node APIs: the e2e page bundles it.
import { a1, a1Block, columnIndex, qualified } from '../../shared/workbook/grid'
import { type InputLocale, excelInput } from './excel-input'

export type CellV = string | number | boolean
type Rect = { r0: number; c0: number; r1: number; c1: number }

export type SheetModel = {
  name: string
  cells: { [rc: string]: CellV }
  formulas: { [rc: string]: string }
  fills: { [rc: string]: string }
  formats: { [rc: string]: string }
  bold: { [rc: string]: boolean }
  widths: { [col: number]: number }
  validations: Array<{ address: string; rule: unknown }>
  /** Text-contains rules (ExcelApi 1.6): cells of `address` whose text contains `text` show `color`. */
  conditionalFormats: Array<{ address: string; type: string; operator: string; text: string; color: string }>
  tables: Array<{ name: string; address: string; hasHeaders: boolean }>
  charts: Array<{ type: string; source: string; seriesBy: string; title: string; from: string; to: string }>
  frozenRows: number
}

export type OfficeErrorLike = { name: string; code: string; message: string; debugInfo: { code: string; message: string } }
function officeError(code: string, message: string): OfficeErrorLike {
  return { name: 'RichApi.Error', code, message, debugInfo: { code, message } }
}
function notLoaded(property: string): OfficeErrorLike {
  return officeError(
    'PropertyNotLoaded',
    "The property '" + property + "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  )
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
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

function emptySheet(name: string): SheetModel {
  return { name, cells: {}, formulas: {}, fills: {}, formats: {}, bold: {}, widths: {}, validations: [], conditionalFormats: [], tables: [], charts: [], frozenRows: 0 }
}

/** One Excel.run: the queue of operations and the count of what is pending. */
type Batch = { queue: Array<() => void> }

/**
 * A proxy property: readable after a load that a sync has carried out, or after the add-in set it.
 * `loaded` holds the value read at the point of the queue where the load ran.
 */
class Slot<T> {
  private state: 'none' | 'queued' | 'ready' = 'none'
  private value: T | undefined
  constructor(private readonly name: string) {}
  get(): T {
    if (this.state !== 'ready') throw notLoaded(this.name)
    return this.value as T
  }
  set(v: T): void {
    this.state = 'ready'
    this.value = v
  }
  /** Queues the read; the value is filled in when the queue reaches it. */
  queue(batch: Batch, read: () => T): void {
    if (this.state === 'none') this.state = 'queued'
    batch.queue.push(() => this.set(read()))
  }
}

export type FakeOptions = {
  apiVersion?: string
  /** The regional format Excel reads typed input with (Windows' region setting). */
  locale?: InputLocale
  sheets?: { [name: string]: CellV[][] }
}

export class FakeExcel {
  sheets: SheetModel[] = []
  syncCount = 0
  runCount = 0
  active = ''
  selected: { sheet: string; address: string } | null = null
  maxMinor: number
  locale: InputLocale
  /** Set to make the next sync fail with this Excel error (before any of its operations). */
  failNextSync: OfficeErrorLike | null = null

  constructor(options: FakeOptions = {}) {
    this.maxMinor = Number((options.apiVersion || '1.12').split('.')[1])
    this.locale = options.locale || 'vi-VN'
    const initial = options.sheets || { Sheet1: [] }
    for (const name of Object.keys(initial)) {
      this.addSheet(name)
      this.setValues(name, 'A1', initial[name] as CellV[][])
    }
    this.active = this.sheets[0] ? this.sheets[0].name : ''
  }

  // -------- test helpers (outside any batch)
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
  formula(sheet: string, address: string): string | undefined {
    const r = rectOf(address)
    return this.sheet(sheet).formulas[key(r.r0, r.c0)]
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
    const used = this.valuesRect(s)
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
  /**
   * What a user does: types into cells (at once, outside any batch). Strings are read as Excel reads typing
   * in this.locale; numbers and booleans stand for typing their digits; '' clears the cell.
   */
  setValues(sheet: string, topLeft: string, values: CellV[][]): void {
    const s = this.sheet(sheet)
    const r = rectOf(topLeft)
    values.forEach((line, i) => line.forEach((v, j) => this.enter(s, r.r0 + i, r.c0 + j, v)))
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
    for (const s of this.sheets) if (same(s.name, name)) return s
    return undefined
  }
  private addSheet(name: string): SheetModel {
    if (this.find(name)) throw officeError('ItemAlreadyExists', 'A sheet named ' + name + ' already exists')
    if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw officeError('InvalidArgument', 'bad sheet name ' + name)
    const s = emptySheet(name)
    this.sheets.push(s)
    return s
  }
  private tableNamed(name: string): boolean {
    for (const s of this.sheets) for (const t of s.tables) if (same(t.name, name)) return true
    return false
  }

  /** A value entered into a cell, by typing or through Range.values / Range.formulas. */
  private enter(s: SheetModel, r: number, c: number, v: unknown): void {
    const k = key(r, c)
    if (v === null || v === undefined) return // Office.js: null leaves the cell as it is
    delete s.formulas[k]
    if (v === '') {
      delete s.cells[k]
      return
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      s.cells[k] = v
      return
    }
    const read = excelInput(String(v), this.locale, s.formats[k] || 'General')
    if (read.formula !== undefined) {
      s.formulas[k] = read.formula
      s.cells[k] = this.evaluate(s, read.formula)
    } else if (read.value === '') {
      delete s.cells[k]
    } else {
      s.cells[k] = read.value
    }
    if (read.format !== undefined) s.formats[k] = read.format
  }

  /** Formulas of one reference (=A1, ='Chỉ tiêu'!F4), a number or a HYPERLINK; anything else is #NAME? here. */
  private evaluate(s: SheetModel, formula: string): CellV {
    const body = formula.slice(1).trim()
    if (/^[+-]?\d+(\.\d+)?$/.test(body)) return Number(body)
    const link = /^HYPERLINK\(\s*"([^"]*)"\s*(?:,\s*"([^"]*)"\s*)?\)$/i.exec(body)
    if (link) return link[2] !== undefined ? link[2] : (link[1] as string)
    const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Z]{1,3})\$?(\d+)$/i.exec(body)
    if (!m) return '#NAME?'
    const sheetName = m[1] ? m[1].replace(/''/g, "'") : m[2]
    const target = sheetName ? this.find(sheetName) : s
    if (!target) return '#REF!'
    const v = target.cells[key(Number(m[4]) - 1, columnIndex(m[3] as string))]
    return v === undefined ? 0 : v
  }

  /** Cells with a value, for grid(): what a person sees as the sheet's content. */
  private valuesRect(s: SheetModel): Rect {
    return this.boundsOf([s.cells])
  }
  /** ExcelApi 1.1's used range: values and formatting alike. */
  private usedRect(s: SheetModel): Rect {
    const formats: { [rc: string]: unknown } = {}
    for (const k of Object.keys(s.formats)) if (s.formats[k] !== 'General') formats[k] = true
    return this.boundsOf([s.cells, formats, s.fills, s.bold])
  }
  private boundsOf(maps: Array<{ [rc: string]: unknown }>): Rect {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1
    for (const map of maps) {
      for (const k of Object.keys(map)) {
        const [r, c] = k.split(',').map(Number) as [number, number]
        if (r < r0) r0 = r
        if (c < c0) c0 = c
        if (r > r1) r1 = r
        if (c > c1) c1 = c
      }
    }
    return r1 < 0 ? { r0: 0, c0: 0, r1: 0, c1: 0 } : { r0, c0, r1, c1 }
  }
  private each(rect: Rect, fn: (k: string, i: number, j: number) => void): void {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(key(r, c), r - rect.r0, c - rect.c0)
  }
  private shaped<T>(grid: unknown, rect: Rect, what: string): T[][] {
    const rows = rect.r1 - rect.r0 + 1
    const cols = rect.c1 - rect.c0 + 1
    const g = grid as T[][]
    if (!Array.isArray(g) || g.length !== rows || g.some((line) => !Array.isArray(line) || line.length !== cols)) {
      throw officeError('InvalidArgument', what + ' of ' + rectAddress(rect) + ' must be ' + rows + '×' + cols)
    }
    return g
  }

  // -------- proxies
  private sheetProxy(batch: Batch, initialName: string, created?: () => SheetModel): any {
    const fake = this
    let bound: SheetModel | null = null
    // Resolved when the queue reaches the first operation on it (a sheet added in this batch exists only then).
    const resolve = (): SheetModel => {
      if (bound && fake.sheets.indexOf(bound) >= 0) return bound
      if (bound) throw officeError('ItemNotFound', 'The sheet ' + bound.name + ' was deleted')
      const s = created ? created() : fake.find(initialName)
      if (!s) throw officeError('ItemNotFound', "The requested resource doesn't exist: sheet " + initialName)
      bound = s
      return s
    }
    if (created) batch.queue.push(() => void resolve())
    const name = new Slot<string>('name')
    const proxy: any = {
      get name() { return name.get() },
      set name(v: string) {
        name.set(v)
        batch.queue.push(() => {
          const s = resolve()
          const other = fake.find(v)
          if (other && other !== s) throw officeError('ItemAlreadyExists', 'A sheet named ' + v + ' already exists')
          s.name = v
        })
      },
      load(props: string | string[]) {
        const list = typeof props === 'string' ? props.split(',') : props
        for (const p of list) {
          if (p.trim() !== 'name') throw new Error('the fake loads worksheet.name only')
          name.queue(batch, () => resolve().name)
        }
        return proxy
      },
      getRange: (address: string) => fake.rangeProxy(batch, resolve, () => rectOf(address)),
      getUsedRange: () => fake.rangeProxy(batch, resolve, () => fake.usedRect(resolve())),
      activate: () => batch.queue.push(() => { fake.active = resolve().name }),
      delete: () => batch.queue.push(() => {
        const s = resolve()
        if (fake.sheets.length === 1) throw officeError('InvalidOperation', 'a workbook needs one sheet')
        fake.sheets = fake.sheets.filter((x) => x !== s)
      }),
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          const table = { name: '', address: '', hasHeaders }
          batch.queue.push(() => {
            const s = resolve()
            let n = 1
            while (fake.tableNamed('Table' + n)) n++
            table.name = 'Table' + n
            table.address = rectAddress(rectOf(address))
            s.tables.push(table)
          })
          const tableName = new Slot<string>('name')
          return {
            get name() { return tableName.get() },
            set name(v: string) {
              tableName.set(v)
              batch.queue.push(() => {
                if (!same(table.name, v) && fake.tableNamed(v)) throw officeError('InvalidArgument', 'A table named ' + v + ' already exists in the workbook')
                table.name = v
              })
            },
          }
        },
      },
      charts: {
        add: (type: string, source: any, seriesBy: string) => {
          const chart = { type, source: '', seriesBy, title: '', from: '', to: '' }
          batch.queue.push(() => {
            const s = resolve()
            if (!source || typeof source.__address !== 'function') throw new Error('chart source must be a range of this batch')
            chart.source = source.__address()
            s.charts.push(chart)
          })
          return {
            title: { set text(v: string) { batch.queue.push(() => { chart.title = v }) } },
            setPosition: (from: string, to?: string) => batch.queue.push(() => { chart.from = from; chart.to = to || '' }),
          }
        },
      },
    }
    if (this.maxMinor >= 7) {
      proxy.freezePanes = { freezeRows: (n: number) => batch.queue.push(() => { resolve().frozenRows = n }) }
    }
    return proxy
  }

  private rangeProxy(batch: Batch, sheetOf: () => SheetModel, rectOf0: () => Rect): any {
    const fake = this
    let rect: Rect | null = null
    // The range is fixed when the queue first reaches it (a used range is the one at that moment).
    const at = (): { s: SheetModel; rect: Rect } => {
      const s = sheetOf()
      if (!rect) rect = rectOf0()
      return { s, rect }
    }
    const slots = {
      address: new Slot<string>('address'),
      values: new Slot<CellV[][]>('values'),
      formulas: new Slot<CellV[][]>('formulas'),
      numberFormat: new Slot<string[][]>('numberFormat'),
      rowCount: new Slot<number>('rowCount'),
      columnCount: new Slot<number>('columnCount'),
    }
    const readers: { [p: string]: () => unknown } = {
      address: () => { const x = at(); return qualified(x.s.name, rectAddress(x.rect)) },
      values: () => fake.readGrid(at(), (s, k) => (s.cells[k] === undefined ? '' : s.cells[k] as CellV)),
      formulas: () => fake.readGrid(at(), (s, k) => (s.formulas[k] !== undefined ? s.formulas[k] as string : s.cells[k] === undefined ? '' : s.cells[k] as CellV)),
      numberFormat: () => fake.readGrid(at(), (s, k) => s.formats[k] || 'General'),
      rowCount: () => { const r = at().rect; return r.r1 - r.r0 + 1 },
      columnCount: () => { const r = at().rect; return r.c1 - r.c0 + 1 },
    }
    const fillColor = new Slot<string>('color')
    const bold = new Slot<boolean>('bold')
    const format: any = {
      fill: {
        get color() { return fillColor.get() },
        set color(v: string) {
          fillColor.set(v)
          batch.queue.push(() => { const x = at(); fake.each(x.rect, (k) => { x.s.fills[k] = v }) })
        },
        clear: () => batch.queue.push(() => { const x = at(); fake.each(x.rect, (k) => { delete x.s.fills[k] }) }),
      },
      font: {
        get bold() { return bold.get() },
        set bold(v: boolean) {
          bold.set(v)
          batch.queue.push(() => { const x = at(); fake.each(x.rect, (k) => { x.s.bold[k] = v }) })
        },
      },
    }
    if (this.maxMinor >= 2) {
      Object.defineProperty(format, 'columnWidth', {
        set(v: number) { batch.queue.push(() => { const x = at(); for (let c = x.rect.c0; c <= x.rect.c1; c++) x.s.widths[c] = v }) },
        enumerable: true,
      })
    } else {
      // The property exists in the typings; a 1.1 host refuses it when the batch runs.
      Object.defineProperty(format, 'columnWidth', {
        set() { batch.queue.push(() => { throw officeError('ApiNotFound', 'RangeFormat.columnWidth needs ExcelApi 1.2') }) },
        enumerable: true,
      })
    }
    const writeCells = (v: unknown, what: string) => {
      batch.queue.push(() => {
        const x = at()
        const grid = fake.shaped<unknown>(v, x.rect, what)
        fake.each(x.rect, (_k, i, j) => fake.enter(x.s, x.rect.r0 + i, x.rect.c0 + j, (grid[i] as unknown[])[j]))
      })
    }
    const proxy: any = {
      get address() { return slots.address.get() },
      get rowCount() { return slots.rowCount.get() },
      get columnCount() { return slots.columnCount.get() },
      get values() { return slots.values.get() },
      set values(v: CellV[][]) { slots.values.set(v); writeCells(v, 'values') },
      get formulas() { return slots.formulas.get() },
      set formulas(v: CellV[][]) { slots.formulas.set(v); writeCells(v, 'formulas') },
      get numberFormat() { return slots.numberFormat.get() },
      set numberFormat(v: string[][]) {
        slots.numberFormat.set(v)
        batch.queue.push(() => {
          const x = at()
          const grid = fake.shaped<string | null>(v, x.rect, 'numberFormat')
          fake.each(x.rect, (k, i, j) => {
            const f = (grid[i] as Array<string | null>)[j]
            if (f !== null && f !== undefined) x.s.formats[k] = String(f)
          })
        })
      },
      format,
      load(props: string | string[]) {
        const list = typeof props === 'string' ? props.split(',') : props
        for (const raw of list) {
          const p = raw.trim() as keyof typeof slots
          if (!slots[p]) throw new Error('the fake does not load Range.' + p)
          slots[p].queue(batch, readers[p] as () => never)
        }
        return proxy
      },
      clear: () => batch.queue.push(() => {
        const x = at()
        fake.each(x.rect, (k) => {
          delete x.s.cells[k]; delete x.s.formulas[k]; delete x.s.formats[k]; delete x.s.fills[k]; delete x.s.bold[k]
        })
      }),
      select: () => batch.queue.push(() => {
        const x = at()
        fake.selected = { sheet: x.s.name, address: rectAddress(x.rect) }
      }),
      // For charts.add: the address of this range when the queue reaches the chart.
      __address: () => { const x = at(); return qualified(x.s.name, rectAddress(x.rect)) },
    }
    // The property exists in the typings; a host below 1.6 refuses the call when the batch runs.
    proxy.conditionalFormats = {
      add(type: string) {
        const rule = { type, operator: '', text: '', color: '' }
        batch.queue.push(() => {
          if (fake.maxMinor < 6) throw officeError('ApiNotFound', 'Range.conditionalFormats needs ExcelApi 1.6')
          if (type !== 'ContainsText') throw officeError('InvalidArgument', 'the fake knows only ContainsText rules')
          const x = at()
          x.s.conditionalFormats.push({ address: rectAddress(x.rect), ...rule })
        })
        // Set after add() in the same batch, before the sync: the pushed rule object is filled in place.
        return {
          textComparison: {
            format: { fill: { set color(v: string) { rule.color = v } } },
            set rule(r: { operator: string; text: string }) { rule.operator = r.operator; rule.text = r.text },
          },
        }
      },
    }
    if (this.maxMinor >= 8) {
      proxy.dataValidation = {
        set rule(rule: unknown) {
          batch.queue.push(() => { const x = at(); x.s.validations.push({ address: rectAddress(x.rect), rule }) })
        },
      }
    }
    return proxy
  }

  private readGrid<T>(x: { s: SheetModel; rect: Rect }, cell: (s: SheetModel, k: string) => T): T[][] {
    const out: T[][] = []
    for (let r = x.rect.r0; r <= x.rect.r1; r++) {
      const line: T[] = []
      for (let c = x.rect.c0; c <= x.rect.c1; c++) line.push(cell(x.s, key(r, c)))
      out.push(line)
    }
    return out
  }

  private context(batch: Batch): any {
    const fake = this
    const items = new Slot<Array<{ name: string }>>('items')
    const worksheets = {
      load(props: string | string[]) {
        const list = typeof props === 'string' ? props.split(',') : props
        if (list.map((p) => p.trim()).indexOf('items/name') < 0) throw new Error('the fake loads worksheets with items/name only')
        items.queue(batch, () => fake.sheets.map((s) => ({ name: s.name })))
        return worksheets
      },
      get items() { return items.get() },
      getItem: (name: string) => fake.sheetProxy(batch, name),
      add: (name: string) => fake.sheetProxy(batch, name, () => fake.addSheet(name)),
    }
    const tableItems = new Slot<Array<{ name: string }>>('items')
    const tables = {
      load(props: string | string[]) {
        const list = typeof props === 'string' ? props.split(',') : props
        if (list.map((p) => p.trim()).indexOf('items/name') < 0) throw new Error('the fake loads tables with items/name only')
        tableItems.queue(batch, () => {
          const out: Array<{ name: string }> = []
          for (const s of fake.sheets) for (const t of s.tables) out.push({ name: t.name })
          return out
        })
        return tables
      },
      get items() { return tableItems.get() },
    }
    return {
      workbook: { worksheets, tables },
      sync: async () => {
        fake.syncCount++
        const queue = batch.queue
        batch.queue = []
        if (fake.failNextSync) {
          const e = fake.failNextSync
          fake.failNextSync = null
          throw e
        }
        // In order; the first failure ends the batch with what came before it applied.
        for (const op of queue) op()
        await new Promise((r) => setTimeout(r, 0))
      },
    }
  }

  /** Excel.run: a fresh request context per batch; work never synced by the end is an error. */
  run = async <T>(batchFn: (context: any) => Promise<T>): Promise<T> => {
    this.runCount++
    const batch: Batch = { queue: [] }
    const result = await batchFn(this.context(batch))
    if (batch.queue.length > 0) throw new Error('Excel.run ended with queued commands that were never synced')
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
