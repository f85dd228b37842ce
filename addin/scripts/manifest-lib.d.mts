export declare const REPO_ROOT: string
export declare const MANIFEST_PATH: string
export declare const SCHEMA_DIR: string
export declare const DEV_ORIGIN: string
export declare function schemasAvailable(): boolean
export declare function validateManifestOffline(xml: string, fileName?: string): Promise<{ valid: boolean; errors: string[] }>
export declare function manifestForOrigin(xml: string, origin: string): string
