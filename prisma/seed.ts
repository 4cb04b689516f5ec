/**
 * Demo data entry point: `npm run seed` (or automatically on the first `npm run dev`).
 * Each part is idempotent (upserts on natural keys), so running it twice changes nothing.
 */
import bcrypt from 'bcryptjs'
import { createPrismaClient } from '../lib/prisma-client'
import { DEMO_USERS } from './seed/demo-users'

async function main() {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL belum diatur (jalankan lewat `npm run dev` atau `npm run prisma -- db seed`).')
  const db = createPrismaClient(url)
  try {
    for (const u of DEMO_USERS) {
      const passwordHash = await bcrypt.hash(u.password, 10)
      await db.user.upsert({
        where: { username: u.username },
        update: {},
        create: { username: u.username, name: u.name, role: u.role, passwordHash },
      })
    }
    console.log(`Data demo dimuat: ${DEMO_USERS.length} pengguna.`)
  } finally {
    await db.$disconnect()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
