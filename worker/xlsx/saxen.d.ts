// The part of saxen's API the workbook reader uses (the package ships no types).
declare module 'saxen' {
  export type Decode = (text: string) => string
  export class Parser {
    constructor(options?: { proxy?: boolean })
    ns(map?: { [uri: string]: string }): void
    on(event: 'openTag', fn: (name: string, attrs: () => { [name: string]: string }, decode: Decode, selfClosing: boolean) => void): void
    on(event: 'closeTag', fn: (name: string, decode: Decode, selfClosing: boolean) => void): void
    on(event: 'text', fn: (text: string, decode: Decode) => void): void
    on(event: 'cdata', fn: (text: string) => void): void
    on(event: 'error' | 'warn', fn: (err: Error) => void): void
    parse(xml: string): Error | undefined
  }
}
