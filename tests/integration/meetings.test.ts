/**
 * Coordination meetings on the real database: who reads which meeting, who may write what, overdue
 * follow-ups around the as-of day in Jakarta, progress by the right owner only, stale edits and a
 * race of two status changes, audit rows, documents checked by their bytes and downloaded only
 * through the scope.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { signInAs } from '../support/session-mock'
import { createUser, form } from '../support/factories'
import { getCurrentUser } from '@/lib/session'
import type { SessionUser } from '@/lib/session-user'
import { MESSAGES, type ActionState } from '@/lib/safe-action'
import {
  addAgendaItem, addOutcome, addParticipant, addProgress, createAction, createMeeting, deleteDocument, removeAgendaItem, removeOutcome, removeParticipant, setMeetingStatus, updateAgendaItem,
  markInvitedPresent, updateAction, updateAttendance, updateMeeting, updateOutcome, uploadDocument, uploadEvidence,
} from '@/lib/actions/meetings'
import { actionOwnerChoices, meetingFormChoices, findActions, findMeetings, getAction, getBriefing, getDocumentFile, getMeeting, getOverdueSummary, getRegencyActions } from '@/lib/data/meetings'
import { getCreditSummary } from '@/lib/data/credit'
import { actionFilterSchema } from '@/lib/validations/meetings'
import { GET as downloadDocument } from '@/app/api/rapat/dokumen/[id]/route'
import { jakartaToday } from '@/lib/dates'
import { isOverdue } from '@/lib/meetings/rules'
import { notificationText } from '@/lib/reminders/texts'
import { scanReminders } from '@/lib/reminders/scan'
import { formatDate, formatPercent, formatRupiah } from '@/lib/format'
import { GET as notulenRoute } from '@/app/api/rapat/[id]/notulen/route'
import { GET as attendanceSheetRoute } from '@/app/api/rapat/[id]/daftar-hadir/route'
import { GET as invitationRoute } from '@/app/api/rapat/[id]/undangan/route'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { GET as meetingsExport } from '@/app/api/rapat/ekspor/route'
import { GET as actionsExport } from '@/app/api/tindak-lanjut/ekspor/route'
import { PDFParse } from 'pdf-parse'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { minutesPdf } from '@/lib/meetings/exports'
import { serverText } from '@/lib/i18n/server-text'

type U = Awaited<ReturnType<typeof createUser>>
let admin: U, jombang: U, malang: U, leader: U, bpr: U, dki: U
const ids = { bpr: '', dki: '', program: '' }

async function asUser(u: U): Promise<SessionUser> {
  signInAs(u)
  return (await getCurrentUser())!
}

/** A server action that redirects on success: the URL it redirects to. */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  try {
    const r = (await run()) as ActionState
    throw new Error(`no redirect: ${JSON.stringify(r)}`)
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? '')
    if (!digest.startsWith('NEXT_REDIRECT')) throw e
    return digest.split(';')[2]
  }
}

/** A server action that redirects on success: the id in the redirect URL (without its query, e.g. ?disimpan=1). */
async function redirected(run: () => Promise<unknown>): Promise<string> {
  return (await redirectTarget(run)).split('?')[0].split('/').pop()!
}

const MEETING = { title: 'Rakor Pelaksanaan Program Kredit Perbankan', type: 'RAKOR', startsAt: '2024-09-18T09:00', endsAt: '2024-09-18T15:00', venue: 'Aula Dinkop', city: 'Kota Malang', organiser: 'Dinkop UMKM Provinsi Jawa Timur', hostRegencyCode: '35.73' }

async function newMeeting(fields: Record<string, string> = {}) {
  signInAs(admin)
  return redirected(() => createMeeting(undefined, form({ ...MEETING, ...fields })))
}

/** The meeting took place: marked held as the admin does, from the version it has now. */
async function markHeld(id: string) {
  signInAs(admin)
  const { version } = await db.meeting.findUniqueOrThrow({ where: { id }, select: { version: true } })
  expect(await setMeetingStatus(undefined, form({ id, version, status: 'HELD' }))).toMatchObject({ ok: true })
}

async function newAction(meetingId: string, fields: Record<string, string>) {
  signInAs(admin)
  // the meetings here are of 2024: a due date already past, confirmed as the form asks (pastDueConfirmed)
  const r = await createAction(undefined, form({ meetingId, title: 'Percepat penyaluran Prokesra', dueDate: '2024-10-31', pastDueConfirmed: 'on', ...fields }))
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
  return db.actionItem.findFirstOrThrow({ where: { meetingId }, orderBy: { createdAt: 'desc' }, select: { id: true, version: true, status: true } })
}

let meetingA = '' // Jombang took part, Jombang and BPR Jatim own actions
let meetingB = '' // Surabaya only
let actionJombang = { id: '', version: 1 }
let actionBpr = { id: '', version: 1 }
let actionSurabaya = { id: '', version: 1 }

beforeAll(async () => {
  admin = await createUser('ADMIN')
  jombang = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' })
  malang = await createUser('DISTRICT_OFFICER', { regencyCode: '35.07' })
  leader = await createUser('LEADERSHIP')
  bpr = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  dki = await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' })
  ids.bpr = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  ids.dki = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
  ids.program = (
    await db.creditProgram.create({
      data: { code: 'RAPAT-2024', scheme: 'RAPAT', name: 'Program Rapat 2024', year: 2024, creditTarget: 200_000_000_000, beneficiaryTarget: 100, subsidyCeiling: 31_040_000_000, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO'] },
    })
  ).id

  meetingA = await newMeeting()
  signInAs(admin)
  expect(await addParticipant(undefined, form({ meetingId: meetingA, name: 'Kadinkopum Jombang', agency: 'Dinas Koperasi dan Usaha Mikro Kabupaten Jombang', regencyCode: '35.17', attendance: 'PRESENT' }))).toMatchObject({ ok: true })
  expect(await addParticipant(undefined, form({ meetingId: meetingA, name: 'Perwakilan PT BPR Jatim', agency: 'PT BPR Jatim', bankId: ids.bpr }))).toMatchObject({ ok: true })
  expect(await addAgendaItem(undefined, form({ meetingId: meetingA, title: 'Evaluasi Prokesra 2024', presenter: 'Kabid Pembiayaan', durationMinutes: '60', minutes: 'Realisasi **Rp53 miliar** dari Rp200 miliar.' }))).toMatchObject({ ok: true })
  const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: meetingA }, select: { id: true } })
  expect(await addOutcome(undefined, form({ agendaItemId: item.id, kind: 'DECISION', text: 'Percepat penyaluran di kabupaten/kota', programId: ids.program }))).toMatchObject({ ok: true })
  actionJombang = await newAction(meetingA, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Sosialisasi Prokesra di Jombang' })
  actionBpr = await newAction(meetingA, { ownerKind: 'BANK', ownerBankId: ids.bpr, title: 'Percepat akad kredit' })

  meetingB = await newMeeting({ title: 'Rakor Kota Surabaya', hostRegencyCode: '35.78' })
  actionSurabaya = await newAction(meetingB, { ownerKind: 'REGENCY', ownerRegencyCode: '35.78', title: 'Pendataan koperasi Surabaya' })
  // both took place (in 2024): their follow-ups are decided and worked on (a planned meeting's are not yet: heldMeeting)
  await markHeld(meetingA)
  await markHeld(meetingB)
})

describe('reading meetings: scope in the WHERE clause', () => {
  it('admin and leadership read every meeting', async () => {
    for (const u of [admin, leader]) {
      const user = await asUser(u)
      const { rows } = await findMeetings({ user, filter: {} })
      expect(rows.map((r) => r.id).sort()).toEqual([meetingA, meetingB].sort())
    }
  })

  it('a district officer reads the meetings its regency took part in or owns actions from, never another', async () => {
    const user = await asUser(jombang)
    expect((await findMeetings({ user, filter: {} })).rows.map((r) => r.id)).toEqual([meetingA])
    expect(await getMeeting({ user, id: meetingB })).toBeNull()
    expect(await getAction({ user, id: actionSurabaya.id })).toBeNull()
    const other = await asUser(malang)
    expect((await findMeetings({ user: other, filter: {} })).rows).toEqual([])
    expect(await getMeeting({ user: other, id: meetingA })).toBeNull()
  })

  it('the follow-up list offers an officer the owners it can read; admin and leadership every one', async () => {
    const choices = await actionOwnerChoices(await asUser(jombang))
    expect([...choices!.regencies]).toEqual(['35.17'])
    expect([...choices!.banks]).toEqual([ids.bpr])
    expect(await actionOwnerChoices(await asUser(malang))).toEqual({ regencies: new Set(), banks: new Set() })
    expect(await actionOwnerChoices(await asUser(admin))).toBeNull()
    expect(await actionOwnerChoices(await asUser(leader))).toBeNull()
  })

  it('a bank officer reads its bank’s meetings only', async () => {
    expect((await findMeetings({ user: await asUser(bpr), filter: {} })).rows.map((r) => r.id)).toEqual([meetingA])
    expect((await findMeetings({ user: await asUser(dki), filter: {} })).rows).toEqual([])
  })

  it('filters by type, year, status and regency in SQL', async () => {
    const user = await asUser(admin)
    expect((await findMeetings({ user, filter: { year: 2024, regency: '35.17' } })).rows.map((r) => r.id)).toEqual([meetingA])
    expect((await findMeetings({ user, filter: { year: 2025 } })).total).toBe(0)
    expect((await findMeetings({ user, filter: { type: 'RAKORNIS' } })).total).toBe(0)
    expect((await findMeetings({ user, filter: { status: 'HELD' } })).total).toBe(2)
  })
})

describe('writing meetings: admin only, validated, audited', () => {
  it('leadership, district and bank officers cannot create or edit a meeting', async () => {
    for (const u of [leader, jombang, bpr]) {
      signInAs(u)
      const before = await db.meeting.count()
      expect(await createMeeting(undefined, form(MEETING))).toMatchObject({ ok: false, message: MESSAGES.forbidden })
      expect(await addAgendaItem(undefined, form({ meetingId: meetingA, title: 'Agenda tanpa wewenang' }))).toMatchObject({ ok: false, message: MESSAGES.forbidden })
      expect(await db.meeting.count()).toBe(before)
    }
  })

  it('refuses an end before the start, an empty title and a due date before the meeting, with field messages and nothing written', async () => {
    signInAs(admin)
    const before = await db.meeting.count()
    const bad = await createMeeting(undefined, form({ ...MEETING, title: '  ', endsAt: '2024-09-18T08:00' }))
    expect(bad.ok).toBe(false)
    expect(bad.errors?.title?.[0]).toMatch(/judul/i)
    expect(bad.errors?.endsAt).toEqual(['Waktu selesai harus sesudah waktu mulai.'])
    expect(bad.values?.venue).toBe('Aula Dinkop') // the form is refilled
    expect(await db.meeting.count()).toBe(before)
    const early = await createAction(undefined, form({ meetingId: meetingA, title: 'Terlalu awal', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '2024-09-17' }))
    expect(early.ok).toBe(false)
    expect(early.errors?.dueDate?.[0]).toMatch(/sebelum tanggal rapat/)
    const noOwner = await createAction(undefined, form({ meetingId: meetingA, title: 'Tanpa pemilik', ownerKind: 'BANK', dueDate: '2024-10-01' }))
    expect(noOwner.errors?.ownerBankId).toEqual(['Pilih bank penanggung jawab.'])
  })

  it('says when a follow-up counts as late the moment it is recorded, and only then', async () => {
    signInAs(admin)
    // the 2024 meeting, recorded now: a due date already past is late at once. Saved unconfirmed, it is asked at the
    // field (and the confirmation's box), and nothing is written
    const fields = { meetingId: meetingA, title: 'Rekap realisasi 2024', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '2024-10-15' }
    const count = () => db.actionItem.count({ where: { meetingId: meetingA } })
    const before = await count()
    expect(await createAction(undefined, form(fields))).toMatchObject({ ok: false, message: MESSAGES.invalid, errors: {
      dueDate: ['Tenggat sudah lewat (15 Oktober 2024); tindak lanjut akan langsung tercatat terlambat.'],
      pastDueConfirmed: ['Centang bila tenggatnya memang sudah lewat, lalu simpan lagi.'],
    } })
    expect(await count()).toBe(before)
    const late = await createAction(undefined, form({ ...fields, pastDueConfirmed: 'on' }))
    expect(late).toMatchObject({ ok: true, message: 'Tindak lanjut dicatat; tenggatnya sudah lewat, jadi langsung terhitung terlambat.' })
    // an edit keeping the date it had is not asked again; another past date is, until confirmed
    const saved = await db.actionItem.findFirstOrThrow({ where: { meetingId: meetingA, title: 'Rekap realisasi 2024' }, select: { id: true, version: true } })
    const edit = (extra: Record<string, string>) => updateAction(undefined, form({ ...fields, id: saved.id, version: saved.version, title: 'Rekap realisasi 2024 (rev)', ...extra }))
    expect(await edit({ dueDate: '2024-10-20' })).toMatchObject({ ok: false, errors: { pastDueConfirmed: ['Centang bila tenggatnya memang sudah lewat, lalu simpan lagi.'] } })
    await redirected(() => edit({}))
    await redirected(() => edit({ dueDate: '2024-10-20', pastDueConfirmed: 'on', version: String(saved.version + 1) }))
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: saved.id }, select: { dueDate: true, version: true } })).toEqual({ dueDate: new Date('2024-10-20'), version: saved.version + 2 })
    await db.actionItem.deleteMany({ where: { meetingId: meetingA, title: 'Rekap realisasi 2024 (rev)' } })
    // a due date ahead is not asked
    expect(await createAction(undefined, form({ ...fields, title: 'Rekap realisasi 2030', dueDate: '2030-01-31' }))).toMatchObject({ ok: true, message: 'Tindak lanjut dicatat.' })
    await db.actionItem.deleteMany({ where: { meetingId: meetingA, title: { in: ['Rekap realisasi 2024', 'Rekap realisasi 2030'] } } })
  })

  it('stores times typed in Jakarta as the instants they name', async () => {
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingA }, select: { startsAt: true, endsAt: true } })
    expect(m.startsAt.toISOString()).toBe('2024-09-18T02:00:00.000Z')
    expect(m.endsAt.toISOString()).toBe('2024-09-18T08:00:00.000Z')
  })

  it('audits the creation of the meeting, its participants, agenda, outcome and actions', async () => {
    const rows = await db.auditLog.findMany({ where: { entity: { in: ['Meeting', 'MeetingParticipant', 'AgendaItem', 'MeetingOutcome', 'ActionItem'] }, userId: admin.id }, select: { entity: true, action: true } })
    const entities = rows.filter((r) => r.action === 'CREATE').map((r) => r.entity)
    for (const e of ['Meeting', 'MeetingParticipant', 'AgendaItem', 'MeetingOutcome', 'ActionItem']) expect(entities).toContain(e)
  })

  it('refuses a stale edit of the meeting and of the minutes', async () => {
    signInAs(admin)
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingA }, select: { version: true } })
    await redirected(() => updateMeeting(undefined, form({ ...MEETING, id: meetingA, version: m.version, chair: 'Kabid Pembiayaan' })))
    const stale = await updateMeeting(undefined, form({ ...MEETING, id: meetingA, version: m.version, chair: 'Orang lain' }))
    expect(stale).toMatchObject({ ok: false })
    expect(stale.message).toMatch(/(sudah diubah oleh .+ pada |tidak ditemukan atau sudah berubah).*muat ulang halaman/)
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingA }, select: { chair: true } })).chair).toBe('Kabid Pembiayaan')
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: meetingA }, select: { id: true, version: true } })
    expect(await updateAgendaItem(undefined, form({ id: item.id, version: item.version, title: 'Evaluasi Prokesra 2024', minutes: 'Versi baru' }))).toMatchObject({ ok: true })
    expect((await updateAgendaItem(undefined, form({ id: item.id, version: item.version, title: 'Evaluasi Prokesra 2024', minutes: 'Versi lama' }))).message).toMatch(/(sudah diubah oleh .+ pada |tidak ditemukan atau sudah berubah).*muat ulang halaman/)
  })

  it('invites an internal user from the account (name, agency, regency), once, and the invitee’s regency reads the meeting', async () => {
    const id = await newMeeting({ title: 'Rakor dengan peserta internal', hostRegencyCode: '' })
    signInAs(admin)
    expect(await addParticipant(undefined, form({ meetingId: id, userId: malang.id, attendance: 'PLANNED' }))).toMatchObject({ ok: true })
    const p = await db.meetingParticipant.findFirstOrThrow({ where: { meetingId: id, userId: malang.id }, select: { name: true, agency: true, regencyCode: true } })
    expect(p).toMatchObject({ name: 'Uji DISTRICT_OFFICER', regencyCode: '35.07' })
    expect(p.agency).toMatch(/^Dinas Koperasi dan UKM .*Malang/)
    const again = await addParticipant(undefined, form({ meetingId: id, userId: malang.id }))
    expect(again).toMatchObject({ ok: false, errors: { userId: ['Pengguna ini sudah ada di daftar peserta.'] } })
    const external = await addParticipant(undefined, form({ meetingId: id, name: '', agency: '' }))
    expect(external.errors?.name?.[0]).toMatch(/Isi nama peserta/)
    expect(external.errors?.agency?.[0]).toMatch(/Isi instansi/)
    const user = await asUser(malang)
    expect((await findMeetings({ user, filter: {} })).rows.map((r) => r.id)).toContain(id)
  })

  it('records attendance with the version seen: of two admins racing with the same version exactly one wins, the other is told who changed it', async () => {
    signInAs(admin)
    const p = await db.meetingParticipant.findFirstOrThrow({ where: { meetingId: meetingA, bankId: ids.bpr }, select: { id: true, version: true } })
    const results = await Promise.all([
      updateAttendance(undefined, form({ id: p.id, version: p.version, attendance: 'PRESENT' })),
      updateAttendance(undefined, form({ id: p.id, version: p.version, attendance: 'REPRESENTED', representedBy: 'Kepala Cabang Malang' })),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)?.message).toMatch(/Kehadiran (sudah diubah oleh .+ pada |tidak ditemukan atau sudah berubah).*muat ulang halaman/)
    const after = await db.meetingParticipant.findUniqueOrThrow({ where: { id: p.id }, select: { version: true } })
    expect(after.version).toBe(p.version + 1)
    expect(await db.auditLog.count({ where: { entity: 'MeetingParticipant', entityId: p.id, action: 'UPDATE' } })).toBe(1)
  })

  it('corrects an outcome from the version seen (a stale correction is refused, its follow-up stays linked), with before and after audited', async () => {
    const id = await newMeeting({ title: 'Rakor koreksi hasil' })
    signInAs(admin)
    expect(await addAgendaItem(undefined, form({ meetingId: id, title: 'Rencana 2025' }))).toMatchObject({ ok: true })
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: id }, select: { id: true } })
    expect(await addOutcome(undefined, form({ agendaItemId: item.id, kind: 'RECOMMENDATION', text: 'Usulkan tambahan pagu' }))).toMatchObject({ ok: true })
    const o = await db.meetingOutcome.findFirstOrThrow({ where: { agendaItemId: item.id }, select: { id: true, version: true } })
    const action = await newAction(id, { ownerKind: 'UNIT', ownerUnit: 'Bidang Pembiayaan', outcomeId: o.id, dueDate: '2030-12-31' }) // never overdue: the overdue counts below stay as they are
    signInAs(admin)
    const unknown = await updateOutcome(undefined, form({ id: o.id, version: o.version, kind: 'DECISION', text: 'Pagu ditambah', programId: 'tidak-ada' }))
    expect(unknown).toMatchObject({ ok: false, errors: { programId: ['Program tidak dikenal.'] } })
    expect(await updateOutcome(undefined, form({ id: o.id, version: o.version, kind: 'DECISION', text: 'Pagu ditambah Rp20 miliar', programId: ids.program }))).toMatchObject({ ok: true })
    const stale = await updateOutcome(undefined, form({ id: o.id, version: o.version, kind: 'INFORMATION', text: 'Versi lama' }))
    expect(stale.message).toMatch(/Hasil rapat sudah diubah oleh .+ pada .*muat ulang halaman/)
    expect(await db.meetingOutcome.findUniqueOrThrow({ where: { id: o.id }, select: { kind: true, text: true, programId: true, version: true } })).toEqual({ kind: 'DECISION', text: 'Pagu ditambah Rp20 miliar', programId: ids.program, version: o.version + 1 })
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { outcomeId: true } })).outcomeId).toBe(o.id)
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'MeetingOutcome', entityId: o.id, action: 'UPDATE' }, select: { before: true, after: true } })
    expect(audit.before).toMatchObject({ kind: 'RECOMMENDATION', text: 'Usulkan tambahan pagu' })
    expect(audit.after).toMatchObject({ kind: 'DECISION', text: 'Pagu ditambah Rp20 miliar' })
    // a removal from the version before the correction is refused too; from the current one it lands and the follow-up stays on the meeting
    expect((await removeOutcome(undefined, form({ id: o.id, version: o.version }))).message).toMatch(/Hasil rapat sudah diubah oleh/)
    expect(await removeOutcome(undefined, form({ id: o.id, version: o.version + 1 }))).toMatchObject({ ok: true })
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { meetingId: true, outcomeId: true } })).toEqual({ meetingId: id, outcomeId: null })
  })

  it('two admins removing the same participant, agenda item, outcome or document at once: one removal, one audit row, the other told who removed it', async () => {
    const id = await newMeeting({ title: 'Rakor hapus bersamaan' })
    signInAs(admin)
    expect(await addParticipant(undefined, form({ meetingId: id, name: 'Kabid Bappeda', agency: 'Bappeda Provinsi Jawa Timur' }))).toMatchObject({ ok: true })
    expect(await addAgendaItem(undefined, form({ meetingId: id, title: 'Sinkronisasi basis data' }))).toMatchObject({ ok: true })
    const p = await db.meetingParticipant.findFirstOrThrow({ where: { meetingId: id }, select: { id: true, version: true } })
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: id }, select: { id: true, version: true } })
    expect(await addOutcome(undefined, form({ agendaItemId: item.id, kind: 'INFORMATION', text: 'Data koperasi disinkronkan tiap triwulan' }))).toMatchObject({ ok: true })
    const o = await db.meetingOutcome.findFirstOrThrow({ where: { agendaItemId: item.id }, select: { id: true, version: true } })
    const pdf = new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'materi.pdf', { type: 'application/pdf' })
    const up = form({ meetingId: id, kind: 'MATERIAL' })
    up.append('file', pdf)
    expect(await uploadDocument(undefined, up)).toMatchObject({ ok: true })
    const doc = await db.meetingDocument.findFirstOrThrow({ where: { meetingId: id }, select: { id: true } })

    const races: [string, string, () => Promise<ActionState>][] = [
      ['MeetingOutcome', o.id, () => removeOutcome(undefined, form({ id: o.id, version: o.version }))],
      ['MeetingParticipant', p.id, () => removeParticipant(undefined, form({ id: p.id, version: p.version }))],
      ['AgendaItem', item.id, () => removeAgendaItem(undefined, form({ id: item.id, version: item.version }))],
      ['MeetingDocument', doc.id, () => deleteDocument(undefined, form({ id: doc.id }))],
    ]
    for (const [entity, entityId, remove] of races) {
      const results = await Promise.all([remove(), remove()])
      expect(results.filter((r) => r.ok), `${entity}: ${JSON.stringify(results)}`).toHaveLength(1)
      expect(results.find((r) => !r.ok)?.message).toMatch(/sudah diubah oleh .+ pada .*muat ulang halaman/)
      expect(await db.auditLog.count({ where: { entity, entityId, action: 'DELETE' } })).toBe(1)
    }
    expect(await db.meetingParticipant.count({ where: { meetingId: id } })).toBe(0)
    expect(await db.agendaItem.count({ where: { meetingId: id } })).toBe(0)
    expect(await db.meetingDocument.count({ where: { meetingId: id } })).toBe(0)
  })

  it('moves a meeting planned → held → closed, refuses skipping back, and then refuses edits', async () => {
    const id = await newMeeting({ title: 'Rakor untuk ditutup' })
    signInAs(admin)
    expect(await setMeetingStatus(undefined, form({ id, version: 1, status: 'CLOSED' }))).toMatchObject({ ok: false })
    expect(await setMeetingStatus(undefined, form({ id, version: 1, status: 'HELD' }))).toMatchObject({ ok: true })
    expect((await setMeetingStatus(undefined, form({ id, version: 1, status: 'CLOSED' }))).message).toMatch(/(sudah diubah oleh .+ pada |tidak ditemukan atau sudah berubah).*muat ulang halaman/)
    expect(await setMeetingStatus(undefined, form({ id, version: 2, status: 'CLOSED' }))).toMatchObject({ ok: true })
    const r = await addAgendaItem(undefined, form({ meetingId: id, title: 'Terlambat' }))
    expect(r.message).toMatch(/ditutup/)
  })
})

describe('overdue follow-ups: due before the as-of day in Jakarta and not done', () => {
  it('counts on the as-of day: due the day before is overdue, due that day is not', async () => {
    const user = await asUser(admin)
    // Jombang's and the bank's actions are due 31 October 2024
    expect((await getOverdueSummary({ user, asOf: '2024-10-31' }))!.overdue).toBe(0)
    expect((await getOverdueSummary({ user, asOf: '2024-11-01' }))!.overdue).toBe(3)
    expect((await getOverdueSummary({ user, asOf: '2024-11-01', regencyCode: '35.17' }))!.overdue).toBe(1)
  })

  it('at risk: due on the as-of day or in the 7 days after it, open, counted as the list filters them', async () => {
    const user = await asUser(admin)
    // due 31 October 2024: 8 days ahead is not yet, 7 days ahead and the day itself are, the day after is overdue
    const soon = async (asOf: string, u = user) => (await getOverdueSummary({ user: u, asOf }))!.dueSoon
    expect(await soon('2024-10-23')).toBe(0)
    expect(await soon('2024-10-24')).toBe(3)
    expect(await soon('2024-10-31')).toBe(3)
    expect(await soon('2024-11-01')).toBe(0)
    expect(await soon('2024-10-24', await asUser(jombang))).toBe(1)
    const listed = await findActions({ user, filter: { due: 'soon', asOf: '2024-10-24' } })
    expect(listed.rows.map((r) => r.id).sort()).toEqual([actionJombang.id, actionBpr.id, actionSurabaya.id].sort())
    expect((await findActions({ user, filter: { due: 'soon', asOf: '2024-11-01' } })).total).toBe(0)
    // both filters ticked: the late ones and those due within the week (the second had been dropped: 0 here)
    expect((await findActions({ user, filter: { overdue: '1', due: 'soon', asOf: '2024-10-24' } })).total).toBe(3)
    expect((await findActions({ user, filter: { overdue: '1', due: 'soon', asOf: '2024-11-01' } })).total).toBe(3)
  })

  it('a district officer and a bank officer count their own only; the same date last year is compared', async () => {
    const s = await getOverdueSummary({ user: await asUser(jombang), asOf: '2025-11-01' })
    expect(s).toMatchObject({ overdue: 1, lastYearAsOf: '2024-11-01', lastYear: 1, change: 0 })
    expect((await getOverdueSummary({ user: await asUser(bpr), asOf: '2024-11-01' }))!.overdue).toBe(1)
    expect((await getOverdueSummary({ user: await asUser(dki), asOf: '2024-11-01' }))!.overdue).toBe(0)
  })

  it('the overview’s .xlsx carries the same overdue card as the page, for the same as-of day', async () => {
    const { GET } = await import('@/app/api/dasbor/ekspor/[dataset]/route')
    signInAs(admin)
    const res = await GET(new Request('http://localhost/api/dasbor/ekspor/ringkasan?program=RAPAT-2024&asOf=2024-11-01'), { params: Promise.resolve({ dataset: 'ringkasan' }) })
    expect(res.status).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await res.arrayBuffer())
    const rows = book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]
    const row = rows.find((r) => r[1] === 'Tindak lanjut rapat terlambat')
    const expected = (await getOverdueSummary({ user: await asUser(admin), asOf: '2024-11-01' }))!
    expect(row?.[2]).toBe(expected.overdue)
    expect(row?.[5]).toBe(expected.lastYear)
  })

  it('uses Jakarta’s calendar: at 18:00 UTC on the due day it is already the next day in Jakarta', async () => {
    // 31 Oct 2024 18:00 UTC = 1 Nov 01:00 WIB
    const today = jakartaToday(Date.parse('2024-10-31T18:00:00Z'))
    expect(today).toBe('2024-11-01')
    const { rows } = await findActions({ user: await asUser(admin), filter: { overdue: '1' }, today })
    expect(rows.map((r) => r.id)).toContain(actionJombang.id)
    const before = await findActions({ user: await asUser(admin), filter: { overdue: '1' }, today: jakartaToday(Date.parse('2024-10-31T16:59:00Z')) })
    expect(before.rows).toEqual([])
  })

  it('the regency page lists the regency’s open and overdue follow-ups; another regency’s officer is refused', async () => {
    const r = await getRegencyActions({ user: await asUser(leader), regencyCode: '35.17', asOf: '2024-11-01' })
    expect(r).toMatchObject({ open: 1, overdue: 1 })
    // on a day before the meeting (18 September 2024) nothing was open yet: a past day is not today's list
    expect(await getRegencyActions({ user: await asUser(leader), regencyCode: '35.17', asOf: '2024-09-17' })).toMatchObject({ open: 0, overdue: 0, rows: [] })
    expect((await getOverdueSummary({ user: await asUser(leader), asOf: '2024-09-17', regencyCode: '35.17' }))!.open).toBe(0)
    expect((await getOverdueSummary({ user: await asUser(leader), asOf: '2024-11-01', regencyCode: '35.17' }))!.open).toBe(1)
    await expect(getRegencyActions({ user: await asUser(malang), regencyCode: '35.17', asOf: '2024-11-01' })).rejects.toThrow('forbidden')
  })

  it('a past day’s list shows each follow-up’s status as it stood that day, from its recorded status changes', async () => {
    const note = await db.actionProgressNote.create({
      data: { actionId: actionJombang.id, authorName: 'UJI', note: 'Mulai dikerjakan', statusFrom: 'OPEN', statusTo: 'IN_PROGRESS', createdAt: new Date('2024-10-20T03:00:00Z') },
      select: { id: true },
    })
    try {
      const statusOn = async (asOf: string) => (await getRegencyActions({ user: await asUser(leader), regencyCode: '35.17', asOf }))!.rows.find((r) => r.id === actionJombang.id)?.statusAt
      expect(await statusOn('2024-10-19')).toBe('OPEN')
      expect(await statusOn('2024-11-01')).toBe('IN_PROGRESS')
      // today's list shows the current status (the note is history; the follow-up itself was not changed)
      const today = (await db.actionItem.findUniqueOrThrow({ where: { id: actionJombang.id }, select: { status: true } })).status
      expect(await statusOn(jakartaToday())).toBe(today)
    } finally {
      await db.actionProgressNote.delete({ where: { id: note.id } })
    }
  })
})

describe('progress on follow-ups: the owner only', () => {
  it('another regency’s officer, a bank officer of another bank and leadership cannot add progress, even by a forged id', async () => {
    const before = await db.actionProgressNote.count()
    signInAs(malang)
    expect((await addProgress(undefined, form({ actionId: actionJombang.id, version: 1, note: 'Diambil alih', status: 'DONE' }))).ok).toBe(false)
    signInAs(dki)
    expect((await addProgress(undefined, form({ actionId: actionBpr.id, version: 1, note: 'Diambil alih', status: 'DONE' }))).ok).toBe(false)
    signInAs(jombang)
    expect((await addProgress(undefined, form({ actionId: actionBpr.id, version: 1, note: 'Bukan milik Jombang' }))).ok).toBe(false)
    expect((await addProgress(undefined, form({ actionId: actionSurabaya.id, version: 1, note: 'Bukan milik Jombang' }))).ok).toBe(false)
    signInAs(leader)
    expect(await addProgress(undefined, form({ actionId: actionJombang.id, version: 1, note: 'Pimpinan' }))).toMatchObject({ ok: false, message: MESSAGES.forbidden })
    expect(await db.actionProgressNote.count()).toBe(before)
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: actionJombang.id }, select: { status: true } })).status).toBe('OPEN')
  })

  it('the Jombang officer adds a note, then marks it done: history, closedAt, audit; the overdue count drops', async () => {
    const admins = await asUser(admin)
    const before = (await getOverdueSummary({ user: admins, asOf: jakartaToday() }))!.overdue
    signInAs(jombang)
    expect(await addProgress(undefined, form({ actionId: actionJombang.id, version: 1, note: 'Sosialisasi di 21 kecamatan dijadwalkan', status: 'IN_PROGRESS' }))).toMatchObject({ ok: true })
    expect(await addProgress(undefined, form({ actionId: actionJombang.id, version: 2, note: 'Sosialisasi selesai', status: 'DONE' }))).toMatchObject({ ok: true })
    const a = await getAction({ user: await asUser(jombang), id: actionJombang.id })
    expect(a).toMatchObject({ status: 'DONE', version: 3 })
    expect(a!.closedAt).toBeInstanceOf(Date)
    expect(a!.notes.map((n) => [n.note, n.statusTo, n.authorName])).toEqual([
      ['Sosialisasi selesai', 'DONE', 'Uji DISTRICT_OFFICER'],
      ['Sosialisasi di 21 kecamatan dijadwalkan', 'IN_PROGRESS', 'Uji DISTRICT_OFFICER'],
    ])
    expect((await getOverdueSummary({ user: admins, asOf: jakartaToday() }))!.overdue).toBe(before - 1)
    // on a date before it was closed it still counts as overdue then
    expect((await getOverdueSummary({ user: admins, asOf: '2024-11-01', regencyCode: '35.17' }))!.overdue).toBe(1)
    const audits = await db.auditLog.findMany({ where: { entity: 'ActionItem', entityId: actionJombang.id, userId: jombang.id }, select: { action: true, after: true } })
    expect(audits).toHaveLength(2)
  })

  it('the bank officer updates its bank’s follow-up', async () => {
    signInAs(bpr)
    expect(await addProgress(undefined, form({ actionId: actionBpr.id, version: 1, note: 'Akad dipercepat di 10 cabang' }))).toMatchObject({ ok: true })
  })

  it('dropping a decision’s follow-up, or reopening a dropped one, is the agency’s: its owner is refused at the status field and nothing is written', async () => {
    const meeting = await newMeeting({ title: 'Rakor pembatalan tindak lanjut' })
    const action = await newAction(meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Pendataan ulang UMKM binaan' })
    await markHeld(meeting)
    const saved = () => db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { status: true, version: true, closedAt: true } })
    const notes = () => db.actionProgressNote.count({ where: { actionId: action.id } })
    const audits = () => db.auditLog.count({ where: { entity: 'ActionItem', entityId: action.id } })
    const auditsBefore = await audits()
    const DROP_REFUSED = 'Hanya admin dinas provinsi yang dapat membatalkan tindak lanjut keputusan rapat.'
    const REOPEN_REFUSED = 'Tindak lanjut ini dibatalkan oleh dinas provinsi; hanya admin dinas provinsi yang dapat membukanya kembali.'

    signInAs(jombang)
    expect(await addProgress(undefined, form({ actionId: action.id, version: action.version, note: 'Tidak sempat dikerjakan', status: 'DROPPED' })))
      .toMatchObject({ ok: false, message: 'Periksa kembali isian yang ditandai.', errors: { status: [DROP_REFUSED] } })
    signInAs(bpr) // a bank's own follow-up alike
    const bank = await db.actionItem.findUniqueOrThrow({ where: { id: actionBpr.id }, select: { status: true, version: true } })
    expect(await addProgress(undefined, form({ actionId: actionBpr.id, version: bank.version, note: 'Tidak jadi', status: 'DROPPED' }))).toMatchObject({ ok: false, errors: { status: [DROP_REFUSED] } })
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: actionBpr.id }, select: { status: true, version: true } })).toEqual(bank)
    expect(await saved()).toMatchObject({ status: 'OPEN', version: action.version, closedAt: null })
    expect([await notes(), await audits()]).toEqual([0, auditsBefore])

    // the agency drops it
    signInAs(admin)
    expect(await addProgress(undefined, form({ actionId: action.id, version: action.version, note: 'Dicabut pada rakor berikutnya', status: 'DROPPED' }))).toMatchObject({ ok: true })
    expect(await saved()).toMatchObject({ status: 'DROPPED', version: action.version + 1 })

    // the owner cannot revive it, may still write a note on it
    signInAs(jombang)
    for (const status of ['OPEN', 'IN_PROGRESS', 'DONE']) {
      expect(await addProgress(undefined, form({ actionId: action.id, version: action.version + 1, note: 'Tetap kami kerjakan', status }))).toMatchObject({ ok: false, errors: { status: [REOPEN_REFUSED] } })
    }
    expect(await saved()).toMatchObject({ status: 'DROPPED', version: action.version + 1 })
    expect(await addProgress(undefined, form({ actionId: action.id, version: action.version + 1, note: 'Data yang sudah terkumpul kami simpan' }))).toMatchObject({ ok: true })

    // the agency reopens it; its owner then closes it as done
    signInAs(admin)
    expect(await addProgress(undefined, form({ actionId: action.id, version: action.version + 2, note: 'Dihidupkan kembali', status: 'OPEN' }))).toMatchObject({ ok: true })
    signInAs(jombang)
    expect(await addProgress(undefined, form({ actionId: action.id, version: action.version + 3, note: 'Pendataan selesai', status: 'DONE' }))).toMatchObject({ ok: true })
    expect(await saved()).toMatchObject({ status: 'DONE', version: action.version + 4 })
    expect((await db.actionProgressNote.findMany({ where: { actionId: action.id }, orderBy: { createdAt: 'asc' }, select: { statusTo: true } })).map((n) => n.statusTo)).toEqual(['DROPPED', null, 'OPEN', 'DONE'])
  })

  it('refuses a stale progress update', async () => {
    signInAs(bpr)
    const r = await addProgress(undefined, form({ actionId: actionBpr.id, version: 1, note: 'Versi lama', status: 'DONE' }))
    expect(r.message).toMatch(/(sudah diubah oleh .+ pada |tidak ditemukan atau sudah berubah).*muat ulang halaman/)
  })

  it('two concurrent status changes from the same version: exactly one lands', async () => {
    const action = await newAction(meetingB, { ownerKind: 'REGENCY', ownerRegencyCode: '35.78', title: 'Balapan status' })
    signInAs(admin)
    const results = await Promise.all([
      addProgress(undefined, form({ actionId: action.id, version: action.version, note: 'Selesai', status: 'DONE' })),
      addProgress(undefined, form({ actionId: action.id, version: action.version, note: 'Dibatalkan', status: 'DROPPED' })),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)[0].message).toMatch(/(sudah diubah oleh .+ pada |tidak ditemukan atau sudah berubah).*muat ulang halaman/)
    expect(await db.actionProgressNote.count({ where: { actionId: action.id } })).toBe(1)
    const saved = await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { version: true } })
    expect(saved.version).toBe(action.version + 1)
  })
})

describe('documents: checked by their bytes, downloaded through the scope', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
  const upload = (fields: Record<string, string>, name: string, bytes: Uint8Array, action = uploadDocument) => {
    const fd = form(fields)
    fd.set('file', new File([Buffer.from(bytes)], name))
    return action(undefined, fd)
  }

  it('refuses an empty file, a disguised PDF and a zip bomb, with a message on the field', async () => {
    signInAs(admin)
    const before = await db.meetingDocument.count()
    expect((await upload({ meetingId: meetingA, kind: 'MATERIAL' }, 'kosong.pdf', new Uint8Array())).errors?.file?.[0]).toMatch(/kosong/)
    expect((await upload({ meetingId: meetingA, kind: 'MATERIAL' }, 'bahan.pdf', new TextEncoder().encode('<script>alert(1)</script>'))).errors?.file?.[0]).toMatch(/tidak diterima/)
    expect((await upload({ meetingId: meetingA, kind: 'MATERIAL' }, 'foto.pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).errors?.file?.[0]).toMatch(/tidak sesuai namanya/)
    expect(await db.meetingDocument.count()).toBe(before)
  })

  it('says why a file is refused once, under the file field; the banner only points to it (a document and a follow-up’s evidence alike)', async () => {
    const script = new TextEncoder().encode('<script>alert(1)</script>')
    signInAs(admin)
    expect(await upload({ meetingId: meetingA, kind: 'MATERIAL' }, 'bahan.pdf', script)).toMatchObject({
      ok: false, message: 'Periksa kembali isian yang ditandai.', errors: { file: ['Jenis berkas tidak diterima: unggah PDF, JPG, PNG, DOCX, XLSX, atau PPTX.'] },
    })
    signInAs(bpr)
    const evidence = await upload({ meetingId: meetingA, actionId: actionBpr.id, kind: 'EVIDENCE' }, 'bukti.exe', script, uploadEvidence)
    expect(evidence).toMatchObject({ ok: false, message: 'Periksa kembali isian yang ditandai.', errors: { file: ['Jenis berkas tidak diterima: unggah PDF, JPG, PNG, DOCX, XLSX, atau PPTX.'] } })
    const corrupt = await upload({ meetingId: meetingA, actionId: actionBpr.id, kind: 'EVIDENCE' }, 'bukti.pdf', new TextEncoder().encode('%PDF-1.4 terpotong'), uploadEvidence)
    expect(corrupt).toMatchObject({ ok: false, message: 'Periksa kembali isian yang ditandai.', errors: { file: ['Berkas PDF rusak atau tidak lengkap.'] } })
    // no file chosen (the browser sends an empty, nameless part): the usual banner and one message at the field, not two wordings
    const none = { ok: false, message: 'Periksa kembali isian yang ditandai.', errors: { file: ['Pilih berkas untuk diunggah.'] } }
    expect(await upload({ meetingId: meetingA, actionId: actionBpr.id, kind: 'EVIDENCE' }, '', new Uint8Array(), uploadEvidence)).toMatchObject(none)
    signInAs(admin)
    expect(await upload({ meetingId: meetingA, kind: 'MATERIAL' }, '', new Uint8Array())).toMatchObject(none)
    expect(await uploadDocument(undefined, form({ meetingId: meetingA, kind: 'MATERIAL' }))).toMatchObject(none)
  })

  it('lists a name with a text-direction override as what it is (a PDF never shows as "…fdp.docx")', async () => {
    signInAs(admin)
    expect(await upload({ meetingId: meetingA, kind: 'MATERIAL' }, 'UJI-SEC \u202Excod.pdf', pdf)).toMatchObject({ ok: true })
    const doc = await db.meetingDocument.findFirstOrThrow({ where: { meetingId: meetingA, filename: { startsWith: 'UJI-SEC' } }, select: { filename: true, mimeType: true } })
    expect(doc).toEqual({ filename: 'UJI-SEC xcod.pdf', mimeType: 'application/pdf' })
  })

  it('stores a PDF in PostgreSQL; those who read the meeting download it, others get 404', async () => {
    signInAs(admin)
    expect(await upload({ meetingId: meetingA, kind: 'INVITATION' }, 'undangan rakor.pdf', pdf)).toMatchObject({ ok: true })
    const doc = await db.meetingDocument.findFirstOrThrow({ where: { meetingId: meetingA, kind: 'INVITATION' }, select: { id: true, size: true, mimeType: true } })
    expect(doc).toMatchObject({ size: pdf.length, mimeType: 'application/pdf' })
    const get = () => downloadDocument(new Request(`http://localhost/api/rapat/dokumen/${doc.id}`), { params: Promise.resolve({ id: doc.id }) })
    for (const u of [admin, leader, jombang, bpr]) {
      signInAs(u)
      const res = await get()
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf)
    }
    for (const u of [malang, dki]) {
      signInAs(u)
      expect((await get()).status).toBe(404)
      expect(await getDocumentFile({ user: (await getCurrentUser())!, id: doc.id })).toBeNull()
    }
    signInAs(null)
    expect((await get()).status).toBe(401)
  })

  it('evidence on a follow-up: its owner only', async () => {
    signInAs(malang)
    expect((await upload({ meetingId: meetingA, actionId: actionBpr.id, kind: 'EVIDENCE' }, 'bukti.pdf', pdf, uploadEvidence)).ok).toBe(false)
    signInAs(bpr)
    expect(await upload({ meetingId: meetingA, actionId: actionBpr.id, kind: 'EVIDENCE' }, 'bukti.pdf', pdf, uploadEvidence)).toMatchObject({ ok: true })
    expect(await db.auditLog.count({ where: { entity: 'MeetingDocument', userId: bpr.id, action: 'CREATE' } })).toBe(1)
  })
})

describe('follow-up meeting (rapat lanjutan)', () => {
  it('copies the participants and carries the open follow-ups onto the new agenda', async () => {
    const id = await newMeeting({ title: 'Rakor lanjutan Prokesra', startsAt: '2025-02-10T09:00', endsAt: '2025-02-10T12:00', previousMeetingId: meetingA })
    const m = await getMeeting({ user: await asUser(admin), id })
    expect(m!.participants.map((p) => [p.name, p.attendance])).toEqual([['Kadinkopum Jombang', 'PLANNED'], ['Perwakilan PT BPR Jatim', 'PLANNED']])
    expect(m!.agendaItems[0].title).toMatch(/^Evaluasi tindak lanjut/)
    expect(m!.agendaItems[0].minutes).toContain('Percepat akad kredit') // the bank's, still open
    expect(m!.agendaItems[0].minutes).not.toContain('Sosialisasi Prokesra di Jombang') // done
    expect(m!.carried.map((a) => a.id)).toEqual([actionBpr.id])
  })
})

describe('exports: notulen as .docx and PDF, invitation as .ics', () => {
  const call = (route: typeof notulenRoute, id: string, query = '') => route(new Request(`http://localhost/api/rapat/${id}/x${query}`), { params: Promise.resolve({ id }) })

  it('writes the minutes as a Word document with the agenda, attendance, outcomes and actions', async () => {
    signInAs(leader)
    const res = await call(notulenRoute, meetingA, '?format=docx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    const zip = await JSZip.loadAsync(await res.arrayBuffer())
    const xml = await zip.file('word/document.xml')!.async('string')
    for (const text of ['NOTULEN RAPAT', 'Rakor Pelaksanaan Program Kredit Perbankan', 'Kadinkopum Jombang', 'Status', 'Terlaksana', 'Evaluasi Prokesra 2024', 'Keputusan: Percepat penyaluran', 'Percepat akad kredit', 'Kabupaten Jombang']) expect(xml).toContain(text)
    // as the meeting page shows it today: the bank's follow-up (due 31 October 2024, still open) is overdue, Jombang's (done) is not
    expect(xml).toMatch(/(Terbuka|Dalam proses) \(terlambat\)/)
    expect(xml).not.toContain('Selesai (terlambat)')
    // and says so: the status column is headed with the day it was made, not the meeting's
    expect(xml).toContain(`Status per ${formatDate(jakartaToday())}`)
    // the sign-off: place and date of the meeting, then the chair (none recorded: a line for the name) and the minute-taker
    for (const text of ['Kota Malang, 18 September 2024', 'Pimpinan Rapat,', 'Notulis,', '(nama dan NIP)']) expect(xml).toContain(text)
  })

  it('signs the minutes with the chair recorded, and the date alone where the meeting has no city', async () => {
    const id = await newMeeting({ title: 'Rakor daring pembiayaan', city: '', venue: 'Zoom', chair: 'Dr. Andromeda Wicaksono' })
    signInAs(admin)
    const xml = await (await JSZip.loadAsync(await (await call(notulenRoute, id, '?format=docx')).arrayBuffer())).file('word/document.xml')!.async('string')
    expect(xml).toContain('Dr. Andromeda Wicaksono')
    expect(xml).toMatch(/>18 September 2024</)
    signInAs(admin)
    const text = (await new PDFParse({ data: new Uint8Array(await (await call(notulenRoute, id, '?format=pdf')).arrayBuffer()) }).getText()).text
    expect(text).toContain('Pimpinan Rapat')
    expect(text).toContain('Dr. Andromeda Wicaksono')
    expect(text).not.toContain(', 18 September 2024')
  })

  it('keeps a single line break of the minutes in the Word document as in the PDF, and names Lumbung as its last author', async () => {
    const id = await newMeeting({ title: 'Rakor baris notulen' })
    signInAs(admin)
    expect(await addAgendaItem(undefined, form({ meetingId: id, title: 'Pembukaan', minutes: 'Baris pertama notulen.\nBaris kedua langsung di bawahnya.\n\n- lihat data\n  baris lanjutan butir' }))).toMatchObject({ ok: true })
    const zip = await JSZip.loadAsync(await (await call(notulenRoute, id, '?format=docx')).arrayBuffer())
    const xml = await zip.file('word/document.xml')!.async('string')
    // no raw newline inside a text run (Word shows it as a space); the second line starts after a <w:br/>, in the same paragraph
    expect(xml).not.toMatch(/<w:t[^>]*>[^<]*\n[^<]*<\/w:t>/)
    expect(xml).toMatch(/>Baris pertama notulen\.<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>Baris kedua langsung di bawahnya\.</)
    expect(xml).toMatch(/>• lihat data<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>baris lanjutan butir</)
    const core = await zip.file('docProps/core.xml')!.async('string')
    expect(core).toContain('<dc:creator>Lumbung</dc:creator>')
    expect(core).toContain('<cp:lastModifiedBy>Lumbung</cp:lastModifiedBy>')
    // the PDF, as before, on two lines
    signInAs(admin)
    const text = (await new PDFParse({ data: new Uint8Array(await (await call(notulenRoute, id, '?format=pdf')).arrayBuffer()) }).getText()).text
    expect(text).toMatch(/Baris pertama notulen\.\n\s*Baris kedua langsung di bawahnya\./)
  })

  it('writes the minutes as a PDF whose text can be read back', async () => {
    signInAs(jombang)
    const res = await call(notulenRoute, meetingA, '?format=pdf')
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')
    const text = (await new PDFParse({ data: bytes }).getText()).text
    expect(text).toContain('NOTULEN RAPAT')
    expect(text).toContain('Kadinkopum Jombang')
    expect(text).toContain('18 September 2024, 09.00–15.00 WIB')
    expect(text).toMatch(/(Terbuka|Dalam proses)\s+\(terlambat\)/)
    for (const words of ['Kota Malang, 18 September 2024', 'Pimpinan Rapat', 'Notulis', '(nama dan NIP)']) expect(text).toContain(words)
  })

  it('keeps the PDF sign-off on one page wherever the minutes end on the page', async () => {
    const meeting = (await getMeeting({ user: await asUser(admin), id: meetingA }))!
    const [first, ...rest] = meeting.agendaItems
    // minutes of 0 to 60 paragraphs move the end of the text over a whole page, and so the block over a page break
    for (let lines = 0; lines <= 60; lines++) {
      const minutes = Array.from({ length: lines }, (_, i) => `Paragraf pembahasan ${i + 1}.`).join('\n\n')
      const pdf = await minutesPdf({ ...meeting, agendaItems: [{ ...first, minutes }, ...rest] })
      const pages = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).pages.map((p) => p.text)
      const holding = pages.filter((p) => ['Kota Malang, 18 September 2024', 'Pimpinan Rapat', 'Notulis', '(nama dan NIP)'].some((w) => p.includes(w)))
      expect(holding, `${lines} paragraphs`).toHaveLength(1)
      for (const words of ['Kota Malang, 18 September 2024', 'Pimpinan Rapat', 'Notulis', '(nama dan NIP)']) expect(holding[0], `${lines} paragraphs`).toContain(words)
    }
    // 61 PDFs made and parsed: about 20 s alone, over the suite's 30 s when the two cores are shared (a build beside it
    // took 40 s); the limit is room for the work, no measure of it
  }, 120_000)

  it('writes the attendance sheet to be signed: every participant on record, a signature column, and empty rows for who comes unannounced', async () => {
    signInAs(jombang)
    const res = await call(attendanceSheetRoute, meetingA)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(`Daftar hadir ${MEETING.title} 2024-09-18.pdf`))
    const text = (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text
    const meeting = (await getMeeting({ user: await asUser(admin), id: meetingA }))!
    for (const words of ['DAFTAR HADIR', MEETING.title, '18 September 2024, 09.00–15.00 WIB', 'Tanda tangan', ...meeting.participants.map((p) => p.name)]) expect(text).toContain(words)
    // numbered on past the participants: the table ends with five empty rows, each its number alone on its line
    const n = meeting.participants.length
    const table = text.slice(text.indexOf('Tanda tangan')).replace(/-- \d+ of \d+ --/g, '').trim()
    expect(table.split('\n').slice(-5)).toEqual([1, 2, 3, 4, 5].map((i) => String(n + i)))
  })

  it('refuses the minutes and the invitation of a meeting outside the scope (404)', async () => {
    signInAs(malang)
    expect((await call(attendanceSheetRoute, meetingA)).status).toBe(404)
    expect((await call(notulenRoute, meetingA, '?format=docx')).status).toBe(404)
    expect((await call(invitationRoute, meetingA)).status).toBe(404)
  })

  it('writes an invitation in UTC with the meeting link', async () => {
    signInAs(admin)
    const res = await call(invitationRoute, meetingA)
    const ics = await res.text()
    expect(res.headers.get('content-type')).toContain('text/calendar')
    expect(ics).toContain('DTSTART:20240918T020000Z')
    expect(ics).toContain(`UID:${meetingA}@lumbung`)
    // named like the meeting's other files: title and date, UTF-8 name per RFC 5987
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Undangan ${MEETING.title} 2024-09-18.ics"; filename*=UTF-8''${encodeURIComponent(`Undangan ${MEETING.title} 2024-09-18.ics`)}`)
    // folded at 75 octets (RFC 5545), even where a line holds characters of several bytes
    const long = await newMeeting({ title: `Rakor — ${'Pembiayaan UMKM Koperasi '.repeat(6)}é` })
    signInAs(admin)
    const folded = await (await call(invitationRoute, long)).text()
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toContain(`SUMMARY:Rakor — ${'Pembiayaan UMKM Koperasi '.repeat(6)}é`)
  })

  it('links the meeting at the app’s public address (APP_URL) when set, not at the address the request came to', async () => {
    signInAs(admin)
    const link = async () => (await (await call(invitationRoute, meetingA)).text()).replace(/\r\n /g, '').match(/^URL:(.*)$/m)?.[1]
    expect(await link()).toBe(`http://localhost/rapat/${meetingA}`)
    process.env.APP_URL = 'https://lumbung.jatimprov.go.id/'
    try {
      expect(await link()).toBe(`https://lumbung.jatimprov.go.id/rapat/${meetingA}`)
    } finally {
      delete process.env.APP_URL
    }
  })
})

describe('list exports: the meeting and follow-up lists as .xlsx and .csv, in the reader’s scope and order', () => {
  const NO_PARAMS = { params: Promise.resolve({}) }
  const sheetRows = async (res: Response) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const rows: string[][] = []
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))))
    return rows
  }

  it('leadership exports every follow-up, sorted as asked, with the owner, due date and overdue flag; the export is audited', async () => {
    signInAs(leader)
    const res = await actionsExport(new Request('http://localhost/api/tindak-lanjut/ekspor?format=xlsx&status=all&sort=title&dir=desc&asOf=2024-11-01'), NO_PARAMS)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const [head, ...rows] = await sheetRows(res)
    expect(head.slice(0, 7)).toEqual(['Tindak lanjut', 'Uraian', 'Jenis penanggung jawab', 'Penanggung jawab', 'Tenggat', 'Status', 'Terlambat per 01/11/2024'])
    const titles = rows.map((r) => r[0])
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' }) || 0))
    expect(titles.length).toBe(await db.actionItem.count())
    const surabaya = rows.find((r) => r[0] === 'Pendataan koperasi Surabaya')!
    expect(surabaya.slice(2, 5)).toEqual(['Kabupaten/kota', 'Kota Surabaya', '2024-10-31'])
    expect(surabaya[6]).toBe('Ya')
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'ActionItem', action: 'EXPORT', userId: leader.id }, select: { after: true } })
    expect(audit.after).toMatchObject({ format: 'xlsx', rows: titles.length, asOf: '2024-11-01' })
  })

  it('a district officer exports only the follow-ups and meetings of its scope', async () => {
    signInAs(jombang)
    const csv = await (await actionsExport(new Request('http://localhost/api/tindak-lanjut/ekspor?format=csv&status=all'), NO_PARAMS)).text()
    expect(csv).toContain('Sosialisasi Prokesra di Jombang')
    expect(csv).not.toContain('Pendataan koperasi Surabaya')
    const meetings = await sheetRows(await meetingsExport(new Request('http://localhost/api/rapat/ekspor?format=xlsx&sort=title&dir=asc'), NO_PARAMS))
    const titles = meetings.slice(1).map((r) => r[4])
    expect(titles).toContain(MEETING.title)
    expect(titles).not.toContain('Rakor Kota Surabaya')
    const visible = (await findMeetings({ user: await asUser(jombang), filter: {} })).total
    expect(titles.length).toBe(visible)
  })
})

describe('briefing pack', () => {
  it('shows the linked programme’s figures exactly as the dashboard function computes them, and the previous meeting’s follow-ups', async () => {
    const user = await asUser(leader)
    const followUp = await db.meeting.findFirstOrThrow({ where: { previousMeetingId: meetingA }, select: { id: true } })
    const a = await getBriefing({ user, id: meetingA })
    const dashboard = await getCreditSummary({ user, filter: { programId: ids.program } })
    expect(a!.programs).toHaveLength(1)
    expect(a!.programs[0]).toMatchObject({ disbursed: dashboard.disbursed, realisationPct: dashboard.realisationPct, asOf: dashboard.asOf, absorptionPct: dashboard.absorptionPct })
    const b = await getBriefing({ user, id: followUp.id })
    expect(b!.previous?.id).toBe(meetingA)
    expect(b!.previous?.actions.map((x) => x.title)).toContain('Percepat akad kredit')
    expect(await getBriefing({ user: await asUser(malang), id: meetingA })).toBeNull()
  })

  it('downloads as a PDF carrying the dashboard’s realisation; outside the scope it is a 404', async () => {
    const { GET } = await import('@/app/api/rapat/[id]/bahan/route')
    const call = () => GET(new Request(`http://localhost/api/rapat/${meetingA}/bahan`), { params: Promise.resolve({ id: meetingA }) })
    const user = await asUser(leader)
    const res = await call()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const text = (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text
    const dashboard = await getCreditSummary({ user, filter: { programId: ids.program } })
    expect(text).toContain('BAHAN RAPAT')
    expect(text).toContain(formatPercent(dashboard.realisationPct))
    expect(text).toContain(formatRupiah(dashboard.disbursed))
    signInAs(malang)
    expect((await call()).status).toBe(404)
  })

  it('writes an indicator’s quarter as the screens do (Triwulan II 2026, not Triwulan 2 2026)', async () => {
    await seedReportingCatalogue(db)
    const year = Number(jakartaToday().slice(0, 4))
    await db.provinceIndicatorValue.create({ data: { indicatorCode: 'PDRB_KUMKM', year, quarter: 2, value: 60.43 } })
    const id = await newMeeting({ title: 'Rakor makro KUMKM' })
    signInAs(admin)
    expect(await addAgendaItem(undefined, form({ meetingId: id, title: 'Kontribusi KUMKM' }))).toMatchObject({ ok: true })
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: id }, select: { id: true } })
    expect(await addOutcome(undefined, form({ agendaItemId: item.id, kind: 'INFORMATION', text: 'Kontribusi KUMKM terhadap PDRB', indicatorCode: 'PDRB_KUMKM' }))).toMatchObject({ ok: true })
    const { GET } = await import('@/app/api/rapat/[id]/bahan/route')
    signInAs(leader)
    const res = await GET(new Request(`http://localhost/api/rapat/${id}/bahan`), { params: Promise.resolve({ id }) })
    const text = (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text
    expect(text).toMatch(new RegExp(`Triwulan\\s+II\\s+${year}`))
    expect(text).not.toMatch(/Triwulan\s+\d/)
  })
})

describe('follow-ups named to a person, as of a past day, and of a cancelled meeting', () => {
  const NO_PARAMS = { params: Promise.resolve({}) }
  const exportRows = async (query: string) => {
    const res = await actionsExport(new Request(`http://localhost/api/tindak-lanjut/ekspor?format=xlsx&${query}`), NO_PARAMS)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const rows: string[][] = []
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    return rows
  }
  let named = { id: '', version: 1 }

  it('a follow-up named in person to an officer of another regency: that officer (only) reads its meeting, finds it in its own list and card, and updates it', async () => {
    const meeting = await newMeeting({ title: 'Rakor Pendataan Koperasi Surabaya', hostRegencyCode: '35.78' })
    named = await newAction(meeting, { ownerKind: 'USER', ownerUserId: malang.id, title: 'Kirim rekap koperasi Kabupaten Malang' })
    const officer = await asUser(malang)
    expect(await getMeeting({ user: officer, id: meeting })).not.toBeNull()
    // the page's landing for a district officer is its regency's follow-ups: those named to its officers are among them
    expect((await findActions({ user: officer, filter: { regency: '35.07' } })).rows.map((r) => r.id)).toEqual([named.id])
    expect((await getOverdueSummary({ user: officer, asOf: '2024-11-01' }))!.overdue).toBe(1)
    // another regency's officer does not read that meeting, nor does another officer of the same regency: it is the named person's
    expect(await getMeeting({ user: await asUser(jombang), id: meeting })).toBeNull()
    expect(await getMeeting({ user: await asUser(await createUser('DISTRICT_OFFICER', { regencyCode: '35.07' })), id: meeting })).toBeNull()
    await markHeld(meeting)
    signInAs(malang)
    expect(await addProgress(undefined, form({ actionId: named.id, version: 1, note: 'Rekap dikirim lewat surel', status: 'DONE' }))).toMatchObject({ ok: true })
  })

  it('is never named to leadership, who only reads and could not record its progress: refused on the field, and not offered', async () => {
    const meeting = await newMeeting({ title: 'Rakor Pimpinan' })
    signInAs(admin)
    const refused = await createAction(undefined, form({ meetingId: meeting, title: 'Tinjau rekap', dueDate: '2024-10-31', ownerKind: 'USER', ownerUserId: leader.id }))
    expect(refused).toMatchObject({ ok: false, errors: { ownerUserId: ['Pimpinan hanya membaca dan tidak dapat mencatat kemajuan; tugaskan kepada pengguna lain, unit kerja, kabupaten/kota atau bank.'] } })
    expect(await db.actionItem.count({ where: { meetingId: meeting } })).toBe(0)
    const choices = await meetingFormChoices({ provinceCode: '35' })
    expect(choices.users.map((u) => u.id)).toContain(leader.id) // still invited to meetings
    expect(choices.owners.map((u) => u.id)).not.toContain(leader.id)
    expect(choices.owners.map((u) => u.id)).toContain(malang.id)
    // one named before this rule keeps its owner through an edit of its other fields; moving it to leadership is refused
    const before = await db.actionItem.create({ data: { meetingId: meeting, title: 'Tinjau rekap', dueDate: new Date('2024-10-31'), ownerKind: 'USER', ownerUserId: leader.id }, select: { id: true } })
    const editTo = (ownerUserId: string, version: number) => updateAction(undefined, form({ id: before.id, version, title: 'Tinjau rekap triwulan', dueDate: '2024-11-30', pastDueConfirmed: 'on', ownerKind: 'USER', ownerUserId }))
    await expect(editTo(leader.id, 1)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) })
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: before.id }, select: { title: true, ownerUserId: true, version: true } })).toEqual({ title: 'Tinjau rekap triwulan', ownerUserId: leader.id, version: 2 })
    const otherLeader = await createUser('LEADERSHIP')
    expect(await editTo(otherLeader.id, 2)).toMatchObject({ ok: false, errors: { ownerUserId: ['Pimpinan hanya membaca dan tidak dapat mencatat kemajuan; tugaskan kepada pengguna lain, unit kerja, kabupaten/kota atau bank.'] } })
  })

  it('as of a past day, the overdue list and its export agree on a follow-up closed since', async () => {
    const listed = await findActions({ user: await asUser(leader), filter: { overdue: '1', asOf: '2024-11-01' } })
    expect(listed.rows.map((r) => r.id)).toContain(named.id)
    signInAs(leader)
    const rows = await exportRows('overdue=1&asOf=2024-11-01')
    expect(rows[0][6]).toBe('Terlambat per 01/11/2024')
    expect(rows.slice(1).map((r) => r[6])).toEqual(listed.rows.map(() => 'Ya'))
    expect(rows.find((r) => r[0] === 'Kirim rekap koperasi Kabupaten Malang')?.[6]).toBe('Ya')
  })

  it('a day that does not exist: the page reads today (not 3 March), and the export says what is wrong (400)', async () => {
    expect((await findActions({ user: await asUser(leader), filter: actionFilterSchema.parse({ overdue: '1', asOf: '2026-02-31' }) })).asOf).toBe(jakartaToday())
    signInAs(leader)
    const res = await actionsExport(new Request('http://localhost/api/tindak-lanjut/ekspor?format=xlsx&overdue=1&asOf=2026-02-31'), NO_PARAMS)
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatch(/^Tanggal tidak valid pada asOf: 2026-02-31/)
  })

  it('cancelling a meeting drops its open follow-ups with a note and an audit row each; they no longer count as open or overdue today', async () => {
    const meeting = await newMeeting({ title: 'Rakor yang dibatalkan' })
    const open = await newAction(meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.73', title: 'Siapkan data kota Malang' })
    const done = await newAction(meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.73', title: 'Undang bank mitra' })
    // closed before a planned meeting's follow-ups were refused progress (heldMeeting): one the cancel leaves as it is
    await db.actionItem.update({ where: { id: done.id }, data: { status: 'DONE', closedAt: new Date() } })
    const admins = await asUser(admin)
    const before = (await getOverdueSummary({ user: admins, asOf: jakartaToday() }))!
    signInAs(admin)
    const r = await setMeetingStatus(undefined, form({ id: meeting, version: 1, status: 'CANCELLED' }))
    expect(r).toMatchObject({ ok: true, message: 'Status rapat menjadi dibatalkan. 1 tindak lanjut yang masih terbuka ikut dibatalkan.' })
    const after = await db.actionItem.findUniqueOrThrow({ where: { id: open.id }, select: { status: true, closedAt: true, version: true, notes: { select: { note: true, statusTo: true } } } })
    expect(after).toMatchObject({ status: 'DROPPED', version: 2, notes: [{ note: 'Rapat dibatalkan; tindak lanjut ini ikut dibatalkan.', statusTo: 'DROPPED' }] })
    expect(after.closedAt).toBeInstanceOf(Date)
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: done.id }, select: { status: true } })).status).toBe('DONE')
    expect(await db.auditLog.count({ where: { entity: 'ActionItem', entityId: open.id, action: 'UPDATE' } })).toBe(1)
    const now = (await getOverdueSummary({ user: admins, asOf: jakartaToday() }))!
    expect({ overdue: now.overdue, open: now.open }).toEqual({ overdue: before.overdue - 1, open: before.open - 1 })
    // a meeting cancelled before cancelling dropped its follow-ups: the migration drops them the same way
    const earlier = await newMeeting({ title: 'Rakor dibatalkan dahulu' })
    const left = await newAction(earlier, { ownerKind: 'REGENCY', ownerRegencyCode: '35.73', title: 'Tindak lanjut yang tertinggal' })
    await db.meeting.update({ where: { id: earlier }, data: { status: 'CANCELLED' } })
    const { readFileSync } = await import('node:fs')
    await db.$executeRawUnsafe(readFileSync('prisma/migrations/20261217000000_cancelled_meeting_follow_ups/migration.sql', 'utf8'))
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: left.id }, select: { status: true, version: true, notes: { select: { note: true, statusFrom: true, statusTo: true, authorName: true } } } }))
      .toMatchObject({ status: 'DROPPED', version: 2, notes: [{ note: 'Rapat dibatalkan; tindak lanjut ini ikut dibatalkan.', statusFrom: 'OPEN', statusTo: 'DROPPED', authorName: 'Lumbung' }] })
    // on a day before the cancellation both were overdue, and stay so in the history
    expect((await findActions({ user: admins, filter: { overdue: '1', asOf: '2024-11-01', meeting } })).rows.map((x) => x.id).sort()).toEqual([open.id, done.id].sort())
  })
})

describe('a meeting’s dates, statuses and documents stay consistent with its follow-ups', () => {
  const pdfFile = () => new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'daftar-hadir.pdf', { type: 'application/pdf' })
  const edit = (id: string, version: number, fields: Record<string, string>) => updateMeeting(undefined, form({ ...MEETING, id, version, ...fields }))

  it('refuses moving a meeting to a day after its follow-ups are due, under the start with their number and the earliest', async () => {
    const id = await newMeeting({ title: 'Rakor yang dipindah' }) // 18 September 2024
    await newAction(id, { ownerKind: 'REGENCY', ownerRegencyCode: '35.73', title: 'Kirim data awal', dueDate: '2024-09-25' })
    await newAction(id, { ownerKind: 'REGENCY', ownerRegencyCode: '35.73', title: 'Kirim data akhir', dueDate: '2024-10-31' })
    signInAs(admin)
    const one = await edit(id, 1, { title: 'Rakor yang dipindah', startsAt: '2024-10-01T09:00', endsAt: '2024-10-01T12:00' })
    expect(one).toMatchObject({ ok: false, message: MESSAGES.invalid })
    expect(one.errors?.startsAt).toEqual(['1 tindak lanjut rapat ini bertenggat sebelum tanggal tersebut (paling awal 25 September 2024); ubah dulu tenggatnya, karena tenggat tidak boleh sebelum tanggal rapat.'])
    const two = await edit(id, 1, { title: 'Rakor yang dipindah', startsAt: '2024-11-05T09:00', endsAt: '2024-11-05T12:00' })
    expect(two.errors?.startsAt?.[0]).toMatch(/^2 tindak lanjut rapat ini bertenggat sebelum tanggal tersebut \(paling awal 25 September 2024\)/)
    expect(await db.meeting.findUniqueOrThrow({ where: { id }, select: { version: true, startsAt: true } })).toEqual({ version: 1, startsAt: new Date('2024-09-18T02:00:00Z') })
    // due on the meeting's day is allowed, as when a follow-up is added; an earlier day is always fine
    expect(await redirected(() => edit(id, 1, { title: 'Rakor yang dipindah', startsAt: '2024-09-25T09:00', endsAt: '2024-09-25T12:00' }))).toBe(id)
    expect(await redirected(() => edit(id, 2, { title: 'Rakor yang dipindah', startsAt: '2024-09-17T09:00', endsAt: '2024-09-17T12:00' }))).toBe(id)
  })

  it('a saved edit comes back to the meeting saying so; a planned meeting moved in time or place also asks for the invitation again', async () => {
    const id = await newMeeting({ title: 'Rakor yang diubah' })
    signInAs(admin)
    expect(await redirectTarget(() => edit(id, 1, { title: 'Rakor yang diubah', chair: 'Kepala Dinas' }))).toBe(`/rapat/${id}?disimpan=1`)
    expect(await redirectTarget(() => edit(id, 2, { title: 'Rakor yang diubah', chair: 'Kepala Dinas', startsAt: '2024-09-18T10:00' }))).toBe(`/rapat/${id}?disimpan=undangan`)
    expect(await redirectTarget(() => edit(id, 3, { title: 'Rakor yang diubah', chair: 'Kepala Dinas', startsAt: '2024-09-18T10:00', venue: 'Ruang Rapat Bidang' }))).toBe(`/rapat/${id}?disimpan=undangan`)
    // held: nobody is to be invited any more
    await db.meeting.update({ where: { id }, data: { status: 'HELD' } })
    expect(await redirectTarget(() => edit(id, 4, { title: 'Rakor yang diubah', chair: 'Kepala Dinas', startsAt: '2024-09-18T10:00', venue: 'Aula' }))).toBe(`/rapat/${id}?disimpan=1`)
  })

  it('adding a follow-up due before the meeting: the reason once, under the due date, the banner only points to it', async () => {
    signInAs(admin)
    const r = await createAction(undefined, form({ meetingId: meetingB, title: 'Terlalu awal', ownerKind: 'REGENCY', ownerRegencyCode: '35.78', dueDate: '2024-09-01' }))
    expect(r).toMatchObject({ ok: false, message: MESSAGES.invalid, errors: { dueDate: ['Tenggat tidak boleh sebelum tanggal rapat (18 September 2024).'] } })
  })

  it('the meeting list counts a follow-up overdue as /tindak-lanjut?overdue=1 does: not before its meeting has started', async () => {
    const id = await newMeeting({ title: 'Rakortek yang ditunda', type: 'RAKORTEK', startsAt: '2024-09-25T09:00', endsAt: '2024-09-25T12:00' })
    // written before the meeting was postponed (the rule above now refuses such a move)
    const early = await db.actionItem.create({ data: { meetingId: id, title: 'Siapkan bahan paparan', ownerKind: 'REGENCY', ownerRegencyCode: '35.73', dueDate: new Date('2024-09-19') }, select: { id: true } })
    const user = await asUser(admin)
    const listed = async (today: string) => (await findMeetings({ user, filter: { type: 'RAKORTEK' }, today })).rows.find((r) => r.id === id)!
    const overdue = async (asOf: string) => (await findActions({ user, filter: { overdue: '1', asOf, meeting: id } })).rows.map((a) => a.id)
    expect(await listed('2024-09-20')).toMatchObject({ openActions: 1, overdueActions: 0 })
    expect(await overdue('2024-09-20')).toEqual([])
    expect(await listed('2024-09-26')).toMatchObject({ openActions: 1, overdueActions: 1 })
    expect(await overdue('2024-09-26')).toEqual([early.id])
  })

  it('a follow-up meeting is not moved to before the meeting it follows, nor that one to after it; created before it, refused the same way', async () => {
    const first = await newMeeting({ title: 'Rakor awal tahun', startsAt: '2024-03-01T09:00', endsAt: '2024-03-01T12:00' })
    const next = await newMeeting({ title: 'Rakor lanjutan awal tahun', startsAt: '2024-04-01T09:00', endsAt: '2024-04-01T12:00', previousMeetingId: first })
    signInAs(admin)
    const before = await edit(next, 1, { title: 'Rakor lanjutan awal tahun', startsAt: '2024-02-20T09:00', endsAt: '2024-02-20T12:00' })
    expect(before).toMatchObject({ ok: false, message: MESSAGES.invalid, errors: { startsAt: ['Rapat lanjutan harus sesudah rapat sebelumnya.'] } })
    const after = await edit(first, 1, { title: 'Rakor awal tahun', startsAt: '2024-04-02T09:00', endsAt: '2024-04-02T12:00' })
    expect(after).toMatchObject({ ok: false, message: MESSAGES.invalid })
    expect(after.errors?.startsAt?.[0]).toMatch(/^Rapat ini harus sebelum rapat lanjutannya \(1 April 2024/)
    const created = await createMeeting(undefined, form({ ...MEETING, title: 'Rakor lanjutan terlalu awal', startsAt: '2024-02-01T09:00', endsAt: '2024-02-01T12:00', previousMeetingId: first }))
    expect(created).toMatchObject({ ok: false, message: MESSAGES.invalid, errors: { startsAt: ['Rapat lanjutan harus sesudah rapat sebelumnya.'] } })
    expect(await db.meeting.findMany({ where: { id: { in: [first, next] } }, select: { version: true } })).toEqual([{ version: 1 }, { version: 1 }])
    expect(await redirected(() => edit(next, 1, { title: 'Rakor lanjutan awal tahun', startsAt: '2024-04-10T09:00', endsAt: '2024-04-10T12:00' }))).toBe(next)
  })

  it('a meeting that has not started is not marked held nor closed (nothing written); it can still be cancelled', async () => {
    const year = Number(jakartaToday().slice(0, 4)) + 1
    const id = await newMeeting({ title: 'Rakor yang akan datang', startsAt: `${year}-06-10T09:00`, endsAt: `${year}-06-10T12:00` })
    signInAs(admin)
    const held = await setMeetingStatus(undefined, form({ id, version: 1, status: 'HELD' }))
    expect(held).toEqual({ ok: false, message: `Rapat belum dimulai (mulai 10 Juni ${year} pukul 09.00 WIB); rapat baru dapat ditandai terlaksana sesudah dimulai.`, values: expect.any(Object) })
    expect(serverText(held.message, 'en')).toBe(`The meeting has not started yet (it starts 10 June ${year} at 09:00 WIB); it can be marked held only once it has started.`)
    // one marked held before this rule: not closed either
    await db.meeting.update({ where: { id }, data: { status: 'HELD' } })
    expect((await setMeetingStatus(undefined, form({ id, version: 1, status: 'CLOSED' }))).message).toMatch(/^Rapat belum dimulai .*ditandai ditutup sesudah dimulai\.$/)
    expect(await db.meeting.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } })).toEqual({ status: 'HELD', version: 1 })
    expect(await db.auditLog.count({ where: { entity: 'Meeting', entityId: id, action: 'UPDATE' } })).toBe(0)
    expect(await setMeetingStatus(undefined, form({ id, version: 1, status: 'CANCELLED' }))).toMatchObject({ ok: true })
  })

  it('a meeting that took place is closed, not cancelled: its late follow-ups stay late (nothing written)', async () => {
    const id = await newMeeting({ title: 'Rakor yang sudah berlangsung', startsAt: '2025-05-06T09:00', endsAt: '2025-05-06T12:00' })
    const late = await newAction(id, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Kirim rekap', dueDate: '2025-05-30' })
    signInAs(admin)
    expect(await setMeetingStatus(undefined, form({ id, version: 1, status: 'HELD' }))).toMatchObject({ ok: true })
    const refused = await setMeetingStatus(undefined, form({ id, version: 2, status: 'CANCELLED' }))
    expect(refused).toMatchObject({ ok: false, message: 'Rapat sudah terlaksana; rapat yang terlaksana ditutup, tidak dibatalkan.' })
    expect(serverText(refused.message, 'en')).toBe('The meeting has taken place; a meeting that took place is closed, not cancelled.')
    expect(await db.meeting.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } })).toEqual({ status: 'HELD', version: 2 })
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: late.id }, select: { status: true } })).status).toBe('OPEN')
    expect(await setMeetingStatus(undefined, form({ id, version: 2, status: 'CLOSED' }))).toMatchObject({ ok: true })
  })

  it('a meeting marked held is not moved to a time still to come (nothing written)', async () => {
    const id = await newMeeting({ title: 'Rakor yang sudah terlaksana', startsAt: '2025-05-05T09:00', endsAt: '2025-05-05T12:00' })
    signInAs(admin)
    expect(await setMeetingStatus(undefined, form({ id, version: 1, status: 'HELD' }))).toMatchObject({ ok: true })
    const year = Number(jakartaToday().slice(0, 4)) + 1
    const moved = await edit(id, 2, { title: 'Rakor yang sudah terlaksana', startsAt: `${year}-05-05T09:00`, endsAt: `${year}-05-05T12:00` })
    expect(moved).toMatchObject({ ok: false, message: MESSAGES.invalid, errors: { startsAt: ['Rapat sudah terlaksana; waktu mulainya tidak boleh sesudah saat ini.'] } })
    expect(await db.meeting.findUniqueOrThrow({ where: { id }, select: { version: true } })).toEqual({ version: 2 })
    // moved within the past, it is saved
    expect(await redirected(() => edit(id, 2, { title: 'Rakor yang sudah terlaksana', startsAt: '2025-05-06T09:00', endsAt: '2025-05-06T12:00' }))).toBe(id)
  })

  it('a closed meeting keeps its documents: removing one is refused and nothing is removed', async () => {
    const id = await newMeeting({ title: 'Rakor dengan daftar hadir' })
    signInAs(admin)
    const up = form({ meetingId: id, kind: 'ATTENDANCE' })
    up.append('file', pdfFile())
    expect(await uploadDocument(undefined, up)).toMatchObject({ ok: true })
    const doc = await db.meetingDocument.findFirstOrThrow({ where: { meetingId: id }, select: { id: true } })
    expect(await setMeetingStatus(undefined, form({ id, version: 1, status: 'HELD' }))).toMatchObject({ ok: true })
    expect(await setMeetingStatus(undefined, form({ id, version: 2, status: 'CLOSED' }))).toMatchObject({ ok: true })
    expect(await deleteDocument(undefined, form({ id: doc.id }))).toMatchObject({ ok: false, message: 'Rapat sudah ditutup; isinya tidak dapat diubah lagi.' })
    expect(await db.meetingDocument.count({ where: { id: doc.id } })).toBe(1)
    expect(await db.auditLog.count({ where: { entity: 'MeetingDocument', entityId: doc.id, action: 'DELETE' } })).toBe(0)
  })

  it('a document removed while the meeting is being closed: removed before the close, or refused; never after it', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await newMeeting({ title: `Rakor ditutup saat dokumen dihapus ${round}`, startsAt: '2025-01-10T09:00', endsAt: '2025-01-10T12:00' })
      signInAs(admin)
      const up = form({ meetingId: id, kind: 'ATTENDANCE' })
      up.append('file', pdfFile())
      expect(await uploadDocument(undefined, up)).toMatchObject({ ok: true })
      const doc = await db.meetingDocument.findFirstOrThrow({ where: { meetingId: id }, select: { id: true } })
      expect(await setMeetingStatus(undefined, form({ id, version: 1, status: 'HELD' }))).toMatchObject({ ok: true })
      await Promise.all([setMeetingStatus(undefined, form({ id, version: 2, status: 'CLOSED' })), deleteDocument(undefined, form({ id: doc.id }))])
      const closed = await db.auditLog.findFirstOrThrow({ where: { entity: 'Meeting', entityId: id, action: 'UPDATE', after: { path: ['status'], equals: 'CLOSED' } }, select: { id: true } })
      const removed = await db.auditLog.findFirst({ where: { entity: 'MeetingDocument', entityId: doc.id, action: 'DELETE' }, select: { id: true } })
      if (removed) expect(removed.id).toBeLessThan(closed.id)
      else expect(await db.meetingDocument.count({ where: { id: doc.id } })).toBe(1)
    }
  })

  it('the notulen of a follow-up meeting name the carried follow-ups without their app addresses', async () => {
    const id = await newMeeting({ title: 'Rakor lanjutan untuk notulen', startsAt: '2025-03-10T09:00', endsAt: '2025-03-10T12:00', previousMeetingId: meetingA })
    signInAs(admin)
    const res = await notulenRoute(new Request(`http://localhost/api/rapat/${id}/notulen?format=docx`), { params: Promise.resolve({ id }) })
    const xml = await (await JSZip.loadAsync(await res.arrayBuffer())).file('word/document.xml')!.async('string')
    expect(xml).toContain('Percepat akad kredit')
    expect(xml).not.toContain('/tindak-lanjut/')
  })
})

describe('a follow-up’s edit keeps what its form does not show; a cancelled meeting’s follow-ups stay as they were left', () => {
  const evidence = () => new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'bukti.pdf', { type: 'application/pdf' })
  const edit = (a: { id: string; version: number }, fields: Record<string, string>) =>
    redirected(() => updateAction(undefined, form({ id: a.id, version: a.version, title: 'Kirim data penyaluran', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '2030-12-31', ...fields })))

  it('changing only the due date keeps the decision and the agenda item it came from; unlinking the decision keeps the agenda item', async () => {
    const meeting = await newMeeting({ title: 'Rakor tautan keputusan' })
    signInAs(admin)
    expect(await addAgendaItem(undefined, form({ meetingId: meeting, title: 'Penyaluran kredit' }))).toMatchObject({ ok: true })
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: meeting }, select: { id: true } })
    expect(await addOutcome(undefined, form({ agendaItemId: item.id, kind: 'DECISION', text: 'Data penyaluran dikirim tiap bulan' }))).toMatchObject({ ok: true })
    const outcome = await db.meetingOutcome.findFirstOrThrow({ where: { agendaItemId: item.id }, select: { id: true } })
    const a = await newAction(meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Kirim data penyaluran', outcomeId: outcome.id, dueDate: '2030-12-31' })
    const links = () => db.actionItem.findUniqueOrThrow({ where: { id: a.id }, select: { agendaItemId: true, outcomeId: true, dueDate: true, version: true } })
    expect(await links()).toMatchObject({ agendaItemId: item.id, outcomeId: outcome.id })
    // the follow-up page's form: the decision chosen as it was, no agenda field
    signInAs(admin)
    expect(await edit(a, { outcomeId: outcome.id, dueDate: '2030-12-29' })).toBe(a.id)
    expect(await links()).toEqual({ agendaItemId: item.id, outcomeId: outcome.id, dueDate: new Date('2030-12-29T00:00:00Z'), version: 2 })
    // a day that does not exist (the date field sends 31/02/2026 as typed) is "not valid", not "fill in"
    const impossible = await updateAction(undefined, form({ id: a.id, version: 2, title: 'Kirim data penyaluran', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '31/02/2026', outcomeId: outcome.id }))
    expect(impossible).toMatchObject({ ok: false, errors: { dueDate: ['Tenggat tidak valid; gunakan tanggal yang ada di kalender.'] } })
    // "no link" chosen for the decision: the follow-up stays under its agenda item
    expect(await edit({ id: a.id, version: 2 }, { outcomeId: '' })).toBe(a.id)
    expect(await links()).toMatchObject({ agendaItemId: item.id, outcomeId: null, version: 3 })
  })

  it('after a cancel, its follow-up is neither edited, reopened, progressed nor given evidence, by the agency or its owner (nothing written)', async () => {
    const meeting = await newMeeting({ title: 'Rakor batal dengan tindak lanjut' })
    const a = await newAction(meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Kirim data penyaluran', dueDate: '2030-12-31' })
    signInAs(admin)
    expect(await setMeetingStatus(undefined, form({ id: meeting, version: 1, status: 'CANCELLED' }))).toMatchObject({ ok: true })
    const dropped = await db.actionItem.findUniqueOrThrow({ where: { id: a.id }, select: { title: true, status: true, version: true } })
    expect(dropped).toMatchObject({ status: 'DROPPED', version: 2 })
    const audits = await db.auditLog.count({ where: { entity: 'ActionItem', entityId: a.id } })
    const refused = 'Rapat sudah dibatalkan; tindak lanjutnya tidak dapat diubah lagi.'
    signInAs(admin)
    expect(await updateAction(undefined, form({ id: a.id, version: 2, title: 'Judul baru', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '2030-12-31' }))).toMatchObject({ ok: false, message: refused })
    expect(await addProgress(undefined, form({ actionId: a.id, version: 2, note: 'Dibuka lagi', status: 'OPEN' }))).toMatchObject({ ok: false, message: refused })
    signInAs(jombang)
    expect(await addProgress(undefined, form({ actionId: a.id, version: 2, note: 'Sudah dikerjakan' }))).toMatchObject({ ok: false, message: refused })
    const fd = form({ meetingId: meeting, actionId: a.id, kind: 'EVIDENCE' })
    fd.set('file', evidence())
    expect(await uploadEvidence(undefined, fd)).toMatchObject({ ok: false, message: refused })
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: a.id }, select: { title: true, status: true, version: true } })).toEqual(dropped)
    expect(await db.actionProgressNote.count({ where: { actionId: a.id } })).toBe(1) // the cancel's own note
    expect(await db.meetingDocument.count({ where: { actionId: a.id } })).toBe(0)
    expect(await db.auditLog.count({ where: { entity: 'ActionItem', entityId: a.id } })).toBe(audits)
  })

  it('attendance is recorded once the meeting has started: before, a participant is only invited (nothing written)', async () => {
    const year = Number(jakartaToday().slice(0, 4)) + 1
    const meeting = await newMeeting({ title: 'Rakor bulan depan', startsAt: `${year}-03-10T09:00`, endsAt: `${year}-03-10T12:00` })
    signInAs(admin)
    const early = await addParticipant(undefined, form({ meetingId: meeting, name: 'Kabid Koperasi', agency: 'Dinas Koperasi Kabupaten Jombang', attendance: 'PRESENT' }))
    expect(early).toMatchObject({ ok: false, errors: { attendance: [`Kehadiran dicatat setelah rapat dimulai (10 Maret ${year} pukul 09.00 WIB).`] } })
    expect(serverText(early.errors!.attendance![0], 'en')).toBe(`Attendance is recorded once the meeting has started (10 March ${year} at 09:00 WIB).`)
    expect(await db.meetingParticipant.count({ where: { meetingId: meeting } })).toBe(0)
    expect(await addParticipant(undefined, form({ meetingId: meeting, name: 'Kabid Koperasi', agency: 'Dinas Koperasi Kabupaten Jombang' }))).toMatchObject({ ok: true })
    const p = await db.meetingParticipant.findFirstOrThrow({ where: { meetingId: meeting }, select: { id: true, attendance: true, version: true } })
    expect(p.attendance).toBe('PLANNED')
    expect((await updateAttendance(undefined, form({ id: p.id, version: p.version, attendance: 'ABSENT' }))).errors?.attendance).toHaveLength(1)
    expect(await db.meetingParticipant.findUniqueOrThrow({ where: { id: p.id }, select: { attendance: true, version: true } })).toEqual({ attendance: 'PLANNED', version: p.version })
  })
})

describe('everyone invited marked present at once', () => {
  /** a held meeting with `n` invited participants and one already absent; the page's `seen` of the invited ones */
  async function sheet(n: number) {
    const meeting = await newMeeting({ title: `Rakor daftar hadir ${Math.random().toString(36).slice(2, 8)}` })
    signInAs(admin)
    for (let i = 0; i < n; i++) expect(await addParticipant(undefined, form({ meetingId: meeting, name: `Peserta ${i + 1}`, agency: 'Dinas Koperasi Kabupaten Jombang' }))).toMatchObject({ ok: true })
    expect(await addParticipant(undefined, form({ meetingId: meeting, name: 'Berhalangan', agency: 'Bappeda', attendance: 'ABSENT' }))).toMatchObject({ ok: true })
    const invited = await db.meetingParticipant.findMany({ where: { meetingId: meeting, attendance: 'PLANNED' }, select: { id: true, version: true }, orderBy: { name: 'asc' } })
    return { meeting, invited, seen: invited.map((p) => `${p.id}:${p.version}`).join(',') }
  }
  const states = (meeting: string) => db.meetingParticipant.findMany({ where: { meetingId: meeting }, select: { name: true, attendance: true, version: true }, orderBy: { name: 'asc' } })

  it('marks exactly the invited ones the page listed present, each with its audit row; the absent one stays absent', async () => {
    const { meeting, invited, seen } = await sheet(3)
    signInAs(admin)
    expect(await markInvitedPresent(undefined, form({ meetingId: meeting, seen }))).toEqual({ ok: true, message: '3 peserta dicatat hadir.' })
    expect(await states(meeting)).toEqual([
      { name: 'Berhalangan', attendance: 'ABSENT', version: 1 },
      { name: 'Peserta 1', attendance: 'PRESENT', version: 2 },
      { name: 'Peserta 2', attendance: 'PRESENT', version: 2 },
      { name: 'Peserta 3', attendance: 'PRESENT', version: 2 },
    ])
    const audits = await db.auditLog.findMany({ where: { entity: 'MeetingParticipant', entityId: { in: invited.map((p) => p.id) }, action: 'UPDATE' }, select: { userId: true, before: true, after: true } })
    expect(audits).toHaveLength(3)
    expect(audits.every((a) => a.userId === admin.id && (a.before as { attendance: string }).attendance === 'PLANNED' && (a.after as { attendance: string }).attendance === 'PRESENT')).toBe(true)
  })

  it('two admins pressing it at once: one marks, the other is told who did, and nothing is written twice', async () => {
    const { meeting, invited, seen } = await sheet(4)
    signInAs(admin)
    const results = await Promise.all([markInvitedPresent(undefined, form({ meetingId: meeting, seen })), markInvitedPresent(undefined, form({ meetingId: meeting, seen }))])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, message: expect.stringMatching(/^Kehadiran peserta sudah diubah oleh /) })
    expect((await states(meeting)).filter((p) => p.attendance === 'PRESENT').map((p) => p.version)).toEqual([2, 2, 2, 2])
    expect(await db.auditLog.count({ where: { entity: 'MeetingParticipant', entityId: { in: invited.map((p) => p.id) }, action: 'UPDATE' } })).toBe(4)
  })

  it('a participant set meanwhile (represented) refuses the whole step: nobody is marked, the representation stays', async () => {
    const { meeting, invited, seen } = await sheet(3)
    signInAs(admin)
    expect(await updateAttendance(undefined, form({ id: invited[1].id, version: invited[1].version, attendance: 'REPRESENTED', representedBy: 'Sekretaris Dinas' }))).toMatchObject({ ok: true })
    const before = await states(meeting)
    expect(await markInvitedPresent(undefined, form({ meetingId: meeting, seen }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Kehadiran peserta sudah diubah oleh /) })
    expect(await states(meeting)).toEqual(before)
  })

  it('is refused before the meeting starts, for a participant of another meeting, and for a forged list', async () => {
    const year = Number(jakartaToday().slice(0, 4)) + 1
    const future = await newMeeting({ title: 'Rakor tahun depan', startsAt: `${year}-03-10T09:00`, endsAt: `${year}-03-10T12:00` })
    signInAs(admin)
    expect(await addParticipant(undefined, form({ meetingId: future, name: 'Kabid', agency: 'Dinas' }))).toMatchObject({ ok: true })
    const p = await db.meetingParticipant.findFirstOrThrow({ where: { meetingId: future }, select: { id: true, version: true } })
    expect((await markInvitedPresent(undefined, form({ meetingId: future, seen: `${p.id}:${p.version}` }))).errors?.attendance).toHaveLength(1)
    // the other meeting's participant named under this meeting: not this meeting's, so nothing is marked
    const { meeting } = await sheet(2)
    expect(await markInvitedPresent(undefined, form({ meetingId: meeting, seen: `${p.id}:${p.version}` }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Kehadiran peserta sudah diubah oleh /) })
    expect(await markInvitedPresent(undefined, form({ meetingId: meeting, seen: "x'; DROP TABLE meeting_participants;--:1" }))).toMatchObject({ ok: false, errors: { seen: ['Daftar peserta tidak dikenal; muat ulang halaman.'] } })
    // one participant named twice: refused as a list the page never sends, not blamed on whoever last changed it
    const twice = (await db.meetingParticipant.findFirstOrThrow({ where: { meetingId: meeting, attendance: 'PLANNED' }, select: { id: true, version: true } }))
    expect(await markInvitedPresent(undefined, form({ meetingId: meeting, seen: `${twice.id}:${twice.version},${twice.id}:${twice.version}` }))).toMatchObject({ ok: false, errors: { seen: ['Daftar peserta tidak dikenal; muat ulang halaman.'] } })
    expect(await db.meetingParticipant.findUniqueOrThrow({ where: { id: p.id }, select: { attendance: true, version: true } })).toEqual({ attendance: 'PLANNED', version: p.version })
    expect((await states(meeting)).map((x) => x.attendance)).toEqual(['ABSENT', 'PLANNED', 'PLANNED'])
  })
})

describe('a follow-up assigned: its owners are told at once', () => {
  // this test's follow-ups only: the users are shared with the file's other tests
  let mine: string[] = []
  const assigned = (userId: string) => db.notification.findMany({ where: { userId, kind: 'ACTION_ASSIGNED', link: { in: mine.map((id) => `/tindak-lanjut/${id}`) } }, select: { eventKey: true, readAt: true, params: true, link: true }, orderBy: { createdAt: 'asc' } })

  it('tells the owners, not the admin who assigned it; a new owner is told, the old notice read; done settles it', async () => {
    const meeting = await newMeeting({ title: 'Rakor Penugasan' })
    // held: a follow-up added now is decided, and told at once (a planned meeting's wait for it to be held: below)
    await markHeld(meeting)
    const jombangOfficer = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' })
    const action = await newAction(meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Kirim data calon debitur', dueDate: '2030-12-31' })
    mine = [action.id]
    for (const u of [jombang, jombangOfficer]) {
      expect(await assigned(u.id)).toEqual([{ eventKey: `action-assigned:${action.id}:REGENCY-35.17`, readAt: null, params: { title: 'Kirim data calon debitur', meeting: 'Rakor Penugasan', dueDate: '2030-12-31' }, link: `/tindak-lanjut/${action.id}` }])
    }
    expect(await assigned(bpr.id)).toEqual([])
    // an agency unit's follow-up is its recorder's: the admin who just assigned it is not told of it
    await newAction(meeting, { ownerKind: 'UNIT', ownerUnit: 'Bidang Pembiayaan', dueDate: '2030-12-31' })
    const unit = await db.actionItem.findFirstOrThrow({ where: { meetingId: meeting, ownerKind: 'UNIT' }, select: { id: true, version: true } })
    mine.push(unit.id)
    expect(await assigned(admin.id)).toEqual([])
    // another admin corrects its title: nobody is told of a "new" follow-up
    const admin2 = await createUser('ADMIN')
    signInAs(admin2)
    await redirected(() => updateAction(undefined, form({ id: unit.id, version: unit.version, title: 'Telaah anggaran (rev)', ownerKind: 'UNIT', ownerUnit: 'Bidang Pembiayaan', dueDate: '2030-12-31' })))
    expect(await assigned(admin.id)).toEqual([])

    // moved to the bank: the bank is told, the regency's notice is read
    signInAs(admin)
    await redirected(() => updateAction(undefined, form({ id: action.id, version: action.version, title: 'Kirim data calon debitur', ownerKind: 'BANK', ownerBankId: ids.bpr, dueDate: '2030-12-31' })))
    expect((await assigned(bpr.id)).map((n) => [n.eventKey, n.readAt])).toEqual([[`action-assigned:${action.id}:BANK-${ids.bpr}`, null]])
    expect((await assigned(jombang.id))[0].readAt).not.toBeNull()
    // saved again without a new owner: no second notice
    const v = (await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { version: true } })).version
    await redirected(() => updateAction(undefined, form({ id: action.id, version: v, title: 'Kirim data calon debitur (rev)', ownerKind: 'BANK', ownerBankId: ids.bpr, dueDate: '2030-12-31' })))
    expect(await assigned(bpr.id)).toHaveLength(1)

    // moved back to Jombang: its notice is new again
    const back = (await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { version: true } })).version
    await redirected(() => updateAction(undefined, form({ id: action.id, version: back, title: 'Kirim data calon debitur (rev)', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '2030-12-31' })))
    expect((await assigned(jombang.id)).map((n) => n.readAt)).toEqual([null])
    expect((await assigned(bpr.id))[0].readAt).not.toBeNull()
    // done: the notice is read
    signInAs(jombang)
    const w = (await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { version: true } })).version
    expect(await addProgress(undefined, form({ actionId: action.id, version: w, note: 'Sudah dikirim.', status: 'DONE' }))).toMatchObject({ ok: true })
    expect((await assigned(jombang.id))[0].readAt).not.toBeNull()
  })

  it('a meeting still ahead has its follow-ups prepared: nobody is told and nothing is worked on until it begins; marked held, each owner is told once', async () => {
    // next week's meeting (by the clock of this test: in 2030)
    const meeting = await newMeeting({ title: 'Rakor Persiapan', startsAt: '2030-03-12T09:00', endsAt: '2030-03-12T15:00' })
    const regency = await newAction(meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Bawa data calon debitur', dueDate: '2030-03-31' })
    const bank = await newAction(meeting, { ownerKind: 'BANK', ownerBankId: ids.bpr, title: 'Bawa daftar akad', dueDate: '2030-03-31' })
    mine = [regency.id, bank.id]
    expect(await assigned(jombang.id)).toEqual([])
    expect(await assigned(bpr.id)).toEqual([])
    // given another owner while planned: still nobody is told
    signInAs(admin)
    await redirected(() => updateAction(undefined, form({ id: regency.id, version: regency.version, title: 'Bawa data calon debitur', ownerKind: 'USER', ownerUserId: malang.id, dueDate: '2030-03-31' })))
    expect(await assigned(malang.id)).toEqual([])
    const moved = (await db.actionItem.findUniqueOrThrow({ where: { id: regency.id }, select: { version: true } })).version
    await redirected(() => updateAction(undefined, form({ id: regency.id, version: moved, title: 'Bawa data calon debitur', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '2030-03-31' })))

    // its owner cannot work on it yet: no status, no note, no evidence; nothing written
    const NOT_HELD = 'Rapat “Rakor Persiapan” dijadwalkan 12 Maret 2030; tindak lanjut dapat dikerjakan setelah rapat terlaksana.'
    const v = (await db.actionItem.findUniqueOrThrow({ where: { id: regency.id }, select: { version: true } })).version
    signInAs(jombang)
    for (const status of ['IN_PROGRESS', 'DONE', '']) {
      expect(await addProgress(undefined, form({ actionId: regency.id, version: v, note: 'Sudah disiapkan', status }))).toMatchObject({ ok: false, message: NOT_HELD })
    }
    expect(serverText(NOT_HELD, 'en')).toBe('The meeting “Rakor Persiapan” is scheduled for 12 March 2030; its follow-ups can be worked on once the meeting has been held.')
    const evidence = form({ meetingId: meeting, actionId: regency.id, kind: 'EVIDENCE' })
    evidence.set('file', new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'bukti.pdf', { type: 'application/pdf' }))
    expect(await uploadEvidence(undefined, evidence)).toMatchObject({ ok: false, message: NOT_HELD })
    signInAs(admin) // the agency alike: it edits or removes the follow-up itself
    expect(await addProgress(undefined, form({ actionId: bank.id, version: bank.version, note: 'Tidak jadi', status: 'DROPPED' }))).toMatchObject({ ok: false, message: NOT_HELD })
    expect(await db.actionItem.count({ where: { id: { in: mine }, status: 'OPEN' } })).toBe(2)
    expect(await db.actionProgressNote.count({ where: { actionId: { in: mine } } })).toBe(0)
    expect(await db.meetingDocument.count({ where: { actionId: { in: mine } } })).toBe(0)

    // the day comes (the meeting's start moved into the past, as time would): marked held by two admins at once from
    // the same version, one lands, and each owner is told once
    await db.meeting.update({ where: { id: meeting }, data: { startsAt: new Date('2024-09-18T02:00:00Z'), endsAt: new Date('2024-09-18T08:00:00Z') } })
    const admin2 = await createUser('ADMIN')
    const results = await Promise.all([admin, admin2].map(async (a) => { signInAs(a); return setMeetingStatus(undefined, form({ id: meeting, version: 1, status: 'HELD' })) }))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const [u, id, key] of [[jombang, regency.id, 'REGENCY-35.17'], [bpr, bank.id, `BANK-${ids.bpr}`]] as const) {
      expect(await assigned(u.id)).toEqual([{ eventKey: `action-assigned:${id}:${key}`, readAt: null, params: expect.objectContaining({ meeting: 'Rakor Persiapan', dueDate: '2030-03-31' }), link: `/tindak-lanjut/${id}` }])
    }
    expect(await assigned(malang.id)).toEqual([])
    // a decision taken: said as assigned, with no "the meeting is scheduled for" (the notice sent ahead of it had said)
    expect(notificationText('ACTION_ASSIGNED', (await assigned(jombang.id))[0].params, 'id').body).toBe('Rakor Persiapan menugaskan tindak lanjut “Bawa data calon debitur” kepada Anda, tenggat 31 Maret 2030.')
    // now it is worked on
    signInAs(jombang)
    expect(await addProgress(undefined, form({ actionId: regency.id, version: v, note: 'Data dikirim', status: 'DONE' }))).toMatchObject({ ok: true })
    // closed later: nobody is told again
    signInAs(admin)
    expect(await setMeetingStatus(undefined, form({ id: meeting, version: 2, status: 'CLOSED' }))).toMatchObject({ ok: true })
    expect(await assigned(bpr.id)).toHaveLength(1)
  })

  it('a meeting begun but not marked held: its follow-ups are decided, told (at once, or by the hourly scan for those written before), and worked on, as they are counted late', async () => {
    // written a week ahead of the meeting: nobody told yet
    const meeting = await newMeeting({ title: 'Rakor Tanpa Status', startsAt: '2030-03-12T09:00', endsAt: '2030-03-12T15:00' })
    const early = await newAction(meeting, { ownerKind: 'BANK', ownerBankId: ids.bpr, title: 'Bawa daftar akad', dueDate: '2030-03-31' })
    mine = [early.id]
    expect(await assigned(bpr.id)).toEqual([])
    // the day came (18 September 2024 here) and went; nobody marked it held: the next scan tells the owner, once
    await db.meeting.update({ where: { id: meeting }, data: { startsAt: new Date('2024-09-18T02:00:00Z'), endsAt: new Date('2024-09-18T08:00:00Z') } })
    const scanAt = new Date('2024-09-18T09:00:00Z')
    await scanReminders({ now: scanAt })
    await scanReminders({ now: scanAt })
    expect(await assigned(bpr.id)).toEqual([expect.objectContaining({ eventKey: `action-assigned:${early.id}:BANK-${ids.bpr}` })])
    // one written after it began is told at once
    const late = await newAction(meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Kirim data realisasi', dueDate: '2024-10-31' })
    mine = [late.id, early.id]
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting }, select: { status: true } })).toEqual({ status: 'PLANNED' })
    expect(await assigned(jombang.id)).toEqual([expect.objectContaining({ eventKey: `action-assigned:${late.id}:REGENCY-35.17` })])
    // counted overdue today (getOverdueSummary's rule, by the meeting's start) and open to its owner
    expect(isOverdue({ dueDate: '2024-10-31', status: late.status, meeting: { startsAt: new Date('2024-09-18T02:00:00Z') } }, jakartaToday())).toBe(true)
    signInAs(jombang)
    expect(await addProgress(undefined, form({ actionId: late.id, version: late.version, note: 'Data dikirim', status: 'DONE' }))).toMatchObject({ ok: true })
  })
})

describe('briefing pack: the previous meeting is the same for every reader', () => {
  // in 2031 and of type Rakortek, so no other meeting of this file falls between them
  const at = (day: string) => ({ type: 'RAKORTEK', startsAt: `${day}T09:00`, endsAt: `${day}T12:00` })
  const held = async (id: string, status: 'HELD' | 'CLOSED' = 'HELD') => db.meeting.update({ where: { id }, data: { status } })

  it('is the latest earlier meeting of the type that was held, chosen without the reader’s scope; the rows stay scoped', async () => {
    const jombangHeld = await newMeeting({ title: 'Rakortek Jombang terlaksana', ...at('2031-01-10'), hostRegencyCode: '35.17' })
    await newAction(jombangHeld, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17', title: 'Verifikasi calon debitur Jombang', dueDate: '2031-02-01' })
    await held(jombangHeld, 'CLOSED')
    // planned (not held) between it and the current one: the admin's pack had picked it, the officer's the held one
    await newMeeting({ title: 'Rakortek Surabaya direncanakan', ...at('2031-02-10'), hostRegencyCode: '35.78' })
    const current = await newMeeting({ title: 'Rakortek Maret', ...at('2031-03-01'), hostRegencyCode: '35.17' })
    // held, but after the current one
    await held(await newMeeting({ title: 'Rakortek April', ...at('2031-04-01'), hostRegencyCode: '35.17' }))

    const forAdmin = await getBriefing({ user: await asUser(admin), id: current })
    const jombangUser = await asUser(jombang)
    const forJombang = await getBriefing({ user: jombangUser, id: current })
    expect(forAdmin!.previous?.id).toBe(jombangHeld)
    expect(forJombang!.previous?.id).toBe(jombangHeld)
    expect(forJombang!.previousHidden).toBe(false)
    // the officer's rows are exactly the follow-up list's for that meeting
    const list = await findActions({ user: jombangUser, filter: { meeting: jombangHeld, status: 'all' } })
    expect(forJombang!.previous!.actions.map((a) => a.id).sort()).toEqual(list.rows.map((a) => a.id).sort())
    expect(forJombang!.previous!.actions.map((a) => a.title)).toEqual(['Verifikasi calon debitur Jombang'])

    // a later held meeting the officer may not read: the admin gets it, the officer is told, never given another one
    const surabayaHeld = await newMeeting({ title: 'Rakortek Surabaya terlaksana', ...at('2031-02-20'), hostRegencyCode: '35.78' })
    await newAction(surabayaHeld, { ownerKind: 'REGENCY', ownerRegencyCode: '35.78', title: 'Pendataan Rakortek Surabaya', dueDate: '2031-03-31' })
    await held(surabayaHeld)
    expect((await getBriefing({ user: await asUser(admin), id: current }))!.previous?.id).toBe(surabayaHeld)
    const hidden = await getBriefing({ user: await asUser(jombang), id: current })
    expect(hidden).toMatchObject({ previous: null, previousHidden: true })
    const { GET } = await import('@/app/api/rapat/[id]/bahan/route')
    signInAs(jombang)
    const pdf = (await new PDFParse({ data: new Uint8Array(await (await GET(new Request(`http://localhost/api/rapat/${current}/bahan`), { params: Promise.resolve({ id: current }) })).arrayBuffer()) }).getText()).text
    expect(pdf).toContain('tidak tersedia untuk akun Anda')
    expect(pdf).not.toContain('Pendataan Rakortek Surabaya')
    expect(pdf).not.toContain('Verifikasi calon debitur Jombang')
  })

  it('says none was held when no earlier meeting of the type took place', async () => {
    const first = await newMeeting({ title: 'Rakortek perdana', ...at('2000-01-05'), hostRegencyCode: '35.17' })
    for (const u of [admin, jombang]) expect(await getBriefing({ user: await asUser(u), id: first })).toMatchObject({ previous: null, previousHidden: false })
    const { GET } = await import('@/app/api/rapat/[id]/bahan/route')
    signInAs(admin)
    const pdf = (await new PDFParse({ data: new Uint8Array(await (await GET(new Request(`http://localhost/api/rapat/${first}/bahan`), { params: Promise.resolve({ id: first }) })).arrayBuffer()) }).getText()).text
    expect(pdf).toContain('Belum ada rapat sebelumnya yang terlaksana.')
  })
})
