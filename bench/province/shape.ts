// The three synthetic provinces of the benchmark (issue 12): 600 communes straight under the province (as
// since the 2025 reform), 20 districts × 30 communes, and Thanh Hóa's 166. Fixed seed: the same ids,
// reports and tasks on every run.
import { previousPeriodId } from '../../shared/calendar'

export const NOW = '2026-11-20T09:00:00+07:00'
export const TODAY = '2026-11-20'
/** The period aggregated: the last one whose commune deadline has passed on TODAY. */
export const PERIOD = '2026-11-14'
/** The period before, locked by the 600-commune province before measuring: its workbook is served from the snapshot. */
export const LOCKED_PERIOD = previousPeriodId(PERIOD)
/** The open period submissions go to. */
export const OPEN_PERIOD = '2026-11-28'
export const TASKS_PER_COMMUNE = 100
export const SEED = 20261120

export type BenchUnit = { id: string; name: string; level: 'province' | 'district' | 'commune'; parentId: string | null }
export type Province = { id: string; name: string; units: BenchUnit[]; communes: BenchUnit[]; districts: BenchUnit[] }

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

function province(id: string, name: string, districts: number, communes: number): Province {
  const units: BenchUnit[] = [{ id, name, level: 'province', parentId: null }]
  const ds: BenchUnit[] = []
  const cs: BenchUnit[] = []
  if (districts === 0) {
    for (let c = 1; c <= communes; c++) cs.push({ id: id + '-x' + pad(c, 3), name: 'Xã thử ' + id.slice(-1).toUpperCase() + c, level: 'commune', parentId: id })
  } else {
    for (let d = 1; d <= districts; d++) {
      const district: BenchUnit = { id: id + '-h' + pad(d, 2), name: 'Huyện thử ' + d, level: 'district', parentId: id }
      ds.push(district)
      for (let c = 1; c <= communes; c++) {
        cs.push({ id: district.id + '-x' + pad(c, 2), name: 'Xã thử ' + d + '.' + c, level: 'commune', parentId: district.id })
      }
    }
  }
  units.push(...ds, ...cs)
  return { id, name, units, communes: cs, districts: ds }
}

export const PROVINCES: Province[] = [
  province('tinh-a', 'Tỉnh thử A (600 xã)', 0, 600),
  province('tinh-b', 'Tỉnh thử B (20 huyện × 30 xã)', 20, 30),
  province('tinh-c', 'Tỉnh thử C (166 xã)', 0, 166),
]

/** `count` periods ending with PERIOD, oldest first. */
export function historyPeriods(count: number): string[] {
  const out: string[] = []
  let id = PERIOD
  for (let i = 0; i < count; i++) {
    out.unshift(id)
    id = previousPeriodId(id)
  }
  return out
}

export const tokenOf = (unitId: string): string => 'ntm_bench_' + unitId.replace(/-/g, '_')

/** The units measured: a 30-commune district, the 166- and 600-commune provinces, a commune with ~100 tasks. */
export const TARGETS = {
  district30: 'tinh-b-h07',
  province166: 'tinh-c',
  province600: 'tinh-a',
  flagsCommune: 'tinh-a-x123',
} as const

/** Communes that submit during the measurement (a token each), taken in turn. */
export const SUBMITTERS: string[] = Array.from({ length: 40 }, (_, i) => 'tinh-a-x' + pad(i * 15 + 1, 3))
