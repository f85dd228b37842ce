// Entry point of the Node seed script (bundled with esbuild by worker/scripts/*.mjs).
import { demoStatements } from './demo'
import { DEMO_TOKENS } from './demo-data'
import { recordingDb, renderStatement } from './sql-text'

export async function buildDemoSql(): Promise<string> {
  const statements = await demoStatements(recordingDb())
  return statements.map(renderStatement).join('\n') + '\n'
}

export { DEMO_TOKENS }
export { demoEvidenceFiles } from './demo-evidence'
