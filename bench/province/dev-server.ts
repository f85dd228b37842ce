// `wrangler dev` on the bench's local state, on free loopback ports, stopped cleanly (the wrangler process
// itself, so workerd is not left behind).
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { QUIET, ROOT, WRANGLER } from './local-state'

export type DevServer = { origin: string; inspectorPort: number; log(): string; stop(): Promise<void> }

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address()
      srv.close(() => ok(typeof a === 'object' && a ? a.port : 0))
    })
  })
}

/** `args`: the config and vars; `ready`: whether an answer to GET `probe` means the Worker is up. */
export async function startDev(state: string, args: string[], probe: string, ready: (status: number) => boolean): Promise<DevServer> {
  const port = await freePort()
  const inspectorPort = await freePort()
  const child: ChildProcess = spawn(WRANGLER, [
    'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', state,
    '--show-interactive-dev-session=false', '--log-level', 'warn', ...args,
  ], { cwd: ROOT, env: QUIET, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })
  const origin = 'http://127.0.0.1:' + port
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited:\n' + output)
    try {
      if (ready((await fetch(origin + probe)).status)) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) { child.kill('SIGTERM'); throw new Error('wrangler dev did not start:\n' + output) }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    origin, inspectorPort, log: () => output.slice(-4000),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
