import 'server-only'
/**
 * A change of a bank's contract rate for a programme from a date. Running loans of that programme and bank are
 * recomputed from that date on (their earlier periods keep the old rate), which at a bank's whole loan book
 * (27.344 loans in the demo) takes minutes: it runs as a job (lib/jobs), never in the admin's request, with its
 * progress on the programme's page. The checks run twice: in the request, so the form says what is wrong under
 * the field, and again in the job under the bank's loans lock, where they decide (a claim submitted, a loan
 * recorded or another rate saved between the confirmation and the job is caught there, and the job fails with
 * the message instead of recomputing what the admin did not confirm).
 */
import { db } from '@/lib/db'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { lockBankLoans, RATE_CHANGE_JOB } from '@/lib/credit/bank-lock'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { checkRateDate } from '@/lib/credit/rate-window'
import { ActionError, REFUSAL_MESSAGES } from '@/lib/errors'
import { formatDate, formatMonth, formatNumber, ratePercent } from '@/lib/format'
import type { Prisma } from '@/lib/generated/prisma/client'
import { defineJob, enqueueUnique, PermanentJobError, type JobContext } from '@/lib/jobs'

export { RATE_CHANGE_JOB }

/** Loans recomputed between two progress reports (and two cancel checks) of the job. */
const BATCH = 500

export type RateChange = {
  programId: string
  bankId: string
  /** YYYY-MM-DD */
  effectiveFrom: string
  /** the bank's contract rate in percent (14 for 14 %) */
  rate: number
  /** what the admin confirmed: the count of loans recomputed, and the rate already recorded for that day ('' for none) */
  expectedLoans?: number
  expectedReplaces?: string
}

type RateChangePayload = RateChange & { actor: AuditActor }

/** What a save would do: how many running loans it recomputes, and the rate it replaces on that very day ('' for none). */
export type RateChangePlan = { loans: { id: string }[]; replaces: string; existing: number | null }

/**
 * The loans of a programme and bank whose subsidy a rate change from `from` recomputes: contracted before
 * that day (a later contract already agreed the rate in force) and not matured by it (a matured loan has no
 * period left to recompute).
 */
function runningLoans(tx: Prisma.TransactionClient, programId: string, bankId: string, from: string) {
  return tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM disbursements
    WHERE program_id = ${programId} AND bank_id = ${bankId} AND contract_date < ${from}::date
      AND contract_date + make_interval(months => tenor_months) > ${from}::date
    ORDER BY id`
}

/**
 * The checks of a rate change and what it would recompute, refused as the form shows it (an ActionError with the
 * field's message): the programme and the bank in it, a date inside the programme's span, a rate above the
 * borrower's, and no claim of a month from that date on already computed at the old rate.
 */
export async function planRateChange(tx: Prisma.TransactionClient, change: RateChange): Promise<RateChangePlan> {
  const program = await tx.creditProgram.findFirst({
    where: { id: change.programId, banks: { some: { bankId: change.bankId } } },
    select: { id: true, borrowerRate: true, year: true, maxTenorMonths: true },
  })
  if (!program) throw new ActionError('Program atau bank tidak ditemukan.', undefined, 'NOT_FOUND')
  await checkRateDate(tx, program, change.bankId, change.effectiveFrom)
  if (change.rate / 100 <= Number(program.borrowerRate)) throw new ActionError('Bunga bank harus di atas bunga debitur.', { rate: ['Bunga bank harus di atas bunga debitur.'] })
  // a submitted, approved or paid claim of a month from the change on was computed at the old rate: it goes back first
  const claimed = await tx.subsidyClaim.findMany({
    where: { programId: program.id, bankId: change.bankId, status: { in: ['SUBMITTED', 'APPROVED', 'PAID'] }, month: { gte: new Date(`${change.effectiveFrom.slice(0, 7)}-01`) } },
    select: { month: true }, orderBy: { month: 'asc' },
  })
  if (claimed.length) {
    const months = claimed.map((c) => formatMonth(c.month)).join(', ')
    throw new ActionError(REFUSAL_MESSAGES.INVALID, { effectiveFrom: [`Klaim ${months} sudah dihitung dengan suku bunga lama; minta klaim itu dikembalikan dulu, atau pilih tanggal berlaku sesudah bulan klaim terakhir.`] })
  }
  const existing = await tx.programRate.findUnique({
    where: { programId_bankId_effectiveFrom: { programId: program.id, bankId: change.bankId, effectiveFrom: new Date(change.effectiveFrom) } },
    select: { rate: true },
  })
  const loans = await runningLoans(tx, program.id, change.bankId, change.effectiveFrom)
  // the rate already recorded for that very day, as the confirmation shows it ('' for none): two admins confirming
  // the same day do not overwrite each other unseen
  return { loans, replaces: existing ? String(ratePercent(existing.rate)) : '', existing: existing ? Number(existing.rate) : null }
}

/** The confirmation no longer holds: another loan, claim or rate since the admin looked. */
function checkConfirmed(change: RateChange, plan: RateChangePlan): void {
  if ((change.expectedLoans !== undefined && change.expectedLoans !== plan.loans.length) || (change.expectedReplaces !== undefined && change.expectedReplaces !== plan.replaces)) {
    throw new ActionError(`Data berubah sejak Anda memeriksanya: kini ${formatNumber(plan.loans.length)} pinjaman dihitung ulang mulai ${formatDate(change.effectiveFrom)}. Periksa lagi lalu simpan.`)
  }
}

/** The dedupe key of a programme and bank's rate change: one at a time (the second would wait on the first's lock, then recompute again). */
const oneAtATime = (programId: string, bankId: string) => `${programId}:${bankId}`

const BUSY = 'Perubahan suku bunga untuk bank ini sedang dihitung; tunggu sampai selesai, lalu periksa lagi.'

/** A rate change of this programme and bank queued or running: no second one beside it. */
export async function rateChangeBusy(programId: string, bankId: string): Promise<boolean> {
  const live = await db.job.count({ where: { kind: RATE_CHANGE_JOB, dedupeKey: oneAtATime(programId, bankId), state: { in: ['QUEUED', 'RUNNING'] } } })
  return live > 0
}

/**
 * What the confirmation dialog shows: the checks and the count, read without the bank's loans lock (a running
 * rate change holds it for minutes; the job checks again under it). Refused while a rate change of the same
 * programme and bank is being computed.
 */
export async function previewRateChange(change: RateChange): Promise<{ loans: number; replaces: string }> {
  if (await rateChangeBusy(change.programId, change.bankId)) throw new ActionError(BUSY, { bankId: [BUSY] })
  const plan = await db.$transaction((tx) => planRateChange(tx, change))
  return { loans: plan.loans.length, replaces: plan.replaces }
}

/**
 * The confirmed change, queued: checked as the preview was and against what the admin confirmed, then handed to
 * the job (one per programme and bank at a time: a second confirmation meanwhile is refused, not queued behind).
 * Returns the job's id, which the page follows.
 */
export async function queueRateChange(actor: AuditActor, change: RateChange): Promise<string> {
  if (await rateChangeBusy(change.programId, change.bankId)) throw new ActionError(BUSY, { bankId: [BUSY] })
  const plan = await db.$transaction((tx) => planRateChange(tx, change))
  checkConfirmed(change, plan)
  const payload: RateChangePayload = { ...change, actor }
  // the request's own audit row (who asked, from where, for how many loans) with the job it queued; the job writes
  // the change's row when it has made it
  return db.$transaction(async (tx) => {
    const id = await enqueueUnique(RATE_CHANGE_JOB, payload, { dedupeKey: oneAtATime(change.programId, change.bankId), createdById: actor.id, tx })
    // two confirmations at once: the unique live job lets one through
    if (!id) throw new ActionError(BUSY, { bankId: [BUSY] })
    await writeAudit(tx, actor, {
      action: 'SUBMIT', entity: 'ProgramRate', entityId: change.programId,
      after: { bankId: change.bankId, effectiveFrom: change.effectiveFrom, rate: change.rate / 100, loansToRecompute: plan.loans.length, jobId: id },
    })
    return id
  })
}

/**
 * The job: under the bank's loans lock (a claim submitted meanwhile would be computed from the schedules this change
 * rewrites, and a loan recorded meanwhile would miss the new rate; they are refused with the reason while it runs,
 * lib/credit/bank-lock.ts), checked again, the rate saved, the loans recomputed in batches with progress, and the
 * audit row, all in one transaction: a failure or a cancel leaves every loan as it was.
 */
export async function runRateChange(ctx: JobContext): Promise<{ loans: number }> {
  const { actor, ...change } = ctx.job.payload as RateChangePayload
  try {
    return await db.$transaction(async (tx) => {
      // its own turn it waits for (a claim or a loan being written); whoever comes after it is told why
      await lockBankLoans(tx, change.bankId, { wait: true })
      const plan = await planRateChange(tx, change)
      checkConfirmed(change, plan)
      const total = plan.loans.length
      await ctx.progress(0, total)
      const key = { programId: change.programId, bankId: change.bankId, effectiveFrom: new Date(change.effectiveFrom) }
      await tx.programRate.upsert({ where: { programId_bankId_effectiveFrom: key }, update: { rate: change.rate / 100 }, create: { ...key, rate: change.rate / 100 } })
      for (let i = 0; i < total; i += BATCH) {
        await recomputeLoanMonths(tx, plan.loans.slice(i, i + BATCH).map((l) => l.id))
        // inside the transaction on purpose: a cancel asked meanwhile rolls every batch back
        await ctx.progress(Math.min(i + BATCH, total), total)
      }
      await writeAudit(tx, actor, {
        action: 'UPDATE', entity: 'ProgramRate', entityId: change.programId,
        before: plan.existing !== null ? { bankId: change.bankId, effectiveFrom: change.effectiveFrom, rate: plan.existing } : null,
        after: { bankId: change.bankId, effectiveFrom: change.effectiveFrom, rate: change.rate / 100, loansRecomputed: total },
      })
      return { loans: total }
    }, { maxWait: 60_000, timeout: 60 * 60_000 })
  } catch (e) {
    // a refusal is the admin's to read on the page (in their language there): no retry can change it
    if (e instanceof ActionError) throw new PermanentJobError([e.message, ...Object.values(e.fieldErrors ?? {}).flat()].filter((m) => m !== REFUSAL_MESSAGES.INVALID).join(' ') || e.message)
    throw e
  }
}

/** Shown for a failure that is not a refusal (the database went away, the worker stopped): its technical text is the log's. */
const FAILED = 'Perhitungan ulang terhenti; tidak ada yang berubah. Simpan lagi untuk mengulanginya.'

// not retried: a failure leaves nothing changed and is shown on the page, where the admin may start it again; a
// refusal's own message is kept for the page beside the job's technical last error
defineJob(RATE_CHANGE_JOB, {
  maxAttempts: 1,
  leaseMs: 10 * 60_000,
  handler: runRateChange,
  onFailed: async (job, error) => {
    if (error instanceof PermanentJobError) await db.job.update({ where: { id: job.id }, data: { result: { refused: error.message } }, select: { id: true } })
  },
})

export type RateChangeStatus = {
  id: string
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED'
  bankId: string
  effectiveFrom: string
  rate: number
  done: number
  total: number | null
  loans: number | null
  error: string | null
  by: string
  createdAt: string
  finishedAt: string | null
}

/**
 * A programme's rate changes as its page shows them: every one queued or running, and the last finished one of the
 * past day (its outcome: how many loans, or why nothing changed). The caller has checked `credit.configure`.
 */
export async function rateChangesOf(programId: string): Promise<RateChangeStatus[]> {
  const since = new Date(Date.now() - 24 * 60 * 60_000)
  const jobs = await db.job.findMany({
    where: {
      kind: RATE_CHANGE_JOB, payload: { path: ['programId'], equals: programId },
      OR: [{ state: { in: ['QUEUED', 'RUNNING'] } }, { finishedAt: { gte: since } }],
    },
    select: { id: true, state: true, payload: true, progressDone: true, progressTotal: true, result: true, createdAt: true, finishedAt: true },
    orderBy: { createdAt: 'desc' },
    take: 10,
  })
  const statuses = jobs.map((j) => {
    const p = j.payload as RateChangePayload
    return {
      id: j.id, state: j.state, bankId: p.bankId, effectiveFrom: p.effectiveFrom, rate: p.rate,
      done: j.progressDone, total: j.progressTotal, loans: (j.result as { loans?: number } | null)?.loans ?? null,
      error: j.state === 'FAILED' ? (j.result as { refused?: string } | null)?.refused ?? FAILED : null, by: p.actor.username, createdAt: j.createdAt.toISOString(), finishedAt: j.finishedAt?.toISOString() ?? null,
    }
  })
  const live = statuses.filter((s) => s.state === 'QUEUED' || s.state === 'RUNNING')
  const lastFinished = statuses.find((s) => s.state !== 'QUEUED' && s.state !== 'RUNNING')
  return lastFinished ? [...live, lastFinished] : live
}
