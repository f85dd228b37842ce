// The report template for a commune: the catalogue and class that judge the period, and its tasks, as the
// workbook the pane creates.
import { infoFacts } from '../../shared/workbook/report-book'
import { listOwnedTasks } from '../db/tasks'
import type { UnitContext } from '../scope'
import { writeReportFile } from '../xlsx/report-file'
import { loadJudge } from './judge'

export async function reportTemplate(db: D1Database, target: UnitContext, period: string, portalUrl: string | null = null): Promise<Uint8Array> {
  const [judge, tasks] = await Promise.all([loadJudge(db, target, period), listOwnedTasks(db, target.unit.id)])
  return writeReportFile(infoFacts(target.unit, period, judge.catalog, judge.classId, false), judge.catalog, judge.classId, tasks, portalUrl)
}
