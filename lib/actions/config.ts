'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { writeAudit } from '@/lib/audit'
import { env } from '@/lib/env'
import { ActionError, authAction, type ActionState } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import { conflictError, transition } from '@/lib/transitions'
import { changedLockedFields, lockedFields, provinceTotalCheck, quarterTargetsAboveYear, type LockedField } from '@/lib/config/catalogue'
import { storedGridCells, writeTargetGrid } from '@/lib/config/targets'
import { getIndicatorUsage, reportsRejudgedByDeadline, type IndicatorUsage } from '@/lib/data/config'
import { THRESHOLDS_KEY } from '@/lib/data/settings'
import { formatDate, formatNumber } from '@/lib/format'
import { currentQuarter, defaultDeadline, periodOrdinal, quarterEndDate, quarterLabel } from '@/lib/reporting/periods'
import { REPORTING_START_KEY, parseReportingStart, periodOrdinalSql } from '@/lib/reporting/start'
import { deadlineDayNote } from '@/lib/reporting/deadlines'
import { holidaysOn } from '@/lib/reporting/deadline-holidays'
import { activityMeasureValue, deadlineSchema, reportingStartSchema, deleteIndicatorSchema, indicatorSchema, readTargetCells, targetCellName, targetDecimalsErrors, targetGridSchema, type TargetCell, thresholdsSchema } from '@/lib/validations/config'

/**
 * The admin's configuration actions. Each is validated (zod), checks the version the admin saw (a stale
 * edit is refused naming who changed the record and when, lib/transitions.ts), writes its audit row in
 * the same transaction, and never rewrites what a district already reported: an indicator used in
 * reports keeps its meaning, a used indicator cannot be deleted, and a deadline cannot move across the
 * submission of an approved report.
 */

const MESSAGES_INVALID = 'Periksa kembali isian yang ditandai.'

/** 12.000 or 85,30: decimals only where the figure has them */
const num = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2 })

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

const FIELD_LABELS: Record<LockedField, string> = {
  formCode: 'Formulir', unit: 'Satuan', aggregation: 'Agregasi', timeAggregation: 'Penjumlahan antar-triwulan',
  numeratorCode: 'Pembilang', denominatorCode: 'Penyebut', decimals: 'Desimal',
}

/** "dipakai di 52 nilai laporan (40 disetujui), 38 target, 1 aturan validasi" */
function usageText(u: IndicatorUsage): string {
  const parts = [
    u.reports && `${formatNumber(u.reports)} nilai laporan (${formatNumber(u.approvedReports)} disetujui)`,
    u.targets && `${formatNumber(u.targets)} target`,
    u.provinceValues && `${formatNumber(u.provinceValues)} nilai provinsi`,
    u.meetingOutcomes && `${formatNumber(u.meetingOutcomes)} hasil rapat`,
    u.rules && `${formatNumber(u.rules)} aturan validasi`,
    u.ratios && `${formatNumber(u.ratios)} indikator rasio`,
  ].filter(Boolean)
  return parts.join(', ')
}

const inUse = (u: IndicatorUsage) => Object.values(u).some((n) => n > 0)

const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null)

function revalidateConfig() {
  revalidatePath('/pengaturan', 'layout')
  revalidatePath('/laporan-triwulan', 'layout')
}

// ── Indicators ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Create an indicator (version 0) or change one (the version the admin opened). A ratio's numerator and
 * denominator must be summed indicators of the same form. Once any report holds a value for the
 * indicator, what the value means (form, unit, aggregation, decimals, ratio parts) is fixed: such a
 * change is refused on its field with the reason; names, order and the validity window may change.
 * The activity measure (which activity kind's beneficiaries of which type the indicator counts) is saved
 * with the indicator, under its version, and may change even when the indicator is used in reports.
 */
/** An indicator's columns in its audit rows (the whole row before, now named: a future column is not audited by accident). */
const indicatorAuditSelect = {
  code: true, formCode: true, name: true, nameEn: true, definition: true, definitionEn: true, source: true, sourceEn: true, unit: true,
  aggregation: true, timeAggregation: true, numeratorCode: true, denominatorCode: true, decimals: true, active: true, sortOrder: true,
  activeFrom: true, activeTo: true, version: true, updatedAt: true,
} satisfies Prisma.IndicatorSelect

export const saveIndicator = authAction('config.manage', indicatorSchema, async (input, user): Promise<ActionState> => {
  const form = await db.reportForm.findUnique({ where: { code: input.formCode }, select: { code: true } })
  if (!form) throw new ActionError('Formulir tidak dikenal.', { formCode: ['Pilih formulir yang ada.'] })
  if (input.aggregation === 'RATIO') {
    const parts = await db.indicator.findMany({ where: { code: { in: [input.numeratorCode!, input.denominatorCode!] } }, select: { code: true, formCode: true, aggregation: true } })
    for (const field of ['numeratorCode', 'denominatorCode'] as const) {
      const part = parts.find((p) => p.code === input[field])
      if (!part || part.code === input.code) throw new ActionError(MESSAGES_INVALID, { [field]: ['Pilih indikator lain yang ada.'] })
      if (part.aggregation !== 'SUM' || part.formCode !== input.formCode) throw new ActionError(MESSAGES_INVALID, { [field]: ['Rasio dihitung dari indikator berjumlah (SUM) pada formulir yang sama.'] })
    }
  }
  const data = {
    formCode: input.formCode, name: input.name, nameEn: input.nameEn, definition: input.definition, definitionEn: input.definitionEn, source: input.source, sourceEn: input.sourceEn, unit: input.unit, aggregation: input.aggregation,
    timeAggregation: input.timeAggregation, numeratorCode: input.numeratorCode, denominatorCode: input.denominatorCode,
    decimals: input.decimals, sortOrder: input.sortOrder, active: input.active, activeFrom: asDate(input.activeFrom), activeTo: asDate(input.activeTo),
  }
  await db.$transaction(async (tx) => {
    if (input.version === 0) {
      const { count } = await tx.indicator.createMany({ data: [{ code: input.code, ...data }], skipDuplicates: true })
      if (count !== 1) throw new ActionError('Kode ini sudah dipakai indikator lain.', { code: ['Kode sudah dipakai; pilih kode lain.'] }, 'CONFLICT')
      if (input.activityMeasure) await tx.indicatorActivityMeasure.create({ data: { indicatorCode: input.code, ...input.activityMeasure } })
      const after = await tx.indicator.findUniqueOrThrow({ where: { code: input.code }, select: indicatorAuditSelect })
      await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'Indicator', entityId: input.code, after: { ...after, activityMeasure: activityMeasureValue(input.activityMeasure) || null } })
      return
    }
    const before = await tx.indicator.findUnique({ where: { code: input.code }, select: indicatorAuditSelect })
    if (!before) throw new ActionError('Indikator tidak ditemukan; muat ulang halaman.', undefined, 'NOT_FOUND')
    const measureBefore = await tx.indicatorActivityMeasure.findUnique({ where: { indicatorCode: input.code }, select: { activityKind: true, beneficiaryType: true } })
    const usage = (await getIndicatorUsage(tx, input.code))!
    const changed = changedLockedFields(before, { ...before, ...data }, lockedFields(usage))
    if (changed.length && usage.reports > 0) {
      const reason = `Tidak dapat diubah: indikator ini sudah dipakai di ${usageText({ ...usage, targets: 0, provinceValues: 0, meetingOutcomes: 0, rules: 0, ratios: 0 })}. Buat indikator baru untuk arti yang berbeda.`
      throw new ActionError(`${changed.map((f) => FIELD_LABELS[f]).join(', ')} tidak dapat diubah karena indikator sudah dipakai dalam laporan.`, Object.fromEntries(changed.map((f) => [f, [reason]])))
    }
    if (usage.reports === 0 && usage.targets > 0 && data.decimals < before.decimals) {
      // fewer decimals than a stored target uses would show 12,5 as 13 (the bug the target screen's decimals check closed)
      const [{ n }] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM indicator_targets WHERE indicator_code = ${input.code} AND value <> round(value, ${data.decimals}::int)`
      if (n > 0) throw new ActionError(MESSAGES_INVALID, { decimals: [`Desimal tidak dapat dikurangi menjadi ${data.decimals}: ${formatNumber(n)} target memakai lebih banyak desimal. Ubah targetnya dulu.`] })
    }
    if (changed.length) {
      // targets only: a target of 6.000 permits must not become Rp6.000 (a walk changed the unit under them)
      const reason = `Tidak dapat diubah: indikator ini sudah memiliki ${formatNumber(usage.targets)} target. Hapus targetnya dulu, atau buat indikator baru untuk arti yang berbeda.`
      throw new ActionError(`${changed.map((f) => FIELD_LABELS[f]).join(', ')} tidak dapat diubah karena indikator sudah memiliki target.`, Object.fromEntries(changed.map((f) => [f, [reason]])))
    }
    await transition(tx, {
      entity: 'Indicator', entityId: input.code, label: 'Indikator',
      update: () => tx.indicator.updateMany({ where: { code: input.code, version: input.version }, data: { ...data, version: { increment: 1 } } }),
    })
    // the activity measure moves with the indicator's version; the counted value is computed when a report
    // is shown (lib/data/activities.ts#activityIndicatorValues), so no stored report value changes
    if (input.activityMeasure) {
      await tx.indicatorActivityMeasure.upsert({ where: { indicatorCode: input.code }, create: { indicatorCode: input.code, ...input.activityMeasure }, update: input.activityMeasure })
    } else if (measureBefore) {
      await tx.indicatorActivityMeasure.delete({ where: { indicatorCode: input.code } })
    }
    const after = await tx.indicator.findUniqueOrThrow({ where: { code: input.code }, select: indicatorAuditSelect })
    await writeAudit(tx, actor(user), {
      action: 'UPDATE', entity: 'Indicator', entityId: input.code,
      before: { ...before, activityMeasure: activityMeasureValue(measureBefore) || null },
      after: { ...after, activityMeasure: activityMeasureValue(input.activityMeasure) || null },
    })
  })
  revalidateConfig()
  redirect(`/pengaturan/indikator?disimpan=${encodeURIComponent(input.code)}`)
})

/** Delete an indicator nobody uses yet; one in use is refused with what uses it (retire it instead). */
export const deleteIndicator = authAction('config.manage', deleteIndicatorSchema, async (input, user): Promise<ActionState> => {
  await db.$transaction(async (tx) => {
    const before = await tx.indicator.findUnique({ where: { code: input.code }, select: indicatorAuditSelect })
    if (!before) throw new ActionError('Indikator tidak ditemukan; muat ulang halaman.', undefined, 'NOT_FOUND')
    const usage = (await getIndicatorUsage(tx, input.code))!
    if (inUse(usage)) {
      throw new ActionError(`Indikator ${input.code} tidak dapat dihapus karena dipakai di ${usageText(usage)}. Nonaktifkan atau isi "berlaku sampai" untuk menghentikannya.`, undefined, 'CONFLICT')
    }
    await tx.targetGrid.deleteMany({ where: { indicatorCode: input.code } })
    const { count } = await tx.indicator.deleteMany({ where: { code: input.code, version: input.version } })
    if (count !== 1) throw await conflictError(tx, 'Indicator', input.code, 'Indikator')
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'Indicator', entityId: input.code, before })
  })
  revalidateConfig()
  redirect(`/pengaturan/indikator?dihapus=${encodeURIComponent(input.code)}`)
})

// ── Targets ────────────────────────────────────────────────────────────────────────────────────────

/** Adds a message to a field's list; the errors, for chaining. */
function addError(errors: Record<string, string[]>, key: string, message: string): Record<string, string[]> {
  ;(errors[key] ??= []).push(message)
  return errors
}

/**
 * The refusals of single target cells that need the indicator or the province: a count's fraction (its
 * decimals), a regency outside the province, a regency's target for a province-level indicator. By field name.
 */
async function targetCellErrors(indicator: { aggregation: string; decimals: number }, cells: readonly TargetCell[]): Promise<Record<string, string[]>> {
  // a count's target is whole, as its reported value must be (`12,5` had been saved and shown as 13)
  const errors = targetDecimalsErrors(cells, indicator.decimals)
  const regencies = new Set((await db.regency.findMany({ where: { provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true } })).map((r) => r.code))
  for (const c of cells) {
    if (c.regencyCode !== null && !regencies.has(c.regencyCode)) addError(errors, targetCellName(c.regencyCode, c.quarter), 'Kabupaten/kota di luar provinsi.')
    else if (c.regencyCode !== null && indicator.aggregation === 'PROVINCE') addError(errors, targetCellName(c.regencyCode, c.quarter), 'Hanya baris provinsi yang diisi.')
  }
  return errors
}

type GridIndicator = { aggregation: 'SUM' | 'RATIO' | 'PROVINCE'; timeAggregation: 'FLOW' | 'STOCK'; decimals: number }

/**
 * The grid-wide refusals, added to `errors`: a flow's quarters past its year (on the row's year cell, with both
 * sums) and the province total of a summed indicator (on the province's year cell, unless accepted). Returns the
 * province total's sentence when it is refused, to be the message when nothing else is.
 */
function targetSumErrors(indicator: GridIndicator, cells: readonly TargetCell[], stored: readonly TargetCell[], acceptDifference: boolean, errors: Record<string, string[]>, judgeTotal = true): string | null {
  for (const row of quarterTargetsAboveYear(indicator, cells, stored)) {
    addError(errors, targetCellName(row.regencyCode, 0), `Jumlah target triwulan ${num(row.quarterSum)} melebihi target tahun ${num(row.year)}; untuk indikator yang dijumlah antar-triwulan, target triwulan tidak boleh melebihi target tahunnya.`)
  }
  const check = provinceTotalCheck(indicator.aggregation, cells)
  if (!judgeTotal || check.difference === null || check.difference === 0 || acceptDifference) return null
  // more or less, unsigned: "berbeda -10" read as a typo
  const msg = check.difference > 0
    ? `Jumlah target kabupaten/kota ${num(check.regencySum!)} lebih ${num(check.difference)} dari target provinsi ${num(check.province!)}. Perbaiki, atau centang "Simpan walau jumlah berbeda".`
    : `Jumlah target kabupaten/kota ${num(check.regencySum!)} kurang ${num(-check.difference)} dari target provinsi ${num(check.province!)}. Perbaiki, atau centang "Simpan walau jumlah berbeda".`
  addError(errors, targetCellName(null, 0), msg)
  return msg
}

/**
 * A grid refused by its schema (an unreadable cell) still says what is wrong with the cells it could read, and
 * the sums that do not depend on the unreadable ones: a row's quarters when none of its cells is unreadable, the
 * province total when no year cell is.
 */
async function targetGridAlsoWhenInvalid(raw: Record<string, unknown>): Promise<Record<string, string[]>> {
  if (typeof raw.indicatorCode !== 'string') return {}
  const indicator = await db.indicator.findUnique({ where: { code: raw.indicatorCode.trim() }, select: { aggregation: true, timeAggregation: true, decimals: true } })
  if (!indicator) return {}
  const unreadable: string[] = []
  const cells = readTargetCells(raw, (key) => unreadable.push(key))
  const errors = await targetCellErrors(indicator, cells)
  const year = Number(raw.year)
  if (!Number.isInteger(year)) return errors
  // `t.<regency or PROV>.<quarter>`: the rows and year cells the unreadable cells leave unknown
  const unknownRows = new Set(unreadable.map((k) => k.split('.').slice(1, -1).join('.')))
  const judged = cells.filter((c) => !unknownRows.has(c.regencyCode ?? 'PROV'))
  const accepted = raw.acceptDifference === 'on' || raw.acceptDifference === 'true'
  targetSumErrors(indicator, judged, await storedGridCells(db, raw.indicatorCode.trim(), year), accepted, errors, !unreadable.some((k) => k.endsWith('.0')))
  return errors
}

/**
 * Save one indicator's whole target grid for a year (regencies × year and Triwulan I–IV, and the
 * province's own row), replacing what was there. For a summed indicator the regencies' year targets
 * must add up to the province's year target, unless the admin accepts the difference; for a summed flow a
 * row's quarter targets may not add up past its year. Targets never touch reported values.
 */
export const saveTargetGrid = authAction('config.manage', targetGridSchema, async (input, user): Promise<ActionState> => {
  const indicator = await db.indicator.findUnique({ where: { code: input.indicatorCode }, select: { code: true, aggregation: true, timeAggregation: true, decimals: true } })
  if (!indicator) throw new ActionError('Indikator tidak dikenal.', undefined, 'NOT_FOUND')
  // every cell's refusal at once (a walk met them one kind at a time: decimals, then the quarters' sum)
  const errors = await targetCellErrors(indicator, input.cells)
  const provinceTotal = targetSumErrors(indicator, input.cells, await storedGridCells(db, input.indicatorCode, input.year), input.acceptDifference, errors)
  // alone, the province total is the message; beside other refusals it is one of the marked cells
  if (provinceTotal && Object.values(errors).flat().length === 1) throw new ActionError(provinceTotal, errors)
  if (Object.keys(errors).length) throw new ActionError(MESSAGES_INVALID, errors)
  const version = await db.$transaction((tx) => writeTargetGrid(tx, actor(user), input))
  revalidateConfig()
  return { ok: true, message: `Target ${input.indicatorCode} tahun ${input.year} disimpan (${formatNumber(input.cells.length)} sel).`, data: { version: String(version) } }
}, { alsoWhenInvalid: targetGridAlsoWhenInvalid })

// ── Deadlines ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Set a quarter's reporting deadline. It cannot fall before the quarter ends, and it cannot move across
 * the first submission of an approved report (that would re-judge an approved report as late or on
 * time); submitted reports not yet approved that it re-judges are named in the message. A deadline on a
 * Saturday, Sunday or holiday is saved as set (the rule is a fixed day) and the message says so.
 */
export const saveDeadline = authAction('config.manage', deadlineSchema, async (input, user): Promise<ActionState> => {
  const quarterEnd = quarterEndDate(input.year, input.quarter)
  if (input.deadline <= quarterEnd) throw new ActionError(MESSAGES_INVALID, { deadline: [`Batas waktu harus setelah triwulan berakhir (${formatDate(quarterEnd)}).`] })
  const key = `${input.year}-${input.quarter}`
  const label = `${quarterLabel(input.quarter)} ${input.year}`
  const rejudged = await db.$transaction(async (tx) => {
    const before = await tx.reportingPeriod.findUnique({ where: { year_quarter: { year: input.year, quarter: input.quarter } }, select: { deadline: true, version: true } })
    const from = before ? before.deadline.toISOString().slice(0, 10) : defaultDeadline(input.year, input.quarter)
    const affected = from === input.deadline ? [] : await reportsRejudgedByDeadline(tx, input.year, input.quarter, from, input.deadline)
    const approved = affected.filter((r) => r.status === 'APPROVED')
    if (approved.length) {
      const names = approved.slice(0, 5).map((r) => r.regency.name).join(', ')
      throw new ActionError(MESSAGES_INVALID, { deadline: [`Tidak dapat dipindah ke ${formatDate(input.deadline)}: ${approved.length} laporan yang sudah disetujui (${names}${approved.length > 5 ? ', …' : ''}) akan dinilai ulang ketepatan waktunya.`] })
    }
    if (input.version === 0) {
      const { count } = await tx.reportingPeriod.createMany({ data: [{ year: input.year, quarter: input.quarter, deadline: new Date(input.deadline) }], skipDuplicates: true })
      if (count !== 1) throw await conflictError(tx, 'ReportingPeriod', key, `Batas waktu ${label}`)
    } else {
      await transition(tx, {
        entity: 'ReportingPeriod', entityId: key, label: `Batas waktu ${label}`,
        update: () => tx.reportingPeriod.updateMany({ where: { year: input.year, quarter: input.quarter, version: input.version }, data: { deadline: new Date(input.deadline), version: { increment: 1 } } }),
      })
    }
    await writeAudit(tx, actor(user), { action: input.version === 0 ? 'CREATE' : 'UPDATE', entity: 'ReportingPeriod', entityId: key, before: { deadline: from }, after: { deadline: input.deadline } })
    return { affected, dayNote: deadlineDayNote(input.deadline, await holidaysOn(tx, [input.deadline])) }
  })
  revalidateConfig()
  const note = (rejudged.affected.length ? ` ${rejudged.affected.length} laporan yang belum disetujui kini dinilai ulang: ${rejudged.affected.map((r) => r.regency.name).join(', ')}.` : '')
    + (rejudged.dayNote ? ` ${rejudged.dayNote}` : '')
  return { ok: true, message: `Batas waktu ${label} menjadi ${formatDate(input.deadline)}.${note}` }
})

/**
 * Set the first quarter the agency requires reports for (lib/reporting/start.ts), or none (every period).
 * The quarters before it are no longer judged late or overdue and are not reminded; reports already sent
 * for them are kept. At most a year ahead: a start further out would switch reporting off for that long.
 */
export const saveReportingStart = authAction('config.manage', reportingStartSchema, async (input, user): Promise<ActionState> => {
  const latest = currentQuarter(new Date()).year + 1
  if (input.start && periodOrdinal(input.start.year, input.start.quarter) > periodOrdinal(latest, 4)) {
    throw new ActionError(MESSAGES_INVALID, { start: [`Awal pelaporan paling lambat ${quarterLabel(4)} ${latest}.`] })
  }
  // cleared is stored as {} (not deleted), so the row keeps its version for the next save to check
  const value = input.start ? { year: input.start.year, quarter: input.start.quarter } : {}
  const label = 'Awal pelaporan'
  const rejudged = await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: REPORTING_START_KEY }, select: { value: true } })
    // the reports already sent for the quarters between the old start and the new one change how they are judged
    // (late or on time, or not at all): said in the message, as a deadline's move names the reports it re-judges
    const ordinal = (s: { year: number; quarter: number } | null) => (s ? periodOrdinal(s.year, s.quarter) : 0)
    const [from, to] = [ordinal(parseReportingStart(before?.value)), ordinal(input.start)]
    const [{ n }] = from === to ? [{ n: 0 }] : await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM quarterly_reports r JOIN regencies g ON g.code = r.regency_code
      WHERE g.province_code = ${env().AGENCY_PROVINCE_CODE} AND r.first_submitted_at IS NOT NULL
        AND ${periodOrdinalSql(Prisma.sql`r.year`, Prisma.sql`r.quarter`)} BETWEEN ${Math.min(from, to)} AND ${Math.max(from, to) - 1}`
    if (input.version === 0) {
      const { count } = await tx.setting.createMany({ data: [{ key: REPORTING_START_KEY, value }], skipDuplicates: true })
      if (count !== 1) throw await conflictError(tx, 'Setting', REPORTING_START_KEY, label)
    } else {
      await transition(tx, {
        entity: 'Setting', entityId: REPORTING_START_KEY, label,
        update: () => tx.setting.updateMany({ where: { key: REPORTING_START_KEY, version: input.version }, data: { value, version: { increment: 1 } } }),
      })
    }
    await writeAudit(tx, actor(user), { action: input.version === 0 ? 'CREATE' : 'UPDATE', entity: 'Setting', entityId: REPORTING_START_KEY, before: before?.value, after: value })
    return { count: n, judgedNow: to < from }
  })
  // every dashboard, report list and home page judges periods by it
  revalidatePath('/', 'layout')
  const quarter = input.start ? `${quarterLabel(input.start.quarter)} ${input.start.year}` : ''
  const count = formatNumber(rejudged.count)
  // each sentence whole, so that its English is found (lib/i18n/server-text.ts)
  const message = !input.start
    ? (rejudged.count ? `Semua triwulan diwajibkan dan dinilai ketepatan waktunya. ${count} laporan yang sudah dikirim kini dinilai ketepatan waktunya.` : 'Semua triwulan diwajibkan dan dinilai ketepatan waktunya.')
    : !rejudged.count ? `Pelaporan diwajibkan mulai ${quarter}; triwulan sebelumnya tidak dinilai terlambat dan tidak diingatkan.`
    : rejudged.judgedNow ? `Pelaporan diwajibkan mulai ${quarter}; triwulan sebelumnya tidak dinilai terlambat dan tidak diingatkan. ${count} laporan yang sudah dikirim kini dinilai ketepatan waktunya.`
    : `Pelaporan diwajibkan mulai ${quarter}; triwulan sebelumnya tidak dinilai terlambat dan tidak diingatkan. ${count} laporan yang sudah dikirim tidak lagi dinilai ketepatan waktunya.`
  return { ok: true, message }
})

// ── Dashboard thresholds ───────────────────────────────────────────────────────────────────────────

/** Set the dashboard's traffic light: on track from `onTrack` % of the pace, watch from `watch` %. */
export const saveThresholds = authAction('config.manage', thresholdsSchema, async (input, user): Promise<ActionState> => {
  const value = { onTrack: input.onTrack, watch: input.watch }
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: THRESHOLDS_KEY }, select: { value: true } })
    if (input.version === 0) {
      const { count } = await tx.setting.createMany({ data: [{ key: THRESHOLDS_KEY, value }], skipDuplicates: true })
      if (count !== 1) throw await conflictError(tx, 'Setting', THRESHOLDS_KEY, 'Ambang status')
    } else {
      await transition(tx, {
        entity: 'Setting', entityId: THRESHOLDS_KEY, label: 'Ambang status',
        update: () => tx.setting.updateMany({ where: { key: THRESHOLDS_KEY, version: input.version }, data: { value, version: { increment: 1 } } }),
      })
    }
    await writeAudit(tx, actor(user), { action: input.version === 0 ? 'CREATE' : 'UPDATE', entity: 'Setting', entityId: THRESHOLDS_KEY, before: before?.value, after: value })
  })
  revalidatePath('/', 'layout')
  return { ok: true, message: `Ambang status disimpan: sesuai target ≥ ${num(input.onTrack)}%, perlu perhatian ≥ ${num(input.watch)}%.` }
})

