import { beforeEach, describe, expect, it } from 'vitest'
import { signInAs } from '../support/session-mock'
import { submit } from '../support/session'
import { createUser as makeUser, form, unique } from '../support/factories'
import { db } from '@/lib/db'
import { createUser, deactivateUser, reactivateUser, resetPassword, updateUser } from '@/lib/actions/users'
import { findUsers } from '@/lib/data/users'
import { getCurrentUser } from '@/lib/session'
import { MESSAGES } from '@/lib/safe-action'

const auditRows = (entityId: string) => db.auditLog.findMany({ where: { entity: 'User', entityId }, orderBy: { id: 'asc' }, select: { action: true, username: true, role: true, before: true, after: true } })

let admin: Awaited<ReturnType<typeof makeUser>>

beforeEach(async () => {
  admin = await makeUser('ADMIN')
  signInAs(admin)
})

describe('creating a user', () => {
  it('saves it with a temporary password to change, and writes an audit row without secrets', async () => {
    const username = unique('budi')
    const res = await createUser(undefined, form({ username, name: 'Budi Santoso', email: `${username}@jatimprov.go.id`, role: 'DISTRICT_OFFICER', regencyCode: '35.17' }))
    expect(res.ok).toBe(true)
    expect(res.data?.temporaryPassword).toHaveLength(14)
    const saved = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true, regencyCode: true, mustChangePassword: true } })
    expect(saved).toMatchObject({ regencyCode: '35.17', mustChangePassword: true })
    const audit = await auditRows(saved.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'CREATE', username: admin.username, role: 'ADMIN' })
    expect(JSON.stringify(audit[0].after)).not.toMatch(/passwordHash|\$2[aby]\$/)
  })

  it('says a taken email under the email, whatever its capitals', async () => {
    const first = unique('sari')
    expect((await createUser(undefined, form({ username: first, name: 'Sari', email: `${first}@Jatimprov.go.id`, role: 'LEADERSHIP' }))).ok).toBe(true)
    expect((await db.user.findUniqueOrThrow({ where: { username: first }, select: { email: true } })).email).toBe(`${first}@jatimprov.go.id`)
    const again = await createUser(undefined, form({ username: unique('sari2'), name: 'Sari Dua', email: `${first.toUpperCase()}@JATIMPROV.GO.ID`, role: 'LEADERSHIP' }))
    expect(again.ok).toBe(false)
    expect(again.errors).toEqual({ email: ['Email sudah dipakai pengguna lain.'] })
  })

  it('says what is wrong in each wrong field', async () => {
    const auditBefore = await db.auditLog.count()
    const res = await createUser(undefined, form({ username: 'A b', name: '', email: 'bukan-email', role: 'DISTRICT_OFFICER' }))
    expect(res.ok).toBe(false)
    expect(res.errors?.username?.[0]).toMatch(/huruf kecil/)
    expect(res.errors?.name?.[0]).toBe('Isi nama lengkap.')
    expect(res.errors?.email?.[0]).toBe('Alamat email tidak valid.')
    expect(res.errors?.regencyCode?.[0]).toMatch(/satu kabupaten\/kota/)
    expect(await db.auditLog.count()).toBe(auditBefore)
  })

  it('refuses a bank officer without a bank and a regency outside the province', async () => {
    const a = await createUser(undefined, form({ username: unique('b'), name: 'Bank', role: 'BANK_OFFICER' }))
    expect(a.errors?.bankId?.[0]).toMatch(/bank mitra/)
    const b = await createUser(undefined, form({ username: unique('d'), name: 'Luar', role: 'DISTRICT_OFFICER', regencyCode: '81.02' }))
    expect(b.ok).toBe(false)
    expect(b.errors?.regencyCode?.[0]).toMatch(/provinsi ini/)
  })

  it('refuses a username that exists, in its field', async () => {
    const res = await createUser(undefined, form({ username: admin.username, name: 'Dobel', role: 'LEADERSHIP' }))
    expect(res.ok).toBe(false)
    expect(res.errors?.username).toEqual(['Nama pengguna sudah dipakai.'])
  })

  it('refuses every role but admin, before touching anything', async () => {
    for (const role of ['DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER'] as const) {
      signInAs(await makeUser(role))
      const username = unique('x')
      const res = await createUser(undefined, form({ username, name: 'Tidak Boleh', role: 'ADMIN' }))
      expect(res).toMatchObject({ ok: false, message: MESSAGES.forbidden })
      expect(await db.user.count({ where: { username } })).toBe(0)
    }
    signInAs(null)
    expect(await createUser(undefined, form({ username: unique('y'), name: 'Anonim', role: 'ADMIN' }))).toMatchObject({ ok: false, message: MESSAGES.signedOut })
  })
})

describe('editing a user', () => {
  it('saves with an audit row holding before and after, then refuses the same stale version', async () => {
    const target = await makeUser('LEADERSHIP')
    const values = { id: target.id, version: target.version, username: target.username, name: 'Nama Baru', role: 'DISTRICT_OFFICER', regencyCode: '35.73' }
    await expect(updateUser(undefined, form(values))).rejects.toThrow(/NEXT_REDIRECT/)
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { name: true, role: true, regencyCode: true, version: true } })
    expect(after).toEqual({ name: 'Nama Baru', role: 'DISTRICT_OFFICER', regencyCode: '35.73', version: target.version + 1 })
    const audit = await auditRows(target.id)
    expect(audit.at(-1)).toMatchObject({ action: 'UPDATE', before: { name: 'Uji LEADERSHIP', role: 'LEADERSHIP' }, after: { name: 'Nama Baru', role: 'DISTRICT_OFFICER' } })
    // a second editor who opened the form before the first saved
    const stale = await updateUser(undefined, form({ ...values, name: 'Tumpang Tindih' }))
    expect(stale.ok).toBe(false)
    expect(stale.message).toMatch(/sudah diubah orang lain/)
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe('Nama Baru')
  })

  it("ends the user's sessions when the role, regency or bank changes, and only then", async () => {
    const officer = await makeUser('DISTRICT_OFFICER')
    const current = () => db.user.findUniqueOrThrow({ where: { id: officer.id }, select: { version: true, sessionVersion: true } })
    const edit = async (changes: Record<string, string>) => {
      const v = await current()
      return submit(updateUser, { id: officer.id, version: v.version, username: officer.username, name: 'Nama Lain', role: 'DISTRICT_OFFICER', regencyCode: '35.17', ...changes })
    }
    // a new name keeps the session
    const before = await current()
    expect((await edit({})).redirect).toBe('/pengguna?disimpan=1')
    expect((await current()).sessionVersion).toBe(before.sessionVersion)
    signInAs(officer)
    expect((await getCurrentUser())?.regencyCode).toBe('35.17')
    signInAs(admin)
    // another regency ends it: the old token opens nothing more, and the list says why
    expect((await edit({ regencyCode: '35.73' })).redirect).toBe('/pengguna?disimpan=sesi')
    expect((await current()).sessionVersion).toBe(before.sessionVersion + 1)
    signInAs(officer)
    expect(await getCurrentUser()).toBeNull()
    signInAs(admin)
    // a bank officer moved to another bank likewise
    const banker = await makeUser('BANK_OFFICER')
    const other = await db.bank.findFirstOrThrow({ where: { id: { not: banker.bankId! } }, select: { id: true } })
    const moved = await submit(updateUser, { id: banker.id, version: banker.version, username: banker.username, name: 'Uji Bank', role: 'BANK_OFFICER', bankId: other.id })
    expect(moved.redirect).toBe('/pengguna?disimpan=sesi')
    expect((await db.user.findUniqueOrThrow({ where: { id: banker.id }, select: { sessionVersion: true } })).sessionVersion).toBe(banker.sessionVersion + 1)
  })

  it('clears a regency left over when the role no longer needs one', async () => {
    const officer = await makeUser('DISTRICT_OFFICER')
    await expect(updateUser(undefined, form({ id: officer.id, version: officer.version, username: officer.username, name: 'Pindah', role: 'LEADERSHIP', regencyCode: '35.17' }))).rejects.toThrow(/NEXT_REDIRECT/)
    expect((await db.user.findUniqueOrThrow({ where: { id: officer.id } })).regencyCode).toBeNull()
  })
})

describe('deactivating, reactivating and resetting', () => {
  it('ends the session of a deactivated user at its next request, and lets it back after reactivation', async () => {
    const officer = await makeUser('DISTRICT_OFFICER')
    signInAs(officer)
    expect((await getCurrentUser())?.id).toBe(officer.id)
    signInAs(admin)
    expect((await deactivateUser(undefined, form({ id: officer.id, version: officer.version }))).ok).toBe(true)
    signInAs(officer) // the officer's old token
    expect(await getCurrentUser()).toBeNull()
    signInAs(admin)
    expect((await reactivateUser(undefined, form({ id: officer.id, version: officer.version + 1 }))).ok).toBe(true)
    // the old token stays dead (its session version was bumped); a new sign-in gets the new version
    signInAs(officer)
    expect(await getCurrentUser()).toBeNull()
    const fresh = await db.user.findUniqueOrThrow({ where: { id: officer.id }, select: { sessionVersion: true } })
    signInAs({ id: officer.id, sessionVersion: fresh.sessionVersion })
    expect((await getCurrentUser())?.id).toBe(officer.id)
    expect((await auditRows(officer.id)).map((a) => a.action)).toEqual(['DEACTIVATE', 'REACTIVATE'])
  })

  it('refuses to deactivate oneself', async () => {
    const res = await deactivateUser(undefined, form({ id: admin.id, version: admin.version }))
    expect(res).toMatchObject({ ok: false, message: 'Anda tidak dapat menonaktifkan akun Anda sendiri.' })
  })

  it('resets a password: new temporary password, forced change, sessions ended, audited', async () => {
    const target = await makeUser('BANK_OFFICER')
    const res = await resetPassword(undefined, form({ id: target.id, version: target.version }))
    expect(res.ok).toBe(true)
    expect(res.data?.temporaryPassword).toHaveLength(14)
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { mustChangePassword: true, sessionVersion: true } })
    expect(after).toEqual({ mustChangePassword: true, sessionVersion: target.sessionVersion + 1 })
    expect((await auditRows(target.id)).map((a) => a.action)).toEqual(['PASSWORD_RESET'])
  })

  it('refuses a stale click (a version another admin has changed since), naming who and when, with nothing written', async () => {
    const other = await makeUser('ADMIN')
    await db.user.update({ where: { id: other.id }, data: { name: 'Admin Kedua' } })
    const officer = await makeUser('DISTRICT_OFFICER')
    // admin A's page shows the officer active (version v); admin B deactivates, then reactivates
    signInAs(other)
    expect((await deactivateUser(undefined, form({ id: officer.id, version: officer.version }))).ok).toBe(true)
    expect((await reactivateUser(undefined, form({ id: officer.id, version: officer.version + 1 }))).ok).toBe(true)
    const seen = await db.user.findUniqueOrThrow({ where: { id: officer.id }, select: { active: true, version: true, sessionVersion: true, passwordHash: true } })
    // A's stale "Nonaktifkan" and "Reset" (version v) are refused: B's reactivation stands
    signInAs(admin)
    for (const step of [deactivateUser, resetPassword]) {
      const res = await step(undefined, form({ id: officer.id, version: officer.version }))
      expect(res.ok).toBe(false)
      expect(res.message).toMatch(/^Pengguna ini sudah diubah oleh Admin Kedua pada .+; muat ulang halaman, lalu ulangi\.$/)
    }
    // a reactivation of an active account, even at its current version, is not a second REACTIVATE row
    expect((await reactivateUser(undefined, form({ id: officer.id, version: seen.version }))).message).toMatch(/^Pengguna ini sudah diubah oleh /)
    expect(await db.user.findUniqueOrThrow({ where: { id: officer.id }, select: { active: true, version: true, sessionVersion: true, passwordHash: true } })).toEqual(seen)
    expect((await auditRows(officer.id)).map((a) => a.action)).toEqual(['DEACTIVATE', 'REACTIVATE'])
  })

  it('of two deactivations at once from the same page, one lands and the other is a conflict, with one audit row', async () => {
    const officer = await makeUser('DISTRICT_OFFICER')
    const [a, b] = await Promise.all([
      submit(deactivateUser, { id: officer.id, version: officer.version }),
      submit(deactivateUser, { id: officer.id, version: officer.version }),
    ])
    expect([a.state?.ok, b.state?.ok].sort()).toEqual([false, true])
    expect([a, b].find((r) => !r.state?.ok)?.state?.message).toMatch(/^Pengguna ini sudah diubah oleh .+ pada /)
    const after = await db.user.findUniqueOrThrow({ where: { id: officer.id }, select: { active: true, version: true, sessionVersion: true } })
    expect(after).toEqual({ active: false, version: officer.version + 1, sessionVersion: officer.sessionVersion + 1 })
    expect((await auditRows(officer.id)).map((a) => a.action)).toEqual(['DEACTIVATE'])
  })

  it('a user who must change the password can do nothing else', async () => {
    const fresh = await makeUser('ADMIN', { mustChangePassword: true })
    signInAs(fresh)
    const res = await createUser(undefined, form({ username: unique('z'), name: 'Z', role: 'LEADERSHIP' }))
    expect(res).toMatchObject({ ok: false, message: MESSAGES.mustChangePassword })
  })
})

describe('listing users', () => {
  it('filters by role and status and pages on the server; only for admins', async () => {
    await makeUser('LEADERSHIP', { active: false })
    await makeUser('LEADERSHIP')
    const current = (await getCurrentUser())!
    const inactive = await findUsers({ user: current, filter: { role: 'LEADERSHIP', status: 'nonaktif' } })
    expect(inactive.total).toBe(1)
    expect(inactive.rows[0].active).toBe(false)
    const leader = await makeUser('LEADERSHIP')
    signInAs(leader)
    await expect(findUsers({ user: (await getCurrentUser())!, filter: {} })).rejects.toThrow('forbidden')
  })

  it('sorts by last sign-in with those who never signed in last, newest first or oldest first', async () => {
    const never = await makeUser('LEADERSHIP')
    const older = await makeUser('LEADERSHIP')
    const newer = await makeUser('LEADERSHIP')
    await db.user.update({ where: { id: older.id }, data: { lastSignInAt: new Date('2026-11-01T02:00:00Z') } })
    await db.user.update({ where: { id: newer.id }, data: { lastSignInAt: new Date('2026-12-01T02:00:00Z') } })
    const current = (await getCurrentUser())!
    const mine = new Set([never.id, older.id, newer.id])
    const ids = async (dir: 'asc' | 'desc') =>
      (await findUsers({ user: current, filter: { role: 'LEADERSHIP', sort: 'lastSignInAt', dir } })).rows.map((r) => r.id).filter((id) => mine.has(id))
    expect(await ids('desc')).toEqual([newer.id, older.id, never.id])
    expect(await ids('asc')).toEqual([older.id, newer.id, never.id])
  })
})
