// The raw-SQL side of the benchmark: Debian's sqlite3 shell kept open on the local D1 file, fed scripts on
// stdin. Node 20 has no SQLite of its own (node:sqlite is Node 22+) and a native addon would have to be
// compiled at install time, so the bench uses the `sqlite3` command (apt-get install sqlite3).
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process'

const MARK = '@@ntm-bench-mark@@'

export function assertSqliteCli(): void {
  const res = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' })
  if (res.status !== 0) throw new Error('The benchmark needs the sqlite3 command: apt-get install -y sqlite3')
}

export class SqliteCli {
  private readonly proc: ChildProcessWithoutNullStreams
  private out = ''
  private err = ''
  private waiting: { marks: number; resolve: (text: string) => void } | null = null

  constructor(file: string) {
    this.proc = spawn('sqlite3', ['-batch', file], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.proc.stdout.setEncoding('utf8')
    this.proc.stderr.setEncoding('utf8')
    this.proc.stdout.on('data', (d: string) => { this.out += d; this.check() })
    this.proc.stderr.on('data', (d: string) => { this.err += d })
    this.proc.stdin.write('.timeout 10000\n.mode json\n')
  }

  private check(): void {
    const w = this.waiting
    if (!w) return
    let count = 0
    let at = -1
    for (;;) {
      const next = this.out.indexOf(MARK + '\n', at + 1)
      if (next < 0) break
      count++
      at = next
      if (count === w.marks) break
    }
    if (count < w.marks) return
    const end = at + MARK.length + 1
    const text = this.out.slice(0, end)
    this.out = this.out.slice(end)
    this.waiting = null
    w.resolve(text)
  }

  /** Runs statements (each ending with `;`); returns each one's output, in order. */
  async run(statements: readonly string[]): Promise<string[]> {
    const text = await this.script(statements.map((s) => s + '\n.print ' + MARK + '\n').join(''), statements.length)
    const parts = text.split(MARK + '\n')
    parts.pop()
    return parts
  }

  private async script(script: string, marks: number): Promise<string> {
    if (this.waiting) throw new Error('sqlite3: one script at a time')
    this.err = ''
    const text = await new Promise<string>((resolve) => {
      this.waiting = { marks, resolve }
      this.proc.stdin.write(script)
      this.check()
    })
    if (this.err.trim() !== '') throw new Error('sqlite3: ' + this.err.trim())
    return text
  }

  /** Rows of each statement (the shell's JSON mode prints nothing for no rows). */
  async rows(statements: readonly string[]): Promise<Array<Array<Record<string, unknown>>>> {
    return (await this.run(statements)).map((t) => (t.trim() === '' ? [] : (JSON.parse(t) as Array<Record<string, unknown>>)))
  }

  /** The plan's lines (the shell prints EXPLAIN QUERY PLAN as a tree whatever the mode). */
  async explain(statement: string): Promise<string[]> {
    const [text] = await this.run(['EXPLAIN QUERY PLAN ' + statement])
    return (text ?? '').split('\n').filter((l) => l.trim() !== '' && l.trim() !== 'QUERY PLAN').map((l) => l.replace(/^[|`\s-]*/, ''))
  }

  /** Wall-clock time of a script whose rows go to /dev/null (rows are still produced and formatted). */
  async time(statements: readonly string[]): Promise<number> {
    const start = performance.now()
    await this.script('.output /dev/null\n' + statements.join('\n') + '\n.output stdout\n.print ' + MARK + '\n', 1)
    return performance.now() - start
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve())
      this.proc.stdin.end('.quit\n')
    })
  }
}

/** Streams a script into a fresh sqlite3 process (bulk load); resolves when the shell has finished. */
export function openLoader(file: string): { write(text: string): Promise<void>; end(): Promise<void> } {
  const proc = spawn('sqlite3', ['-batch', '-bail', file], { stdio: ['pipe', 'ignore', 'pipe'] })
  let err = ''
  proc.stderr.setEncoding('utf8')
  proc.stderr.on('data', (d: string) => { err += d })
  const done = new Promise<void>((resolve, reject) => {
    proc.once('exit', (code) => (code === 0 && err.trim() === '' ? resolve() : reject(new Error('sqlite3 load failed (' + code + '): ' + err.slice(0, 2000)))))
  })
  return {
    write: (text) => new Promise<void>((resolve, reject) => {
      if (proc.exitCode !== null) return reject(new Error('sqlite3 load stopped: ' + err.slice(0, 2000)))
      if (proc.stdin.write(text)) resolve()
      else proc.stdin.once('drain', () => resolve())
    }),
    end: () => { proc.stdin.end(); return done },
  }
}
