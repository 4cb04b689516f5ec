'use server'

import { revalidatePath } from 'next/cache'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { env } from '@/lib/env'
import { ActionError, authAction, MESSAGES, type ActionState } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import { conflictError, transition as conditionalStep } from '@/lib/transitions'
import { getQuarterForms, getValidationRules, toRuleIndicators, type ReportStatus } from '@/lib/data/reporting'
import { previousQuarter, quarterLabel, quarterStarted } from '@/lib/reporting/periods'
import { COMPARED_REPORT_STATUSES, evaluateRules, isEntered, submissionErrors } from '@/lib/reporting/rules'
import { reportSnapshotSelect, STALE_REPORT, STATUS_LABEL, writeReportValues } from '@/lib/reporting/writes'
import { enqueue } from '@/lib/jobs'
import { emailEnabled } from '@/lib/reminders/email'
import { REMINDER_EMAIL } from '@/lib/reminders/jobs'
import { notifyReportApproved, remindReturnedReports } from '@/lib/reminders/scan'
import { settleNotifications } from '@/lib/reminders/settle'
import { jakartaToday } from '@/lib/dates'
import { approveReportSchema, decimalsProblem, reopenReportSchema, reportEntrySchema, returnReportSchema } from '@/lib/validations/reporting'

/**
 * The quarterly report workflow: DRAFT → SUBMITTED → RETURNED → SUBMITTED → APPROVED (locked; an
 * admin may reopen it to RETURNED with a reason). Each step checks role (authAction), regency scope,
 * the current state and the version the user saw, and writes its audit row in the same transaction.
 */

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

const STALE = STALE_REPORT
const snapshotSelect = reportSnapshotSelect

function revalidate() {
  revalidatePath('/laporan-triwulan', 'layout')
}

/**
 * Save the officer's report as a draft, or submit it. Only the officer of the report's regency, only
 * while DRAFT or RETURNED. Submission runs the validation rules: errors and uncommented warnings keep
 * it a draft (the values are still saved) and come back as field errors next to their fields.
 */
export const saveReport = authAction('reports.write', reportEntrySchema, async (input, user): Promise<ActionState> => {
  const regencyCode = user.regencyCode
  if (!regencyCode) throw new ActionError('Akun Anda tidak terikat pada kabupaten/kota.')
  const regency = await db.regency.findFirst({ where: { code: regencyCode, provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true } })
  if (!regency) throw new ActionError('Kabupaten/kota Anda tidak termasuk provinsi ini.')
  if (!quarterStarted(input.year, input.quarter, new Date())) throw new ActionError(`${quarterLabel(input.quarter)} ${input.year} belum dimulai.`)

  const forms = await getQuarterForms(input.year, input.quarter)
  const indicators = toRuleIndicators(forms)
  // only the entered indicators of the forms due this quarter are stored; anything else in the form is ignored
  const entered = indicators.filter(isEntered)
  const values = Object.fromEntries(entered.map((i) => [i.code, input.values[i.code] ?? null]))
  const comments = Object.fromEntries(indicators.map((i) => [i.code, input.comments[i.code] ?? null]))
  // more decimals than the indicator allows (10,5 cooperatives) is refused at its field, nothing saved: the
  // column would round it, and a count with a fraction is a typing slip, not a figure
  const fractions = Object.fromEntries(entered.flatMap((i) => {
    const problem = decimalsProblem(values[i.code], i.decimals)
    return problem ? [[`values.${i.code}`, [problem]]] : []
  }))
  if (Object.keys(fractions).length) return { ok: false, message: MESSAGES.invalid, errors: fractions }

  let blocked: Record<string, string[]> = {}
  if (input.intent === 'submit') {
    const prev = previousQuarter(input.year, input.quarter)
    const [rules, previousRows] = await Promise.all([
      getValidationRules(),
      db.reportValue.findMany({ where: { report: { regencyCode, year: prev.year, quarter: prev.quarter, status: { in: [...COMPARED_REPORT_STATUSES] } } }, select: { indicatorCode: true, value: true } }),
    ])
    const previous = Object.fromEntries(previousRows.map((v) => [v.indicatorCode, v.value === null ? null : Number(v.value)]))
    blocked = submissionErrors(indicators, evaluateRules({ indicators, rules, values, previous, comments }), values)
  }
  const submit = input.intent === 'submit' && Object.keys(blocked).length === 0

  let version: number
  try {
    version = await db.$transaction(async (tx) => {
      const saved = await writeReportValues(tx, actor(user), {
        regencyCode, year: input.year, quarter: input.quarter, indicators, values, comments, replace: true,
        narrative: { obstacles: input.obstacles, followUps: input.followUps }, submit, version: input.version,
      })
      // the admins' "waiting for review" notice was made by the write; with SMTP_URL set its e-mail goes out now
      if (submit) await emailNow(tx)
      return saved
    })
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new ActionError(STALE)
    throw e
  }
  revalidate()
  if (input.intent === 'submit' && !submit) {
    return { ok: false, message: 'Draf disimpan, tetapi laporan belum dapat dikirim: perbaiki isian yang ditandai.', errors: blocked, data: { version: String(version) } }
  }
  return { ok: true, message: submit ? 'Laporan dikirim ke Dinas Provinsi untuk diperiksa.' : 'Draf disimpan.', data: { version: String(version) } }
})

/** With SMTP_URL set, the e-mails of the notices this transaction made go out once it commits, not at the next scan. */
async function emailNow(tx: Prisma.TransactionClient) {
  if (emailEnabled()) await enqueue(REMINDER_EMAIL, {}, { tx, dedupeKey: 'now' })
}

/** Move a report from one of `from` to a new state, checking the version the reviewer saw; one audit row. */
async function transition(
  user: SessionUser,
  ref: { id: string; version: number },
  step: { from: ReportStatus; action: 'RETURN' | 'APPROVE' | 'REOPEN'; data: Prisma.QuarterlyReportUpdateManyMutationInput; notes?: Record<string, string>; clearNotes?: boolean },
) {
  await db.$transaction(async (tx) => {
    const before = await tx.quarterlyReport.findFirst({ where: { id: ref.id, regency: { provinceCode: env().AGENCY_PROVINCE_CODE } }, select: snapshotSelect })
    if (!before) throw new ActionError('Laporan tidak ditemukan.')
    // changed since the reviewer opened it: say who and when, as the losing side of a race hears
    if (before.version !== ref.version) throw await conflictError(tx, 'QuarterlyReport', ref.id, 'Laporan')
    if (before.status !== step.from) {
      throw new ActionError(`Laporan berstatus ${STATUS_LABEL[before.status]}; tindakan ini hanya untuk laporan berstatus ${STATUS_LABEL[step.from]}.`)
    }
    await conditionalStep(tx, {
      entity: 'QuarterlyReport', entityId: ref.id, label: 'Laporan',
      update: () => tx.quarterlyReport.updateMany({ where: { id: ref.id, version: ref.version, status: step.from }, data: { ...step.data, version: { increment: 1 } } }),
    })
    if (step.clearNotes || step.notes) await tx.reportValue.updateMany({ where: { reportId: ref.id }, data: { reviewNote: null } })
    for (const [indicatorCode, reviewNote] of Object.entries(step.notes ?? {})) {
      // a note for an indicator the report does not hold is ignored (updateMany: no error, no row)
      await tx.reportValue.updateMany({ where: { reportId: ref.id, indicatorCode }, data: { reviewNote } })
    }
    const after = await tx.quarterlyReport.findUniqueOrThrow({ where: { id: ref.id }, select: snapshotSelect })
    await writeAudit(tx, actor(user), { action: step.action, entity: 'QuarterlyReport', entityId: ref.id, before, after })
    // back with the district: its officers hear it now, in this transaction (the hourly scan finds the
    // same event key and adds nothing), and with SMTP_URL set the e-mail goes out at once
    if (after.status === 'RETURNED') {
      await remindReturnedReports(tx, { reportId: ref.id })
      await emailNow(tx)
    }
    // approved: its officers hear it too, as a bank hears of its approved claim (they had to open the report to learn it)
    if (after.status === 'APPROVED') {
      await notifyReportApproved(tx, ref.id)
      await emailNow(tx)
    }
    // the notices this step answers are read now, not at the next hourly scan: the admins' "waiting for review" once
    // it is decided, an approval's notice once the report is reopened (beside the new "returned" one)
    const now = new Date()
    await settleNotifications(tx, { now, today: jakartaToday(now.getTime()), report: { id: ref.id, regencyCode: after.regencyCode } })
  })
  revalidate()
}

/** Return a submitted report to its regency with an overall reason and optional notes per value. */
export const returnReport = authAction('reports.review', returnReportSchema, async (input, user) => {
  await transition(user, input, {
    from: 'SUBMITTED',
    action: 'RETURN',
    // a return after a reopening is a return again: the banner names which it was by reopenReason
    data: { status: 'RETURNED', returnReason: input.reason, reopenReason: null, reviewedAt: new Date(), reviewedById: user.id },
    notes: input.notes,
  })
  return { ok: true, message: 'Laporan dikembalikan ke kabupaten/kota untuk diperbaiki.' }
})

/** Approve a submitted report: it is locked from then on. */
export const approveReport = authAction('reports.review', approveReportSchema, async (input, user) => {
  const now = new Date()
  await transition(user, input, {
    from: 'SUBMITTED',
    action: 'APPROVE',
    data: { status: 'APPROVED', approvedAt: now, reviewedAt: now, reviewedById: user.id, returnReason: null },
    clearNotes: true,
  })
  return { ok: true, message: 'Laporan disetujui dan dikunci.' }
})

/** Reopen an approved report (admin only, with a reason): it goes back to the regency as RETURNED. */
export const reopenReport = authAction('reports.review', reopenReportSchema, async (input, user) => {
  await transition(user, input, {
    from: 'APPROVED',
    action: 'REOPEN',
    data: { status: 'RETURNED', reopenReason: input.reason, returnReason: input.reason, approvedAt: null, reviewedAt: new Date(), reviewedById: user.id },
  })
  return { ok: true, message: 'Laporan dibuka kembali; kabupaten/kota dapat memperbaikinya.' }
})
