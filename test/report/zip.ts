/** Reads the entries of a ZIP (as .docx files are) with node:zlib, to check what Word will open. */
import {inflateRawSync} from 'node:zlib'

export interface ZipEntry {
  data: Buffer
  /** DOS date and time fields of the central directory entry. */
  dosDate: number
  dosTime: number
}

export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes)
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a zip: no end of central directory')
  const count = buf.readUInt16LE(end + 10)
  let o = buf.readUInt32LE(end + 16)
  const entries = new Map<string, ZipEntry>()
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(o) !== 0x02014b50) throw new Error(`bad central directory entry at ${o}`)
    const method = buf.readUInt16LE(o + 10)
    const compressed = buf.readUInt32LE(o + 20)
    const nameLength = buf.readUInt16LE(o + 28)
    const local = buf.readUInt32LE(o + 42)
    const name = buf.toString('utf8', o + 46, o + 46 + nameLength)
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const raw = buf.subarray(start, start + compressed)
    entries.set(name, {
      data: method === 8 ? inflateRawSync(raw) : raw,
      dosTime: buf.readUInt16LE(o + 12),
      dosDate: buf.readUInt16LE(o + 14),
    })
    o += 46 + nameLength + buf.readUInt16LE(o + 30) + buf.readUInt16LE(o + 32)
  }
  return entries
}
