// What write-excel-file 4.1.1 does not write, added as one of its "features" (XML transforms of the parts
// it generates): A4 landscape fitted to one page wide, title rows repeated on every printed page,
// drop-down lists, sheet protection that leaves the input cells open, and workbook-level names.
// Elements go where the SpreadsheetML schema orders them (Excel refuses a file whose order is wrong).
import type { Feature } from 'write-excel-file/universal'
import {
  findElement, findElementInsideElement, getChildElements, getOrderOfSiblings, getSelfClosingTagMarkup,
  insertElementMarkupAccordingToOrderOfSiblings, replaceElement, sanitizeTextContent,
} from 'write-excel-file/utility'

/** The fill of cells people fill in; cells with it stay unlocked on a protected sheet. */
export const INPUT_FILL = '#FFF2CC'

export type SheetExtras = {
  /** A4 landscape, fitted to one page wide; `titleRows` (from row 1) repeat at the top of every page. */
  print?: { titleRows?: number }
  /** Drop-down lists: the cells (A1 range) and the formula giving the choices (a defined name or a range). */
  lists?: Array<{ address: string; source: string }>
  /** Locks every cell but those with INPUT_FILL (no password: a guard against slips, not a secret). */
  protect?: boolean
}

/** A defined name; `localSheetId` scopes it to one sheet (by position). */
export type WorkbookName = { name: string; ref: string; localSheetId?: number }

type Options = { sheet?: string; extras?: SheetExtras }

const WORKSHEET_ORDER = getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') as string[]
const WORKBOOK_ORDER = getOrderOfSiblings('xl/workbook.xml', 'workbook') as string[]

const quoteSheet = (name: string): string => "'" + name.replace(/'/g, "''") + "'"

function insert(xml: string, markup: string): string {
  return insertElementMarkupAccordingToOrderOfSiblings(xml, markup, WORKSHEET_ORDER, 'worksheet')
}

function printSetup(xml: string): string {
  // Fit to one page wide and as many pages tall as needed.
  let out = xml
  const sheetPr = findElement(out, 'sheetPr')
  const fit = '<pageSetUpPr fitToPage="1"/>'
  if (!sheetPr) out = insert(out, '<sheetPr>' + fit + '</sheetPr>')
  else if (sheetPr.selfClosingTag) out = replaceElement(out, sheetPr, '<sheetPr>' + fit + '</sheetPr>')
  const setup = findElement(out, 'pageSetup')
  const markup = getSelfClosingTagMarkup('pageSetup', { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 })
  out = setup ? replaceElement(out, setup, markup) : insert(out, markup)
  if (!findElement(out, 'printOptions')) out = insert(out, '<printOptions horizontalCentered="1"/>')
  if (!findElement(out, 'pageMargins')) out = insert(out, '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>')
  return out
}

function lists(xml: string, items: NonNullable<SheetExtras['lists']>): string {
  // errorStyle "warning": a value outside the list is questioned, not refused (the server's check decides).
  const rules = items.map((l) =>
    '<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="' +
    l.address.replace(/\$/g, '') + '"><formula1>' + sanitizeTextContent(l.source) + '</formula1></dataValidation>')
  return insert(xml, '<dataValidations count="' + items.length + '">' + rules.join('') + '</dataValidations>')
}

function protect(xml: string): string {
  return insert(xml, getSelfClosingTagMarkup('sheetProtection', {
    sheet: 1, objects: 1, scenarios: 1, formatColumns: 0, formatRows: 0, sort: 0, autoFilter: 0,
  }))
}

/** Cell formats whose fill is INPUT_FILL get `locked="0"`: the highlighted cells are the open ones. */
function unlockInputs(xml: string): string {
  const fills = findElement(xml, 'fills')
  if (!fills) return xml
  const argb = 'FF' + INPUT_FILL.slice(1).toUpperCase()
  const fillIds: string[] = []
  getChildElements(xml, fills).forEach((fill, i) => {
    if (xml.slice(fill.openingTagStartIndex, fill.closingTagEndIndex).indexOf('rgb="' + argb + '"') >= 0) fillIds.push(String(i))
  })
  const cellXfs = findElement(xml, 'cellXfs')
  if (!cellXfs || fillIds.length === 0) return xml
  // Rewrite from the last so earlier indices stay valid.
  let out = xml
  const xfs = getChildElements(xml, cellXfs).filter((xf) => fillIds.indexOf(String(xf.openingTagAttributes.fillId)) >= 0)
  for (let i = xfs.length - 1; i >= 0; i--) {
    const xf = xfs[i]!
    if (findElementInsideElement(out, 'protection', xf)) continue
    const attrs = { ...xf.openingTagAttributes, applyProtection: 1 }
    const inner = xf.selfClosingTag ? '' : out.slice(xf.openingTagEndIndex + 1, xf.closingTagStartIndex)
    const open = '<xf ' + Object.keys(attrs).map((k) => k + '="' + String(attrs[k as keyof typeof attrs]) + '"').join(' ') + '>'
    out = replaceElement(out, xf, open + inner + '<protection locked="0"/></xf>')
  }
  return out
}

function definedNames(xml: string, names: WorkbookName[]): string {
  if (names.length === 0) return xml
  const markup = names.map((n) =>
    '<definedName name="' + n.name + '"' + (n.localSheetId === undefined ? '' : ' localSheetId="' + n.localSheetId + '"') + '>' +
    sanitizeTextContent(n.ref) + '</definedName>').join('')
  const existing = findElement(xml, 'definedNames')
  if (existing) return replaceElement(xml, existing, '<definedNames>' + (existing.selfClosingTag ? '' : xml.slice(existing.openingTagEndIndex + 1, existing.closingTagStartIndex)) + markup + '</definedNames>')
  return insertElementMarkupAccordingToOrderOfSiblings(xml, '<definedNames>' + markup + '</definedNames>', WORKBOOK_ORDER, 'workbook')
}

/** The feature for writeXlsxFile: sheets carry `extras` in their options; `names` are workbook-wide. */
export function sheetExtras(names: WorkbookName[]): Feature<Blob> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform(xml, options) {
            const extras = (options as Options).extras
            if (!extras) return xml
            let out = xml
            if (extras.protect) out = protect(out)
            if (extras.lists && extras.lists.length > 0) out = lists(out, extras.lists)
            if (extras.print) out = printSetup(out)
            return out
          },
        },
        'xl/styles.xml': {
          transform(xml, all) {
            return (all as Options[]).some((o) => o.extras?.protect) ? unlockInputs(xml) : xml
          },
        },
        'xl/workbook.xml': {
          transform(xml, all) {
            const titles: WorkbookName[] = []
            ;(all as Options[]).forEach((o, i) => {
              const rows = o.extras?.print?.titleRows
              if (rows && o.sheet) titles.push({ name: '_xlnm.Print_Titles', localSheetId: i, ref: quoteSheet(o.sheet) + '!$1:$' + rows })
            })
            return definedNames(xml, names.concat(titles))
          },
        },
      },
    },
  }
}
