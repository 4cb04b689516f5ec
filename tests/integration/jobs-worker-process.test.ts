import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { defineJob, enqueue, getJob, runOneJob, startJobWorker } from '@/lib/jobs'
import { createImport, startCheck, startCommit } from '@/lib/imports/service'
import type { SessionUser } from '@/lib/session-user'
import { createUser } from '../support/factories'
import { asSession, importVersion } from '../support/imports'

/**
 * The job worker process as deployed: `npm run worker`'s own command (package.json's, run as npm runs it but
 * without npm, which does not pass SIGTERM on to its script) on this file's throwaway database. It queues the hourly schedules and runs them (the reminder scan and the API's
 * purge: their code loads outside Next.js), runs an import's dry run and write queued from here, reports its
 * bounded heap, and on SIGTERM stops and exits 0. Then, in this process: a worker that must exit
 * mid-job ends its lease, and another worker takes the job over at once.
 */
let admin: SessionUser
let worker: ChildProcess | undefined
let output = ''
let exited: Promise<number | null>

/** package.json's `worker` script, started as a process of this test's (the supervisor, which starts the worker). */
function startWorkerCommand(env: NodeJS.ProcessEnv): ChildProcess {
  const [command, ...args] = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.worker.split(' ')
  return spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Poll the database until `read` gives what `done` accepts (a process of its own works the queue). */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await read()
    if (done(v)) return v
    if (worker?.exitCode !== null && worker?.exitCode !== undefined) throw new Error(`the worker exited (${worker.exitCode}) before ${what}:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`not reached: ${what}\n${output}`)
}

function msmeCsv(nibs: string[]): File {
  const head = 'NIB,Nama Usaha,Nama Pemilik,NIK Pemilik,Jenis Kelamin Pemilik,KBLI,Kabupaten/Kota,Modal Usaha,Omzet Tahunan'
  const rows = nibs.map((n, i) => `${n},Usaha Pekerja ${i},Siti Aminah,3517014101850001,P,10792,35.17,25000000,180000000`)
  // one row with a 12-digit NIB: rejected by the dry run, left out by the valid-rows-only write
  rows.push('123456789012,Usaha Cacat,Budi,3517010101850001,L,10792,35.17,1000000,2000000')
  return new File([[head, ...rows].join('\n')], 'umkm.csv', { type: 'text/csv' })
}

beforeAll(async () => {
  admin = asSession(await createUser('ADMIN'), 'Admin Uji')
})

afterAll(() => {
  // after a failure: SIGTERM, which the supervisor passes on to the worker (SIGKILL would leave the worker running)
  if (worker?.exitCode === null) worker.kill('SIGTERM')
})

describe('the job worker process (npm run worker)', () => {
  it('works the queue until SIGTERM: schedules, an import dry run and write, a clean exit', async () => {
    worker = startWorkerCommand({ ...process.env, JOBS_WORKER_HEAP_MB: '128', NODE_ENV: 'production' })
    worker.stdout!.setEncoding('utf8').on('data', (d: string) => { output += d })
    worker.stderr!.setEncoding('utf8').on('data', (d: string) => { output += d })
    exited = new Promise((resolve) => worker!.on('exit', (code) => resolve(code)))

    // its start-up line names the bound and the kinds
    await until(async () => output, (o) => o.includes('[worker] Lumbung job worker'), 'the start-up line')
    expect(output).toContain('--max-old-space-size=128')
    expect(output).toMatch(/kinds .*import\.check.*import\.commit.*import\.tidy.*reminders\.scan.*api\.maintenance/)

    // the hourly schedules it queued at start, run by it (not by this process: nothing here runs jobs)
    const scheduled = await until(
      () => db.job.findMany({ where: { kind: { in: ['reminders.scan', 'api.maintenance', 'import.tidy'] }, runAt: { lte: new Date() } }, select: { kind: true, state: true, lockedBy: true, lastError: true } }),
      (jobs) => jobs.length === 3 && jobs.every((j) => j.state === 'SUCCEEDED'),
      'the reminder scan, the API purge and the imports\' tidy succeeded',
    )
    expect(scheduled.map((j) => j.kind).sort()).toEqual(['api.maintenance', 'import.tidy', 'reminders.scan'])

    // an import: uploaded here, its dry run and its write run by the worker process
    const nibs = ['9' + String(Date.now()).slice(-12), '8' + String(Date.now()).slice(-12)]
    const id = await createImport(admin, 'umkm', msmeCsv(nibs))
    const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
    await startCheck(admin, id, imp.sheetName!, imp.mapping as Record<string, string | null>)
    const checked = await until(
      () => db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true } }),
      (i) => !['UPLOADED', 'CHECKING'].includes(i.status),
      'the dry run ended',
    )
    expect(checked).toMatchObject({ status: 'CHECKED', summary: { check: { total: 3, create: 2, invalid: 1 } } })
    await startCommit(admin, id, await importVersion(id), 'VALID_ONLY')
    const done = await until(
      () => db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true } }),
      (i) => !['CHECKED', 'IMPORTING'].includes(i.status),
      'the write ended',
    )
    expect(done).toMatchObject({ status: 'DONE', summary: { commit: { create: 2, invalid: 1 } } })
    expect(await db.msme.count({ where: { nib: { in: nibs } } })).toBe(2)
    // each job ran once, in the worker process (nothing in this process runs jobs)
    const jobs = await db.job.findMany({ where: { kind: { in: ['import.check', 'import.commit'] }, payload: { path: ['importId'], equals: id } }, select: { state: true, attempts: true } })
    expect(jobs).toEqual([{ state: 'SUCCEEDED', attempts: 1 }, { state: 'SUCCEEDED', attempts: 1 }])

    // SIGTERM (as systemd or Docker stop it): no new job is taken, it exits 0
    worker.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('[worker] stopped')
  }, 240_000)

  it('exits non-zero when the worker dies by itself, so a supervisor (systemd, Docker) starts it again', async () => {
    const child = startWorkerCommand({ ...process.env, NODE_ENV: 'production' })
    let out = ''
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d })
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d })
    const code = new Promise<number | null>((resolve) => child.on('exit', resolve))
    for (let i = 0; i < 600 && !out.includes('[worker] Lumbung job worker'); i++) await new Promise((r) => setTimeout(r, 100))
    // the supervisor's start-up line names the worker's process id: killed as the kernel's OOM killer would
    const pid = Number(/job worker \(pid (\d+)\)/.exec(out)?.[1])
    expect(pid).toBeGreaterThan(0)
    process.kill(pid, 'SIGKILL')
    expect(await code).not.toBe(0)
    expect(out).toContain('[start] job worker exited (SIGKILL): stopping the rest')
  }, 120_000)

  it('refuses to start without DATABASE_URL, saying so', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env }
    delete env.DATABASE_URL
    const child = startWorkerCommand(env)
    let out = ''
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).not.toBe(0)
    expect(out).toContain('DATABASE_URL is not set')
  }, 120_000)
})

describe('a worker that must exit mid-job', () => {
  it('ends its lease, so another worker takes the job over at once (and fails a job with no attempts left)', async () => {
    let started!: () => void
    const running = new Promise<void>((r) => { started = r })
    let finish!: () => void
    const held = new Promise<void>((r) => { finish = r })
    const failed: string[] = []
    defineJob('test.held', {
      maxAttempts: 1,
      leaseMs: 10 * 60_000,
      async handler() { started(); await held },
      async onFailed(job) { failed.push(job.id) },
    })
    const id = await enqueue('test.held', {})
    const w = startJobWorker({ pollMs: 50 })
    await running
    const before = await db.job.findUniqueOrThrow({ where: { id }, select: { state: true, lockedBy: true, lockedUntil: true } })
    expect(before.state).toBe('RUNNING')
    // nobody else may take it while the lease runs
    expect(await runOneJob('other-worker', ['test.held'])).toBe(false)
    expect(await w.release()).toBe(1)
    // another worker takes it over now, not in ten minutes: its one attempt was used, so it is FAILED and its owner told
    expect(await runOneJob('other-worker', ['test.held'])).toBe(true)
    expect(await getJob(id)).toMatchObject({ state: 'FAILED', attempts: 2 })
    expect(failed).toEqual([id])
    // the first worker's handler ending later changes nothing: the job is no longer its to finish
    finish()
    await w.stop()
    expect(await getJob(id)).toMatchObject({ state: 'FAILED', attempts: 2 })
  })
})
