// Shared test data: the national catalogue as the server returns it, a commune and its tasks.
import { QD_318_2022 } from '../../shared/catalogs/qd-318-2022'
import type { CatalogResponse, MeResponse, StoredTask } from '../../shared/api'
import { indicatorsOf } from '../../shared/catalog'
import { DEFAULT_SETTINGS } from '../../shared/settings'

export const CATALOG: CatalogResponse = {
  catalog: QD_318_2022, period: '2026-11-14', assignment: { unit: 'thanh-hoa', from: '2022-03-08' }, classId: 'btb', className: 'Bắc Trung Bộ',
}
export const COMMUNE_ME: MeResponse = { role: 'commune', unit: { id: 'binh-son', name: 'Xã Bình Sơn', level: 'commune' }, settings: DEFAULT_SETTINGS, today: '2026-11-14' }
export const DISTRICT_ME: MeResponse = { role: 'district', unit: { id: 'trieu-son', name: 'Huyện Triệu Sơn', level: 'district' }, settings: DEFAULT_SETTINGS, today: '2026-11-14' }

export const TASKS: StoredTask[] = [
  { id: 'TB-2', title: 'Báo cáo tiến độ về huyện', lead: 'binh-son', collaborators: [], due: '2020-11-30', status: 'todo', progress: 0, owner: 'binh-son', updatedAt: '2020-11-17T00:00:00Z', version: 1 },
  { id: 'TB-4', title: 'Ra quân vệ sinh môi trường toàn xã', lead: 'binh-son', collaborators: ['Phòng TN&MT'], due: '2020-12-31', recurrence: { kind: 'months', months: [12, 3, 5] }, status: 'doing', progress: 30, owner: 'binh-son', updatedAt: '2020-11-17T00:00:00Z', version: 1 },
]

/** A value for every indicator that meets its target (yes/no → "đạt" or "không" where "không" is the target, numbers → 100). */
export function passingValue(code: string): string | number {
  const i = indicatorsOf(QD_318_2022).filter((x) => x.code === code)[0]
  if (!i) throw new Error('unknown indicator ' + code)
  const t = i.thresholds.btb
  if (i.kind === 'yesno') return t && 'expect' in t && t.expect === false ? 'không' : 'đạt'
  return i.kind === 'text' ? 'có' : 100
}

export const INDICATOR_CODES = indicatorsOf(QD_318_2022).map((i) => i.code)
