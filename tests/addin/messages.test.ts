import { describe, expect, it } from 'vitest'
import { FAILURE_CODES, errorText, flagTextVi, pickLang, setLang, t } from '../../addin/messages'
import type { ErrorBody } from '../../shared/api'
import type { TaskFlagKind } from '../../shared/tasks'

// Every ErrorCode of the API contract; the compiler fails here if shared/api.ts adds one we do not list.
const API_CODES: { [code in ErrorBody['error']]: true } = {
  bad_request: true, invalid_json: true, unauthorized: true, forbidden: true, not_found: true, conflict: true, period_locked: true,
  idempotency_mismatch: true, payload_too_large: true, unsupported_file_type: true, workbook_inconsistent: true, validation_failed: true,
  not_configured: true, version_conflict: true, rate_limited: true, internal: true,
}

describe('messages', () => {
  it('picks Vietnamese only for a Vietnamese Office UI', () => {
    expect(pickLang('vi-VN')).toBe('vi')
    expect(pickLang('vi')).toBe('vi')
    expect(pickLang('en-US')).toBe('en')
    expect(pickLang('fr-FR')).toBe('en')
    expect(pickLang(undefined)).toBe('en')
  })

  it('has Vietnamese and English text for every error the user can meet', () => {
    for (const code of Object.keys(API_CODES)) expect(FAILURE_CODES).toContain(code)
    for (const lang of ['vi', 'en'] as const) {
      setLang(lang)
      const seen = new Set<string>()
      for (const code of FAILURE_CODES) {
        const text = errorText(code)
        expect(text).not.toMatch(/^Unexpected|^Có lỗi không mong đợi/)
        seen.add(text)
      }
      expect(seen.size).toBe(FAILURE_CODES.length)
    }
    setLang('vi')
    expect(errorText('network')).toMatch(/Không kết nối được máy chủ/)
  })

  it('fills placeholders', () => {
    setLang('vi')
    expect(t('headline', { x: 9, total: 19 })).toBe('Đạt 9/19 tiêu chí')
    setLang('en')
    expect(t('headline', { x: 9, total: 19 })).toBe('9/19 criteria met')
    setLang('vi')
  })

  it('says "ô màu", not "ô tô" (a car), and promises nothing the pane does not do', () => {
    setLang('vi')
    expect(t('checkErrors', { e: 1, w: 2 })).toBe('Có 1 lỗi và 2 cảnh báo (ô màu đỏ, ô màu vàng). Bấm vào từng dòng để đến ô cần sửa.')
    expect(t('checkWarnings', { w: 2 })).toBe('Không có lỗi; có 2 cảnh báo (ô màu vàng).')
    expect(t('submitRefused', { e: 1 })).toBe('Chưa gửi: còn 1 lỗi. Sửa các ô màu đỏ rồi bấm lại "Gửi báo cáo".')
    // "Đồng bộ nhiệm vụ" only sends the sheet; it never fetches the server's other tasks.
    expect(t('flagsUnknown', { n: 1, ids: 'TB-9' })).not.toMatch(/Đồng bộ nhiệm vụ/)
    // A failed Excel batch keeps the commands before the failing one: no promise that nothing changed.
    expect(t('excelError', { message: 'x', code: 'y' })).not.toMatch(/không bị thay đổi/)
    setLang('en')
    expect(t('flagsUnknown', { n: 1, ids: 'TB-9' })).not.toMatch(/Sync tasks/)
    expect(t('excelError', { message: 'x', code: 'y' })).not.toMatch(/not changed/)
    setLang('vi')
  })

  it('words every task flag in Vietnamese', () => {
    const kinds: TaskFlagKind[] = ['overdue', 'due_soon', 'done_late', 'done', 'ok', 'cancelled']
    expect(kinds.map((flag) => flagTextVi({ flag, days: 3 }))).toEqual([
      'Quá hạn 3 ngày', 'Sắp đến hạn (còn 3 ngày)', 'Hoàn thành trễ 3 ngày', 'Đúng hạn', 'Trong hạn (còn 3 ngày)', 'Đã hủy',
    ])
  })
})
