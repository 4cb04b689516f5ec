import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { uploadImport } from '@/lib/actions/imports'
import { IMPORT_LIMITS } from '@/lib/imports/file'
import { MAX_BODY_BYTES } from '@/lib/security-headers'
import nextConfig from '@/next.config'
import { createUser } from '../support/factories'
import { signInAs } from '../support/session-mock'

/**
 * The upload limit of an import and the body limits in front of it agree: a file under IMPORT_MAX_FILE_MB
 * (default 25 MB) reaches the import (a real 12 MB upload, above the 11 MB the server actions used to take),
 * and one over it is refused by the import with its own sentence in the file field, never the framework's 413.
 */
const MB = 1024 * 1024

/** An MSME CSV of at least `bytes`: real rows whose address column is long. */
function bigCsv(bytes: number): File {
  const head = 'NIB;Nama Usaha;Nama Pemilik;NIK Pemilik;Jenis Kelamin Pemilik;KBLI;Kabupaten/Kota;Alamat\n'
  const lines = [head]
  let size = head.length
  for (let i = 0; size < bytes; i++) {
    const line = `9${String(i).padStart(12, '0')};Usaha ${i};Siti Aminah;3517014101850001;P;10792;35.17;Jl. Raya Diwek ${'Dusun Sumberrejo RT 01 RW 02 '.repeat(8)}${i}\n`
    lines.push(line)
    size += line.length
  }
  return new File([lines.join('')], 'umkm-besar.csv', { type: 'text/csv' })
}

async function upload(file: File) {
  const fd = new FormData()
  fd.set('kind', 'umkm')
  fd.set('file', file)
  try {
    return { state: await uploadImport(undefined, fd) }
  } catch (e) {
    const digest = (e as { digest?: unknown })?.digest
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2] }
    throw e
  }
}

describe('import upload limit', () => {
  it('the server actions and the proxy take a body as large as the import limit plus the form', () => {
    const limit = String(nextConfig.experimental?.serverActions?.bodySizeLimit)
    const m = /^(\d+)mb$/i.exec(limit)
    expect(m, `bodySizeLimit ${limit}`).not.toBeNull()
    expect(Number(m![1]) * MB).toBeGreaterThan(IMPORT_LIMITS.maxFileBytes)
    expect(String(nextConfig.experimental?.proxyClientMaxBodySize)).toBe(limit)
    expect(MAX_BODY_BYTES).toBe(Number(m![1]) * MB)
  })

  it('an empty file is told it is empty, in the file field', async () => {
    signInAs(await createUser('ADMIN'))
    const r = await upload(new File([], 'umkm.xlsx'))
    expect(r.state).toMatchObject({ ok: false, errors: { file: ['Berkas ini kosong (0 byte); pilih berkas yang berisi data.'] } })
  })

  it('a sheet wider than the mapping screen shows is refused before mapping, in the file field, and nothing is stored', async () => {
    const user = await createUser('ADMIN')
    signInAs(user)
    const sheet = async (columns: number) => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('Data')
      const head = ['NIB', 'Nama Usaha', ...Array.from({ length: columns - 2 }, (_, i) => `Kolom Tambahan ${i + 1}`)]
      ws.addRow(head)
      ws.addRow(['9120001234567', 'Usaha Lebar', ...head.slice(2).map(() => 'x')])
      return new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'lebar.xlsx')
    }
    const before = await db.dataImport.count({ where: { createdById: user.id } })
    // a sheet of 3.000 columns made a mapping page of 3.000 drop-downs
    const wide = await upload(await sheet(3000))
    expect(wide.redirect).toBeUndefined()
    expect(wide.state?.errors?.file).toEqual(['Lembar "Data" memuat 3.000 kolom; batasnya 200 kolom per impor. Hapus kolom yang tidak diimpor, lalu unggah lagi.'])
    expect(await db.dataImport.count({ where: { createdById: user.id } })).toBe(before)
    // up to the limit, the mapping step
    expect((await upload(await sheet(IMPORT_LIMITS.maxColumns))).redirect).toMatch(/^\/impor\/\w+$/)
  })

  it('a real 12 MB file goes through the upload action to the mapping step', async () => {
    const user = await createUser('ADMIN')
    signInAs(user)
    const file = bigCsv(12 * MB)
    expect(file.size).toBeGreaterThanOrEqual(12 * MB)
    expect(file.size).toBeLessThan(IMPORT_LIMITS.maxFileBytes)
    const r = await upload(file)
    expect(r.state, JSON.stringify(r.state)).toBeUndefined()
    expect(r.redirect).toMatch(/^\/impor\/\w+$/)
    const imp = await db.dataImport.findUniqueOrThrow({ where: { id: r.redirect!.split('/').pop() }, select: { fileSize: true, status: true, sheets: true } })
    expect(imp.fileSize).toBe(file.size)
    expect((imp.sheets as { dataRows: number }[])[0].dataRows).toBeGreaterThan(30_000)
    // reading 12 MB of rows (about 33,000) takes tens of seconds on a shared machine: a budget, not a measurement
  }, 180_000)

  it('a file over the import limit is refused by the import, in the file field, and nothing is stored', async () => {
    const user = await createUser('ADMIN')
    signInAs(user)
    const before = await db.dataImport.count({ where: { createdById: user.id } })
    const file = new File([new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1)], 'terlalu-besar.xlsx')
    const r = await upload(file)
    expect(r.redirect).toBeUndefined()
    expect(r.state?.ok).toBe(false)
    const limitMb = Math.round(IMPORT_LIMITS.maxFileBytes / MB)
    // the size written the Indonesian way, as the upload form writes the same sentence before sending (it had said `25.0`)
    expect(r.state?.errors?.file?.[0]).toBe(`Berkas terlalu besar (${(file.size / MB).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB); batasnya ${limitMb} MB.`)
    expect(await db.dataImport.count({ where: { createdById: user.id } })).toBe(before)
  })
})
