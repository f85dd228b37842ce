#!/usr/bin/env node
// npm run manifest -- --url https://ntm.example.org [--out dist/manifest.xml | --out -]
// Writes manifest.xml rewritten for a deployed origin (default dist/manifest.xml; `--out -` prints it),
// then validates the result the same way as `npm run manifest:validate`.
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { MANIFEST_PATH, REPO_ROOT, manifestForOrigin, schemasAvailable, validateManifestOffline } from './manifest-lib.mjs'
import { checkManifestRules } from './manifest-rules.mjs'

function arg(name) {
  const i = process.argv.indexOf(name)
  if (i >= 0) return process.argv[i + 1]
  const eq = process.argv.find((a) => a.startsWith(name + '='))
  return eq ? eq.slice(name.length + 1) : undefined
}

const url = arg('--url')
if (!url) {
  console.error('usage: npm run manifest -- --url https://your-worker.example.org [--out dist/manifest.xml | --out -]')
  process.exit(2)
}
const out = arg('--out') || 'dist/manifest.xml'
let xml
try {
  xml = manifestForOrigin(await readFile(MANIFEST_PATH, 'utf8'), url)
} catch (e) {
  console.error(String(e && e.message ? e.message : e))
  process.exit(2)
}
const problems = checkManifestRules(xml)
if (problems.length > 0) {
  console.error('The rewritten manifest breaks the repository rules:\n' + problems.join('\n'))
  process.exit(1)
}
if (schemasAvailable()) {
  const { valid, errors } = await validateManifestOffline(xml)
  if (!valid) {
    console.error('The rewritten manifest does not validate:\n' + errors.join('\n'))
    process.exit(1)
  }
}
if (out === '-') {
  process.stdout.write(xml)
} else {
  const path = resolve(REPO_ROOT, out)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, xml)
  console.error('Wrote ' + path + ' for ' + url)
}
