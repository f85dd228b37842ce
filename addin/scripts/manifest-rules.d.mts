export type XmlElement = { name: string; attrs: { [name: string]: string }; children: XmlElement[]; text: string }
export declare function parseXml(text: string): XmlElement
export declare function checkManifestRules(xml: string): string[]
