/**
 * Preload for `node --import`: SIGUSR2 starts V8's CPU profiler in this process, the next SIGUSR2 stops it
 * and writes `$PROF_OUT-<n>.cpuprofile` (default `./cpu`). For scripts/bench/cpu-profile.ts.
 */
import fs from 'node:fs'
import inspector from 'node:inspector'

const session = new inspector.Session()
session.connect()
let running = false
let count = 0
session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }))
process.on('SIGUSR2', () => {
  if (!running) {
    session.post('Profiler.start', () => {
      running = true
      process.stderr.write('[cpu-profile] started\n')
    })
    return
  }
  session.post('Profiler.stop', (err, result) => {
    running = false
    if (err) return process.stderr.write(`[cpu-profile] ${err.message}\n`)
    const file = `${process.env.PROF_OUT ?? './cpu'}-${++count}.cpuprofile`
    fs.writeFileSync(file, JSON.stringify(result.profile))
    process.stderr.write(`[cpu-profile] wrote ${file}\n`)
  })
})
