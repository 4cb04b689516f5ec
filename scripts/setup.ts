/**
 * `npm run setup -- [--admin <username>] [--name "<full name>"]`: prepare a real deployment's database after
 * `npm run db:migrate` (scripts/lib/setup.ts says what it loads and why). Needs DATABASE_URL (from the
 * environment or the project's .env files, as `npm start` reads them); never starts an embedded database.
 *
 * The admin's password comes from LUMBUNG_ADMIN_PASSWORD or standard input (asked twice, unechoed, on a
 * terminal; the first line otherwise), never from the command line, which lands in shell history and `ps`.
 */
import { loadEnvConfig } from '@next/env'
import { createPrismaClient } from '../lib/prisma-client'
import { SetupError, setupDeployment } from './lib/setup'
import { PROJECT_ROOT } from './lib/worker-process'

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1)
}

/** One line of standard input; on a terminal, typed without echo. */
function readLine(prompt: string): Promise<string> {
  const stdin = process.stdin
  return new Promise((resolve, reject) => {
    let buf = ''
    const tty = stdin.isTTY
    if (tty) {
      process.stderr.write(prompt)
      stdin.setRawMode(true)
    }
    stdin.setEncoding('utf8')
    const done = (line: string | null) => {
      stdin.off('data', onData)
      stdin.off('end', onEnd)
      if (tty) {
        stdin.setRawMode(false)
        process.stderr.write('\n')
      }
      stdin.pause()
      if (line === null) reject(new SetupError('Dibatalkan.'))
      else resolve(line)
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\u0003' || ch === '\u0004') return done(null) // Ctrl-C, Ctrl-D
        if (ch === '\r' || ch === '\n') return done(buf)
        if (ch === '\u007f' || ch === '\b') buf = buf.slice(0, -1)
        else buf += ch
      }
    }
    const onEnd = () => done(buf.length > 0 ? buf : null)
    stdin.on('data', onData)
    stdin.on('end', onEnd)
    stdin.resume()
  })
}

async function password(): Promise<string> {
  const fromEnv = process.env.LUMBUNG_ADMIN_PASSWORD
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY) return readLine('')
  const first = await readLine('Kata sandi admin pertama (min. 10 karakter, tidak ditampilkan): ')
  const again = await readLine('Ulangi kata sandi: ')
  if (first !== again) throw new SetupError('Kedua kata sandi tidak sama: jalankan lagi.')
  return first
}

async function main() {
  loadEnvConfig(PROJECT_ROOT, false, { info: () => {}, error: console.error })
  const url = process.env.DATABASE_URL
  if (!url) throw new SetupError('DATABASE_URL belum diatur: atur ke database produksi (yang sudah di-`npm run db:migrate`) lalu jalankan lagi.')
  const argv = process.argv.slice(2)
  const username = flag(argv, '--admin')
  if (argv.includes('--admin') && !username) throw new SetupError('--admin butuh nama pengguna, mis. `npm run setup -- --admin admin.dinas`.')
  if (argv.some((a) => a === '--password' || a.startsWith('--password='))) {
    throw new SetupError('Kata sandi tidak diterima di baris perintah (tersimpan di riwayat shell dan terlihat di `ps`): pakai LUMBUNG_ADMIN_PASSWORD atau input standar.')
  }
  const db = createPrismaClient(url, 2)
  try {
    const r = await setupDeployment(db, { admin: username ? { username, name: flag(argv, '--name') } : undefined, password })
    if (!r.hasAdmin) process.exitCode = 1
  } finally {
    await db.$disconnect()
  }
}

main().catch((e) => {
  // what the operator must fix is one sentence; anything else (the database unreachable…) keeps its stack
  console.error(e instanceof SetupError ? e.message : e)
  process.exit(1)
})
