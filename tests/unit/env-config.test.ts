/**
 * The configuration check (lib/env.ts) that `npm start`, `npm run worker`, `npm run dev` and /api/health
 * share: a malformed setting is named with its allowed form, never replaced by its default.
 */
import { describe, expect, it } from 'vitest'
import { configurationProblems, numberSetting } from '@/lib/env'
import { parsePort } from '@/scripts/lib/port'

const OK = { DATABASE_URL: 'postgresql://u:p@db:5432/lumbung' } as unknown as NodeJS.ProcessEnv
const withEnv = (extra: Record<string, string>) => ({ ...OK, ...extra }) as NodeJS.ProcessEnv

describe('configurationProblems', () => {
  it('accepts the defaults', () => {
    expect(configurationProblems(OK)).toEqual([])
  })

  it('names a missing DATABASE_URL', () => {
    expect(configurationProblems({} as NodeJS.ProcessEnv)).toEqual([{ variable: 'DATABASE_URL', message: 'DATABASE_URL belum diatur.' }])
  })

  it('names AGENCY_PROVINCE_CODE=3 with its allowed form', () => {
    const [p, ...rest] = configurationProblems(withEnv({ AGENCY_PROVINCE_CODE: '3' }))
    expect(rest).toEqual([])
    expect(p.variable).toBe('AGENCY_PROVINCE_CODE')
    expect(p.message).toMatch(/^AGENCY_PROVINCE_CODE tidak valid: kode provinsi Kemendagri dua digit/)
  })

  it('names an APP_URL without its scheme (links in e-mails and invitations would not open); accepts a full one or none', () => {
    const [p, ...rest] = configurationProblems(withEnv({ APP_URL: 'lumbung.jatimprov.go.id' }))
    expect(rest).toEqual([])
    expect(p.message).toMatch(/^APP_URL tidak valid: alamat lengkap dengan http:\/\/ atau https:\/\//)
    expect(configurationProblems(withEnv({ APP_URL: 'https://lumbung.jatimprov.go.id/' }))).toEqual([])
    expect(configurationProblems(withEnv({ APP_URL: '' }))).toEqual([])
  })

  it('takes an empty AGENCY_CITY as unset (the province capital), and names a one-letter one in Indonesian', () => {
    expect(configurationProblems(withEnv({ AGENCY_CITY: '' }))).toEqual([])
    expect(configurationProblems(withEnv({ AGENCY_CITY: 'Malang' }))).toEqual([])
    const [p] = configurationProblems(withEnv({ AGENCY_CITY: 'X' }))
    expect(p.message).toMatch(/^AGENCY_CITY tidak valid: nama kota 2–80 karakter/)
  })

  it.each([
    ['TRUSTED_PROXY_HOPS', '11'],
    ['TRUSTED_PROXY_HOPS', '-1'],
    ['TRUSTED_PROXY_HOPS', '1.5'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_IDLE_MINUTES', 'sixty'],
    ['IMPORT_MAX_FILE_MB', '25MB'],
    ['IMPORT_MAX_FILE_MB', '0'],
    ['IMPORT_MAX_ROWS', '1e5'],
    ['JOBS_CONCURRENCY', '0'],
    ['JOBS_CONCURRENCY', '2.5'],
    ['JOBS_WORKER', 'thread'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    const problems = configurationProblems(withEnv({ [name]: value }))
    expect(problems.map((p) => p.variable)).toEqual([name])
    expect(problems[0].message).toContain(`${name}=${value} tidak valid`)
  })

  it('reports every malformed setting at once', () => {
    expect(configurationProblems(withEnv({ TRUSTED_PROXY_HOPS: 'x', JOBS_CONCURRENCY: 'y', AGENCY_PROVINCE_CODE: '3' })).map((p) => p.variable).sort()).toEqual(['AGENCY_PROVINCE_CODE', 'JOBS_CONCURRENCY', 'TRUSTED_PROXY_HOPS'])
  })
})

describe('numberSetting', () => {
  it('reads a well-formed value and the default for unset or empty', () => {
    expect(numberSetting('TRUSTED_PROXY_HOPS', withEnv({ TRUSTED_PROXY_HOPS: '2' }))).toBe(2)
    expect(numberSetting('TRUSTED_PROXY_HOPS', withEnv({ TRUSTED_PROXY_HOPS: ' ' }))).toBe(0)
    expect(numberSetting('SESSION_IDLE_MINUTES', OK)).toBe(60)
    expect(numberSetting('IMPORT_MAX_FILE_MB', withEnv({ IMPORT_MAX_FILE_MB: '12.5' }))).toBe(12.5)
    // above the session's absolute lifetime: accepted and capped by lib/sessions.ts, as before (an upgrade must not refuse to start)
    expect(numberSetting('SESSION_IDLE_MINUTES', withEnv({ SESSION_IDLE_MINUTES: '600' }))).toBe(600)
    // an empty IMPORT_MAX_ROWS is the default, not 0 rows
    expect(numberSetting('IMPORT_MAX_ROWS', withEnv({ IMPORT_MAX_ROWS: '' }))).toBe(100_000)
  })

  it('throws on a malformed value instead of falling back to the default', () => {
    expect(() => numberSetting('TRUSTED_PROXY_HOPS', withEnv({ TRUSTED_PROXY_HOPS: '11' }))).toThrow(/TRUSTED_PROXY_HOPS=11 tidak valid: bilangan bulat 0–10/)
  })
})

describe('parsePort (npm run dev)', () => {
  it('reads PORT or falls back, and names a bad one', () => {
    expect(parsePort(undefined, 3000)).toBe(3000)
    expect(parsePort('3301', 3000)).toBe(3301)
    expect(parsePort('abc', 3000)).toMatch(/^PORT=abc tidak valid/)
    expect(parsePort('70000', 3000)).toMatch(/^PORT=70000 tidak valid/)
  })
})
