// `npm start`: everything the local demo needs, offline, nothing by hand.
//  1. builds the task pane into addin/dist if it is missing (or leaves a placeholder page),
//  2. applies the D1 migrations to the local database,
//  3. seeds the demo (repeatable: fixed ids, INSERT OR IGNORE),
//  4. runs `wrangler dev` on 127.0.0.1:${PORT:-8787} and, once it answers, prints the base URL and one
//     demo token per role. Extra arguments go to wrangler dev; FIXED_NOW=<ISO instant> fixes the API clock
//     (and the cron's); /__scheduled runs the Cron Triggers by hand.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { ensurePane, seedLocal, spawnWrangler, wrangler } from './lib.mjs'

const port = Number(process.env.PORT || 8787)
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write('PORT must be a port number, got "' + process.env.PORT + '".\n')
  process.exit(2)
}

const pane = ensurePane({ build: true })
process.stderr.write('Task pane: ' + pane + ' (addin/dist)\n')
wrangler(['d1', 'migrations', 'apply', 'DB', '--local'], { quiet: true })
const tokens = await seedLocal()
process.stderr.write('Local D1: migrations applied, demo data seeded.\n')

// --test-scheduled: GET /__scheduled?cron=0+0+*+*+* runs the daily reminder job at once (see README).
// LOCAL_DEMO=1 accepts the demo tokens and FIXED_NOW; a deployed Worker never has it (worker/local-demo.ts).
const args = ['dev', '--port', String(port), '--test-scheduled', '--var', 'LOCAL_DEMO:1', ...process.argv.slice(2)]
if (process.env.FIXED_NOW) args.push('--var', 'FIXED_NOW:' + process.env.FIXED_NOW)
// Seals webhook secrets in the local D1 only; a deployed Worker has its own (`wrangler secret put WEBHOOK_SECRET_KEY`).
args.push('--var', 'WEBHOOK_SECRET_KEY:' + (process.env.WEBHOOK_SECRET_KEY || 'local-demo-only-webhook-sealing-key-0123456789'))
const child = spawnWrangler(args)

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal)
  })
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

// `npm start -- --local-protocol https …` (sideloading in Excel) serves HTTPS with a localhost certificate.
const https = args.includes('https') && args.some((a) => a === '--local-protocol' || a.startsWith('--local-protocol='))
const base = (https ? 'https://localhost:' : 'http://127.0.0.1:') + port
const probe = tokens.find((t) => t.role === 'admin')

// node:http(s) rather than fetch: the dev certificate may not be trusted by Node, and it names localhost.
function answers() {
  return new Promise((resolve) => {
    const client = https ? httpsRequest : httpRequest
    const req = client(
      { host: '127.0.0.1', port, path: '/api/v1/me', servername: 'localhost', rejectUnauthorized: false, headers: { Authorization: 'Bearer ' + probe.token }, timeout: 2000 },
      (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      },
    )
    req.on('error', () => resolve(false))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

const deadline = Date.now() + 90_000
let ready = false
while (!ready && Date.now() < deadline && child.exitCode === null) {
  ready = await answers()
  if (!ready) await new Promise((r) => setTimeout(r, 300))
}

if (ready) {
  const lines = [
    '',
    'NTM web portal: ' + base + '/   (sign in with a demo token below)',
    'NTM API ready: ' + base + '/api/v1   (task pane: ' + base + '/taskpane.html)',
    process.env.FIXED_NOW ? 'Clock fixed at ' + process.env.FIXED_NOW : 'Clock: real time (set FIXED_NOW=2026-11-26T09:00:00+07:00 to fix it)',
    'Demo tokens (local demo only):',
    ...tokens.map((t) => '  ' + t.role.padEnd(9) + ' ' + t.unitId.padEnd(10) + ' ' + t.token),
    'Try: curl ' + (https ? '-k ' : '') + '-H "Authorization: Bearer ' + tokens.find((t) => t.role === 'commune').token + '" ' + base + '/api/v1/me',
    '',
  ]
  console.log(lines.join('\n'))
} else if (child.exitCode === null) {
  process.stderr.write('wrangler dev did not answer on ' + base + ' within 90 s; still waiting on it.\n')
}
