export declare function databaseName(configText: string): string
export declare function setDatabaseId(configText: string, id: string): string
