// A small, valid one-page PDF of a few lines, for the demo's evidence files: the same bytes on every run.
// The standard PDF fonts have no Vietnamese letters, so the text is written without its diacritics.

const plain = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '?')

const pdfString = (text: string): string => '(' + plain(text).replace(/[\\()]/g, (c) => '\\' + c) + ')'

export function demoPdf(lines: readonly string[]): Uint8Array {
  const content = 'BT /F1 13 Tf 60 780 Td ' + lines.map((l, i) => (i === 0 ? '' : '0 -22 Td ') + pdfString(l) + ' Tj').join(' ') + ' ET'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Length ' + content.length + ' >>\nstream\n' + content + '\nendstream',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += (i + 1) + ' 0 obj\n' + body + '\nendobj\n'
  })
  const xref = out.length
  out += 'xref\n0 ' + (objects.length + 1) + '\n0000000000 65535 f \n'
  for (const o of offsets) out += String(o).padStart(10, '0') + ' 00000 n \n'
  out += 'trailer\n<< /Size ' + (objects.length + 1) + ' /Root 1 0 R >>\nstartxref\n' + xref + '\n%%EOF\n'
  return new TextEncoder().encode(out)
}
