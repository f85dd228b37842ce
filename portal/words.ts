// The portal's own words (Vietnamese first; the API's messages already come in Vietnamese and English).
import type { Role } from '../shared/api'

export const W = {
  signInTitle: 'Đăng nhập',
  signInLead: 'Nhập mã truy cập do văn phòng điều phối nông thôn mới cấp cho đơn vị của bạn.',
  tokenLabel: 'Mã truy cập',
  remember: 'Ghi nhớ trên thiết bị này (đến khi bấm "Đăng xuất")',
  rememberHint: 'Bỏ chọn nếu đây là máy dùng chung.',
  signIn: 'Đăng nhập',
  badToken: 'Mã truy cập không đúng hoặc đã bị thu hồi.',
  badTokenEn: 'The access code is wrong or was revoked.',
  expiredSession: 'Mã truy cập không còn hiệu lực. Hãy đăng nhập lại.',
  network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  networkEn: 'Could not reach the server. Check the connection and try again.',
  period: 'Kỳ báo cáo',
  downloadSummary: 'Tải bảng tổng hợp (.xlsx)',
  downloaded: 'Đã tải về: ',
  loading: 'Đang tải…',
} as const

export function roleName(role: Role): string {
  return role === 'commune' ? 'xã' : role === 'district' ? 'văn phòng điều phối' : role === 'leader' ? 'lãnh đạo' : 'quản trị'
}
