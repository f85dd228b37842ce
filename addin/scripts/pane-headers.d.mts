export declare const OFFICE_SCRIPT_HOST: string
export declare function inlineScriptHashes(html: string): string[]
export declare function contentSecurityPolicy(scriptHashes: readonly string[]): string
export declare function headersFile(scriptHashes: readonly string[]): string
