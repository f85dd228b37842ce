// `npm test` step: the Worker bundles for deployment (wrangler deploy --dry-run, offline) into dist/worker.
import { ensurePane, wrangler } from './lib.mjs'

ensurePane({ build: false })
wrangler(['deploy', '--dry-run', '--outdir', 'dist/worker'], { quiet: true })
console.log('wrangler deploy --dry-run: ok (dist/worker)')
