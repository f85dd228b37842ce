#!/usr/bin/env node
// Generates the add-in icons (16, 32, 64, 80 px PNG) into addin/public/assets/: a green rounded square with a
// white tick. No dependencies: a 4×4 supersampled rasteriser and a minimal PNG encoder on node:zlib.
// Run: node addin/scripts/make-icons.mjs (the PNGs are committed; rerun only to change the design).
import { deflateSync } from 'node:zlib'
import { writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'assets')
const GREEN = [46, 125, 50]
const WHITE = [255, 255, 255]

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c
})
function crc32(buf) {
  let c = -1
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ -1) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

// Shapes in unit coordinates (0..1).
function inRoundedSquare(x, y) {
  const r = 0.2, m = 0.02
  const cx = Math.min(Math.max(x, m + r), 1 - m - r)
  const cy = Math.min(Math.max(y, m + r), 1 - m - r)
  return Math.hypot(x - cx, y - cy) <= r
}
function inTick(x, y) {
  const w = 0.075
  return distToSegment(x, y, 0.24, 0.52, 0.43, 0.71) <= w || distToSegment(x, y, 0.43, 0.71, 0.77, 0.31) <= w
}

function render(size) {
  const S = 4
  const out = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0, fg = 0
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size, v = (y + (sy + 0.5) / S) / size
          if (inRoundedSquare(u, v)) {
            if (inTick(u, v)) fg++
            else bg++
          }
        }
      }
      const cover = (bg + fg) / (S * S)
      const i = (y * size + x) * 4
      for (let c = 0; c < 3; c++) out[i + c] = cover === 0 ? 0 : Math.round((GREEN[c] * bg + WHITE[c] * fg) / (bg + fg))
      out[i + 3] = Math.round(cover * 255)
    }
  }
  return out
}

mkdirSync(OUT, { recursive: true })
for (const size of [16, 32, 64, 80]) {
  const file = join(OUT, 'icon-' + size + '.png')
  writeFileSync(file, png(size, render(size)))
  console.log('wrote ' + file)
}
