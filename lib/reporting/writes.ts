import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { AppError } from '@/lib/errors'
import { conflictError, transition as conditionalStep } from '@/lib/transitions'
import type { ReportStatus } from '@/lib/data/reporting'
import { isEntered, type RuleIndicator } from './rules'
import { settleNotifications } from '@/lib/reminders/settle'
import { remindReportReview } from '@/lib/reminders/scan'
import { jakartaToday } from '@/lib/dates'

/**
 * The one write path of a quarterly report's values, shared by the entry form (lib/actions/reporting.ts
 * saveReport) and the spreadsheet import (lib/imports/kinds/report-values.ts): the report row created or
 * moved on at its version, its values upserted (a reviewer's note stays beside its value), and the audit row
 * with the report before and after, in the caller's transaction. Only a DRAFT or RETURNED report is written.
 * The form sends every indicator of the quarter (`replace`: values of indicators no longer in the form are
 * removed); an import sends only the indicators its file carries, the others are kept.
 */

export const STATUS_LABEL: Record<ReportStatus, string> = { DRAFT: 'Draf', SUBMITTED: 'Dikirim', RETURNED: 'Dikembalikan', APPROVED: 'Disetujui' }

export const STALE_REPORT = 'Laporan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi.'

/** What the audit trail keeps of a report: its state and every value. */
export const reportSnapshotSelect = {
  id: true, regencyCode: true, year: true, quarter: true, status: true, obstacles: true, followUps: true, returnReason: true,
  reopenReason: true, firstSubmittedAt: true, submittedAt: true, approvedAt: true, version: true,
  values: { select: { indicatorCode: true, value: true, comment: true, reviewNote: true }, orderBy: { indicatorCode: 'asc' } },
} satisfies Prisma.QuarterlyReportSelect

export type ReportWrite = {
  regencyCode: string
  year: number
  quarter: number
  /** the indicators written (the form: every indicator of the quarter; an import: those of its rows) */
  indicators: RuleIndicator[]
  values: Record<string, number | null>
  comments: Record<string, string | null>
  /** the form: remove the values of indicators not in `indicators` */
  replace: boolean
  /** the form's narrative; an import leaves it as it is */
  narrative?: { obstacles: string | null; followUps: string | null }
  submit?: boolean
  /** the version the writer saw (the form; 0 for a new report); an import checks the status only */
  version?: number
}

/** Write a report's values; the report's new version. Refused (AppError INVALID/CONFLICT) unless DRAFT or RETURNED. */
export async function writeReportValues(tx: Prisma.TransactionClient, actor: AuditActor, w: ReportWrite): Promise<number> {
  const where = { regencyCode_year_quarter: { regencyCode: w.regencyCode, year: w.year, quarter: w.quarter } }
  const before = await tx.quarterlyReport.findUnique({ where, select: reportSnapshotSelect })
  if (before && before.status !== 'DRAFT' && before.status !== 'RETURNED') {
    throw new AppError('INVALID', `Laporan berstatus ${STATUS_LABEL[before.status]} tidak dapat diubah.`)
  }
  // who changed it and when, from its audit trail (the one conflict message): "orang lain" had blamed someone else
  // when it was the officer's own other tab
  // `typed`: the form keeps the writer's typing after the refusal (an import, without a version, has no form to keep)
  if (w.version !== undefined && (before?.version ?? 0) !== w.version) throw before ? await conflictError(tx, 'QuarterlyReport', before.id, 'Laporan', { typed: true }) : new AppError('INVALID', STALE_REPORT)
  const now = new Date()
  const data = {
    ...(w.narrative && { obstacles: w.narrative.obstacles, followUps: w.narrative.followUps }),
    ...(w.submit && { status: 'SUBMITTED' as const, submittedAt: now, firstSubmittedAt: before?.firstSubmittedAt ?? now }),
  }
  let id: string
  if (before) {
    await conditionalStep(tx, {
      entity: 'QuarterlyReport', entityId: before.id, label: 'Laporan', typed: w.version !== undefined,
      update: () => tx.quarterlyReport.updateMany({ where: { id: before.id, version: before.version, status: { in: ['DRAFT', 'RETURNED'] } }, data: { ...data, version: { increment: 1 } } }),
    })
    id = before.id
  } else {
    id = (await tx.quarterlyReport.create({ data: { regencyCode: w.regencyCode, year: w.year, quarter: w.quarter, ...data }, select: { id: true } })).id
  }
  const codes = w.indicators.map((i) => i.code)
  if (w.replace) await tx.reportValue.deleteMany({ where: { reportId: id, indicatorCode: { notIn: codes } } })
  if (codes.length) {
    // one statement for every value: inserted, or updated in place (the reviewer's note is kept)
    const values = w.indicators.map((i) => (isEntered(i) ? w.values[i.code] ?? null : null))
    const comments = codes.map((c) => w.comments[c] ?? null)
    await tx.$executeRaw`
      INSERT INTO report_values (report_id, indicator_code, value, comment)
      SELECT ${id}, u.code, u.value, u.comment FROM unnest(${codes}::text[], ${values}::numeric[], ${comments}::text[]) AS u(code, value, comment)
      ON CONFLICT (report_id, indicator_code) DO UPDATE SET value = EXCLUDED.value, comment = EXCLUDED.comment`
  }
  // a report sent settles its reminders (due, late, returned) at once, not at the next hourly scan, and the admins
  // hear now that it waits for review (they had heard at the next hourly scan, up to an hour later)
  if (w.submit) {
    await settleNotifications(tx, { now, today: jakartaToday(now.getTime()), report: { id, regencyCode: w.regencyCode } })
    await remindReportReview(tx, { reportId: id })
  }
  const after = await tx.quarterlyReport.findUniqueOrThrow({ where: { id }, select: reportSnapshotSelect })
  await writeAudit(tx, actor, { action: w.submit ? 'SUBMIT' : before ? 'UPDATE' : 'CREATE', entity: 'QuarterlyReport', entityId: id, before, after })
  return after.version
}
