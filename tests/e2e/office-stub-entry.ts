// Loaded into the page right after the npm copy of office.js: Excel is the Excel-like fake.
// window.__fake lets the test type into cells and read what the pane wrote.
import { FakeExcel, installOffice } from '../addin/fake-excel'

const w = window as unknown as { __fake: FakeExcel; __excelApi?: string; __displayLanguage?: string; __stub: unknown }
const fake = new FakeExcel({ apiVersion: w.__excelApi || '1.1' })
w.__stub = installOffice(window, fake, w.__displayLanguage || 'vi-VN')
w.__fake = fake
