import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { ActionError } from '@/lib/errors'

/** The job kind of a bank-rate change's recomputation (lib/credit/rate-change.ts), which holds its bank's turn for minutes. */
export const RATE_CHANGE_JOB = 'credit.rateChange'

/** Said to whoever needs the bank's turn while a rate change holds it. */
export const RATE_CHANGE_HOLDS_BANK = 'Subsidi pinjaman bank ini sedang dihitung ulang karena perubahan suku bunga; tidak ada yang disimpan. Coba lagi sesudah perhitungan selesai (biasanya beberapa menit).'

/**
 * The turn of a bank's claim submissions, loans recorded, loan corrections, period reports and rate changes, held to
 * the end of the caller's transaction: a claim computes its lines from the loans' schedules, so a correction
 * committed between that computation and the claim's commit would leave the claim computed from terms that no
 * longer exist. One advisory lock per bank (claims are monthly, corrections rare), not row locks on every loan.
 *
 * A turn is short, except a rate change's recomputation of the bank's running loans (a job: minutes at a whole loan
 * book). Whoever finds the turn taken by one is refused at once with the reason (a 409 in the API), instead of
 * waiting until its own transaction's time runs out and reading a server error; the rate change's job itself waits
 * (`wait`), as does anyone who finds the turn taken by a short one.
 */
export async function lockBankLoans(tx: Prisma.TransactionClient, bankId: string, opts: { wait?: boolean } = {}): Promise<void> {
  const key = `bank-loans:${bankId}`
  if (!opts.wait) {
    const [{ got }] = await tx.$queryRaw<{ got: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) AS got`
    if (got) return
    const [{ busy }] = await tx.$queryRaw<{ busy: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM jobs WHERE kind = ${RATE_CHANGE_JOB} AND state = 'RUNNING' AND payload->>'bankId' = ${bankId}) AS busy`
    if (busy) throw new ActionError(RATE_CHANGE_HOLDS_BANK, undefined, 'CONFLICT')
  }
  await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${key}, 0))`
}
