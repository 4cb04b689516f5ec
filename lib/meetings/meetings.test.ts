import { describe, expect, it } from 'vitest'
import { checkDocument, meetingFileName, readableFilename, safeFilename } from './files'
import { canUpdateProgress, closeGaps, endOfJakartaDay, hasStarted, isOverdue, mayChangeStatus, needsStart, statusChoices } from './rules'
import { markdownToPlainLines } from '@/components/meetings/markdown'
import { jakartaLocalToDate, toJakartaLocal } from '@/lib/dates'
import { meetingPlace } from './when'

/** A minimal zip: one stored entry per name with the given sizes in its central directory. */
function zip(entries: { name: string; compressed: number; uncompressed: number }[]): Uint8Array {
  const enc = new TextEncoder()
  const local = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0)])
  const cds: number[] = []
  for (const e of entries) {
    const name = enc.encode(e.name)
    const h = new DataView(new ArrayBuffer(46))
    h.setUint32(0, 0x02014b50, true)
    h.setUint32(20, e.compressed, true)
    h.setUint32(24, e.uncompressed, true)
    h.setUint16(28, name.length, true)
    cds.push(...new Uint8Array(h.buffer), ...name)
  }
  const eocd = new DataView(new ArrayBuffer(22))
  eocd.setUint32(0, 0x06054b50, true)
  eocd.setUint16(10, entries.length, true)
  eocd.setUint32(12, cds.length, true)
  eocd.setUint32(16, local.length, true)
  return new Uint8Array([...local, ...cds, ...new Uint8Array(eocd.buffer)])
}

describe('document uploads are judged by their bytes', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n...\n%%EOF\n')
  it('accepts a real PDF, PNG, JPEG and docx with a matching name', () => {
    expect(checkDocument('notulen.pdf', pdf)).toMatchObject({ ok: true, type: 'pdf', mime: 'application/pdf' })
    expect(checkDocument('foto.PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).toMatchObject({ ok: true, type: 'png' })
    expect(checkDocument('foto.jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ ok: true, type: 'jpeg' })
    expect(checkDocument('bahan.docx', zip([{ name: '[Content_Types].xml', compressed: 100, uncompressed: 300 }, { name: 'word/document.xml', compressed: 1000, uncompressed: 5000 }]))).toMatchObject({ ok: true, type: 'docx' })
  })
  it('refuses empty, oversized, disguised and unknown files', () => {
    expect(checkDocument('a.pdf', new Uint8Array())).toMatchObject({ ok: false, message: expect.stringMatching(/kosong/) })
    expect(checkDocument('a.pdf', new Uint8Array(10 * 1024 * 1024 + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/terlalu besar/) })
    expect(checkDocument('a.pdf', new TextEncoder().encode('MZ\x90\x00 this is an exe'))).toMatchObject({ ok: false, message: expect.stringMatching(/tidak diterima/) })
    expect(checkDocument('a.pdf', new Uint8Array([0xff, 0xd8, 0xff]))).toMatchObject({ ok: false, message: expect.stringMatching(/tidak sesuai namanya/) })
    expect(checkDocument('a.pdf', new TextEncoder().encode('%PDF-1.4 truncated'))).toMatchObject({ ok: false, message: expect.stringMatching(/rusak/) })
  })
  it('refuses a zip bomb and a zip that is not an Office file', () => {
    const bomb = zip([{ name: '[Content_Types].xml', compressed: 100, uncompressed: 100 }, { name: 'word/document.xml', compressed: 1000, uncompressed: 500 * 1024 * 1024 }])
    expect(checkDocument('bom.docx', bomb)).toMatchObject({ ok: false, message: expect.stringMatching(/zip bomb/) })
    expect(checkDocument('arsip.docx', zip([{ name: 'a.txt', compressed: 10, uncompressed: 10 }]))).toMatchObject({ ok: false, message: expect.stringMatching(/bukan dokumen Office/) })
  })
  it('keeps names without paths or control characters', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd')
    expect(safeFilename('C:\\berkas\\undangan "rakor".pdf')).toBe('undangan _rakor_.pdf')
    expect(safeFilename(`${'a'.repeat(300)}.pdf`)).toHaveLength(150)
  })
  it('drops the text-direction characters every typed field refuses, so a name is listed as what it is', () => {
    expect(safeFilename('UJI-SEC \u202Excod.pdf')).toBe('UJI-SEC xcod.pdf')
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(safeFilename(`rapat${c}.pdf`)).toBe('rapat.pdf')
      expect(readableFilename(`impor${c}.xlsx`)).toBe('impor.xlsx')
    }
    expect(readableFilename('data\u0000\u0085 umkm.csv')).toBe('data umkm.csv')
    expect(readableFilename('Rekap: UMKM "Jombang".xlsx')).toBe('Rekap: UMKM "Jombang".xlsx')
    expect(safeFilename('\u202E')).toBe('dokumen')
  })
})

describe('follow-up rules', () => {
  const jombangAction = { ownerKind: 'REGENCY' as const, ownerRegencyCode: '35.17', ownerBankId: null, ownerUserId: null }
  it('lets the owner regency, the owner bank and admins update progress; nobody else', () => {
    expect(canUpdateProgress({ id: 'u', role: 'DISTRICT_OFFICER', regencyCode: '35.17', bankId: null }, jombangAction)).toBe(true)
    expect(canUpdateProgress({ id: 'u', role: 'DISTRICT_OFFICER', regencyCode: '35.07', bankId: null }, jombangAction)).toBe(false)
    expect(canUpdateProgress({ id: 'u', role: 'BANK_OFFICER', regencyCode: null, bankId: 'b' }, jombangAction)).toBe(false)
    expect(canUpdateProgress({ id: 'u', role: 'BANK_OFFICER', regencyCode: null, bankId: 'b' }, { ...jombangAction, ownerKind: 'BANK', ownerBankId: 'b' })).toBe(true)
    expect(canUpdateProgress({ id: 'u', role: 'LEADERSHIP', regencyCode: null, bankId: null }, jombangAction)).toBe(false)
    expect(canUpdateProgress({ id: 'u', role: 'ADMIN', regencyCode: null, bankId: null }, jombangAction)).toBe(true)
  })
  it('is overdue from the day after the due date, until done or dropped', () => {
    expect(isOverdue({ dueDate: '2024-10-31', status: 'OPEN' }, '2024-10-31')).toBe(false)
    expect(isOverdue({ dueDate: '2024-10-31', status: 'IN_PROGRESS' }, '2024-11-01')).toBe(true)
    expect(isOverdue({ dueDate: '2024-10-31', status: 'DONE' }, '2024-11-01')).toBe(false)
    // closed later than the as-of day: it was overdue on that day (as the as-of list counts it in SQL)
    expect(isOverdue({ dueDate: '2024-10-31', status: 'DONE', closedAt: new Date('2024-11-05T03:00:00Z') }, '2024-11-01')).toBe(true)
    // closed at 23:30 WIB on the as-of day itself: no longer overdue at that day's end
    expect(isOverdue({ dueDate: '2024-10-31', status: 'DONE', closedAt: new Date('2024-11-01T16:30:00Z') }, '2024-11-01')).toBe(false)
    expect(isOverdue({ dueDate: '2024-10-31', status: 'OPEN', closedAt: null }, '2024-11-01')).toBe(true)
    expect(endOfJakartaDay('2024-10-31').toISOString()).toBe('2024-10-31T17:00:00.000Z')
  })
  it('is not overdue while its meeting had not yet started (a meeting moved later), as the as-of SQL says', () => {
    const moved = { startsAt: new Date('2024-11-10T02:00:00Z') }
    expect(isOverdue({ dueDate: '2024-10-31', status: 'OPEN', closedAt: null, meeting: moved }, '2024-11-04')).toBe(false)
    expect(isOverdue({ dueDate: '2024-10-31', status: 'OPEN', closedAt: null, meeting: moved }, '2024-11-10')).toBe(true)
    expect(isOverdue({ dueDate: '2024-10-31', status: 'OPEN', meeting: { startsAt: new Date('2024-10-01T02:00:00Z') } }, '2024-11-04')).toBe(true)
  })
  it('reads and writes meeting times in Jakarta', () => {
    expect(jakartaLocalToDate('2025-02-10T08:00')?.toISOString()).toBe('2025-02-10T01:00:00.000Z')
    expect(jakartaLocalToDate('2025-02-30T08:00')).toBeNull()
    expect(toJakartaLocal(new Date('2025-02-10T01:00:00Z'))).toBe('2025-02-10T08:00')
  })
})

describe('follow-up status: dropping is the agency’s', () => {
  it('lets the owner report progress and completion, but only an admin drop a follow-up or revive a dropped one', () => {
    const owner = { role: 'DISTRICT_OFFICER' as const }
    const bank = { role: 'BANK_OFFICER' as const }
    const admin = { role: 'ADMIN' as const }
    expect(statusChoices(owner, 'OPEN')).toEqual(['IN_PROGRESS', 'DONE'])
    expect(statusChoices(bank, 'IN_PROGRESS')).toEqual(['OPEN', 'DONE'])
    expect(statusChoices(owner, 'DONE')).toEqual(['OPEN', 'IN_PROGRESS'])
    expect(statusChoices(owner, 'DROPPED')).toEqual([])
    expect(statusChoices(admin, 'OPEN')).toEqual(['IN_PROGRESS', 'DONE', 'DROPPED'])
    expect(statusChoices(admin, 'DROPPED')).toEqual(['OPEN', 'IN_PROGRESS', 'DONE'])
    expect(mayChangeStatus(owner, 'OPEN', 'DROPPED')).toBe(false)
    expect(mayChangeStatus(owner, 'DROPPED', 'OPEN')).toBe(false)
    expect(mayChangeStatus(owner, 'DROPPED', 'DROPPED')).toBe(true)
    expect(mayChangeStatus(owner, 'IN_PROGRESS', 'DONE')).toBe(true)
    expect(mayChangeStatus(admin, 'DONE', 'DROPPED')).toBe(true)
  })
})

describe('meetingFileName: a meeting document named after its title and Jakarta day', () => {
  it('keeps letters and digits, collapses spaces, and never cuts a letter in half', () => {
    const startsAt = new Date('2024-09-17T17:30:00Z') // 18 September, 00.30 WIB
    expect(meetingFileName('Notulen', { title: 'Rakor  Prokesra: "2024" / Jatim', startsAt }, 'docx')).toBe('Notulen Rakor Prokesra 2024 Jatim 2024-09-18.docx')
    const astral = `${'a'.repeat(79)}𝐀𝐁`
    const name = meetingFileName('Undangan', { title: astral, startsAt }, 'ics')
    expect(name).toBe(`Undangan ${'a'.repeat(79)}𝐀 2024-09-18.ics`)
    expect(() => encodeURIComponent(name)).not.toThrow()
  })
  it('ends a long title at its last whole word', () => {
    const startsAt = new Date('2024-09-17T17:30:00Z')
    const title = 'Rakor Evaluasi Penyaluran Kredit dan Subsidi Bunga bagi Koperasi dan UMKM Jawa Timur 2026'
    expect(meetingFileName('Notulen', { title, startsAt }, 'docx')).toBe('Notulen Rakor Evaluasi Penyaluran Kredit dan Subsidi Bunga bagi Koperasi dan UMKM Jawa 2024-09-18.docx')
    // exactly 80 before a space: nothing is dropped
    expect(meetingFileName('Notulen', { title: `${'a'.repeat(80)} b`, startsAt }, 'docx')).toBe(`Notulen ${'a'.repeat(80)} 2024-09-18.docx`)
  })
})

describe('minutes as printed lines (the .docx and PDF notulen)', () => {
  it('prints a link inside the app as its text only, an outside link with its address', () => {
    const lines = markdownToPlainLines('- [Percepat akad kredit](/tindak-lanjut/cmx9lp1oo0008) — PT BPR Jatim\n\nLihat [laman OJK](https://ojk.go.id/kredit) dan [surat](mailto:dinkop@jatimprov.go.id).')
    expect(lines).toEqual(['• Percepat akad kredit — PT BPR Jatim', 'Lihat laman OJK (https://ojk.go.id/kredit) dan surat (mailto:dinkop@jatimprov.go.id).'])
    expect(lines.join('\n')).not.toContain('/tindak-lanjut/')
  })
})

describe('held and closed only once a meeting has started', () => {
  it('needs the start for held and closed, not for cancelling', () => {
    expect(['PLANNED', 'HELD', 'CLOSED', 'CANCELLED'].filter(needsStart)).toEqual(['HELD', 'CLOSED'])
  })
  it('a meeting has started from its first instant (WIB typed, compared as instants)', () => {
    const m = { startsAt: jakartaLocalToDate('2026-12-10T09:00')! }
    expect(hasStarted(m, new Date('2026-12-10T01:59:59Z'))).toBe(false) // 08.59.59 WIB
    expect(hasStarted(m, new Date('2026-12-10T02:00:00Z'))).toBe(true)
  })
})

describe('meetingPlace', () => {
  it('names venue and city once each, and nothing when neither is recorded', () => {
    expect(meetingPlace({ venue: 'Hotel Santika', city: 'Kota Malang' })).toBe('Hotel Santika, Kota Malang')
    // the city as the venue: said once (the invitation had read "Kota Malang, Kota Malang")
    expect(meetingPlace({ venue: 'Kota Malang', city: 'Kota Malang ' })).toBe('Kota Malang')
    expect(meetingPlace({ venue: null, city: 'Surabaya' })).toBe('Surabaya')
    expect(meetingPlace({ venue: ' ', city: null })).toBeNull()
  })
})

describe('closing a meeting names what it still lacks', () => {
  it('lists only the missing agenda, attendance and minutes', () => {
    expect(closeGaps({ agendaItems: [], participants: [] })).toEqual(['agenda', 'attendance', 'minutes'])
    // invited but not recorded is no attendance; an agenda item with empty minutes is no minutes
    expect(closeGaps({ agendaItems: [{ minutes: '  ' }], participants: [{ attendance: 'PLANNED' }] })).toEqual(['attendance', 'minutes'])
    expect(closeGaps({ agendaItems: [{ minutes: null }, { minutes: 'Dibahas.' }], participants: [{ attendance: 'ABSENT' }] })).toEqual([])
  })
})
