/**
 * `npm run setup`: what a real deployment's database needs after `npm run db:migrate` and before anyone can
 * sign in (the demo seed is never run there):
 * 1. the Kemendagri regions (idn-area-data, prisma/seed/regions.ts): official reference, the same in every
 *    deployment; rows that exist are kept;
 * 2. the reporting catalogue (prisma/seed/reporting.ts: report forms, indicators, validation rules and the
 *    indicators the activities compute): the app has no screen to create a report form, so without it the
 *    quarterly reporting cannot start. Loaded only into a database that has no report form yet: afterwards the
 *    catalogue is the agency's own (Pengaturan › Indikator) and a later run must not bring back what it removed.
 *    With it, reporting starts from the first quarter whose report is not yet overdue (lib/reporting/start.ts):
 *    the quarters before the agency used Lumbung are not shown as overdue or reminded (Pengaturan › Batas waktu
 *    changes it);
 * 3. the first ADMIN account, only when no active admin exists, with a password the operator chose (checked
 *    by lib/password.ts#passwordProblem, hashed by its hashPassword, as the app does for users).
 * Not loaded: partner banks, credit programmes, users other than the first admin: an agency's own
 * configuration, made in the app (Pengaturan), and the demo's are fictitious for a real deployment.
 * Idempotent: a second run changes nothing and says so.
 */
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { hashPassword, passwordProblem } from '../../lib/password'
import { userSchema } from '../../lib/validations/users'
import { seedRegions } from '../../prisma/seed/regions'
import { seedReportingCatalogue } from '../../prisma/seed/reporting'
import { quarterLabel } from '../../lib/reporting/periods'
import { REPORTING_START_KEY, firstReportingQuarter } from '../../lib/reporting/start'
import { jakartaToday } from '../../lib/dates'

export type SetupOptions = {
  /** the first admin's username (only used when no active admin exists) */
  admin?: { username: string; name?: string }
  /** the password, asked only when an admin is about to be created */
  password: () => Promise<string>
  log?: (line: string) => void
}

export type SetupResult = {
  /** rows added per table (0 everywhere: nothing changed) */
  added: Record<string, number>
  /** the admin created now, if one was */
  adminCreated: string | null
  /** false when the database still has no admin (none asked for, or refused): nobody can sign in as admin */
  hasAdmin: boolean
}

/** Thrown for what the operator must fix (a bad username or password, a username taken): one sentence. */
export class SetupError extends Error {}

const TABLES = ['provinces', 'regencies', 'districts', 'villages', 'report_forms', 'indicators', 'validation_rules', 'indicator_activity_measures'] as const

async function counts(db: PrismaClient): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  // fixed table names from the list above, never input
  for (const t of TABLES) out[t] = Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`))[0].n)
  return out
}

const fmt = (n: number) => n.toLocaleString('id-ID')

/** Lock key for the admin step: two instances running setup at once create one admin, not two. */
const ADMIN_LOCK = 0x4c554d42 // "LUMB"

export async function setupDeployment(db: PrismaClient, opts: SetupOptions): Promise<SetupResult> {
  const log = opts.log ?? console.log
  // the admin's username and password first: a refusal comes before minutes of loading, not after
  const activeAdmins = () => db.user.findMany({ where: { role: 'ADMIN', active: true }, select: { username: true }, orderBy: { createdAt: 'asc' }, take: 3 })
  let admin: { username: string; name: string; email: string | null; passwordHash: string } | null = null
  if (opts.admin && (await activeAdmins()).length === 0) {
    const parsed = userSchema.safeParse({ username: opts.admin.username, name: opts.admin.name ?? 'Administrator', role: 'ADMIN' })
    if (!parsed.success) throw new SetupError(`--admin/--name tidak valid: ${parsed.error.issues.map((i) => i.message).join(' ')}`)
    const { username, name, email } = parsed.data
    if (await db.user.findUnique({ where: { username }, select: { id: true } })) {
      throw new SetupError(`Nama pengguna ${username} sudah dipakai akun lain (bukan admin aktif): pilih nama lain untuk admin pertama.`)
    }
    const password = await opts.password()
    const problem = passwordProblem(password, username)
    if (problem) throw new SetupError(`Kata sandi admin ditolak: ${problem}`)
    admin = { username, name, email, passwordHash: await hashPassword(password) }
  }

  const before = await counts(db)
  await seedRegions(db)
  const afterRegions = await counts(db)
  const newRegions = ['provinces', 'regencies', 'districts', 'villages'].reduce((s, t) => s + afterRegions[t] - before[t], 0)
  log(
    `1/3 Wilayah Kemendagri: ${fmt(afterRegions.provinces)} provinsi, ${fmt(afterRegions.regencies)} kabupaten/kota, ${fmt(afterRegions.districts)} kecamatan, ` +
      `${fmt(afterRegions.villages)} desa/kelurahan (${newRegions === 0 ? 'sudah lengkap, tidak ada yang berubah' : `${fmt(newRegions)} baris baru dimuat`}).`,
  )

  if (afterRegions.report_forms === 0) {
    // one transaction: a run that dies half-way leaves no forms without their indicators (a later run, seeing
    // forms, would skip the catalogue for good)
    const start = firstReportingQuarter(jakartaToday())
    await db.$transaction(async (tx) => {
      await seedReportingCatalogue(tx as unknown as PrismaClient)
      // a new deployment owes no reports for the quarters before it: reporting starts now (kept if already set)
      const { count } = await tx.setting.createMany({ data: [{ key: REPORTING_START_KEY, value: start }], skipDuplicates: true })
      if (count === 1) await tx.auditLog.create({ data: { userId: null, username: 'npm run setup', role: 'SYSTEM', action: 'CREATE', entity: 'Setting', entityId: REPORTING_START_KEY, after: start } })
    }, { timeout: 300_000 })
    const c = await counts(db)
    log(`2/3 Katalog pelaporan dimuat: ${c.report_forms} formulir, ${c.indicators} indikator, ${c.validation_rules} aturan validasi (ubah di Pengaturan › Indikator). Laporan wajib mulai ${quarterLabel(start.quarter)} ${start.year} (ubah di Pengaturan › Batas waktu).`)
  } else {
    log(`2/3 Katalog pelaporan sudah ada (${afterRegions.report_forms} formulir, ${afterRegions.indicators} indikator): tidak diubah; ia milik Dinas sekarang.`)
  }

  const adminCreated = await db.$transaction(async (tx) => {
    // checked again under the lock: another instance's setup may have created one meanwhile
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_LOCK})`
    const admins = await tx.user.findMany({ where: { role: 'ADMIN', active: true }, select: { username: true }, orderBy: { createdAt: 'asc' }, take: 3 })
    if (admins.length > 0) {
      log(`3/3 Admin sudah ada (${admins.map((a) => a.username).join(', ')}): tidak membuat admin lain${opts.admin ? `; --admin ${opts.admin.username} diabaikan` : ''}.`)
      return null
    }
    if (!admin) {
      log('3/3 Belum ada admin: jalankan lagi dengan `npm run setup -- --admin <nama-pengguna>` (kata sandi dari LUMBUNG_ADMIN_PASSWORD atau input standar).')
      return null
    }
    const created = await tx.user.create({
      // the operator chose this password: no forced change at first sign-in
      data: { ...admin, role: 'ADMIN', mustChangePassword: false },
      select: { id: true, username: true, name: true, role: true, active: true },
    })
    await tx.auditLog.create({ data: { userId: null, username: 'npm run setup', role: 'SYSTEM', action: 'CREATE', entity: 'User', entityId: created.id, after: created } })
    log(`3/3 Admin pertama dibuat: ${created.username}.`)
    return created.username
  })

  const after = await counts(db)
  const added = Object.fromEntries(TABLES.map((t) => [t, after[t] - before[t]]))
  const hasAdmin = (await db.user.count({ where: { role: 'ADMIN', active: true } })) > 0
  if (!adminCreated && Object.values(added).every((n) => n === 0)) log('Tidak ada yang berubah: database ini sudah disiapkan.')
  if (hasAdmin) log(`Selanjutnya: jalankan \`npm start\`, masuk${adminCreated ? ` sebagai ${adminCreated}` : ''}, lalu buat bank mitra, program kredit dan pengguna di aplikasi (Pengaturan, Pengguna).`)
  return { added, adminCreated, hasAdmin }
}
