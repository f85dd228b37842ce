// The demo's evidence dossiers, under the sets that judge the 14/11/2026 period. Bình Sơn reports 6 of QĐ
// 51/2025's 10 criteria met (1, 2, 5, 6, 9, 10) but has filed the documents of only two, 1 and 2 (and of 7, which
// it does not yet meet), so the district's matrix shows "đạt nhưng thiếu hồ sơ" for 5, 6, 9 and 10: criterion
// 5's decision is listed as a paper kept in the cabinet (no file: it does not count), and criterion 1's plan
// decision was replaced by its amendment (both kept). Thọ Sơn, judged by the province's set, has two documents.
// Files are small generated PDFs under the same keys as uploads; fixed ids and times keep seeding repeatable.
import { QD_51_2025 } from '../../shared/catalogs/qd-51-2025'
import { EVIDENCE_FILE_TYPES, type EvidenceKind } from '../../shared/evidence'
import { type NewEvidence, insertEvidenceIfAbsentStatement } from '../db/evidence'
import { sha256HexOfBytes } from '../hash'
import { DEMO_NANG_CAO } from './demo-data'
import { demoPdf } from './demo-pdf'

type DemoEvidence = {
  id: string
  unitId: string
  /** The catalogue whose criterion numbers the item uses. */
  catalogId: string
  criterion: number
  kind: EvidenceKind
  number: string | null
  date: string | null
  issuer: string | null
  title: string
  /** When it was filed (Vietnamese time). */
  at: string
  /** File name as uploaded; null: a paper listed without its scan. */
  file: string | null
  supersedes?: string
}

const UBND_BINH_SON = 'UBND xã Bình Sơn'
const binhSon = { unitId: 'binh-son', catalogId: QD_51_2025.id }
const thoSon = { unitId: 'tho-son', catalogId: DEMO_NANG_CAO.id }

export const DEMO_EVIDENCE: DemoEvidence[] = [
  {
    ...binhSon, id: 'ev_demo_binh_son_tc1_qh', criterion: 1, kind: 'quyet_dinh', number: '125/QĐ-UBND', date: '2024-03-15',
    issuer: 'UBND huyện Triệu Sơn', title: 'Phê duyệt quy hoạch chung xây dựng xã Bình Sơn', at: '2026-03-02T09:00:00+07:00', file: 'QĐ 125 quy hoạch chung.pdf',
  },
  {
    ...binhSon, id: 'ev_demo_binh_son_tc1_dc', criterion: 1, kind: 'quyet_dinh', number: '88/QĐ-UBND', date: '2026-05-20',
    issuer: 'UBND huyện Triệu Sơn', title: 'Phê duyệt điều chỉnh cục bộ quy hoạch chung xây dựng xã Bình Sơn', at: '2026-06-01T10:30:00+07:00',
    file: 'QĐ 88 điều chỉnh quy hoạch.pdf', supersedes: 'ev_demo_binh_son_tc1_qh',
  },
  {
    ...binhSon, id: 'ev_demo_binh_son_tc2_dien', criterion: 2, kind: 'bien_ban', number: '07/BB-ĐL', date: '2026-10-30',
    issuer: 'Điện lực Triệu Sơn', title: 'Biên bản kiểm tra hệ thống điện nông thôn đạt chuẩn', at: '2026-11-03T14:00:00+07:00', file: 'Biên bản kiểm tra điện.pdf',
  },
  {
    ...binhSon, id: 'ev_demo_binh_son_tc2_nvh', criterion: 2, kind: 'bien_ban', number: '15/BB-UBND', date: '2026-09-12',
    issuer: UBND_BINH_SON, title: 'Biên bản nghiệm thu nhà văn hóa thôn 1 và thôn 4', at: '2026-09-15T08:20:00+07:00', file: 'Nghiệm thu nhà văn hóa.pdf',
  },
  {
    ...binhSon, id: 'ev_demo_binh_son_tc7', criterion: 7, kind: 'bao_cao', number: '42/BC-UBND', date: '2026-11-05',
    issuer: UBND_BINH_SON, title: 'Báo cáo kết quả chuyển đổi số của xã', at: '2026-11-06T16:45:00+07:00', file: 'Báo cáo chuyển đổi số.pdf',
  },
  {
    ...binhSon, id: 'ev_demo_binh_son_tc5', criterion: 5, kind: 'quyet_dinh', number: '31/QĐ-SYT', date: '2026-04-10',
    issuer: 'Sở Y tế Thanh Hóa', title: 'Công nhận trạm y tế xã đạt chuẩn (bản giấy lưu tại văn phòng)', at: '2026-04-12T09:10:00+07:00', file: null,
  },
  {
    ...thoSon, id: 'ev_demo_tho_son_tc1', criterion: 1, kind: 'anh_cong_trinh', number: null, date: '2026-08-20',
    issuer: 'UBND xã Thọ Sơn', title: 'Ảnh đường trục xã sau khi nâng cấp', at: '2026-08-21T11:00:00+07:00', file: 'Ảnh đường trục xã.pdf',
  },
  {
    ...thoSon, id: 'ev_demo_tho_son_tc2', criterion: 2, kind: 'bien_ban', number: '09/BB-HTX', date: '2026-10-02',
    issuer: 'HTX dịch vụ nông nghiệp Thọ Sơn', title: 'Biên bản nghiệm thu kênh mương nội đồng', at: '2026-10-03T15:30:00+07:00', file: 'Nghiệm thu kênh mương.pdf',
  },
]

const keyOf = (e: DemoEvidence): string => 'evidence/' + e.unitId + '/' + e.id

function fileOf(e: DemoEvidence): Uint8Array {
  return demoPdf([
    'Tai lieu minh hoa cua ban demo NTM - khong phai van ban that.',
    e.issuer ?? '',
    (e.number ? 'So ' + e.number + ', ' : '') + (e.date ?? ''),
    e.title,
    'Tieu chi ' + e.criterion,
  ])
}

/** The files to put in the EVIDENCE bucket, under the keys the rows name. */
export function demoEvidenceFiles(): Array<{ key: string; bytes: Uint8Array; contentType: string }> {
  return DEMO_EVIDENCE.filter((e) => e.file !== null).map((e) => ({ key: keyOf(e), bytes: fileOf(e), contentType: EVIDENCE_FILE_TYPES.pdf.mime }))
}

export async function demoEvidenceStatements(db: D1Database): Promise<D1PreparedStatement[]> {
  const out: D1PreparedStatement[] = []
  for (const e of DEMO_EVIDENCE) {
    let file: NewEvidence['file'] = null
    if (e.file !== null) {
      const bytes = fileOf(e)
      file = { key: keyOf(e), type: 'pdf', size: bytes.byteLength, name: e.file, sha256: await sha256HexOfBytes(bytes) }
    }
    out.push(insertEvidenceIfAbsentStatement(db, {
      id: e.id, unitId: e.unitId, catalogId: e.catalogId, criterion: e.criterion, indicator: null, requirement: null, kind: e.kind,
      number: e.number, date: e.date, issuer: e.issuer, title: e.title, file, supersedes: e.supersedes ?? null,
      createdAt: new Date(e.at).toISOString(), createdBy: 'tok_demo_' + e.unitId.replace(/-/g, '_'),
    }))
  }
  return out
}
