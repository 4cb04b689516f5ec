/**
 * `npm run setup` (scripts/lib/setup.ts) on a migrated database with no users: loads the reporting catalogue,
 * creates the first admin with the app's password rules and hash, and a second run changes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createPrismaClient } from '@/lib/prisma-client'
import { verifyPassword } from '@/lib/password'
import { SetupError, setupDeployment } from '@/scripts/lib/setup'
import { REPORTING_START_KEY } from '@/lib/reporting/start'
import { quarterLabel } from '@/lib/reporting/periods'
import { firstReportingQuarter } from '@/lib/reporting/start'
import { jakartaToday } from '@/lib/dates'

const db = createPrismaClient(process.env.DATABASE_URL!, 2)
afterAll(() => db.$disconnect())

const PASSWORD = 'Gudang-Padi-Tegal-7'

describe('npm run setup', () => {
  it('refuses a password the app would refuse, before loading anything', async () => {
    const lines: string[] = []
    await expect(setupDeployment(db, { admin: { username: 'admin.dinas' }, password: async () => 'admin.dinas123', log: (l) => lines.push(l) })).rejects.toThrow(SetupError)
    expect(lines).toEqual([])
    expect(await db.user.count()).toBe(0)
    expect(await db.reportForm.count()).toBe(0)
  })

  it('creates the first admin, whose password the app accepts, and loads the reporting catalogue', async () => {
    const lines: string[] = []
    const r = await setupDeployment(db, { admin: { username: 'Admin.Dinas', name: 'Admin Dinas' }, password: async () => PASSWORD, log: (l) => lines.push(l) })
    expect(r.adminCreated).toBe('admin.dinas')
    expect(r.hasAdmin).toBe(true)
    expect(r.added.report_forms).toBeGreaterThan(0)
    expect(r.added.indicators).toBeGreaterThan(0)
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin.dinas' } })
    expect(admin).toMatchObject({ role: 'ADMIN', active: true, mustChangePassword: false, name: 'Admin Dinas' })
    expect(await verifyPassword(PASSWORD, admin.passwordHash)).toBe(true)
    expect(await db.auditLog.count({ where: { entity: 'User', entityId: admin.id, action: 'CREATE' } })).toBe(1)
    expect(lines.some((l) => l.startsWith('1/3'))).toBe(true)
    expect(lines.some((l) => l.startsWith('3/3 Admin pertama dibuat'))).toBe(true)
    // a new deployment owes no reports for the quarters before it: reporting starts in the current quarter
    const start = await db.setting.findUniqueOrThrow({ where: { key: REPORTING_START_KEY }, select: { value: true, version: true } })
    const first = firstReportingQuarter(jakartaToday())
    expect(start).toEqual({ value: first, version: 1 })
    expect(lines.find((l) => l.startsWith('2/3'))).toContain(`Laporan wajib mulai ${quarterLabel(first.quarter)} ${first.year}`)
  })

  it('a second run changes nothing, makes no second admin, and never asks for a password', async () => {
    const users = await db.user.count()
    const audits = await db.auditLog.count()
    const lines: string[] = []
    let asked = false
    const r = await setupDeployment(db, {
      admin: { username: 'admin.kedua' },
      password: async () => {
        asked = true
        return PASSWORD
      },
      log: (l) => lines.push(l),
    })
    expect(r.adminCreated).toBeNull()
    expect(asked).toBe(false)
    expect(Object.values(r.added).every((n) => n === 0)).toBe(true)
    expect(await db.user.count()).toBe(users)
    expect(await db.auditLog.count()).toBe(audits)
    expect(lines.some((l) => l.includes('Admin sudah ada (admin.dinas)'))).toBe(true)
    expect(lines).toContain('Tidak ada yang berubah: database ini sudah disiapkan.')
  })
})
