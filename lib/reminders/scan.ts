import 'server-only'
import { jakartaToday } from '@/lib/dates'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { Prisma } from '@/lib/generated/prisma/client'
import { currentQuarter, defaultDeadline, previousQuarter } from '@/lib/reporting/periods'
import { requiredPeriodSql } from '@/lib/reporting/start'
import { emailEnabled } from './email'
import { actionOwnerKeySql, approvedKeySql, claimReturnedKeySql, returnedKeySql, settleNotifications } from './settle'

type Client = Prisma.TransactionClient | typeof db

/** A quarterly report is "due soon" this many days before its deadline. */
export const REPORT_DUE_DAYS = 7
/** A follow-up (tindak lanjut) is "due soon" this many days before its due date. */
export const ACTION_DUE_DAYS = 7
/**
 * A late report or an overdue follow-up is reminded only while its date is at most this many days past:
 * the first scan after installing the app must not bury a district under years-old history.
 */
export const LOOKBACK_DAYS = 90

/** `PENDING` when this notification is to be e-mailed (SMTP on and the user has an address), else NULL. */
const emailStateSql = (emailOn: boolean) =>
  Prisma.sql`CASE WHEN ${emailOn} AND u.email IS NOT NULL THEN 'PENDING'::"NotificationEmailState" END`

/** The report pages' address, as `lib/reporting` pages route it. */
const reportLinkSql = (regency: Prisma.Sql, year: Prisma.Sql, quarter: Prisma.Sql) =>
  Prisma.sql`'/laporan-triwulan/' || ${regency} || '/' || ${year} || '/' || ${quarter}`

/**
 * Remind the district officers of a returned report (status RETURNED, from a review or a reopening): one
 * notification per officer and return. The key carries the return's own time (reviewed_at, set by the
 * return and the reopening only), not the report's version: the officer's draft saves move the version
 * while the report stays RETURNED, and must not repeat the notice. Called by the return's own transaction
 * and again by every scan; whichever comes first inserts, the other finds the row there (ON CONFLICT DO
 * NOTHING). A return already notified under the older version key (created at or after the return) is not
 * notified again.
 */
export async function remindReturnedReports(client: Client, options: { reportId?: string; emailOn?: boolean } = {}): Promise<number> {
  const only = options.reportId ? Prisma.sql`AND r.id = ${options.reportId}` : Prisma.empty
  return client.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, event_key, params, link, email_state, created_at)
    SELECT gen_random_uuid()::text, u.id, 'REPORT_RETURNED', ${returnedKeySql},
           -- a reopening (of an approved report) is said as such: the officer had read "returned" of a report they knew approved
           jsonb_build_object('regency', g.name, 'year', r.year, 'quarter', r.quarter, 'reason', coalesce(r.return_reason, ''),
             'reopened', CASE WHEN r.reopen_reason IS NOT NULL THEN 'yes' ELSE 'no' END),
           ${reportLinkSql(Prisma.sql`r.regency_code`, Prisma.sql`r.year`, Prisma.sql`r.quarter`)},
           ${emailStateSql(options.emailOn ?? emailEnabled())}, ${new Date()}::timestamp
      FROM quarterly_reports r
      JOIN regencies g ON g.code = r.regency_code AND g.province_code = ${env().AGENCY_PROVINCE_CODE}
      JOIN users u ON u.regency_code = r.regency_code AND u.role = 'DISTRICT_OFFICER' AND u.active
     WHERE r.status = 'RETURNED' ${only}
       AND NOT EXISTS (SELECT 1 FROM notifications n
                        WHERE n.user_id = u.id AND n.kind = 'REPORT_RETURNED' AND starts_with(n.event_key, 'report-returned:' || r.id || ':')
                          AND n.created_at >= r.reviewed_at)
    ON CONFLICT (user_id, event_key) DO NOTHING`
}

/**
 * Tell every active admin that a quarterly report waits for review: once per submission (the key carries the report's
 * version after it was sent). Called by every scan, and by the submission's own transaction (lib/reporting/writes.ts),
 * so that the admins hear of it then and not at the next hourly scan; whichever comes first inserts.
 */
export async function remindReportReview(client: Client, options: { reportId?: string; emailOn?: boolean } = {}): Promise<number> {
  const only = options.reportId ? Prisma.sql`AND r.id = ${options.reportId}` : Prisma.empty
  return client.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, event_key, params, link, email_state, created_at)
    SELECT gen_random_uuid()::text, u.id, 'REVIEW_REPORT', 'review-report:' || r.id || ':' || r.version,
           jsonb_build_object('regency', g.name, 'year', r.year, 'quarter', r.quarter),
           ${reportLinkSql(Prisma.sql`r.regency_code`, Prisma.sql`r.year`, Prisma.sql`r.quarter`)},
           ${emailStateSql(options.emailOn ?? emailEnabled())}, ${new Date()}::timestamp
      FROM quarterly_reports r
      JOIN regencies g ON g.code = r.regency_code AND g.province_code = ${env().AGENCY_PROVINCE_CODE}
      JOIN users u ON u.role = 'ADMIN' AND u.active
     WHERE r.status = 'SUBMITTED' ${only}
    ON CONFLICT (user_id, event_key) DO NOTHING`
}

/**
 * Tell a district's officers that the agency approved their quarterly report: once per approval (the key carries the
 * approval's time: a report reopened and approved again is told again). Called by the approval's own transaction, so
 * an approval that fails tells no one. They had learnt of it only by opening the report.
 */
export async function notifyReportApproved(client: Client, reportId: string, options: { emailOn?: boolean } = {}): Promise<number> {
  return client.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, event_key, params, link, email_state, created_at)
    SELECT gen_random_uuid()::text, u.id, 'REPORT_APPROVED', ${approvedKeySql},
           jsonb_build_object('regency', g.name, 'year', r.year, 'quarter', r.quarter),
           ${reportLinkSql(Prisma.sql`r.regency_code`, Prisma.sql`r.year`, Prisma.sql`r.quarter`)},
           ${emailStateSql(options.emailOn ?? emailEnabled())}, ${new Date()}::timestamp
      FROM quarterly_reports r
      JOIN regencies g ON g.code = r.regency_code AND g.province_code = ${env().AGENCY_PROVINCE_CODE}
      JOIN users u ON u.regency_code = r.regency_code AND u.role = 'DISTRICT_OFFICER' AND u.active
     WHERE r.id = ${reportId} AND r.status = 'APPROVED' AND r.approved_at IS NOT NULL
    ON CONFLICT (user_id, event_key) DO NOTHING`
}

/**
 * Tell the officers of a bank that its claim was returned (status RETURNED by the agency's verification), with the
 * reason: one notification per officer and return, keyed by the return's own time (reviewed_at), as a report's return
 * is. Called by the return's own transaction and again by every scan (ON CONFLICT DO NOTHING). A bank had learnt of
 * a returned claim only by opening its claims list, while a district officer is told of a returned report.
 */
export async function remindReturnedClaims(client: Client, options: { claimId?: string; emailOn?: boolean; since?: Date } = {}): Promise<number> {
  const only = options.claimId ? Prisma.sql`AND c.id = ${options.claimId}` : Prisma.empty
  // the scan looks back LOOKBACK_DAYS only: its first run after installing must not tell a bank of years-old returns
  const recent = options.since ? Prisma.sql`AND c.reviewed_at >= ${options.since}::timestamp` : Prisma.empty
  return tellClaimBank(client, 'CLAIM_RETURNED', {
    key: claimReturnedKeySql,
    params: Prisma.sql`jsonb_build_object('reason', coalesce(c.return_reason, ''))`,
    from: Prisma.sql`subsidy_claims c`,
    where: Prisma.sql`c.status = 'RETURNED' AND c.reviewed_at IS NOT NULL ${only} ${recent}`,
  }, options.emailOn)
}

/**
 * Tell the officers of a bank that the agency approved its claim, with the amount approved: once per claim (a claim is
 * approved once). Called by the approval's own transaction, so an approval that fails tells no one.
 */
export async function notifyClaimApproved(client: Client, claimId: string, options: { emailOn?: boolean } = {}): Promise<number> {
  return tellClaimBank(client, 'CLAIM_APPROVED', {
    key: Prisma.sql`'claim-approved:' || c.id`,
    // what was claimed too: a bank told only the amount approved had to open the claim to learn that lines were cut
    params: Prisma.sql`(SELECT jsonb_build_object('amount', coalesce(sum(l.approved_amount), 0)::text, 'claimed', coalesce(sum(l.claimed_amount), 0)::text,
        'cut', greatest(coalesce(sum(l.claimed_amount), 0) - coalesce(sum(l.approved_amount), 0), 0)::text)
      FROM claim_lines l WHERE l.claim_id = c.id)`,
    from: Prisma.sql`subsidy_claims c`,
    where: Prisma.sql`c.id = ${claimId} AND c.status = 'APPROVED'`,
  }, options.emailOn)
}

/**
 * Tell the officers of a bank that the agency recorded a payment (SP2D) of its claim: amount, date, reference and what
 * remains. Once per payment; called by the payment's own transaction.
 */
export async function notifyClaimPaid(client: Client, paymentId: string, options: { emailOn?: boolean } = {}): Promise<number> {
  return tellClaimBank(client, 'CLAIM_PAID', {
    key: Prisma.sql`'claim-paid:' || p.id`,
    params: Prisma.sql`jsonb_build_object('amount', p.amount::text, 'paidOn', to_char(p.paid_on, 'YYYY-MM-DD'), 'reference', p.reference,
      'remainder', ((SELECT coalesce(sum(l.approved_amount), 0) FROM claim_lines l WHERE l.claim_id = c.id)
        - (SELECT coalesce(sum(q.amount), 0) FROM claim_payments q WHERE q.claim_id = c.id))::text)`,
    from: Prisma.sql`claim_payments p JOIN subsidy_claims c ON c.id = p.claim_id`,
    where: Prisma.sql`p.id = ${paymentId}`,
  }, options.emailOn)
}

/**
 * One notice of a claim (`c`, with its bank, programme and month, and what `params` adds) to every active officer of
 * the claim's bank, once per key: the one statement behind a return's, an approval's and a payment's notices.
 */
function tellClaimBank(client: Client, kind: 'CLAIM_RETURNED' | 'CLAIM_APPROVED' | 'CLAIM_PAID', q: { key: Prisma.Sql; params: Prisma.Sql; from: Prisma.Sql; where: Prisma.Sql }, emailOn?: boolean): Promise<number> {
  return client.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, event_key, params, link, email_state, created_at)
    SELECT gen_random_uuid()::text, u.id, ${kind}::"NotificationKind", ${q.key},
           jsonb_build_object('bank', b.short_name, 'program', cp.name, 'month', to_char(c.month, 'YYYY-MM-DD')) || ${q.params},
           '/kredit/klaim/' || c.id,
           ${emailStateSql(emailOn ?? emailEnabled())}, ${new Date()}::timestamp
      FROM ${q.from}
      JOIN banks b ON b.id = c.bank_id
      JOIN credit_programs cp ON cp.id = c.program_id
      JOIN users u ON u.bank_id = c.bank_id AND u.role = 'BANK_OFFICER' AND u.active
     WHERE ${q.where}
    ON CONFLICT (user_id, event_key) DO NOTHING`
}

/**
 * Tell every active admin that a claim waits for verification: once per submission (the key carries the claim's
 * version). Called by every scan, and after a claim's submission has committed (lib/credit/claim-submission.ts), so
 * that the admins hear of it then and not at the next hourly scan.
 */
export async function remindClaimReview(client: Client, options: { claimId?: string; emailOn?: boolean } = {}): Promise<number> {
  const only = options.claimId ? Prisma.sql`AND c.id = ${options.claimId}` : Prisma.empty
  return client.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, event_key, params, link, email_state, created_at)
    SELECT gen_random_uuid()::text, u.id, 'REVIEW_CLAIM', 'review-claim:' || c.id || ':' || c.version,
           jsonb_build_object('bank', b.short_name, 'program', cp.name, 'month', to_char(c.month, 'YYYY-MM-DD')),
           '/kredit/klaim/' || c.id,
           ${emailStateSql(options.emailOn ?? emailEnabled())}, ${new Date()}::timestamp
      FROM subsidy_claims c
      JOIN banks b ON b.id = c.bank_id
      JOIN credit_programs cp ON cp.id = c.program_id
      JOIN users u ON u.role = 'ADMIN' AND u.active
     WHERE c.status = 'SUBMITTED' ${only}
    ON CONFLICT (user_id, event_key) DO NOTHING`
}

/** The quarters whose report can be due or late now: this one and the two before, with their deadlines. */
async function candidateQuarters(client: Client, now: Date) {
  const current = currentQuarter(now)
  const one = previousQuarter(current.year, current.quarter)
  const two = previousQuarter(one.year, one.quarter)
  const quarters = [current, one, two]
  const configured = await client.reportingPeriod.findMany({
    where: { OR: quarters.map((q) => ({ year: q.year, quarter: q.quarter })) },
    select: { year: true, quarter: true, deadline: true },
  })
  const deadline = (y: number, q: number) =>
    configured.find((c) => c.year === y && c.quarter === q)?.deadline.toISOString().slice(0, 10) ?? defaultDeadline(y, q)
  return {
    years: quarters.map((q) => q.year),
    quarters: quarters.map((q) => q.quarter),
    deadlines: quarters.map((q) => deadline(q.year, q.quarter)),
  }
}

export type ScanResult = Record<'reportDue' | 'reportLate' | 'reportReturned' | 'claimReturned' | 'actionDue' | 'reviewReport' | 'reviewClaim', number>

/** The users who own follow-up `a`: a regency's officers, a bank's officers, the named user, or for an agency unit the admin who recorded it. */
const actionOwnerSql = Prisma.sql`u.active AND (
             (a.owner_kind = 'REGENCY' AND u.role = 'DISTRICT_OFFICER' AND u.regency_code = a.owner_regency_code)
          OR (a.owner_kind = 'BANK' AND u.role = 'BANK_OFFICER' AND u.bank_id = a.owner_bank_id)
          OR (a.owner_kind = 'USER' AND u.id = a.owner_user_id)
          OR (a.owner_kind = 'UNIT' AND u.id = a.created_by_id))`

/**
 * Tell the owners of a follow-up that it is theirs, in the transaction that assigns it (created, or given another
 * owner: the caller calls it only then): once per follow-up and owner (the key; moved back to an owner, its read
 * notice is unread again), never to `by`, who assigned it. A follow-up due in three weeks
 * had stayed silent until the "due in 7 days" reminder.
 * Only once its meeting has begun (lib/meetings/rules.ts meetingAhead): a follow-up written ahead of a planned meeting
 * is prepared, not yet decided (its owner cannot work on it: lib/actions/meetings.ts heldMeeting), and an officer had
 * been told "… menugaskan tindak lanjut … kepada Anda" a week before the meeting. Marking the meeting held tells the
 * owners of all its follow-ups (`{ meeting }`), each once: a notice already there stays as it is, read or not. A
 * meeting nobody marked held is caught by the hourly scan (`{ begunSince }`: the planned meetings begun since then),
 * which tells its follow-ups' owners as marking it held would, never the admin who wrote the follow-up (`by` null).
 */
export async function notifyActionAssigned(client: Client, target: { action: string } | { meeting: string } | { begunSince: Date }, by: string | null, emailOn = emailEnabled(), now = new Date()): Promise<number> {
  const which = 'action' in target ? Prisma.sql`a.id = ${target.action}`
    : 'meeting' in target ? Prisma.sql`a.meeting_id = ${target.meeting}`
    : Prisma.sql`m.status = 'PLANNED' AND m.starts_at > ${target.begunSince}::timestamp`
  const notBy = by === null ? Prisma.sql`u.id IS DISTINCT FROM a.created_by_id` : Prisma.sql`u.id <> ${by}`
  const onConflict = 'action' in target
    // moved away and back: told again (the notice read when it moved away is new again)
    ? Prisma.sql`DO UPDATE SET read_at = NULL, created_at = EXCLUDED.created_at, params = EXCLUDED.params, email_state = EXCLUDED.email_state
       WHERE notifications.read_at IS NOT NULL`
    : Prisma.sql`DO NOTHING`
  return client.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, event_key, params, link, email_state, created_at)
    SELECT gen_random_uuid()::text, u.id, 'ACTION_ASSIGNED', 'action-assigned:' || a.id || ':' || ${actionOwnerKeySql},
           jsonb_build_object('title', a.title, 'meeting', m.title, 'dueDate', to_char(a.due_date, 'YYYY-MM-DD')),
           '/tindak-lanjut/' || a.id,
           ${emailStateSql(emailOn)}, ${new Date()}::timestamp
      FROM action_items a
      JOIN meetings m ON m.id = a.meeting_id AND m.status <> 'CANCELLED' AND (m.status <> 'PLANNED' OR m.starts_at <= ${now}::timestamp)
      JOIN users u ON ${actionOwnerSql}
     WHERE ${which} AND a.status IN ('OPEN', 'IN_PROGRESS') AND ${notBy}
    ON CONFLICT (user_id, event_key) ${onConflict}`
}

/**
 * Find every reminder that is due at `now` and create the ones not yet created, all in SQL: the unique
 * (user, event) key and ON CONFLICT DO NOTHING make it safe to run from any number of workers at once and
 * as often as wanted. Returns how many notifications each kind of reminder created.
 */
export async function scanReminders(options: { now?: Date; client?: Client } = {}): Promise<ScanResult> {
  const now = options.now ?? new Date()
  const client = options.client ?? db
  const today = jakartaToday(now.getTime())
  const province = env().AGENCY_PROVINCE_CODE
  const emailOn = emailEnabled()
  // written as UTC like every timestamp Prisma writes (CURRENT_TIMESTAMP would follow the session's time zone)
  const created = new Date()
  const q = await candidateQuarters(client, now)
  const periods = Prisma.sql`unnest(${q.years}::int[], ${q.quarters}::int[], ${q.deadlines}::date[]) AS p(year, quarter, deadline)`

  // a district officer whose report is not yet sent: due within REPORT_DUE_DAYS, or late (deadline passed)
  const reportNotSent = (kind: 'REPORT_DUE' | 'REPORT_LATE', prefix: string, window: Prisma.Sql) => client.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, event_key, params, link, email_state, created_at)
    SELECT gen_random_uuid()::text, u.id, ${kind}::"NotificationKind", ${prefix} || u.regency_code || ':' || p.year || '-' || p.quarter,
           jsonb_build_object('regency', g.name, 'year', p.year, 'quarter', p.quarter, 'deadline', to_char(p.deadline, 'YYYY-MM-DD')),
           ${reportLinkSql(Prisma.sql`u.regency_code`, Prisma.sql`p.year`, Prisma.sql`p.quarter`)},
           ${emailStateSql(emailOn)}, ${created}::timestamp
      FROM users u
      JOIN regencies g ON g.code = u.regency_code AND g.province_code = ${province}
      CROSS JOIN ${periods}
      LEFT JOIN quarterly_reports r ON r.regency_code = u.regency_code AND r.year = p.year AND r.quarter = p.quarter
     WHERE u.role = 'DISTRICT_OFFICER' AND u.active AND r.first_submitted_at IS NULL AND ${window}
       -- a quarter before the agency's first required one is owed by nobody (lib/reporting/start.ts)
       AND ${requiredPeriodSql(Prisma.sql`p.year`, Prisma.sql`p.quarter`)}
    ON CONFLICT (user_id, event_key) DO NOTHING`

  // the owners of an open follow-up due within ACTION_DUE_DAYS or overdue: a regency's officers, a bank's
  // officers, the named user, or for an agency unit the admin who recorded it. Only once its meeting has started:
  // before, the decision is not taken yet (as lib/meetings/rules.ts counts overdue), and an officer had been told
  // "jatuh tempo 11 Desember" for a meeting planned on the 9th
  const actions = () => client.$executeRaw`
    INSERT INTO notifications (id, user_id, kind, event_key, params, link, email_state, created_at)
    SELECT gen_random_uuid()::text, u.id,
           CASE WHEN a.due_date < ${today}::date THEN 'ACTION_OVERDUE' ELSE 'ACTION_DUE' END::"NotificationKind",
           CASE WHEN a.due_date < ${today}::date THEN 'action-overdue:' ELSE 'action-due:' END || a.id || ':' || to_char(a.due_date, 'YYYY-MM-DD'),
           jsonb_build_object('title', a.title, 'meeting', m.title, 'dueDate', to_char(a.due_date, 'YYYY-MM-DD')),
           '/tindak-lanjut/' || a.id,
           ${emailStateSql(emailOn)}, ${created}::timestamp
      FROM action_items a
      JOIN meetings m ON m.id = a.meeting_id AND m.status <> 'CANCELLED' AND m.starts_at <= ${now}::timestamp
      JOIN users u ON ${actionOwnerSql}
     WHERE a.status IN ('OPEN', 'IN_PROGRESS')
       AND a.due_date BETWEEN ${today}::date - ${LOOKBACK_DAYS}::int AND ${today}::date + ${ACTION_DUE_DAYS}::int
    ON CONFLICT (user_id, event_key) DO NOTHING`

  const reviewReports = () => remindReportReview(client, { emailOn })
  const reviewClaims = () => remindClaimReview(client, { emailOn })

  // one after the other on one connection: the scan is small, and the pool stays free for pages
  const reportDue = await reportNotSent('REPORT_DUE', 'report-due:', Prisma.sql`p.deadline BETWEEN ${today}::date AND ${today}::date + ${REPORT_DUE_DAYS}::int`)
  const reportLate = await reportNotSent('REPORT_LATE', 'report-late:', Prisma.sql`p.deadline < ${today}::date AND p.deadline >= ${today}::date - ${LOOKBACK_DAYS}::int`)
  const reportReturned = await remindReturnedReports(client, { emailOn })
  const claimReturned = await remindReturnedClaims(client, { emailOn, since: new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000) })
  const actionDue = await actions()
  // the follow-ups of a planned meeting that has begun without being marked held: told as marking it held tells them
  await notifyActionAssigned(client, { begunSince: new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000) }, null, emailOn, now)
  const reviewReport = await reviewReports()
  const reviewClaim = await reviewClaims()
  // last, the reminders whose cause went away (a report sent, a follow-up done), those made above included (a report
  // sent while the scan ran): the bell counts only what is still to do
  await settleNotifications(client, { now: created, today })
  return { reportDue, reportLate, reportReturned, claimReturned, actionDue, reviewReport, reviewClaim }
}
