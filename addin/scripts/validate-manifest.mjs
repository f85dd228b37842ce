#!/usr/bin/env node
// npm run manifest:validate [-- path/to/manifest.xml]
// Offline XSD check when the team's schemas are present; otherwise `office-addin-manifest validate` (online).
import { readFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { MANIFEST_PATH, REPO_ROOT, SCHEMA_DIR, schemasAvailable, validateManifestOffline } from './manifest-lib.mjs'

const file = process.argv[2] || MANIFEST_PATH
if (schemasAvailable()) {
  const { valid, errors } = await validateManifestOffline(await readFile(file, 'utf8'), file)
  if (!valid) {
    console.error('Manifest is NOT valid against ' + SCHEMA_DIR + ':\n' + errors.join('\n'))
    process.exit(1)
  }
  console.log('Manifest ' + file + ' is valid (offline XSD check, ' + SCHEMA_DIR + ').')
} else {
  console.log('Schemas not found in ' + SCHEMA_DIR + '; using office-addin-manifest validate (needs the network).')
  const bin = join(REPO_ROOT, 'node_modules', '.bin', 'office-addin-manifest')
  const run = spawnSync(bin, ['validate', file], { stdio: 'inherit' })
  process.exit(run.status === null ? 1 : run.status)
}
