export declare const BOM: string
export declare function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string
export declare function parseCsv(text: string): { header: string[]; rows: Array<Record<string, string>> }
