/**
 * Uploads of meeting documents (invitations, attendance sheet scans, materials, photos, evidence):
 * what is accepted is decided by the file's first bytes, not its name or the browser's type, and
 * the name's extension must agree with them. Office files (zip containers) are opened far enough to
 * refuse zip bombs. Pure, so it is unit-tested without a database.
 */
import { jakartaDate } from '@/lib/dates'
import { cleanParam } from '@/lib/parse'
import { MAX_DOCUMENT_BYTES } from '@/lib/upload-limits'

export { MAX_DOCUMENT_BYTES }

/** Accepted kinds: extension(s) and the MIME type served on download. */
const TYPES = {
  pdf: { ext: ['pdf'], mime: 'application/pdf' },
  png: { ext: ['png'], mime: 'image/png' },
  jpeg: { ext: ['jpg', 'jpeg'], mime: 'image/jpeg' },
  docx: { ext: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { ext: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { ext: ['pptx'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
} as const
export type DocumentType = keyof typeof TYPES

export const ACCEPT_ATTRIBUTE = Object.values(TYPES).flatMap((t) => t.ext.map((e) => `.${e}`)).join(',')

/** Limits for zip containers: the sum of uncompressed sizes, the compression ratio, the number of entries. */
const ZIP_MAX_UNCOMPRESSED = 100 * 1024 * 1024
const ZIP_MAX_RATIO = 100
const ZIP_MAX_ENTRIES = 5000

export type CheckedFile = { ok: true; type: DocumentType; mime: string; filename: string } | { ok: false; message: string }

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v)

/** Marks that only steer text direction; not overrides (lib/parse.ts BIDI_CONTROLS), but in a name they still reorder what is shown. */
const DIRECTION_MARKS = /[\u200E\u200F\u061C]/g

/**
 * An uploaded file's name as it may be listed: without the control and bidi characters every typed field
 * refuses (the same definition: lib/parse.ts cleanParam) and without direction marks, so `x\u202Excod.pdf`
 * is listed as what it is, never as "xfdp.docx". Used for meeting documents and imports alike.
 */
export function readableFilename(name: string): string {
  return cleanParam(name.replace(DIRECTION_MARKS, ''))
}

/** A filename safe to store and send back: no path, no control or bidi characters, at most 150 characters. */
export function safeFilename(name: string): string {
  const base = readableFilename(name.split(/[\\/]/).pop() ?? '')
  const cleaned = base.replace(/["<>|*?:]/g, '_').trim()
  if (cleaned.length <= 150) return cleaned || 'dokumen'
  const dot = cleaned.lastIndexOf('.')
  const ext = dot > 0 ? cleaned.slice(dot) : ''
  return cleaned.slice(0, 150 - ext.length) + ext
}

/** Entries of a zip's central directory, or a reason to refuse it. */
function zipEntries(b: Uint8Array): { names: string[]; compressed: number; uncompressed: number } | string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  // the end-of-central-directory record sits in the last 22 + 65,535 bytes
  let eocd = -1
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return 'Berkas Office rusak (arsip tidak lengkap).'
  const count = view.getUint16(eocd + 10, true)
  const cdOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || cdOffset === 0xffffffff) return 'Berkas Office berformat ZIP64 tidak diterima.'
  if (count > ZIP_MAX_ENTRIES) return 'Berkas Office berisi terlalu banyak bagian.'
  const names: string[] = []
  let compressed = 0
  let uncompressed = 0
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return 'Berkas Office rusak (daftar isi arsip).'
    const c = view.getUint32(p + 20, true)
    const u = view.getUint32(p + 24, true)
    if (c === 0xffffffff || u === 0xffffffff) return 'Berkas Office berformat ZIP64 tidak diterima.'
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    names.push(new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)))
    compressed += c
    uncompressed += u
    p += 46 + nameLen + extraLen + commentLen
  }
  return { names, compressed, uncompressed }
}

/**
 * Check an upload: not empty, not over the limit, a known type by its magic bytes, an extension that
 * agrees, and for Office files a sane zip (no bomb). Messages are for the user, in Indonesian.
 */
export function checkDocument(filename: string, bytes: Uint8Array): CheckedFile {
  const name = safeFilename(filename)
  if (bytes.length === 0) return { ok: false, message: 'Berkas kosong (0 byte).' }
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, message: `Berkas terlalu besar: maksimal ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.` }
  const ext = (name.includes('.') ? name.split('.').pop()! : '').toLowerCase()
  let type: DocumentType | null = null
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) type = 'pdf' // %PDF-
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) type = 'png'
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) type = 'jpeg'
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const zip = zipEntries(bytes)
    if (typeof zip === 'string') return { ok: false, message: zip }
    if (zip.uncompressed > ZIP_MAX_UNCOMPRESSED || zip.uncompressed > Math.max(1, zip.compressed) * ZIP_MAX_RATIO) {
      return { ok: false, message: 'Berkas Office ditolak: isinya mengembang terlalu besar saat dibuka (zip bomb).' }
    }
    if (!zip.names.includes('[Content_Types].xml')) return { ok: false, message: 'Berkas ZIP bukan dokumen Office (docx, xlsx, pptx).' }
    type = zip.names.some((n) => n.startsWith('word/')) ? 'docx' : zip.names.some((n) => n.startsWith('xl/')) ? 'xlsx' : zip.names.some((n) => n.startsWith('ppt/')) ? 'pptx' : null
    if (!type) return { ok: false, message: 'Berkas ZIP bukan dokumen Office (docx, xlsx, pptx).' }
  }
  if (!type) return { ok: false, message: 'Jenis berkas tidak diterima: unggah PDF, JPG, PNG, DOCX, XLSX, atau PPTX.' }
  if (!(TYPES[type].ext as readonly string[]).includes(ext)) {
    return { ok: false, message: `Isi berkas tidak sesuai namanya: isinya ${type.toUpperCase()}, tetapi berakhiran .${ext || '(tanpa ekstensi)'}.` }
  }
  if (type === 'pdf') {
    const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)))
    if (!tail.includes('%%EOF')) return { ok: false, message: 'Berkas PDF rusak atau tidak lengkap.' }
  }
  return { ok: true, type, mime: TYPES[type].mime, filename: name }
}

/**
 * A meeting document's file name, `Notulen <title> <YYYY-MM-DD>.docx` (the meeting's Jakarta day): the title's
 * letters, digits, spaces, brackets and hyphens, spaces collapsed, 80 characters at most counted by code
 * point, so a letter outside the basic plane is never cut in half (a lone surrogate made the download a 500),
 * and ending at a whole word.
 */
export function meetingFileName(prefix: string, meeting: { title: string; startsAt: Date }, ext: string): string {
  const letters = [...meeting.title.replace(/[^\p{L}\p{N} ()-]/gu, '').replace(/\s+/g, ' ').trim()]
  let title = letters.slice(0, 80).join('')
  // a longer title ends at its last whole word ("… bagi Kopera" had been cut mid-word); one long word is cut as it is
  if (letters.length > 80 && letters[80] !== ' ' && title.includes(' ')) title = title.slice(0, title.lastIndexOf(' '))
  return `${prefix} ${title.trim()} ${jakartaDate(meeting.startsAt)}.${ext}`
}
