// The report template for a commune: its catalogue, region and tasks, as the workbook the pane creates.
import { infoFacts } from '../../shared/workbook/report-book'
import { listOwnedTasks } from '../db/tasks'
import { type UnitContext, loadCatalogFor } from '../scope'
import { writeReportFile } from '../xlsx/report-file'

export async function reportTemplate(db: D1Database, target: UnitContext, period: string, portalUrl: string | null = null): Promise<Uint8Array> {
  const [catalog, tasks] = await Promise.all([loadCatalogFor(db, target), listOwnedTasks(db, target.unit.id)])
  return writeReportFile(infoFacts(target.unit, period, catalog, target.region, false), catalog, target.region, tasks, portalUrl)
}
