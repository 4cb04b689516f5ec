import 'server-only'
import { db } from '@/lib/db'

/**
 * Sign-in throttling, counted in PostgreSQL so the limits hold across every app instance.
 *
 * - An account and address pair: after PAIR_LIMIT failures within the window that pair waits until the
 *   oldest of them leaves the window. Someone guessing from one address is stopped; the owner signing
 *   in from their own address is not (OWASP ASVS 2.2: nobody can lock a named user out).
 * - An address: after ADDRESS_LIMIT failures across any accounts it waits likewise (password spraying).
 * - An account as a whole (failures from every address, known username or not): from ACCOUNT_SOFT_LIMIT
 *   failures on, at most one password check per interval that doubles per failure up to MAX_DELAY_MS.
 *   An attempt inside the interval is refused at once, without looking at the password, with the same
 *   lock message. A guesser spread over many addresses gets one guess per interval however many requests
 *   they send in parallel; never a permanent lock, so the owner gets in within MAX_DELAY_MS of a guess.
 *   An address this account signed in from within KNOWN_ADDRESS_DAYS is not held to the interval (only to
 *   the pair's and address's limits): a stranger taking every slot cannot keep the owner out from their
 *   usual office or phone.
 * A successful sign-in starts the account's count afresh.
 *
 * The check and the recording are one atomic step: the attempt row is written (as a failure until the
 * password proves right) while holding transaction advisory locks on the account and the address, so
 * parallel guesses are counted one after another and never all see "four so far"; that row also reserves
 * the account's next slot before the password is checked.
 */
export const PAIR_LIMIT = 5
export const ADDRESS_LIMIT = 20
export const ACCOUNT_SOFT_LIMIT = 5
export const WINDOW_MINUTES = 15
/** The longest interval between two password checks on a much-guessed account. */
export const MAX_DELAY_MS = 30_000
/** How long an address the account signed in from stays exempt from the account's interval. */
export const KNOWN_ADDRESS_DAYS = 30

export type AttemptStart = { allowed: true; attemptId: bigint } | { allowed: false; retryAt: Date }

type Count = { n: number; oldest: Date | null }

/** The least time between the last attempt and the next password check, when the account already has `failures` recent failures. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_SOFT_LIMIT) return 0
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - ACCOUNT_SOFT_LIMIT))
}

/**
 * Decide whether this attempt may be evaluated and, if so, record it (as failed until `finishSignInAttempt`
 * says otherwise). Usernames are compared as typed after trimming and lower-casing (as the sign-in form does).
 */
export async function beginSignInAttempt({ username, ip }: { username: string; ip: string }): Promise<AttemptStart> {
  const user = username.slice(0, 100)
  return db.$transaction(async (tx) => {
    // account before address, always in this order: two attempts never wait on each other crosswise
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`sign-in:account:${user}`}, 0))`
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`sign-in:address:${ip}`}, 0))`
    const [counts] = await tx.$queryRaw<{ pair: Count; address: Count; account: { n: number; last: number | null }; known: boolean; now: number }[]>`
      WITH since AS (
        SELECT greatest(now() - make_interval(mins => ${WINDOW_MINUTES}),
                        coalesce((SELECT max(created_at) FROM sign_in_attempts WHERE username = ${user} AND success), '-infinity')) AS t
      ), pair AS (
        SELECT created_at FROM sign_in_attempts, since
        WHERE username = ${user} AND ip = ${ip} AND NOT success AND created_at > since.t
        ORDER BY created_at DESC LIMIT ${PAIR_LIMIT}
      ), address AS (
        SELECT created_at FROM sign_in_attempts
        WHERE ip = ${ip} AND NOT success AND created_at > now() - make_interval(mins => ${WINDOW_MINUTES})
        ORDER BY created_at DESC LIMIT ${ADDRESS_LIMIT}
      )
      SELECT json_build_object('n', (SELECT count(*) FROM pair), 'oldest', (SELECT min(created_at) FROM pair)) AS pair,
             json_build_object('n', (SELECT count(*) FROM address), 'oldest', (SELECT min(created_at) FROM address)) AS address,
             (SELECT json_build_object('n', count(*), 'last', (extract(epoch FROM max(created_at)) * 1000)::float8) FROM sign_in_attempts, since
              WHERE username = ${user} AND NOT success AND created_at > since.t) AS account,
             EXISTS (SELECT 1 FROM sign_in_attempts WHERE username = ${user} AND ip = ${ip} AND success
                     AND created_at > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})) AS known,
             (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now`
    const until = (c: Count) => new Date(new Date(c.oldest ?? Date.now()).getTime() + WINDOW_MINUTES * 60_000)
    const now = new Date(Number(counts.now))
    const locks: Date[] = []
    if (counts.pair.n >= PAIR_LIMIT) locks.push(until(counts.pair))
    if (counts.address.n >= ADDRESS_LIMIT) locks.push(until(counts.address))
    const next = counts.known ? null : accountNextCheck(counts.account)
    if (next && next > now) locks.push(next)
    if (locks.length > 0) return { allowed: false as const, retryAt: new Date(Math.max(...locks.map((d) => d.getTime()))) }
    // the database's clock (not this instance's): every instance measures the account's interval alike
    const attempt = await tx.signInAttempt.create({ data: { username: user, ip, success: false, createdAt: now }, select: { id: true } })
    return { allowed: true as const, attemptId: attempt.id }
    // the work is a few milliseconds, but sign-ins from one office share the address's lock and a busy process answers
    // late: past Prisma's default 5 s the transaction expired and a right password got a server error instead of a
    // slow sign-in (seen with five people signing in from one address while an export held the process)
  }, { maxWait: 15_000, timeout: 30_000 })
}

/** When the account's next password check may run (null: no interval yet), from its recent failures. */
function accountNextCheck(account: { n: number; last: number | null }): Date | null {
  const wait = accountDelayMs(Number(account.n))
  return wait > 0 && account.last !== null ? new Date(Number(account.last) + wait) : null
}

/** The password proved right: the attempt counts as a success (and the account's count starts afresh). */
export async function finishSignInAttempt(attemptId: bigint, success: boolean): Promise<void> {
  // the database's clock, as the attempt's start: an instance whose clock runs ahead would otherwise date the
  // success in the future and, for that drift, count none of the account's failures after it
  if (success) await db.$executeRaw`UPDATE sign_in_attempts SET success = true, created_at = clock_timestamp() AT TIME ZONE 'UTC' WHERE id = ${attemptId}`
}

/** When this account and address may try again (for the form's message), or null when they may now. */
export async function signInRetryAt({ username, ip }: { username: string; ip: string }): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ pair: Date | null; address: Date | null; account: { n: number; last: number | null }; known: boolean; now: number }[]>`
    SELECT (SELECT CASE WHEN count(*) >= ${PAIR_LIMIT} THEN min(created_at) END FROM (
              SELECT created_at FROM sign_in_attempts
              WHERE username = ${username} AND ip = ${ip} AND NOT success
                AND created_at > greatest(now() - make_interval(mins => ${WINDOW_MINUTES}),
                  coalesce((SELECT max(created_at) FROM sign_in_attempts WHERE username = ${username} AND success), '-infinity'))
              ORDER BY created_at DESC LIMIT ${PAIR_LIMIT}) p) AS pair,
           (SELECT CASE WHEN count(*) >= ${ADDRESS_LIMIT} THEN min(created_at) END FROM (
              SELECT created_at FROM sign_in_attempts
              WHERE ip = ${ip} AND NOT success AND created_at > now() - make_interval(mins => ${WINDOW_MINUTES})
              ORDER BY created_at DESC LIMIT ${ADDRESS_LIMIT}) a) AS address,
           (SELECT json_build_object('n', count(*), 'last', (extract(epoch FROM max(created_at)) * 1000)::float8) FROM sign_in_attempts
              WHERE username = ${username} AND NOT success
                AND created_at > greatest(now() - make_interval(mins => ${WINDOW_MINUTES}),
                  coalesce((SELECT max(created_at) FROM sign_in_attempts WHERE username = ${username} AND success), '-infinity'))) AS account,
           EXISTS (SELECT 1 FROM sign_in_attempts WHERE username = ${username} AND ip = ${ip} AND success
                   AND created_at > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})) AS known,
           (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now`
  const times = [row.pair, row.address].filter((d): d is Date => d !== null).map((d) => new Date(d).getTime() + WINDOW_MINUTES * 60_000)
  const next = row.known ? null : accountNextCheck(row.account)
  if (next && next.getTime() > Number(row.now)) times.push(next.getTime())
  return times.length ? new Date(Math.max(...times)) : null
}
