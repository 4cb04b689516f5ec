'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { ActionError, authAction, type ActionState } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import type { Prisma } from '@/lib/generated/prisma/client'
import { transition } from '@/lib/transitions'
import { previewRule } from '@/lib/data/validation-rules'
import { formatNumber } from '@/lib/format'
import type { Rule } from '@/lib/reporting/rules'
import { ruleActiveSchema, validationRuleSchema } from '@/lib/validations/validation-rules'

/**
 * The admin's validation rules of the quarterly report. A rule is checked against the catalogue (its
 * indicators exist and are in district reports; a pair has the same unit), previewed against the reports
 * already written with the quarterly form's own evaluator, saved with its audit row and a version check,
 * and deactivated rather than deleted. A rule never changes a report: it applies to the next save or
 * submission of a draft or returned report; submitted and approved reports keep their values and status.
 */

const INVALID = 'Periksa kembali isian yang ditandai.'
const UNIT_LABEL: Record<string, string> = { COUNT: 'jumlah', PERCENT: 'persen', RUPIAH: 'rupiah' }

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

/**
 * Preview (`intent=preview`: nothing is written, the flagged reports come back in `data.preview` as
 * JSON) or save a rule: create it (version 0) or change the version the admin opened.
 */
/** A rule's columns in its audit rows (the whole row today, named: a future column is not audited by accident). */
const ruleAuditSelect = {
  code: true, kind: true, severity: true, indicatorCode: true, otherIndicatorCode: true, min: true, max: true, thresholdPercent: true,
  message: true, messageEn: true, active: true, version: true, updatedAt: true,
} satisfies Prisma.ValidationRuleSelect

export const saveValidationRule = authAction('config.manage', validationRuleSchema, async (input, user): Promise<ActionState> => {
  const codes = [input.indicatorCode, input.otherIndicatorCode].filter((c): c is string => c !== null)
  const indicators = await db.indicator.findMany({ where: { code: { in: codes } }, select: { code: true, unit: true, aggregation: true } })
  for (const field of ['indicatorCode', 'otherIndicatorCode'] as const) {
    const code = input[field]
    if (code === null) continue
    const found = indicators.find((i) => i.code === code)
    if (!found) throw new ActionError(INVALID, { [field]: ['Pilih indikator yang ada.'] })
    if (found.aggregation === 'PROVINCE') throw new ActionError(INVALID, { [field]: ['Indikator tingkat provinsi tidak ada dalam laporan kabupaten/kota.'] })
  }
  if (input.kind === 'LESS_OR_EQUAL') {
    const [a, b] = [indicators.find((i) => i.code === input.indicatorCode)!, indicators.find((i) => i.code === input.otherIndicatorCode)!]
    if (a.unit !== b.unit) {
      throw new ActionError(INVALID, { otherIndicatorCode: [`Satuan tidak sebanding: ${a.code} dalam ${UNIT_LABEL[a.unit]}, ${b.code} dalam ${UNIT_LABEL[b.unit]}. Pilih indikator dengan satuan yang sama.`] })
    }
  }
  const rule: Rule = {
    code: input.code, kind: input.kind, severity: input.severity, indicatorCode: input.indicatorCode, otherIndicatorCode: input.otherIndicatorCode,
    min: input.min, max: input.max, thresholdPercent: input.thresholdPercent, message: input.message, messageEn: input.messageEn,
  }
  if (input.intent === 'preview') {
    const preview = await previewRule(rule)
    const message = preview.reportsChecked === 0
      ? 'Belum ada laporan untuk dipratinjau.'
      : `Aturan ini akan menandai ${formatNumber(preview.reportsFlagged)} dari ${formatNumber(preview.reportsChecked)} laporan. Belum disimpan.`
    return { ok: true, message, data: { preview: JSON.stringify(preview) } }
  }
  const { code, ...fields } = rule
  const data = { ...fields, active: input.active }
  await db.$transaction(async (tx) => {
    if (input.version === 0) {
      const { count } = await tx.validationRule.createMany({ data: [{ code, ...data }], skipDuplicates: true })
      if (count !== 1) throw new ActionError('Kode ini sudah dipakai aturan lain.', { code: ['Kode sudah dipakai; pilih kode lain.'] }, 'CONFLICT')
      const after = await tx.validationRule.findUniqueOrThrow({ where: { code: input.code }, select: ruleAuditSelect })
      await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'ValidationRule', entityId: input.code, after })
      return
    }
    const before = await tx.validationRule.findUnique({ where: { code: input.code }, select: ruleAuditSelect })
    if (!before) throw new ActionError('Aturan tidak ditemukan; muat ulang halaman.', undefined, 'NOT_FOUND')
    await transition(tx, {
      entity: 'ValidationRule', entityId: input.code, label: 'Aturan validasi',
      update: () => tx.validationRule.updateMany({ where: { code: input.code, version: input.version }, data: { ...data, version: { increment: 1 } } }),
    })
    const after = await tx.validationRule.findUniqueOrThrow({ where: { code: input.code }, select: ruleAuditSelect })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'ValidationRule', entityId: input.code, before, after })
  })
  revalidatePath('/pengaturan', 'layout')
  revalidatePath('/laporan-triwulan', 'layout')
  redirect(`/pengaturan/aturan?disimpan=${encodeURIComponent(input.code)}`)
})

/**
 * Deactivate a rule, or activate it again. Rules are never deleted: the audit trail keeps what a rule
 * said when a report was submitted under it, and a deactivated rule can come back unchanged.
 */
export const setValidationRuleActive = authAction('config.manage', ruleActiveSchema, async (input, user): Promise<ActionState> => {
  await db.$transaction(async (tx) => {
    const before = await tx.validationRule.findUnique({ where: { code: input.code }, select: { active: true, version: true } })
    if (!before) throw new ActionError('Aturan tidak ditemukan; muat ulang halaman.', undefined, 'NOT_FOUND')
    await transition(tx, {
      entity: 'ValidationRule', entityId: input.code, label: 'Aturan validasi',
      update: () => tx.validationRule.updateMany({ where: { code: input.code, version: input.version }, data: { active: input.active, version: { increment: 1 } } }),
    })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'ValidationRule', entityId: input.code, before: { active: before.active }, after: { active: input.active } })
  })
  revalidatePath('/pengaturan', 'layout')
  revalidatePath('/laporan-triwulan', 'layout')
  return { ok: true, message: input.active ? `Aturan ${input.code} diaktifkan; berlaku pada penyimpanan dan pengiriman laporan berikutnya.` : `Aturan ${input.code} dinonaktifkan; laporan yang sudah dikirim atau disetujui tidak berubah.` }
})
