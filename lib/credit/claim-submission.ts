import 'server-only'
import ExcelJS from 'exceljs'
import { db } from '@/lib/db'
import { lastEndedMonth } from '@/lib/dates'
import { writeAudit } from '@/lib/audit'
import { ActionError } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

const MAX_CLAIM_FILE = 5 * 1024 * 1024

/** Claimed amounts from the bank's .xlsx: column A loan account number, column B amount (header row first). */
export async function readClaimFile(file: File): Promise<Map<string, number>> {
  if (file.size > MAX_CLAIM_FILE) throw new ActionError('Berkas terlalu besar (maksimal 5 MB).', { file: ['Berkas terlalu besar (maksimal 5 MB).'] })
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer)
  } catch {
    throw new ActionError('Berkas bukan .xlsx yang dapat dibaca.', { file: ['Unggah berkas .xlsx (Excel).'] })
  }
  const ws = wb.worksheets[0]
  const amounts = new Map<string, number>()
  const problems: string[] = []
  ws?.eachRow((row, n) => {
    if (n === 1) return
    const account = String(row.getCell(1).text ?? '').trim()
    const raw = row.getCell(2).value
    const amount = typeof raw === 'number' ? raw : Number(String(raw ?? '').replace(/[.\s]/g, '').replace(',', '.'))
    if (!account) return
    if (!Number.isFinite(amount) || amount < 0) problems.push(`baris ${n}: jumlah tidak valid`)
    else if (amounts.has(account)) problems.push(`baris ${n}: rekening ${account} ganda`)
    else amounts.set(account, Math.round(amount))
  })
  if (problems.length) throw new ActionError(`Isi berkas tidak valid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (dan ${problems.length - 5} lagi)` : ''}.`, { file: problems.slice(0, 5) })
  if (amounts.size === 0) throw new ActionError('Berkas tidak berisi baris klaim.', { file: ['Kolom A: nomor rekening, kolom B: jumlah klaim, mulai baris 2.'] })
  return amounts
}

/**
 * A bank's monthly claim: one line per loan with subsidy due in that month (claimed as computed), or the
 * amounts of the bank's own .xlsx. The agency's recomputation is stored beside each line at submission.
 * A returned claim is resubmitted by submitting the month again. Returns the claim's id.
 * Not a server action: callers (the guarded action, tests) pass a user the server already checked.
 */
export async function submitClaimFor(user: SessionUser, month: string, amounts: Map<string, number> | null): Promise<string> {
  if (user.role !== 'BANK_OFFICER' || !user.bankId) throw new ActionError('Hanya petugas bank mitra yang mengajukan klaim.')
  const bankId = user.bankId!
  const year = Number(month.slice(0, 4))
  const monthStart = `${month}-01`
  const program = await db.creditProgram.findFirst({ where: { year, banks: { some: { bankId } } }, select: { id: true, scheme: true }, orderBy: { code: 'asc' } })
  if (!program) throw new ActionError(`Tidak ada program tahun ${year} untuk bank Anda.`, { month: [`Tidak ada program tahun ${year} untuk bank Anda.`] })
  if (month > lastEndedMonth()) throw new ActionError('Klaim diajukan setelah bulannya berakhir.', { month: ['Pilih bulan yang sudah berakhir.'] })
  const claimId = await db.$transaction(async (tx) => {
    const existing = await tx.subsidyClaim.findUnique({ where: { programId_bankId_month: { programId: program.id, bankId, month: new Date(monthStart) } }, select: { id: true, status: true } })
    if (existing && existing.status !== 'RETURNED') throw new ActionError('Klaim bulan ini sudah diajukan.', { month: ['Klaim bulan ini sudah diajukan.'] })
    // what is due that month for each of the bank's loans in the scheme, in SQL
    const due = await tx.$queryRaw<{ disbursement_id: string; account_number: string; due: string }[]>`
      SELECT lm.disbursement_id, d.account_number, sum(lm.subsidy_due)::text AS due
      FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id JOIN credit_programs p ON p.id = d.program_id
      WHERE p.scheme = ${program.scheme} AND d.bank_id = ${bankId} AND lm.claim_month = ${monthStart}::date
      GROUP BY lm.disbursement_id, d.account_number`
    const byAccount = new Map(due.map((d) => [d.account_number, d]))
    let lines: { disbursementId: string; claimed: number; computed: number }[]
    if (amounts) {
      const unknown = [...amounts.keys()].filter((a) => !byAccount.has(a))
      if (unknown.length) {
        // a loan of this bank with nothing due this month (e.g. matured) is still a valid line: computed 0
        const found = await tx.disbursement.findMany({ where: { bankId, accountNumber: { in: unknown } }, select: { id: true, accountNumber: true } })
        const missing = unknown.filter((a) => !found.some((f) => f.accountNumber === a))
        if (missing.length) throw new ActionError(`Rekening tidak dikenal untuk bank Anda: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (dan ${missing.length - 5} lagi)` : ''}.`, { file: ['Ada nomor rekening yang tidak tercatat sebagai penyaluran bank Anda.'] })
        for (const f of found) byAccount.set(f.accountNumber, { disbursement_id: f.id, account_number: f.accountNumber, due: '0' })
      }
      lines = [...amounts.entries()].map(([account, claimed]) => ({ disbursementId: byAccount.get(account)!.disbursement_id, claimed, computed: Number(byAccount.get(account)!.due) }))
    } else {
      lines = due.filter((d) => Number(d.due) > 0).map((d) => ({ disbursementId: d.disbursement_id, claimed: Number(d.due), computed: Number(d.due) }))
    }
    if (lines.length === 0) throw new ActionError('Tidak ada subsidi yang jatuh tempo pada bulan ini.', { month: ['Tidak ada subsidi yang jatuh tempo pada bulan ini.'] })
    const claim = existing
      ? await tx.subsidyClaim.update({ where: { id: existing.id }, data: { status: 'SUBMITTED', submittedAt: new Date(), submittedById: user.id, returnReason: null, reviewedAt: null, reviewedById: null, version: { increment: 1 } }, select: { id: true } })
      : await tx.subsidyClaim.create({ data: { programId: program.id, bankId, month: new Date(monthStart), submittedById: user.id }, select: { id: true } })
    if (existing) await tx.claimLine.deleteMany({ where: { claimId: claim.id } })
    for (let i = 0; i < lines.length; i += 5_000) {
      await tx.claimLine.createMany({ data: lines.slice(i, i + 5_000).map((l) => ({ claimId: claim.id, disbursementId: l.disbursementId, claimedAmount: l.claimed, computedAmount: l.computed })) })
    }
    const claimed = lines.reduce((a, l) => a + l.claimed, 0)
    const computed = lines.reduce((a, l) => a + l.computed, 0)
    await writeAudit(tx, actor(user), { action: 'SUBMIT', entity: 'SubsidyClaim', entityId: claim.id, after: { month, lines: lines.length, claimed, computed, resubmitted: Boolean(existing) } })
    return claim.id
  }, { timeout: 60_000 })
  return claimId
}

