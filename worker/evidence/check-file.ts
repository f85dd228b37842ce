// An uploaded file is accepted only when it is not empty, fits the limit and its bytes are one of the
// allowed types; each refusal says what to do about it.
import { type EvidenceFileType, MAX_EVIDENCE_FILE_BYTES } from '../../shared/evidence'
import { ApiError } from '../errors'
import { type UploadedFile, fileTooLarge } from './read-upload'
import { type SniffRefusal, sniffFileType } from './sniff'

const ALLOWED = 'PDF, ảnh JPEG hoặc PNG, Word (.docx) hoặc Excel (.xlsx)'
const ALLOWED_EN = 'PDF, JPEG or PNG photo, Word (.docx) or Excel (.xlsx)'

const REFUSALS: { [reason in SniffRefusal]: [vi: string, en: string] } = {
  unknown: [
    'không phải ' + ALLOWED + ' (xét theo nội dung tệp, không theo tên hay đuôi tệp).',
    'is not a ' + ALLOWED_EN + ' file (judged by its content, not its name or extension).',
  ],
  legacy_office: [
    'là định dạng Word/Excel cũ (.doc, .xls) hoặc có đặt mật khẩu. Hãy lưu lại dạng .docx/.xlsx không mật khẩu, hoặc PDF.',
    'is an old Word/Excel format (.doc, .xls) or password-protected. Save it as .docx/.xlsx without a password, or as PDF.',
  ],
  heic: [
    'là ảnh HEIC (iPhone), chưa được nhận. Hãy chụp từ trang web này, hoặc đặt máy ảnh ở định dạng "Tương thích nhất" (JPEG).',
    'is a HEIC photo (iPhone), which is not accepted. Take the photo from this web page, or set the camera to "Most Compatible" (JPEG).',
  ],
  bad_zip: ['là tệp nén bị hỏng, không đọc được.', 'is a damaged archive that cannot be read.'],
  other_zip: [
    'là tệp nén nhưng không phải tài liệu Word (.docx) hay Excel (.xlsx).',
    'is an archive but not a Word (.docx) or Excel (.xlsx) document.',
  ],
  macro_office: [
    'là tài liệu có macro hoặc tệp mẫu (.docm, .xlsm, .dotx, .xltx). Hãy lưu lại dạng .docx hoặc .xlsx.',
    'is a macro-enabled document or a template (.docm, .xlsm, .dotx, .xltx). Save it as .docx or .xlsx.',
  ],
}

const quoted = (name: string): string => '"' + name.replace(/[\u0000-\u001f"]/g, '').slice(0, 120) + '"'

export function checkUploadedFile(file: UploadedFile): EvidenceFileType {
  if (file.bytes.byteLength === 0) {
    throw new ApiError(400, 'bad_request', [
      'Tệp ' + quoted(file.name) + ' rỗng (0 byte). Hãy chọn lại tệp.',
      'File ' + quoted(file.name) + ' is empty (0 bytes). Choose the file again.',
    ])
  }
  if (file.bytes.byteLength > MAX_EVIDENCE_FILE_BYTES) throw fileTooLarge(file.bytes.byteLength)
  const sniffed = sniffFileType(file.bytes)
  if (!sniffed.ok) {
    const [vi, en] = REFUSALS[sniffed.reason]
    throw new ApiError(415, 'unsupported_file_type', ['Tệp ' + quoted(file.name) + ' ' + vi, 'File ' + quoted(file.name) + ' ' + en])
  }
  return sniffed.type
}
