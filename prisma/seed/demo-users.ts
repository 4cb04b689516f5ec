/**
 * Demo accounts, one per role (printed by `npm run dev`, listed in the README). The passwords are for
 * the demo data only: a real deployment creates its own users and never runs the demo seed.
 */
import { hashPassword } from '../../lib/password'
import type { PrismaClient } from '../../lib/generated/prisma/client'

export const DEMO_USERS = [
  { username: 'admin', password: 'Lumbung-Admin-2026', name: 'Admin Dinas Provinsi', role: 'ADMIN', label: 'staf Dinas Koperasi dan UKM Provinsi' },
  { username: 'pimpinan', password: 'Lumbung-Pimpinan-2026', name: 'Kepala Dinas', role: 'LEADERSHIP', label: 'pimpinan (hanya baca)' },
  { username: 'jombang', password: 'Lumbung-Jombang-2026', name: 'Petugas Kabupaten Jombang', role: 'DISTRICT_OFFICER', regencyCode: '35.17', label: 'petugas Kabupaten Jombang (35.17)' },
  { username: 'bprjatim', password: 'Lumbung-BPRJatim-2026', name: 'Petugas PT BPR Jatim', role: 'BANK_OFFICER', bankCode: 'BPRJATIM', label: 'petugas PT BPR Jatim (Bank UMKM Jatim)' },
] as const

export async function seedDemoUsers(db: PrismaClient): Promise<void> {
  for (const u of DEMO_USERS) {
    const bank = 'bankCode' in u ? await db.bank.findUniqueOrThrow({ where: { code: u.bankCode }, select: { id: true } }) : null
    await db.user.upsert({
      where: { username: u.username },
      update: {},
      create: {
        username: u.username,
        name: u.name,
        role: u.role,
        regencyCode: 'regencyCode' in u ? u.regencyCode : null,
        bankId: bank?.id ?? null,
        passwordHash: await hashPassword(u.password), // the app's own cost: seeded names check as slowly as unknown ones
      },
    })
  }
}
