// Which optional Excel features this host has. The core path needs only ExcelApi 1.1 (Office 2016 volume
// licence); the extras are used only where the host says it supports them.
export type Feature = 'columnWidths' | 'conditionalFormats' | 'freezePanes' | 'dataValidation'

const NEEDS: { [f in Feature]: string } = {
  columnWidths: '1.2',
  conditionalFormats: '1.6',
  freezePanes: '1.7',
  dataValidation: '1.8',
}

export function supports(feature: Feature): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', NEEDS[feature])
  } catch {
    return false
  }
}

/** Whether `name` is among the workbook's sheet names; Excel compares them without regard to case. */
export function hasSheet(existing: readonly string[], name: string): boolean {
  const want = name.toLowerCase()
  for (const n of existing) if (n.toLowerCase() === want) return true
  return false
}
