'use server'

import { checkRateDate } from '@/lib/credit/rate-window'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { ActionError, authAction, type ActionState } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import { transition } from '@/lib/transitions'
import { formatDate, formatNumber } from '@/lib/format'
import { bankSchema, programBankSchema, removeProgramBankSchema } from '@/lib/validations/banks'

/**
 * The admin's partner banks and their participation in programme years. Banks are never deleted: a
 * deactivated bank keeps its loans, claims, users and audit trail readable, and is no longer offered to
 * join a programme. A bank leaves a programme only while it has no disbursement or claim there.
 */

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

function revalidateBanks() {
  revalidatePath('/pengaturan', 'layout')
  revalidatePath('/kredit', 'layout')
}

/** Create a bank (version 0) or change the version the admin opened; the code stays unique. */
export const saveBank = authAction('config.manage', bankSchema, async (input, user): Promise<ActionState> => {
  const data = { code: input.code, name: input.name, shortName: input.shortName, active: input.active }
  const taken = await db.bank.findFirst({ where: { code: input.code, ...(input.id && { id: { not: input.id } }) }, select: { id: true } })
  if (taken) throw new ActionError('Kode ini sudah dipakai bank lain.', { code: ['Kode sudah dipakai; pilih kode lain.'] }, 'CONFLICT')
  const id = await db.$transaction(async (tx) => {
    if (!input.id) {
      const created = await tx.bank.create({ data, select: { id: true, code: true, name: true, shortName: true, active: true } })
      await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'Bank', entityId: created.id, after: created })
      return created.id
    }
    const bankId = input.id
    const before = await tx.bank.findUnique({ where: { id: bankId }, select: { code: true, name: true, shortName: true, active: true, version: true } })
    if (!before) throw new ActionError('Bank tidak ditemukan; muat ulang halaman.', undefined, 'NOT_FOUND')
    await transition(tx, {
      entity: 'Bank', entityId: bankId, label: 'Bank',
      update: () => tx.bank.updateMany({ where: { id: bankId, version: input.version }, data: { ...data, version: { increment: 1 } } }),
    })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'Bank', entityId: bankId, before, after: data })
    return bankId
  }).catch((e: unknown) => {
    // two admins creating the same code at once: the unique index decides, the loser is told why
    if (e && typeof e === 'object' && 'code' in e && e.code === 'P2002') throw new ActionError('Kode ini sudah dipakai bank lain.', { code: ['Kode sudah dipakai; pilih kode lain.'] }, 'CONFLICT')
    throw e
  })
  revalidateBanks()
  redirect(`/pengaturan/bank?disimpan=${encodeURIComponent(input.code)}#bank-${id}`)
})

/**
 * A bank joins a programme year with its contract rate from a date (the rate the interest subsidy is
 * computed from). Only an active bank; the programme's version must be the one the admin saw.
 */
export const addProgramBank = authAction('config.manage', programBankSchema, async (input, user): Promise<ActionState> => {
  const [program, bank] = await Promise.all([
    db.creditProgram.findUnique({ where: { id: input.programId }, select: { id: true, code: true, borrowerRate: true, year: true, maxTenorMonths: true } }),
    db.bank.findUnique({ where: { id: input.bankId }, select: { id: true, shortName: true, active: true } }),
  ])
  if (!program) throw new ActionError('Program tidak ditemukan.', undefined, 'NOT_FOUND')
  if (!bank) throw new ActionError('Bank tidak ditemukan.', { bankId: ['Pilih bank yang ada.'] }, 'NOT_FOUND')
  if (!bank.active) throw new ActionError('Bank nonaktif tidak dapat ikut program.', { bankId: ['Aktifkan bank ini terlebih dahulu.'] })
  if (input.rate / 100 <= Number(program.borrowerRate)) throw new ActionError('Bunga bank harus di atas bunga debitur.', { rate: ['Bunga bank harus di atas bunga debitur.'] })
  await db.$transaction(async (tx) => {
    await transition(tx, {
      entity: 'CreditProgram', entityId: program.id, label: 'Program',
      update: () => tx.creditProgram.updateMany({ where: { id: program.id, version: input.version }, data: { version: { increment: 1 } } }),
    })
    // a joining bank has no loans yet: its first rate falls within the programme's year and tenor, as every later one
    await checkRateDate(tx, program, bank.id, input.effectiveFrom)
    const { count } = await tx.creditProgramBank.createMany({ data: [{ programId: program.id, bankId: bank.id }], skipDuplicates: true })
    if (count !== 1) throw new ActionError(`${bank.shortName} sudah ikut program ${program.code}.`, { bankId: ['Bank ini sudah ikut program.'] }, 'CONFLICT')
    await tx.programRate.upsert({
      where: { programId_bankId_effectiveFrom: { programId: program.id, bankId: bank.id, effectiveFrom: new Date(input.effectiveFrom) } },
      update: { rate: input.rate / 100 },
      create: { programId: program.id, bankId: bank.id, effectiveFrom: new Date(input.effectiveFrom), rate: input.rate / 100 },
    })
    // recorded on the programme, whose version it moved: a stale form then names who changed it and when
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'CreditProgram', entityId: program.id, after: { bankJoined: { bankId: bank.id, effectiveFrom: input.effectiveFrom, rate: input.rate / 100 } } })
  })
  revalidateBanks()
  return { ok: true, message: `${bank.shortName} ikut program ${program.code} dengan bunga ${formatNumber(input.rate, { decimals: 2 })}% mulai ${formatDate(input.effectiveFrom)}.` }
})

/**
 * A bank leaves a programme year. Refused, with the counts, once it has disbursements or claims in the
 * programme: its loans, schedules and claims were computed with its participation and rates.
 */
export const removeProgramBank = authAction('config.manage', removeProgramBankSchema, async (input, user): Promise<ActionState> => {
  const result = await db.$transaction(async (tx) => {
    const link = await tx.creditProgramBank.findUnique({
      where: { programId_bankId: { programId: input.programId, bankId: input.bankId } },
      select: { program: { select: { code: true } }, bank: { select: { shortName: true } } },
    })
    if (!link) throw new ActionError('Bank ini tidak ikut program tersebut; muat ulang halaman.', undefined, 'NOT_FOUND')
    await transition(tx, {
      entity: 'CreditProgram', entityId: input.programId, label: 'Program',
      update: () => tx.creditProgram.updateMany({ where: { id: input.programId, version: input.version }, data: { version: { increment: 1 } } }),
    })
    // counted after the version step, inside its transaction: a disbursement recorded meanwhile is seen
    const [disbursements, claims] = await Promise.all([
      tx.disbursement.count({ where: { programId: input.programId, bankId: input.bankId } }),
      tx.subsidyClaim.count({ where: { programId: input.programId, bankId: input.bankId } }),
    ])
    if (disbursements > 0 || claims > 0) {
      throw new ActionError(`${link.bank.shortName} tidak dapat dikeluarkan dari program ${link.program.code}: sudah ada ${formatNumber(disbursements)} penyaluran dan ${formatNumber(claims)} klaim subsidi yang dihitung dengan keikutsertaannya.`, undefined, 'CONFLICT')
    }
    const rates = await tx.programRate.findMany({ where: { programId: input.programId, bankId: input.bankId }, select: { effectiveFrom: true, rate: true }, orderBy: { effectiveFrom: 'asc' } })
    await tx.programRate.deleteMany({ where: { programId: input.programId, bankId: input.bankId } })
    await tx.creditProgramBank.delete({ where: { programId_bankId: { programId: input.programId, bankId: input.bankId } } })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'CreditProgram', entityId: input.programId, before: { bankLeft: { bankId: input.bankId, rates } } })
    return link
  })
  revalidateBanks()
  return { ok: true, message: `${result.bank.shortName} dikeluarkan dari program ${result.program.code}.` }
})
