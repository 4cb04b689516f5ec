/**
 * The import bench's worker (started by scripts/bench/import.ts#realImport with the job worker process's
 * Node flags, scripts/lib/worker-process.ts): a process that only runs one import through the app's real
 * path, with every job kind loaded as in the job worker process (scripts/worker.ts), so the RSS it reports
 * is what the deployed worker's would be. Arguments: the .xlsx file
 * and the importing user's id; `DATABASE_URL` from the environment. Prints its result as JSON on one line
 * starting with RESULT_PREFIX.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { RESULT_PREFIX, checkpoint, type RealImport } from './import-result'

/**
 * The real import path (lib/imports): the file uploaded with createImport (checked, every sheet analysed, the
 * columns mapped by heading), the dry run (job `import.check`) and the write (job `import.commit`, valid rows
 * only: about 1 row in 250 is malformed on purpose) run by the app's own job runner in this process, exactly
 * as the job worker process (lib/jobs/start.ts) runs them. Peak memory is this process's RSS, sampled every
 * 50 ms while the import runs (the jobs run here, and nothing else does).
 */
async function realImport(file: string, userId: string): Promise<RealImport> {
  // every job kind, as the job worker process (scripts/worker.ts) loads them: its RSS before the import too
  await import('../../lib/jobs/kinds')
  const { createImport, startCheck, startCommit } = await import('../../lib/imports/service')
  const { runJobsUntilIdle } = await import('../../lib/jobs')
  const { db } = await import('../../lib/db')
  const user = { id: userId, username: 'bench-admin', name: 'Bench Admin', role: 'ADMIN' as const, regencyCode: null, bankId: null, mustChangePassword: false }
  let peak = process.memoryUsage().rss
  // the peak of each phase too (RSS and the JavaScript heap), to see where memory goes
  const phase0 = () => ({ rss: 0, heap: 0, external: 0, live: undefined as number | undefined })
  const phases = { upload: phase0(), check: phase0(), commit: phase0() }
  let phase: keyof typeof phases = 'upload'
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peak = Math.max(peak, m.rss)
    phases[phase].rss = Math.max(phases[phase].rss, m.rss)
    phases[phase].heap = Math.max(phases[phase].heap, m.heapUsed)
    phases[phase].external = Math.max(phases[phase].external, m.external)
  }, 50)
  const gc = (globalThis as { gc?: () => void }).gc
  const collector = gc && setInterval(() => {
    gc()
    phases[phase].live = Math.max(phases[phase].live ?? 0, process.memoryUsage().heapUsed)
  }, 1000)
  const baseline = process.memoryUsage().rss
  try {
    const t0 = performance.now()
    const id = await createImport(user, 'umkm', new File([readFileSync(file)], path.basename(file)))
    const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
    const unmapped = Object.entries(imp.mapping as Record<string, string | null>).filter(([, f]) => !f).map(([h]) => h)
    if (unmapped.length) throw new Error(`columns not mapped by heading: ${unmapped.join(', ')}`)
    const t1 = performance.now()
    phase = 'check'
    await startCheck(user, id, imp.sheetName!, imp.mapping as Record<string, string | null>)
    await runJobsUntilIdle()
    const checked = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true, version: true } })
    if (checked.status !== 'CHECKED') throw new Error(`dry run ended ${checked.status}: ${checked.error}`)
    const checkedAt = performance.now()
    // the write starts, as COPY does (scripts/bench/import.ts), after a checkpoint: the dry run's writes (its
    // verdicts) are not flushed during it
    await checkpoint({ query: (text: string) => db.$executeRawUnsafe(text) })
    const t2 = performance.now()
    phase = 'commit'
    await startCommit(user, id, checked.version, 'VALID_ONLY')
    await runJobsUntilIdle()
    const done = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true } })
    if (done.status !== 'DONE') throw new Error(`import ended ${done.status}: ${done.error}`)
    const t3 = performance.now()
    const commit = (done.summary as { commit: { create: number; invalid: number } }).commit
    const firstErrors = await db.importRow.findMany({ where: { importId: id, outcome: 'INVALID' }, select: { rowNumber: true, errors: true }, take: 3, orderBy: { rowNumber: 'asc' } })
    return {
      accepted: commit.create, rejected: commit.invalid, uploadMs: t1 - t0, checkMs: checkedAt - t1, commitMs: t3 - t2, totalMs: checkedAt - t0 + (t3 - t2),
      peakRss: peak, baselineRss: baseline, phases,
      errors: firstErrors.map((r) => `baris ${r.rowNumber}: ${(r.errors as { message: string }[])[0]?.message}`),
    }
  } finally {
    clearInterval(sampler)
    if (collector) clearInterval(collector)
  }
}

async function main() {
  const [file, userId] = process.argv.slice(2)
  const result = await realImport(file, userId)
  // the process's CPU time (its garbage collection included): less at the mercy of a busy machine than seconds
  const cpu = process.cpuUsage()
  console.error(`  import process CPU: user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s`)
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`)
  const { db } = await import('../../lib/db')
  await db.$disconnect()
  process.exit(0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
