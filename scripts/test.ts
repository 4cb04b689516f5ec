/**
 * `npm test`: types, lint, unit tests, integration tests on a throwaway PostgreSQL, a production
 * build, and end-to-end tests in Chromium. Every step runs even after a failure, so one run shows
 * everything that is wrong; the exit code is non-zero when any step failed.
 * On a fresh machine it installs what the end-to-end step lacks (Debian's Chromium and fonts) when it
 * may (root with apt-get), as .ci/run did; otherwise it names the command and fails that step.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs'

type Step = {
  name: string
  cmd: string[]
  env?: Record<string, string>
  counts?: () => { passed: number; failed: number; skipped: number; failures?: string[] }
  /** what the step needs on the machine; false: the step fails without running (the reason is printed) */
  prepare?: () => boolean
}

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Playwright cannot download browsers here: the tests run Debian's Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium). Installed with apt-get when missing and we are root; otherwise one sentence.
 */
function ensureChromium(): boolean {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (executable(chromium)) return true
  const command = 'apt-get install -y chromium fonts-noto-core'
  if (process.env.CHROMIUM_PATH || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Chromium untuk tes end-to-end tidak ada di ${chromium}: pasang dengan \`sudo ${command}\` (atau atur CHROMIUM_PATH ke Chromium yang ada), lalu jalankan \`npm test\` lagi.`,
    )
    return false
  }
  console.log(`Chromium belum terpasang: ${command} ...`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { stdio: ['ignore', 'ignore', 'inherit'], env })
  if (!install || install.status !== 0 || !executable(chromium)) {
    console.error(`Chromium tidak bisa dipasang otomatis: jalankan \`${command}\` sendiri (perlu akses ke paket Debian), lalu \`npm test\` lagi.`)
    return false
  }
  return true
}

function vitestCounts(file: string) {
  return () => {
    const r = JSON.parse(readFileSync(file, 'utf8'))
    const failures: string[] = []
    for (const f of r.testResults ?? []) {
      for (const a of f.assertionResults ?? []) {
        if (a.status === 'failed') failures.push(`${f.name.replace(process.cwd() + '/', '')} › ${a.fullName}: ${String(a.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`)
      }
      // a file that failed before its tests ran (an import or a hook) has no failed assertion of its own
      if (f.status === 'failed' && !(f.assertionResults ?? []).some((a: { status: string }) => a.status === 'failed')) failures.push(`${f.name.replace(process.cwd() + '/', '')}: ${String(f.message ?? '').split('\n')[0].slice(0, 300)}`)
    }
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests, failures }
  }
}

function playwrightCounts() {
  const r = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'))
  const failures: string[] = []
  const walk = (suite: { title?: string; specs?: { title: string; file?: string; ok: boolean; tests?: { results?: { error?: { message?: string } }[] }[] }[]; suites?: unknown[] }) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue
      const error = spec.tests?.flatMap((t) => t.results ?? []).find((x) => x.error)?.error?.message ?? ''
      failures.push(`${spec.file ?? suite.title} › ${spec.title}: ${error.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0].slice(0, 300)}`)
    }
    for (const child of (suite.suites ?? []) as Parameters<typeof walk>[0][]) walk(child)
  }
  for (const suite of r.suites ?? []) walk(suite)
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped, failures }
}

const only = process.argv.slice(2)
mkdirSync('test-results', { recursive: true })
const steps: Step[] = [
  { name: 'typecheck', cmd: ['node_modules/.bin/tsc', '--noEmit'] },
  { name: 'lint', cmd: ['node_modules/.bin/eslint', '.'] },
  { name: 'unit', cmd: ['node_modules/.bin/vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'], counts: vitestCounts('test-results/unit.json') },
  { name: 'integration', cmd: ['node_modules/.bin/vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', '--outputFile=test-results/integration.json'], counts: vitestCounts('test-results/integration.json') },
  { name: 'build', cmd: ['node_modules/.bin/next', 'build'] },
  { name: 'e2e', cmd: ['node_modules/.bin/playwright', 'test'], counts: playwrightCounts, prepare: ensureChromium },
].filter((s) => only.length === 0 || only.includes(s.name))

const results: { name: string; ok: boolean; seconds: number; counts?: ReturnType<NonNullable<Step['counts']>> }[] = []
for (const step of steps) {
  console.log(`\n━━━ ${step.name}: ${step.cmd.join(' ')}`)
  const started = Date.now()
  if (step.name === 'e2e') rmSync('test-results/e2e.json', { force: true })
  if (step.prepare && !step.prepare()) {
    results.push({ name: step.name, ok: false, seconds: Math.round((Date.now() - started) / 1000) })
    continue
  }
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...step.env } })
  let counts
  try {
    counts = step.counts?.()
  } catch {
    counts = undefined
  }
  // a runner's own report of failed tests counts even if its exit code says otherwise
  results.push({ name: step.name, ok: r.status === 0 && (counts?.failed ?? 0) === 0, seconds: Math.round((Date.now() - started) / 1000), counts })
}

console.log('\n━━━ ringkasan / summary')
let passed = 0
let failed = 0
let skipped = 0
for (const r of results) {
  const c = r.counts ? `  ${r.counts.passed} passed, ${r.counts.failed} failed${r.counts.skipped ? `, ${r.counts.skipped} skipped` : ''}` : ''
  console.log(`${r.ok ? 'OK  ' : 'GAGAL'} ${r.name.padEnd(12)} ${String(r.seconds).padStart(4)} s${c}`)
  if (r.counts) {
    passed += r.counts.passed
    failed += r.counts.failed
    skipped += r.counts.skipped
  }
  // the failing tests by name, so a log that keeps only its end still says which
  for (const f of r.counts?.failures ?? []) console.log(`       ✗ ${f}`)
  // a step that failed without test counts (types, lint, build, a crashed runner) is one failure
  if (!r.ok && (!r.counts || r.counts.failed === 0)) failed += 1
}
const anyFailed = results.some((r) => !r.ok)
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(anyFailed ? 1 : 0)
