#!/usr/bin/env node
// npm run manifest:validate [-- path/to/manifest.xml]
// The repository's own rules first (offline, always); then Microsoft's XSD offline when the team's schemas are
// present, otherwise `office-addin-manifest validate` (Microsoft's web service: needs the network).
import { readFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { MANIFEST_PATH, REPO_ROOT, SCHEMA_DIR, schemasAvailable, validateManifestOffline } from './manifest-lib.mjs'
import { checkManifestRules } from './manifest-rules.mjs'

const file = process.argv[2] || MANIFEST_PATH
const xml = await readFile(file, 'utf8')
const problems = checkManifestRules(xml)
if (problems.length > 0) {
  console.error('Manifest ' + file + ' breaks the repository rules:\n' + problems.map((p) => '  ' + p).join('\n'))
  process.exit(1)
}
console.log('Manifest ' + file + ' passes the repository rules (addin/scripts/manifest-rules.mjs).')
if (schemasAvailable()) {
  const { valid, errors } = await validateManifestOffline(xml, file)
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
