/**
 * The authorization matrix (docs/quality.md, "Authorization matrix"): every server action and every route
 * handler, enumerated from the code, against every role, and the regency and bank scope of the
 * district officer and the bank officer.
 *
 * - Actions: every exported function of every `lib/actions/*.ts` file (a `'use server'` file: each is a
 *   public POST endpoint) must be classified in ACTION_PERMISSIONS, or the test fails. A role without the
 *   permission gets `MESSAGES.forbidden` (signed out: `MESSAGES.signedOut`) for an input that would
 *   otherwise be accepted, and nothing in the database changes; a role with it gets past the guard (an
 *   empty form then comes back as a validation error, still writing nothing).
 * - Routes: every exported HTTP method of every `app/api/**\/route.ts` must be classified in
 *   ROUTE_PERMISSIONS: 401 signed out, 403 without the permission (nothing written), 200 with it.
 * - Scope: the district officer of 35.17 never reads, lists, exports or changes a 35.78 record; the
 *   officer of PT BPR Jatim never sees Bank DKI's disbursements or claims, and gets the same 404 on
 *   every figure, dashboard page and export of a programme its bank does not lend in; leadership never
 *   sees an owner NIK unmasked.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser, form, TEST_PASSWORD, unique } from '../support/factories'
import { callApi, createApiClientFor } from '../support/api'
import { isApiRefusal } from '@/lib/api/route'
import { API_PATHS } from '@/lib/api/openapi'
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import { can, type Permission } from '@/lib/permissions'
import { MESSAGES, type ActionState } from '@/lib/safe-action'
import { getCurrentUser } from '@/lib/session'
import type { SessionUser } from '@/lib/session-user'
import { createCooperative, updateCooperative, deleteCooperative, restoreCooperative, saveCooperativeYear, deleteCooperativeYear, addInspection, followUpInspection } from '@/lib/actions/cooperatives'
import { saveHealthAssessment } from '@/lib/actions/health'
import { createDisbursement } from '@/lib/actions/credit'
import { addProgress, uploadEvidence } from '@/lib/actions/meetings'
import { createMsme, deleteMsme, restoreMsme, revealOwnerNik, updateMsme } from '@/lib/actions/msmes'
import { submitClaimFor } from '@/lib/credit/claim-submission'
import { exportClaims, findClaims, getClaim } from '@/lib/data/claims'
import { cooperativeChoices, exportCooperatives, findCooperatives, findDeletedCooperatives, getCooperative } from '@/lib/data/cooperatives'
import { getCreditSummary, getMonthlySeries, getRegencyRanking } from '@/lib/data/credit'
import { getCreditBreakdown, getOverview, getSameDateLastYear, resolveDashboardFilter } from '@/lib/data/dashboard'
import { AppError, REFUSAL_MESSAGES } from '@/lib/errors'
import { DASHBOARD_DATASETS } from '@/lib/validations/dashboard'
import { exportDisbursements, findDisbursements, findLoansOfMsme, listPrograms } from '@/lib/data/disbursements'
import { exportMsmes, findDeletedMsmes, findMsmes, getMsme } from '@/lib/data/msmes'
import { findActions, findMeetings, getAction, getMeeting } from '@/lib/data/meetings'
import { getCompleteness, getIndicatorRealisation, getReport } from '@/lib/data/reporting'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { addBeneficiary, updateActivity } from '@/lib/actions/activities'
import { exportActivities, findActivities, getActivity } from '@/lib/data/activities'

// Auth.js reads its secret when lib/auth.ts is first imported: its own route handler (public) is called below
vi.hoisted(() => {
  vi.stubEnv('AUTH_SECRET', 'matriks-otorisasi-rahasia-uji-0123456789')
  vi.stubEnv('AUTH_TRUST_HOST', 'true')
})
afterAll(() => {
  vi.unstubAllEnvs()
})
// audit completeness (below): writeAudit and writeAudits can be made to fail, to show each change rolls back with it
const auditFault = vi.hoisted(() => ({ fail: false }))
vi.mock('@/lib/audit', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/audit')>()
  return {
    ...actual,
    writeAudit: async (...args: Parameters<typeof actual.writeAudit>) => {
      if (auditFault.fail) throw new Error('penulisan audit gagal (uji)')
      return actual.writeAudit(...args)
    },
    // the batch writer too (a step over many rows, such as marking every invited participant present)
    writeAudits: async (...args: Parameters<typeof actual.writeAudits>) => {
      if (auditFault.fail) throw new Error('penulisan audit gagal (uji)')
      return actual.writeAudits(...args)
    },
  }
})

// pages are called as functions below (their refusal comes before any rendering); next-intl's server
// half needs Next's request config, so translations are the keys here (no action or route uses them)
vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => 'id' }))

// ── The tables: what each endpoint requires, from lib/permissions.ts ─────────────────────────────────

/** Every exported server action and the permission its guard must demand ('public': no session needed). */
const ACTION_PERMISSIONS: Record<string, Permission | 'public'> = {
  // lib/actions/auth.ts
  signInAction: 'public', // the sign-in form itself; throttling lives in `authorize`
  signOutAction: 'public', // ends the caller's own session
  changePassword: 'account.self',
  signOutEverywhere: 'account.self', // ends only the caller's own sessions
  // lib/actions/locale.ts
  setLocale: 'public', // sets the language cookie, reads and writes no data
  // lib/actions/cooperatives.ts
  createCooperative: 'cooperatives.write',
  updateCooperative: 'cooperatives.write',
  deleteCooperative: 'cooperatives.write',
  restoreCooperative: 'cooperatives.write',
  saveCooperativeYear: 'cooperatives.write',
  deleteCooperativeYear: 'cooperatives.write',
  addInspection: 'cooperatives.write',
  followUpInspection: 'cooperatives.write',
  // lib/actions/health.ts
  saveHealthAssessment: 'cooperatives.write',
  saveHealthTemplate: 'config.manage',
  // lib/actions/msmes.ts
  createMsme: 'msmes.write',
  updateMsme: 'msmes.write',
  deleteMsme: 'msmes.write',
  restoreMsme: 'msmes.write',
  revealOwnerNik: 'msmes.revealNik',
  // lib/actions/credit.ts
  createDisbursement: 'disbursements.write',
  submitClaim: 'claims.submit',
  approveClaim: 'claims.verify',
  returnClaim: 'claims.verify',
  recordClaimPayment: 'claims.verify',
  setAmortisationBasis: 'credit.configure',
  saveProgram: 'credit.configure',
  addRateChange: 'credit.configure',
  saveAllocations: 'credit.configure',
  updateProgram: 'credit.configure',
  reportInstalment: 'disbursements.write',
  correctLoan: 'disbursements.write', // and the loan its own bank's for a bank officer (404 otherwise), not in a live claim
  // lib/actions/reporting.ts
  saveReport: 'reports.write',
  returnReport: 'reports.review',
  approveReport: 'reports.review',
  reopenReport: 'reports.review',
  // lib/actions/config.ts
  saveIndicator: 'config.manage',
  deleteIndicator: 'config.manage',
  saveTargetGrid: 'config.manage',
  saveDeadline: 'config.manage',
  saveThresholds: 'config.manage',
  saveReportingStart: 'config.manage',
  // lib/actions/users.ts
  createUser: 'users.manage',
  updateUser: 'users.manage',
  deactivateUser: 'users.manage',
  reactivateUser: 'users.manage',
  resetPassword: 'users.manage',
  // lib/actions/api-clients.ts
  createApiClient: 'users.manage',
  revokeApiClient: 'users.manage',
  // lib/actions/meetings.ts
  createMeeting: 'meetings.write',
  updateMeeting: 'meetings.write',
  setMeetingStatus: 'meetings.write',
  addParticipant: 'meetings.write',
  updateAttendance: 'meetings.write',
  markInvitedPresent: 'meetings.write',
  removeParticipant: 'meetings.write',
  addAgendaItem: 'meetings.write',
  updateAgendaItem: 'meetings.write',
  removeAgendaItem: 'meetings.write',
  addOutcome: 'meetings.write',
  updateOutcome: 'meetings.write',
  removeOutcome: 'meetings.write',
  createAction: 'meetings.write',
  updateAction: 'meetings.write',
  addProgress: 'meetings.progress', // and only on the user's own regency's or bank's follow-ups (scope section below)
  uploadDocument: 'meetings.write',
  uploadEvidence: 'meetings.progress', // likewise the owner's own follow-ups only
  deleteDocument: 'meetings.write',
  // lib/actions/imports.ts: each kind also needs its register's write permission (tests/integration/imports.test.ts)
  uploadImport: 'imports.use',
  mapImportColumns: 'imports.use',
  commitImport: 'imports.use',
  cancelImportJob: 'imports.use',
  discardImportCheck: 'imports.use',
  // lib/actions/activities.ts: a district officer only its own regency's activities (scope section below)
  createActivity: 'activities.write',
  updateActivity: 'activities.write',
  deleteActivity: 'activities.write',
  addBeneficiary: 'activities.write',
  removeBeneficiary: 'activities.write',
  createProgrammeTarget: 'programmeTargets.manage',
  updateProgrammeTarget: 'programmeTargets.manage',
  deleteProgrammeTarget: 'programmeTargets.manage',
  // lib/actions/notifications.ts: every role, on its own notifications only (tests/integration/reminders.test.ts)
  markNotificationRead: 'account.self',
  markAllNotificationsRead: 'account.self',
  // lib/actions/validation-rules.ts (tests/integration/rules-and-banks.test.ts)
  saveValidationRule: 'config.manage', // its preview too (intent=preview): the same guard
  setValidationRuleActive: 'config.manage',
  // lib/actions/banks.ts
  saveBank: 'config.manage',
  addProgramBank: 'config.manage',
  removeProgramBank: 'config.manage',
  // lib/actions/holidays.ts (tests/integration/holidays.test.ts)
  saveHoliday: 'config.manage',
  deleteHoliday: 'config.manage',
}

/**
 * Every exported route handler (`METHOD /path`) and the permissions it requires (all of them), or
 * 'public'. The registers' exports need the register's read permission on top of `export.read`.
 */
const ROUTE_PERMISSIONS: Record<string, Permission | Permission[] | 'public'> = {
  'GET /api/health': 'public', // load balancers: reveals no data
  'GET /api/auth/[...nextauth]': 'public', // Auth.js: session, csrf, providers
  'POST /api/auth/[...nextauth]': 'public', // Auth.js: sign in, sign out
  'GET /api/audit/ekspor': 'audit.read',
  'GET /api/koperasi/ekspor': ['export.read', 'cooperatives.read'],
  'GET /api/umkm/ekspor': ['export.read', 'msmes.read'],
  'GET /api/kredit/penyaluran/ekspor': 'credit.read',
  'GET /api/kredit/penyaluran/[id]/jadwal': 'credit.read', // and the loan in the role's scope (404 otherwise)
  'GET /api/kredit/klaim/[id]/ekspor': 'claims.read', // and the claim's bank for a bank officer (404 otherwise)
  'GET /api/kredit/klaim/ekspor': 'claims.read', // the claims list in the role's scope: a bank officer its bank's
  'GET /api/laporan-triwulan/kelengkapan/ekspor': 'reports.read',
  'GET /api/laporan-triwulan/realisasi/ekspor': 'reports.read',
  'GET /api/pengguna/ekspor': 'users.manage',
  'GET /api/kegiatan/ekspor': ['export.read', 'activities.read'],
  'GET /api/wilayah': 'cooperatives.read',
  'GET /api/dasbor/ekspor/[dataset]': 'export.read',
  // meetings: every role reads the meetings in its scope (the fixture meeting is in everyone's)
  'GET /api/rapat/dokumen/[id]': 'meetings.read',
  'GET /api/rapat/ekspor': ['meetings.read', 'export.read'], // the list in the role's meeting scope
  'GET /api/tindak-lanjut/ekspor': ['meetings.read', 'export.read'], // likewise the follow-ups
  'GET /api/rapat/[id]/notulen': 'meetings.read',
  'GET /api/rapat/[id]/daftar-hadir': 'meetings.read',
  'GET /api/rapat/[id]/undangan': 'meetings.read',
  'GET /api/rapat/[id]/bahan': 'meetings.read',
  // imports: the template of a kind the role may import; an import's status and refused rows its uploader's (or an admin's)
  // the requests below are of the MSME kind: a bank officer (imports.use for its disbursements only) is refused them
  'GET /api/impor/templat/[jenis]': ['imports.use', 'msmes.write'],
  // an import the caller may not open (another's, or of a kind it may not import) answers 404 as an unknown id, never
  // 403 (tests/integration/imports.test.ts): each allowed column asks for an import it may open (ROUTE_REQUESTS)
  'GET /api/impor/[id]/status': 'imports.use',
  'GET /api/impor/[id]/ditolak': 'imports.use',
  // a programme's rate changes being computed: the admins who may start one
  'GET /api/kredit/program/[id]/suku-bunga': 'credit.configure',
  // the integration API: a bearer token of an API client with the column's role and scope instead of a session
  'GET /api/v1/openapi.json': 'public', // the interface's description: holds no data
  'GET /api/v1/koperasi': 'cooperatives.read',
  'GET /api/v1/umkm': 'msmes.read',
  'GET /api/v1/program': 'credit.read',
  'GET /api/v1/program/[id]/angka': 'credit.read', // and the programme in the client's scope (404 otherwise)
  'GET /api/v1/penyaluran': 'credit.read', // the loans in the client's scope (a bank its own, a regency its regency's)
  'POST /api/v1/penyaluran': 'disbursements.write', // and the loan's bank its own for a bank client
  'GET /api/v1/penyaluran/[id]': 'credit.read', // and the loan in the client's scope (404 otherwise)
  'PATCH /api/v1/penyaluran/[id]': 'disbursements.write', // and the loan its own bank's for a bank client (404 otherwise)
  'POST /api/v1/penyaluran/[id]/periode': 'disbursements.write', // and the loan its own bank's for a bank client (404 otherwise)
  'POST /api/v1/program/[id]/klaim': 'claims.submit', // a programme its bank lends in (404 otherwise)
  'GET /api/v1/klaim/[id]': 'claims.read', // its own bank's claim for a bank client (404 otherwise)
  'GET /api/v1/indikator': 'reports.read', // a regency client its regency
  'GET /api/v1/rapat': 'meetings.read', // the meetings in the client's scope
  'GET /api/v1/tindak-lanjut': 'meetings.read',
  // snapshots: province-wide readers of both registers (a regency client is refused after validation: api-bank-reads.test.ts)
  'POST /api/v1/snapshot': ['cooperatives.read', 'msmes.read'],
  'GET /api/v1/snapshot/[id]': ['cooperatives.read', 'msmes.read'], // the client's own snapshot
  'GET /api/v1/snapshot/[id]/unduh': ['cooperatives.read', 'msmes.read'],
}

/** The request each route gets (after `?format=csv`) and its dynamic segments. */
const ROUTE_REQUESTS: Record<string, {
  subpath?: string; query?: string; body?: URLSearchParams; params?: Record<string, string | string[]> | ((column?: Column) => Record<string, string>)
  /** /api/v1 writes: the body a refused client sends (one the API would accept), and an invalid one an allowed client's call stops at (400 at `path`) */
  apiBody?: () => unknown; apiInvalid?: { body: unknown; path: string }
}> = {
  // PT BPR Jatim's loan in 35.17: within every allowed column's scope
  'GET /api/kredit/penyaluran/[id]/jadwal': { params: () => ({ id: fx.loanBpr }) },
  'GET /api/kredit/klaim/[id]/ekspor': { params: () => ({ id: fx.claimBpr }) },
  'GET /api/auth/[...nextauth]': { subpath: '/session', params: { nextauth: ['session'] } },
  'GET /api/dasbor/ekspor/[dataset]': { subpath: '/bulanan', params: { dataset: 'bulanan' } },
  'POST /api/auth/[...nextauth]': { subpath: '/signout', params: { nextauth: ['signout'] }, body: new URLSearchParams({ csrfToken: 'tidak-sah' }) },
  'GET /api/laporan-triwulan/realisasi/ekspor': { query: 'tahun=2026&indikator=KOP_AKTIF_PCT' },
  'GET /api/laporan-triwulan/kelengkapan/ekspor': { query: 'tahun=2026' },
  'GET /api/wilayah': { query: 'regency=35.17&koperasi=1' },
  'GET /api/rapat/dokumen/[id]': { subpath: '/matriks-dokumen', params: { id: 'matriks-dokumen' } },
  'GET /api/rapat/[id]/notulen': { query: 'format=docx', params: { id: 'matriks-rapat' } },
  'GET /api/rapat/[id]/daftar-hadir': { params: { id: 'matriks-rapat' } },
  'GET /api/rapat/[id]/undangan': { params: { id: 'matriks-rapat' } },
  'GET /api/rapat/[id]/bahan': { params: { id: 'matriks-rapat' } },
  'GET /api/impor/templat/[jenis]': { subpath: '/umkm', params: { jenis: 'umkm' } },
  // the district officer's MSME import (an admin opens every import), the bank officer's own disbursement import
  'GET /api/impor/[id]/status': { subpath: '/matriks-impor/status', params: () => ({ id: importOfCaller() }) },
  'GET /api/impor/[id]/ditolak': { subpath: '/matriks-impor/ditolak', params: () => ({ id: importOfCaller() }) },
  'GET /api/kredit/program/[id]/suku-bunga': { subpath: '/matriks-program/suku-bunga', params: () => ({ id: fx.programId }) },
  'GET /api/v1/program/[id]/angka': { subpath: '/matriks-program/angka', params: () => ({ id: fx.programId }) },
  'GET /api/v1/penyaluran/[id]': { subpath: '/matriks-pinjaman', params: () => ({ id: fx.loanBpr }) },
  'PATCH /api/v1/penyaluran/[id]': {
    subpath: '/matriks-pinjaman', params: () => ({ id: fx.loanBpr }), apiBody: () => ({ version: 1, tenorMonths: 6 }), apiInvalid: { body: {}, path: 'version' },
  },
  'POST /api/v1/penyaluran/[id]/periode': {
    subpath: '/matriks-pinjaman/periode', params: () => ({ id: fx.loanBpr }),
    apiBody: () => ({ period: 1, instalmentPaid: 'unpaid', collectibility: 2 }), apiInvalid: { body: {}, path: 'period' },
  },
  'POST /api/v1/program/[id]/klaim': { subpath: '/matriks-program/klaim', params: () => ({ id: fx.programId }), apiBody: () => ({ month: '2025-03' }), apiInvalid: { body: {}, path: 'month' } },
  'GET /api/v1/klaim/[id]': { subpath: '/matriks-klaim', params: () => ({ id: fx.claimBpr }) },
  'GET /api/v1/indikator': { query: 'year=2026' },
  'POST /api/v1/snapshot': { apiBody: () => ({ register: 'umkm', format: 'csv' }), apiInvalid: { body: {}, path: 'register' } },
  // each column's client reads its own snapshot
  'GET /api/v1/snapshot/[id]': { subpath: '/matriks-snapshot', params: (column) => ({ id: apiSnapshots[(column?.key ?? 'ADMIN') as Role] ?? 'tidak-ada' }) },
  'GET /api/v1/snapshot/[id]/unduh': { subpath: '/matriks-snapshot/unduh', params: (column) => ({ id: apiSnapshots[(column?.key ?? 'ADMIN') as Role] ?? 'tidak-ada' }) },
}

/** The columns: each role (bound to 35.17 and PT BPR Jatim where it has a scope) and the signed-out visitor. */
const COLUMNS = [
  { key: 'ADMIN', label: 'ADMIN' },
  { key: 'DISTRICT_OFFICER', label: 'DISTRICT_OFFICER 35.17' },
  { key: 'LEADERSHIP', label: 'LEADERSHIP' },
  { key: 'BANK_OFFICER', label: 'BANK_OFFICER BPRJATIM' },
  { key: 'SIGNED_OUT', label: 'signed out' },
] as const satisfies readonly { key: Role | 'SIGNED_OUT'; label: string }[]
type Column = (typeof COLUMNS)[number]

type Expectation = 'public' | 'allowed' | 'forbidden' | 'signed out'

function expectation(rule: Permission | Permission[] | 'public', column: Column): Expectation {
  if (rule === 'public') return 'public'
  if (column.key === 'SIGNED_OUT') return 'signed out'
  const role = column.key
  return (Array.isArray(rule) ? rule : [rule]).every((p) => can(role, p)) ? 'allowed' : 'forbidden'
}

// ── Enumeration: the endpoints as the code exports them ──────────────────────────────────────────────

const ROOT = path.resolve(__dirname, '../..')
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

type Endpoint = (...args: unknown[]) => Promise<unknown>

const actionFiles = readdirSync(path.join(ROOT, 'lib/actions')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()
const actionModules: { file: string; exports: Record<string, unknown> }[] = []
for (const file of actionFiles) {
  actionModules.push({ file: `lib/actions/${file}`, exports: await import(/* @vite-ignore */ path.join(ROOT, 'lib/actions', file)) })
}
const ACTIONS = actionModules.flatMap((m) => Object.entries(m.exports).map(([name, value]) => ({ file: m.file, name, value })))

const routeFiles = (readdirSync(path.join(ROOT, 'app/api'), { recursive: true }) as string[])
  .filter((f) => path.basename(f) === 'route.ts')
  .map((f) => f.split(path.sep).join('/'))
  .sort()
const ROUTES: { file: string; path: string; method: string; handler: unknown }[] = []
/**
 * The /api/v1 handlers that only refuse (lib/api/route.ts methodNotAllowed, unknownApiPath): a wrong method on a
 * real route, any method on a path no route serves. They read and write nothing, for anyone: checked as a class
 * below (every column gets the same 405/404 problem, nothing written), not given permissions.
 */
const REFUSAL_ROUTES: typeof ROUTES = []
for (const file of routeFiles) {
  const mod: Record<string, unknown> = await import(/* @vite-ignore */ path.join(ROOT, 'app/api', file))
  const urlPath = `/api/${path.posix.dirname(file)}`
  for (const method of HTTP_METHODS) {
    if (!(method in mod)) continue
    const route = { file: `app/api/${file}`, path: urlPath, method, handler: mod[method] }
    ;(isApiRefusal(route.handler) ? REFUSAL_ROUTES : ROUTES).push(route)
  }
}

// ── Fixtures: one user per column, and records in two regencies and two banks ────────────────────────

type TestUser = Awaited<ReturnType<typeof createUser>>
const users = {} as Record<Role, TestUser>
/** The bearer token of each column's API client (/api/v1): the role of the column, bound to 35.17 or PT BPR Jatim. */
const apiTokens = {} as Record<Role, string>
/** A READY snapshot of each column's API client (GET /api/v1/snapshot/[id] reads the client's own). */
const apiSnapshots = {} as Record<Role, string>
const fx = {
  bpr: '', dki: '', programId: '', coop17: '', coop78: '', coopLone: '', coopDeleted17: '', coopDeleted78: '', msmeDeleted17: '', msmeDeleted78: '', inspection17: '', inspection78: '', msme17: { id: '', nib: '' }, msme78: { id: '', nib: '' },
  loanBpr: '', loanDki: '', claimBpr: '', claimDki: '', report78: '', target: { id: '', username: '' },
  // a meeting hosted by 35.17 with PT BPR Jatim taking part (everyone reads it), and one of 35.78 only
  meeting: 'matriks-rapat', participant: '', agendaItem: '', outcome: '', action17: '', actionBpr: '', document: 'matriks-dokumen',
  meeting78: '', action78: '',
  importId: '', importBank: '',
  // the seeded health template as the worksheet and the settings form send it (lib/actions/health.ts)
  healthSheet: {} as Record<string, string>, healthTemplate: {} as Record<string, string>,
  notification: '',
  apiClient: '',
  // a Jombang activity with one beneficiary, one of Surabaya, and a programme target
  activity17: '', activity78: '', beneficiary17: '', programmeTarget: '',
  // an indicator nothing uses (so deleting it would succeed without the guard)
  indicator: 'MATRIKS_TIDAK_DIPAKAI',
  // an inactive rule (activating it would succeed), a bank that takes part in no programme, one that takes part without loans
  rule: 'MATRIKS_ATURAN', bankNew: '', bankIdle: '',
}
const NIK17 = '3517014501900001'
const NIK78 = '3578016602850002'

function signIn(column: Column) {
  signInAs(column.key === 'SIGNED_OUT' ? null : users[column.key])
}

/** The fixture import the signed-in column may open (the import routes' requests): the bank officer's own, else the district officer's. */
function importOfCaller(): string {
  const session = (globalThis as { __testSession?: { user: { id: string } } | null }).__testSession
  return session?.user.id === users.BANK_OFFICER?.id ? fx.importBank : fx.importId
}

async function sessionUser(u: TestUser): Promise<SessionUser> {
  signInAs(u)
  const s = await getCurrentUser()
  if (!s) throw new Error('test user has no session')
  return s
}

const nib = () => String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 1e7)).padStart(7, '0')

beforeAll(async () => {
  await seedReportingCatalogue(db)
  await db.indicator.create({ data: { code: fx.indicator, formCode: 'PEMBERDAYAAN', name: 'Indikator matriks', nameEn: 'Matrix indicator', unit: 'COUNT', aggregation: 'SUM' } })
  users.ADMIN = await createUser('ADMIN')
  users.DISTRICT_OFFICER = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' })
  users.LEADERSHIP = await createUser('LEADERSHIP')
  users.BANK_OFFICER = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  const target = await createUser('LEADERSHIP')
  fx.target = { id: target.id, username: target.username }
  // one API client per column, with the column's role and scope, and one more for the revoke action
  for (const role of ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER'] as const) {
    const client = await createApiClientFor(role, { regencyCode: '35.17', bankCode: role === 'BANK_OFFICER' ? 'BPRJATIM' : undefined })
    apiTokens[role] = client.token
    apiSnapshots[role] = (await db.apiSnapshot.create({
      data: { clientId: client.id, register: 'umkm', format: 'csv', status: 'READY', rows: 0, bytes: 2, expiresAt: new Date(Date.now() + 86_400_000), chunks: { create: [{ seq: 0, data: Buffer.from('id') }] } },
    })).id
  }
  fx.apiClient = (await createApiClientFor('LEADERSHIP')).id

  fx.bpr = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  fx.dki = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
  fx.bankNew = (await db.bank.create({ data: { code: 'MATRIKS_BARU', name: 'PT BPR Matriks Baru', shortName: 'BPR Matriks Baru' } })).id
  fx.bankIdle = (await db.bank.create({ data: { code: 'MATRIKS_LEPAS', name: 'PT BPR Matriks Lepas', shortName: 'BPR Matriks Lepas' } })).id
  await db.validationRule.create({ data: { code: fx.rule, kind: 'RANGE', severity: 'WARNING', indicatorCode: null, min: 0, message: 'Nilai matriks negatif.', messageEn: 'Negative matrix value.', active: false } })

  fx.coop17 = (await db.cooperative.create({ data: { nik: '3517000000000101', name: 'KSP Matriks Jombang', type: 'SIMPAN_PINJAM', regencyCode: '35.17' } })).id
  fx.coop78 = (await db.cooperative.create({ data: { nik: '3578000000000101', name: 'KSP Matriks Surabaya', type: 'SIMPAN_PINJAM', regencyCode: '35.78' } })).id
  // without member MSMEs: a cooperative with members is not deleted by anyone, so a missing guard would show only here
  fx.coopLone = (await db.cooperative.create({ data: { nik: '3517000000000102', name: 'KSP Matriks Tanpa Anggota', type: 'SIMPAN_PINJAM', regencyCode: '35.17' } })).id
  for (const cooperativeId of [fx.coop17, fx.coop78]) await db.cooperativeYear.create({ data: { cooperativeId, year: 2023, ownCapital: 1_000_000, assets: 5_000_000 } })
  fx.inspection17 = (await db.inspection.create({ data: { cooperativeId: fx.coop17, inspectedOn: new Date('2025-01-10'), officer: 'Pemeriksa Matriks', findings: 'Buku kas belum lengkap', status: 'OPEN' } })).id
  fx.inspection78 = (await db.inspection.create({ data: { cooperativeId: fx.coop78, inspectedOn: new Date('2025-01-10'), officer: 'Pemeriksa Matriks', findings: 'Buku kas belum lengkap', status: 'OPEN' } })).id
  const tpl = await db.healthTemplate.findFirstOrThrow({ orderBy: { version: 'desc' }, include: { components: { orderBy: { position: 'asc' } } } })
  fx.healthSheet = { templateVersion: String(tpl.version) }
  fx.healthTemplate = { version: String(tpl.version), sehat: '80', cukupSehat: '66', dalamPengawasan: '51', bandsSource: 'Setelan dinas — konfirmasi' }
  tpl.components.forEach((c, i) => {
    if (c.kind === 'RATIO') Object.assign(fx.healthSheet, { [`a.${c.id}.numerator`]: '25', [`a.${c.id}.denominator`]: '100' })
    else fx.healthSheet[`a.${c.id}.answer`] = c.kind === 'YES_NO' ? '1' : '4'
    const bands = ((c.bands as { min: number; score: number }[] | null) ?? []).map((b) => `${String(b.min).replace('.', ',')}:${b.score}`).join('; ')
    Object.assign(fx.healthTemplate, {
      [`components.${i}.code`]: c.code, [`components.${i}.aspect`]: c.aspect, [`components.${i}.label`]: c.label, [`components.${i}.kind`]: c.kind,
      [`components.${i}.numerator`]: c.numerator ?? '', [`components.${i}.denominator`]: c.denominator ?? '',
      [`components.${i}.weight`]: c.weight.toString(), [`components.${i}.bands`]: bands, [`components.${i}.source`]: c.source,
    })
  })
  const msme = (regencyCode: string, ownerNik: string, name: string, cooperativeId: string | null) =>
    db.msme.create({
      data: {
        nib: nib(), businessName: name, ownerName: 'Siti Rahayu', ownerNik, ownerGender: 'P', kbli: '10792', regencyCode, phone: '081234567890',
        computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000, cooperativeId,
      },
      select: { id: true, nib: true },
    })
  fx.msme17 = await msme('35.17', NIK17, 'Keripik Matriks Jombang', fx.coop17)
  fx.msme78 = await msme('35.78', NIK78, 'Bakpia Matriks Surabaya', fx.coop78)
  // deleted records (version 2, as a delete leaves them) for the restores
  const deleted = { deletedAt: new Date('2026-01-05'), version: 2 }
  fx.coopDeleted17 = (await db.cooperative.create({ data: { nik: '3517000000000103', name: 'KSP Matriks Terhapus Jombang', type: 'SIMPAN_PINJAM', regencyCode: '35.17', ...deleted } })).id
  fx.coopDeleted78 = (await db.cooperative.create({ data: { nik: '3578000000000103', name: 'KSP Matriks Terhapus Surabaya', type: 'SIMPAN_PINJAM', regencyCode: '35.78', ...deleted } })).id
  fx.msmeDeleted17 = (await msme('35.17', NIK17, 'Usaha Matriks Terhapus Jombang', null)).id
  fx.msmeDeleted78 = (await msme('35.78', NIK78, 'Usaha Matriks Terhapus Surabaya', null)).id
  await db.msme.updateMany({ where: { id: { in: [fx.msmeDeleted17, fx.msmeDeleted78] } }, data: deleted })

  fx.programId = (
    await db.creditProgram.create({
      data: {
        code: 'MATRIKS-2025', scheme: 'MATRIKS', name: 'Program Matriks 2025', year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
        borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
        banks: { create: [{ bankId: fx.bpr }, { bankId: fx.dki }, { bankId: fx.bankIdle }] },
        rates: { create: [{ bankId: fx.bpr, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }, { bankId: fx.dki, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
        allocations: { create: [{ regencyCode: '35.17', creditTarget: 60_000_000 }, { regencyCode: '35.78', creditTarget: 40_000_000 }] },
      },
    })
  ).id
  const loan = (bankId: string, accountNumber: string, m: { id: string }, regencyCode: string, plafond: number) =>
    db.disbursement.create({
      data: {
        programId: fx.programId, bankId, accountNumber, msmeId: m.id, regencyCode, contractDate: new Date('2025-01-15'), plafond, tenorMonths: 12,
        bankRate: 0.12, borrowerRate: 0.03, eligibilityIssues: [],
      },
    })
  fx.loanBpr = (await loan(fx.bpr, 'BPR-MATRIKS-1', fx.msme17, '35.17', 20_000_000)).id
  fx.loanDki = (await loan(fx.dki, 'DKI-MATRIKS-1', fx.msme78, '35.78', 15_000_000)).id
  const claim = (bankId: string, disbursementId: string) =>
    db.subsidyClaim.create({
      data: { programId: fx.programId, bankId, month: new Date('2025-02-01'), lines: { create: [{ disbursementId, claimedAmount: 150_000, computedAmount: 150_000 }] } },
    })
  fx.claimBpr = (await claim(fx.bpr, fx.loanBpr)).id
  fx.claimDki = (await claim(fx.dki, fx.loanDki)).id

  fx.report78 = (
    await db.quarterlyReport.create({
      data: { regencyCode: '35.78', year: 2026, quarter: 1, status: 'SUBMITTED', submittedAt: new Date('2026-04-10'), firstSubmittedAt: new Date('2026-04-10'), obstacles: 'Laporan Surabaya' },
    })
  ).id

  const meeting = (id: string | undefined, title: string, hostRegencyCode: string) =>
    db.meeting.create({ data: { id, title, type: 'RAKOR', startsAt: new Date('2025-03-10T02:00:00Z'), endsAt: new Date('2025-03-10T06:00:00Z'), organiser: 'Dinkop UMKM Jatim', hostRegencyCode }, select: { id: true } })
  await meeting(fx.meeting, 'Rakor Matriks', '35.17')
  fx.participant = (await db.meetingParticipant.create({ data: { meetingId: fx.meeting, name: 'Perwakilan BPR Jatim', agency: 'PT BPR Jatim', bankId: fx.bpr } })).id
  fx.agendaItem = (await db.agendaItem.create({ data: { meetingId: fx.meeting, position: 1, title: 'Evaluasi program matriks' } })).id
  fx.outcome = (await db.meetingOutcome.create({ data: { meetingId: fx.meeting, agendaItemId: fx.agendaItem, kind: 'DECISION', text: 'Percepat penyaluran', programId: fx.programId } })).id
  const action = (meetingId: string, owner: { ownerKind: 'REGENCY' | 'BANK'; ownerRegencyCode?: string; ownerBankId?: string }, title: string) =>
    db.actionItem.create({ data: { meetingId, title, dueDate: new Date('2025-04-30'), ...owner }, select: { id: true } })
  fx.action17 = (await action(fx.meeting, { ownerKind: 'REGENCY', ownerRegencyCode: '35.17' }, 'Tindak lanjut Jombang')).id
  fx.actionBpr = (await action(fx.meeting, { ownerKind: 'BANK', ownerBankId: fx.bpr }, 'Tindak lanjut BPR Jatim')).id
  await db.meetingDocument.create({
    data: { id: fx.document, meetingId: fx.meeting, kind: 'INVITATION', filename: 'undangan.pdf', mimeType: 'application/pdf', size: 15, sha256: '0'.repeat(64), content: Buffer.from('%PDF-1.4\n%%EOF\n') },
  })
  fx.meeting78 = (await meeting(undefined, 'Rakor Matriks Surabaya', '35.78')).id
  fx.action78 = (await action(fx.meeting78, { ownerKind: 'REGENCY', ownerRegencyCode: '35.78' }, 'Tindak lanjut Surabaya')).id
  // an import checked by the district officer (an admin sees every import, the uploader its own)
  fx.importId = (await db.dataImport.create({
    data: {
      id: 'matriks-impor', kind: 'umkm', createdById: users.DISTRICT_OFFICER.id, createdByName: 'Uji DISTRICT_OFFICER', regencyCode: '35.17', fileName: 'umkm.csv',
      fileHash: '0'.repeat(64), fileSize: 4, fileFormat: 'CSV', file: Buffer.from('NIB\n'), sheets: [{ name: 'Data', headerRow: 1, headings: ['NIB'], dataRows: 1 }],
      sheetName: 'Data', mapping: { NIB: 'nib' }, status: 'CHECKED', summary: { check: { total: 1, create: 0, update: 0, unchanged: 0, invalid: 1 } },
      rows: { create: [{ rowNumber: 2, outcome: 'INVALID', values: { nib: '12' }, errors: [{ column: 'NIB', message: 'NIB harus 13 digit angka.' }] }] },
    },
  })).id
  // the bank officer's own import (it imports disbursements, not MSMEs)
  fx.importBank = (await db.dataImport.create({
    data: {
      id: 'matriks-impor-bank', kind: 'penyaluran', createdById: users.BANK_OFFICER.id, createdByName: 'Uji BANK_OFFICER', fileName: 'penyaluran.csv',
      fileHash: '0'.repeat(64), fileSize: 18, fileFormat: 'CSV', file: Buffer.from('Nomor Rekening\n'), sheets: [{ name: 'Data', headerRow: 1, headings: ['Nomor Rekening'], dataRows: 1 }],
      sheetName: 'Data', mapping: { 'Nomor Rekening': 'accountNumber' }, status: 'CHECKED', summary: { check: { total: 1, create: 0, update: 0, unchanged: 0, invalid: 1 } },
      rows: { create: [{ rowNumber: 2, outcome: 'INVALID', values: { accountNumber: '' }, errors: [{ column: 'Nomor Rekening', message: 'Isi Nomor Rekening: kunci untuk mencocokkan data.' }] }] },
    },
  })).id
  fx.activity17 = (await db.activity.create({ data: { kind: 'CERTIFICATION', title: 'Sertifikasi Matriks Jombang', startDate: new Date('2025-05-12'), regencyCode: '35.17' } })).id
  fx.activity78 = (await db.activity.create({ data: { kind: 'TRAINING', title: 'Pelatihan Matriks Surabaya', startDate: new Date('2025-05-12'), regencyCode: '35.78' } })).id
  fx.beneficiary17 = (await db.activityBeneficiary.create({ data: { activityId: fx.activity17, type: 'MSME', msmeId: fx.msme17.id, regencyCode: '35.17', beneficiaryKey: `U:${fx.msme17.id}` } })).id
  fx.programmeTarget = (await db.programmeTarget.create({ data: { name: 'Target Matriks', measure: 'HEALTHY_KSP', targetValue: 10, startDate: new Date('2025-01-01'), deadline: new Date('2025-12-31') } })).id
  // an unread reminder of the admin's
  fx.notification = (await db.notification.create({
    data: { userId: users.ADMIN.id, kind: 'REVIEW_REPORT', eventKey: `review-report:${fx.report78}:1`, link: '/laporan-triwulan/35.78/2026/1', params: { regency: 'Kota Surabaya', year: 2026, quarter: 1 } },
  })).id
})

// ── Nothing written: a fingerprint of every table the app writes ─────────────────────────────────────

/**
 * Reference data (regions) is loaded once and never written by the app (banks are: Pengaturan › Bank mitra). `sessions` is the
 * session bookkeeping every signed-in request touches (the test's signInAs makes a row on first use);
 * ending sessions is an audited action, so the audit count still shows it.
 */
const REFERENCE_TABLES = new Set(['_prisma_migrations', 'provinces', 'regencies', 'districts', 'villages', 'sessions', 'api_clients', 'api_rate_windows'])
let fingerprintSql: string | null = null

/** Per table: its row count and a hash of every row, so an insert, update or delete anywhere shows. */
async function fingerprint(): Promise<Record<string, string>> {
  if (!fingerprintSql) {
    const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`
    fingerprintSql = tables
      .map((t) => t.tablename)
      .filter((t) => !REFERENCE_TABLES.has(t))
      .map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`)
      .join(' UNION ALL ')
  }
  const rows = await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(fingerprintSql)
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n} rows, ${r.h}`]))
}

/** Run `fn` and check the database is exactly as before (audit_logs first, the clearest failure). */
async function expectNothingWritten<T>(fn: () => Promise<T>): Promise<T> {
  const audits = await db.auditLog.count()
  const before = await fingerprint()
  const result = await fn()
  expect(await db.auditLog.count(), 'audit_logs rows').toBe(audits)
  expect(await fingerprint()).toEqual(before)
  return result
}

// ── Calling actions ───────────────────────────────────────────────────────────────────────────────────

type FormAction = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>
type Fields = Record<string, string | number | File>

/**
 * For the roles that must be refused: an input the action would accept (a real record's id, valid
 * fields), so a missing guard would write and the test would see it. Roles that may call the action
 * get an empty form instead, which passes the guard and stops at validation.
 */
const matrixPdf = () => new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'matriks.pdf', { type: 'application/pdf' })

const ACCEPTABLE_INPUT: Record<string, () => Fields> = {
  changePassword: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'Sandi-Baru-Matriks-2026!', confirmPassword: 'Sandi-Baru-Matriks-2026!' }),
  signOutEverywhere: () => ({ confirm: 'ya' }),
  createCooperative: () => ({ nik: '3517000000000999', name: 'Koperasi Tanpa Wewenang', type: 'KONSUMEN', form: 'PRIMER', pattern: 'KONVENSIONAL', regencyCode: '35.17', membersMale: '0', membersFemale: '0', managers: '0', employees: '0' }),
  updateCooperative: () => ({ id: fx.coop17, version: 1, nik: '3517000000000101', name: 'KSP Diubah Tanpa Wewenang', type: 'SIMPAN_PINJAM', form: 'PRIMER', pattern: 'KONVENSIONAL', regencyCode: '35.17', membersMale: '0', membersFemale: '0', managers: '0', employees: '0' }),
  deleteCooperative: () => ({ id: fx.coopLone, version: 1 }),
  restoreCooperative: () => ({ id: fx.coopDeleted17, version: 2 }),
  saveCooperativeYear: () => ({ cooperativeId: fx.coop17, year: 2024, ownCapital: '1.000.000', assets: '5.000.000' }),
  deleteCooperativeYear: () => ({ cooperativeId: fx.coop17, year: 2023, version: 1 }),
  followUpInspection: () => ({ id: fx.inspection17, version: 1, followUp: 'Buku kas sudah dilengkapi', status: 'CLOSED' }),
  saveHealthAssessment: () => ({ cooperativeId: fx.coop17, assessedOn: '2025-01-10', assessor: 'Tim Penilai', ...fx.healthSheet }),
  addInspection: () => ({ cooperativeId: fx.coop17, inspectedOn: '2025-01-10', officer: 'Pemeriksa Uji', findings: 'Buku kas belum lengkap', status: 'OPEN' }),
  createMsme: () => ({ nib: '9120009999999', businessName: 'Usaha Tanpa Wewenang', ownerName: 'Budi', ownerNik: '3517014501900009', ownerGender: 'L', kbli: '10792', regencyCode: '35.17', workers: '0', businessCapital: '50.000.000', annualSales: '300.000.000' }),
  updateMsme: () => ({ id: fx.msme17.id, version: 1, nib: fx.msme17.nib, businessName: 'Diubah Tanpa Wewenang', ownerName: 'Siti Rahayu', ownerGender: 'P', kbli: '10792', regencyCode: '35.17', workers: '0' }),
  deleteMsme: () => ({ id: fx.msme17.id, version: 1 }),
  restoreMsme: () => ({ id: fx.msmeDeleted17, version: 2 }),
  revealOwnerNik: () => ({ id: fx.msme17.id }),
  createDisbursement: () => ({ programId: fx.programId, bankId: fx.bpr, accountNumber: 'TOLAK-0001', nib: fx.msme17.nib, ownerNik: NIK17, contractDate: '2025-03-03', plafond: '10.000.000', tenorMonths: 12, method: 'ANNUITY' }),
  submitClaim: () => ({ programId: fx.programId, month: '2025-03' }),
  approveClaim: () => ({ claimId: fx.claimBpr, version: 1 }),
  returnClaim: () => ({ claimId: fx.claimBpr, version: 1, reason: 'Lampiran rekening koran belum ada' }),
  recordClaimPayment: () => ({ claimId: fx.claimBpr, version: 1, paidOn: '2025-03-10', amount: '150.000', reference: 'SP2D-0001' }),
  saveProgram: () => ({ scheme: 'TOLAK', name: 'Program Tanpa Wewenang', year: 2030, creditTarget: '1.000.000.000', beneficiaryTarget: 10, subsidyCeiling: '100.000.000', borrowerRate: 3, bankRate: 12, maxPlafond: '10.000.000', maxTenorMonths: 12, bankId: fx.bpr }),
  setAmortisationBasis: () => ({ programId: fx.programId, version: 1, amortisationBasis: 'BANK_RATE' }),
  addRateChange: () => ({ programId: fx.programId, bankId: fx.bpr, effectiveFrom: '2025-06-01', rate: 11 }),
  // the version the page showed: a stale one is refused for its data (a conflict), which this check accepts
  saveAllocations: () => ({ programId: fx.programId, version: 1, 'alloc_35.17': '70.000.000' }),
  updateProgram: () => ({ id: fx.programId, version: 1, scheme: 'MATRIKS', name: 'Program Matriks Diubah', year: 2025, creditTarget: '100.000.000', beneficiaryTarget: 4, subsidyCeiling: '10.000.000', borrowerRate: 3, maxPlafond: '25.000.000', maxTenorMonths: 24 }),
  reportInstalment: () => ({ disbursementId: fx.loanBpr, version: 1, period: 1, instalmentPaid: 'unpaid', collectibility: 2 }),
  correctLoan: () => ({ disbursementId: fx.loanBpr, version: 1, accountNumber: 'BPR-MATRIKS-1', nib: fx.msme17.nib, ownerNik: NIK17, contractDate: '2025-03-03', plafond: '21.000.000', tenorMonths: 12, method: 'ANNUITY' }),
  saveReport: () => ({ year: 2026, quarter: 1, version: 0, intent: 'save', obstacles: 'Tanpa wewenang' }),
  returnReport: () => ({ id: fx.report78, version: 1, reason: 'Angka belum sesuai' }),
  approveReport: () => ({ id: fx.report78, version: 1 }),
  reopenReport: () => ({ id: fx.report78, version: 1, reason: 'Dibuka tanpa wewenang' }),
  saveIndicator: () => ({ version: 0, code: 'TOLAK_INDIKATOR', name: 'Indikator tanpa wewenang', nameEn: 'Unauthorised indicator', formCode: 'PEMBERDAYAAN', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 1, active: 'on', activityMeasure: 'CERTIFICATION:PERSON' }),
  deleteIndicator: () => ({ code: fx.indicator, version: 1 }), // unused: a missing guard would delete it
  saveTargetGrid: () => ({ indicatorCode: 'FASILITASI_UMKM', year: 2030, version: 0, 't.35.17.0': '20' }),
  saveDeadline: () => ({ year: 2030, quarter: 1, version: 0, deadline: '2030-04-20' }),
  saveThresholds: () => ({ version: 0, onTrack: '90', watch: '75' }),
  saveReportingStart: () => ({ version: 0, start: '2026-1' }),
  saveHealthTemplate: () => ({ ...fx.healthTemplate }),
  createUser: () => ({ username: unique('tolak'), name: 'Tidak Boleh', role: 'ADMIN' }),
  updateUser: () => ({ id: fx.target.id, version: 1, username: fx.target.username, name: 'Diubah Tanpa Wewenang', role: 'ADMIN' }),
  deactivateUser: () => ({ id: fx.target.id, version: 1 }),
  reactivateUser: () => ({ id: fx.target.id, version: 1 }),
  resetPassword: () => ({ id: fx.target.id, version: 1 }),
  createApiClient: () => ({ name: 'Klien Tanpa Wewenang', owner: 'Tim Uji', role: 'LEADERSHIP', expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }),
  revokeApiClient: () => ({ id: fx.apiClient }),
  createMeeting: () => ({ title: 'Rakor Tanpa Wewenang', type: 'RAKOR', startsAt: '2025-05-05T09:00', endsAt: '2025-05-05T12:00', organiser: 'Dinkop UMKM Jatim' }),
  updateMeeting: () => ({ id: fx.meeting, version: 1, title: 'Rakor Diubah', type: 'RAKOR', startsAt: '2025-03-10T09:00', endsAt: '2025-03-10T13:00', organiser: 'Dinkop UMKM Jatim', hostRegencyCode: '35.17' }),
  setMeetingStatus: () => ({ id: fx.meeting, version: 1, status: 'HELD' }),
  addParticipant: () => ({ meetingId: fx.meeting, name: 'Peserta Tanpa Wewenang', agency: 'Bappeda Provinsi Jawa Timur' }),
  updateAttendance: () => ({ id: fx.participant, version: '1', attendance: 'PRESENT' }),
  markInvitedPresent: () => ({ meetingId: fx.meeting, seen: `${fx.participant}:1` }),
  addAgendaItem: () => ({ meetingId: fx.meeting, title: 'Acara tanpa wewenang' }),
  updateAgendaItem: () => ({ id: fx.agendaItem, version: 1, title: 'Evaluasi program matriks', minutes: 'Notulen tanpa wewenang' }),
  addOutcome: () => ({ agendaItemId: fx.agendaItem, kind: 'RECOMMENDATION', text: 'Rekomendasi tanpa wewenang' }),
  updateOutcome: () => ({ id: fx.outcome, version: 1, kind: 'DECISION', text: 'Keputusan diubah tanpa wewenang' }),
  createAction: () => ({ meetingId: fx.meeting, title: 'Tindak lanjut tanpa wewenang', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '2025-06-30', pastDueConfirmed: 'on' }),
  updateAction: () => ({ id: fx.action17, version: 1, title: 'Tindak lanjut Jombang diubah', ownerKind: 'REGENCY', ownerRegencyCode: '35.17', dueDate: '2025-06-30', pastDueConfirmed: 'on' }),
  addProgress: () => ({ actionId: fx.action17, version: 1, note: 'Catatan tanpa wewenang', status: 'IN_PROGRESS' }),
  // a real (small) PDF: a missing file is refused as a marked field, which would read here as a validation refusal;
  // the refused roles are turned away before the file is read, so nothing is written for them
  uploadDocument: () => ({ meetingId: fx.meeting, kind: 'MATERIAL', file: matrixPdf() }),
  uploadEvidence: () => ({ meetingId: fx.meeting, actionId: fx.action17, kind: 'EVIDENCE', file: matrixPdf() }),
  // removals last among the meeting inputs: the others need these records
  removeOutcome: () => ({ id: fx.outcome, version: 1 }),
  removeParticipant: () => ({ id: fx.participant, version: 1 }),
  removeAgendaItem: () => ({ id: fx.agendaItem, version: 1 }),
  deleteDocument: () => ({ id: fx.document }),
  uploadImport: () => ({ kind: 'umkm' }), // no file: refused roles never get to it
  mapImportColumns: () => ({ id: fx.importId, sheet: 'Data', col_0: 'nib' }),
  commitImport: () => ({ id: fx.importId, version: 1, mode: 'ALL' }),
  cancelImportJob: () => ({ id: fx.importId }),
  discardImportCheck: () => ({ id: fx.importId, version: 1 }),
  createActivity: () => ({ kind: 'TRAINING', title: 'Pelatihan Tanpa Wewenang', startDate: '2025-06-02', regencyCode: '35.17', budgetSource: 'APBD_REGENCY', budgetAmount: '15.000.000' }),
  updateActivity: () => ({ id: fx.activity17, version: 1, kind: 'CERTIFICATION', title: 'Sertifikasi Diubah Tanpa Wewenang', startDate: '2025-05-12', regencyCode: '35.17' }),
  addBeneficiary: () => ({ activityId: fx.activity17, type: 'PERSON', personName: 'Manajer Tanpa Wewenang', personRole: 'Manajer KSP', certificateNumber: 'LSP-TOLAK-1', cooperativeNik: '3517000000000101' }),
  removeBeneficiary: () => ({ id: fx.beneficiary17 }),
  deleteActivity: () => ({ id: fx.activity17, version: 1 }),
  createProgrammeTarget: () => ({ name: 'Target Tanpa Wewenang', measure: 'HEALTHY_KSP', targetValue: '10', startDate: '2025-01-01', deadline: '2025-12-31' }),
  updateProgrammeTarget: () => ({ id: fx.programmeTarget, version: 1, name: 'Target Diubah Tanpa Wewenang', measure: 'HEALTHY_KSP', targetValue: '12', startDate: '2025-01-01', deadline: '2025-12-31' }),
  deleteProgrammeTarget: () => ({ id: fx.programmeTarget, version: 1 }),
  markNotificationRead: () => ({ id: fx.notification }), // the admin's own (the first role allowed)
  markAllNotificationsRead: () => ({ upTo: '2030-01-01T00:00:00.000Z' }),
  saveValidationRule: () => ({ version: 0, code: 'MATRIKS_ATURAN_BARU', kind: 'RANGE', severity: 'WARNING', indicatorCode: 'KOP_AKTIF', min: '0', message: 'Aturan tanpa wewenang.', messageEn: 'Rule without authority.', active: 'on' }),
  setValidationRuleActive: () => ({ code: fx.rule, version: 1, active: 'true' }),
  saveBank: () => ({ version: 0, code: 'MATRIKS_TOLAK', name: 'PT Bank Tanpa Wewenang', shortName: 'Bank Tolak', active: 'on' }),
  addProgramBank: () => ({ programId: fx.programId, bankId: fx.bankNew, version: 1, effectiveFrom: '2025-01-01', rate: '11' }),
  removeProgramBank: () => ({ programId: fx.programId, bankId: fx.bankIdle, version: 1 }),
  saveHoliday: () => ({ version: 0, date: '2031-04-02', name: 'Hari libur tanpa wewenang', kind: 'NATIONAL_HOLIDAY', source: 'konfirmasi' }),
  deleteHoliday: () => ({ id: 'libur-2027-12-25', version: 1 }), // seeded by the migration: a missing guard would delete it
}

/** Public actions whose shape differs from a form action (`(prev, formData)`). */
const PUBLIC_CALLS: Record<string, (fn: Endpoint) => Promise<unknown>> = {
  setLocale: (fn) => fn(new FormData()), // `(formData)`: an unknown locale is ignored before the cookie
  signOutAction: (fn) => fn(), // no input; Auth.js's signOut then needs the request's headers
}

/** A Next.js request-scope error: the call reached code that only runs inside a real request. */
const isOutsideRequest = (e: unknown) => e instanceof Error && /was called outside a request scope/.test(e.message)

describe('server actions: every exported action is classified', () => {
  it('found the action modules', () => {
    expect(actionFiles.length).toBeGreaterThan(0)
    expect(ACTIONS.length).toBeGreaterThan(0)
  })

  it('every export of lib/actions/* is an async function classified in ACTION_PERMISSIONS', () => {
    const unclassified = ACTIONS.filter((a) => !(a.name in ACTION_PERMISSIONS)).map((a) => `${a.file}: ${a.name}`)
    expect(unclassified, 'exported server actions missing from ACTION_PERMISSIONS (classify each new action)').toEqual([])
    const notFunctions = ACTIONS.filter((a) => typeof a.value !== 'function').map((a) => `${a.file}: ${a.name}`)
    expect(notFunctions, "a 'use server' file exports only async functions").toEqual([])
  })

  it('ACTION_PERMISSIONS holds no action that is no longer exported', () => {
    const exported = new Set(ACTIONS.map((a) => a.name))
    expect(Object.keys(ACTION_PERMISSIONS).filter((name) => !exported.has(name))).toEqual([])
  })

  it('every guarded action has an acceptable input for the refusal cells', () => {
    const missing = Object.entries(ACTION_PERMISSIONS).filter(([name, rule]) => rule !== 'public' && !ACCEPTABLE_INPUT[name]).map(([name]) => name)
    expect(missing).toEqual([])
  })
})

/** One cell of the action matrix: `name` called by `column`, which must get `expected`. */
async function checkActionCell(name: string, fn: Endpoint, column: Column, expected: Expectation | 'unclassified') {
  const rule = ACTION_PERMISSIONS[name]
  expect(rule, `${name} is not in ACTION_PERMISSIONS`).toBeDefined()
  signIn(column)

  if (rule === 'public') {
    await expectNothingWritten(async () => {
      const call = PUBLIC_CALLS[name] ?? ((f: Endpoint) => f(undefined, new FormData()))
      try {
        const result = (await call(fn)) as ActionState | undefined
        expect(result?.message).not.toBe(MESSAGES.forbidden)
        expect(result?.message).not.toBe(MESSAGES.signedOut)
      } catch (e) {
        // only a call that needs a real request (cookies, headers) may throw: classification is then all we can assert
        if (!isOutsideRequest(e)) throw e
      }
    })
    return
  }

  const action = fn as unknown as FormAction
  if (expected === 'allowed') {
    // past the guard: an empty form stops at validation, and writes nothing
    const result = await expectNothingWritten(() => action(undefined, new FormData()))
    expect(result.ok).toBe(false)
    expect(result.message).not.toBe(MESSAGES.forbidden)
    expect(result.message).not.toBe(MESSAGES.signedOut)
    expect(result.message).not.toBe(MESSAGES.mustChangePassword)
    return
  }

  // refused before anything happens, though the input would be accepted
  const result = await expectNothingWritten(() => action(undefined, form(ACCEPTABLE_INPUT[name]())))
  expect(result).toMatchObject({ ok: false, message: expected === 'signed out' ? MESSAGES.signedOut : MESSAGES.forbidden })
  expect(result.data, 'a refusal carries no data').toBeUndefined()
}

describe('server actions × roles', () => {
  for (const { name, value } of ACTIONS) {
    for (const column of COLUMNS) {
      const rule = ACTION_PERMISSIONS[name]
      const expected = rule === undefined ? 'unclassified' : expectation(rule, column)
      it(`${name} × ${column.label} → ${expected}`, () => checkActionCell(name, value as Endpoint, column, expected))
    }
  }
})

// ── Route handlers ────────────────────────────────────────────────────────────────────────────────────

describe('route handlers: every exported handler is classified', () => {
  it('found the route files', () => {
    expect(routeFiles.length).toBeGreaterThan(0)
  })

  it('every exported HTTP method of app/api/**/route.ts is classified in ROUTE_PERMISSIONS', () => {
    const unclassified = ROUTES.map((r) => `${r.method} ${r.path}`).filter((k) => !(k in ROUTE_PERMISSIONS))
    expect(unclassified, 'route handlers missing from ROUTE_PERMISSIONS (classify each new handler)').toEqual([])
    expect(Object.keys(ROUTE_PERMISSIONS).filter((k) => !ROUTES.some((r) => `${r.method} ${r.path}` === k))).toEqual([])
  })

  it('only the health check, Auth.js itself and the API description are public', () => {
    const publicRoutes = Object.entries(ROUTE_PERMISSIONS).filter(([, rule]) => rule === 'public').map(([k]) => k.split(' ')[1])
    expect([...new Set(publicRoutes)].sort()).toEqual(['/api/auth/[...nextauth]', '/api/health', '/api/v1/openapi.json'])
  })
})

function requestFor(route: { path: string; method: string }, extraQuery = '') {
  const key = `${route.method} ${route.path}`
  const spec = ROUTE_REQUESTS[key] ?? {}
  const base = spec.subpath ? route.path.replace(/\/\[[^\]]+\]$/, spec.subpath) : route.path
  const query = ['format=csv', spec.query, extraQuery].filter(Boolean).join('&')
  const req = new Request(`http://localhost${base}?${query}`, {
    method: route.method,
    ...(spec.body && { body: spec.body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  })
  return { req, ctx: { params: Promise.resolve(typeof spec.params === 'function' ? spec.params() : (spec.params ?? {})) } }
}

async function callRoute(route: { path: string; method: string; handler: unknown }, extraQuery = '') {
  const { req, ctx } = requestFor(route, extraQuery)
  return (route.handler as (req: Request, ctx: unknown) => Promise<Response>)(req, ctx)
}

/** One cell of the route matrix: `METHOD /path` called by `column`, which must get `expected`. */
async function checkRouteCell(route: (typeof ROUTES)[number], column: Column, expected: Expectation | 'unclassified') {
  const key = `${route.method} ${route.path}`
  const rule = ROUTE_PERMISSIONS[key]
  expect(rule, `${key} is not in ROUTE_PERMISSIONS`).toBeDefined()
  if (route.path.startsWith('/api/v1/') && rule !== 'public') return checkApiCell(route, column, expected)
  signIn(column)

  if (rule === 'public') {
    const res = await callRoute(route)
    expect([401, 403]).not.toContain(res.status)
    expect(res.status, await res.text()).toBeLessThan(500)
    // a GET answers; Auth.js refuses the forged POST itself (CSRF), which is not our guard
    if (route.method === 'GET') expect(res.status).toBe(200)
    return
  }

  if (expected === 'allowed') {
    const res = await callRoute(route)
    const body = await res.text()
    expect(res.status, body.slice(0, 300)).toBe(200)
    return
  }

  const res = await expectNothingWritten(() => callRoute(route))
  expect(res.status).toBe(expected === 'signed out' ? 401 : 403)
  expect(await res.json()).toEqual({ error: expected === 'signed out' ? MESSAGES.signedOut : MESSAGES.forbidden })
}

/**
 * One cell for an /api/v1 route: the column's API client token (none when signed out). A refused client gets
 * 401 or 403 as problem details for a write the API would accept (a loan of PT BPR Jatim for a 35.17 MSME,
 * with its own Idempotency-Key) and nothing is written; an allowed one gets its 200, or for a write, as with
 * the actions, an empty batch that passes the guard and stops at validation (400), so the fixtures the
 * scope tests count stay as they are (the writes themselves: tests/integration/api.test.ts).
 */
async function checkApiCell(route: (typeof ROUTES)[number], column: Column, expected: Expectation | 'unclassified') {
  const key = `${route.method} ${route.path}`
  const spec = ROUTE_REQUESTS[key] ?? {}
  const write = route.method !== 'GET'
  const call = (body?: unknown) =>
    callApi(route.handler, {
      path: (spec.subpath ? route.path.replace(/\/\[[^\]]+\]\/?.*$/, spec.subpath) : route.path) + (spec.query ? `?${spec.query}` : ''),
      method: route.method,
      token: column.key === 'SIGNED_OUT' ? null : apiTokens[column.key],
      params: typeof spec.params === 'function' ? spec.params(column) : ((spec.params as Record<string, string>) ?? {}),
      ...(write && {
        headers: { 'idempotency-key': unique('matriks-') },
        body: body ?? spec.apiBody?.() ?? { items: [{ programId: fx.programId, bankId: fx.bpr, accountNumber: unique('API-'), nib: fx.msme17.nib, ownerNik: NIK17, contractDate: '2025-03-03', plafond: 10_000_000, tenorMonths: 12, method: 'ANNUITY' }] },
      }),
    })
  if (expected === 'allowed') {
    const invalid = spec.apiInvalid ?? { body: { items: [] }, path: 'items' }
    const res = write ? await expectNothingWritten(() => call(invalid.body)) : await call()
    const text = await res.clone().text()
    expect(res.status, text.slice(0, 300)).toBe(write ? 400 : 200)
    if (write) expect(JSON.parse(text).errors[0].path).toBe(invalid.path)
    return
  }
  const res = await expectNothingWritten(() => call())
  expect(res.status).toBe(expected === 'signed out' ? 401 : 403)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  expect((await res.json()).title).toBe(expected === 'signed out' ? 'Unauthorized' : 'Forbidden')
}

describe('route handlers × roles', () => {
  for (const route of ROUTES) {
    for (const column of COLUMNS) {
      const key = `${route.method} ${route.path}`
      const rule = ROUTE_PERMISSIONS[key]
      const expected = rule === undefined ? 'unclassified' : expectation(rule, column)
      it(`${key} × ${column.label} → ${expected}`, () => checkRouteCell(route, column, expected))
    }
  }
})

describe('API refusals: a wrong method or an unknown path is the same problem for every column', () => {
  it('found them: a 405 for each real /api/v1 route, the catch-all for the rest', () => {
    expect(REFUSAL_ROUTES.some((r) => r.path === '/api/v1/[...path]')).toBe(true)
    expect(REFUSAL_ROUTES.some((r) => r.path === '/api/v1/koperasi' && r.method === 'DELETE')).toBe(true)
    // only the API has them
    expect(REFUSAL_ROUTES.filter((r) => !r.path.startsWith('/api/v1/'))).toEqual([])
  })

  for (const route of REFUSAL_ROUTES) {
    for (const column of COLUMNS) {
      it(`${route.method} ${route.path} × ${column.label} → ${route.path.endsWith('[...path]') ? 404 : 405}`, async () => {
        const res = await expectNothingWritten(() =>
          callApi(route.handler, { path: route.path.replace(/\[\.\.\.path\]$/, 'tidak-ada').replace(/\[id\]/g, 'x'), method: route.method, token: column.key === 'SIGNED_OUT' ? null : apiTokens[column.key], body: route.method === 'GET' || route.method === 'HEAD' ? undefined : { items: [] } }),
        )
        expect(res.status).toBe(route.path.endsWith('[...path]') ? 404 : 405)
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        if (res.status === 405) expect(res.headers.get('allow')).toMatch(/OPTIONS$/)
      })
    }
  }
})

// ── Regency scope: the district officer of 35.17 and the records of 35.78 ─────────────────────────────

const route = (p: string) => {
  const r = ROUTES.find((x) => x.method === 'GET' && x.path === p)
  if (!r) throw new Error(`no GET ${p}`)
  return r
}

describe('regency scope: the district officer of 35.17 never reads 35.78', () => {
  let officer: SessionUser
  beforeAll(async () => {
    officer = await sessionUser(users.DISTRICT_OFFICER)
  })

  it('lists only its own regency’s deleted records to restore, even when it searches another’s by its key', async () => {
    const coops = (await findDeletedCooperatives({ user: officer })).rows.map((r) => r.id)
    expect(coops).toContain(fx.coopDeleted17)
    expect(coops).not.toContain(fx.coopDeleted78)
    expect((await findDeletedCooperatives({ user: officer, q: '3578000000000103' })).total).toBe(0)
    const msmes = (await findDeletedMsmes({ user: officer })).rows.map((r) => r.id)
    expect(msmes).toContain(fx.msmeDeleted17)
    expect(msmes).not.toContain(fx.msmeDeleted78)
    // leadership and a bank do not write the registers: no deleted list to read
    for (const role of ['LEADERSHIP', 'BANK_OFFICER'] as const) {
      const u = await sessionUser(users[role])
      await expect(findDeletedCooperatives({ user: u })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(findDeletedMsmes({ user: u })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('lists and exports only its own cooperatives, even when it asks for 35.78', async () => {
    const all = await findCooperatives({ user: officer, filter: {} })
    expect([...new Set(all.rows.map((r) => r.regency.code))]).toEqual(['35.17'])
    expect((await findCooperatives({ user: officer, filter: { regency: '35.78' } })).total).toBe(0)
    expect((await findCooperatives({ user: officer, filter: { q: 'Surabaya' } })).total).toBe(0)
    expect([...new Set((await exportCooperatives({ user: officer, filter: {} })).map((r) => r.regency.code))]).toEqual(['35.17'])
    expect(await exportCooperatives({ user: officer, filter: { regency: '35.78' } })).toEqual([])
    expect(await getCooperative({ user: officer, id: fx.coop78 })).toBeNull()
    expect(await cooperativeChoices({ user: officer, regencyCode: '35.78' })).toEqual([])
    signInAs(users.DISTRICT_OFFICER)
    const csv = await (await callRoute(route('/api/koperasi/ekspor'), 'regency=35.78')).text()
    expect(csv).not.toContain('KSP Matriks Surabaya')
    const own = await (await callRoute(route('/api/koperasi/ekspor'))).text()
    expect(own).toContain('KSP Matriks Jombang')
    expect(own).not.toContain('KSP Matriks Surabaya')
    const choices = await (await callRoute(route('/api/wilayah'), 'regency=35.78')).json()
    expect(choices.cooperatives).toEqual([])
  })

  it('reads, exports and changes only its own regency’s activities, with its own register’s beneficiaries', async () => {
    expect((await findActivities({ user: officer, filter: {} })).rows.map((r) => r.regency?.code)).not.toContain('35.78')
    expect((await findActivities({ user: officer, filter: { regency: '35.78' } })).total).toBe(0)
    expect((await exportActivities({ user: officer, filter: {} })).map((r) => r.id)).not.toContain(fx.activity78)
    expect(await getActivity({ user: officer, id: fx.activity78 })).toBeNull()
    signInAs(users.DISTRICT_OFFICER)
    const csv = await (await callRoute(route('/api/kegiatan/ekspor'), 'regency=35.78')).text()
    expect(csv).not.toContain('Pelatihan Matriks Surabaya')
    await expectNothingWritten(async () => {
      const edit = await updateActivity(undefined, form({ id: fx.activity78, version: 1, kind: 'TRAINING', title: 'Diubah dari Jombang', startDate: '2025-05-12', regencyCode: '35.78' }))
      expect(edit.ok).toBe(false)
      const add = await addBeneficiary(undefined, form({ activityId: fx.activity78, type: 'MSME', msmeNib: fx.msme78.nib }))
      expect(add.ok).toBe(false)
      // its own activity, but another regency's MSME: not in its register
      const foreign = await addBeneficiary(undefined, form({ activityId: fx.activity17, type: 'MSME', msmeNib: fx.msme78.nib }))
      expect(foreign.errors?.msmeNib).toBeDefined()
    })
  })

  it('lists and exports only its own MSMEs, even when it asks for 35.78', async () => {
    expect((await findMsmes({ user: officer, filter: {} })).rows.map((r) => r.regency.code)).toEqual(['35.17'])
    expect((await findMsmes({ user: officer, filter: { regency: '35.78' } })).total).toBe(0)
    expect((await findMsmes({ user: officer, filter: { koperasi: fx.coop78 } })).total).toBe(0)
    expect((await findMsmes({ user: officer, filter: { q: fx.msme78.nib } })).total).toBe(0)
    expect(await exportMsmes({ user: officer, filter: { regency: '35.78' } })).toEqual([])
    expect(await getMsme({ user: officer, id: fx.msme78.id })).toBeNull()
    signInAs(users.DISTRICT_OFFICER)
    const csv = await (await callRoute(route('/api/umkm/ekspor'), 'regency=35.78')).text()
    expect(csv).not.toContain('Bakpia Matriks Surabaya')
    expect(csv).not.toContain(fx.msme78.nib)
  })

  it('sees only its own regency’s loans and figures', async () => {
    expect((await findDisbursements({ user: officer, filter: {} })).rows.map((r) => r.accountNumber)).toEqual(['BPR-MATRIKS-1'])
    expect((await findDisbursements({ user: officer, filter: { regency: '35.78' } })).total).toBe(0)
    expect((await exportDisbursements({ user: officer, filter: {} })).map((r) => r.regency.code)).toEqual(['35.17'])
    expect(await findLoansOfMsme({ user: officer, msmeId: fx.msme78.id })).toEqual([])
    await expect(getCreditSummary({ user: officer, filter: { programId: fx.programId, regencyCode: '35.78' } })).rejects.toThrow('forbidden')
    signInAs(users.DISTRICT_OFFICER)
    const csv = await (await callRoute(route('/api/kredit/penyaluran/ekspor'), 'regency=35.78')).text()
    expect(csv).not.toContain('DKI-MATRIKS-1')
    // subsidy claims are the banks' and the agency's business, not a district's
    await expect(findClaims({ user: officer })).rejects.toThrow('forbidden')
    await expect(getClaim({ user: officer, id: fx.claimDki })).rejects.toThrow('forbidden')
  })

  it('reads only the meetings and follow-ups of its regency', async () => {
    expect((await findMeetings({ user: officer, filter: {} })).rows.map((r) => r.id)).toEqual([fx.meeting])
    expect((await findMeetings({ user: officer, filter: { regency: '35.78' } })).total).toBe(0)
    expect(await getMeeting({ user: officer, id: fx.meeting78 })).toBeNull()
    expect(await getAction({ user: officer, id: fx.action78 })).toBeNull()
    expect((await findActions({ user: officer, filter: { status: 'all' } })).rows.map((r) => r.id)).not.toContain(fx.action78)
    expect((await findActions({ user: officer, filter: { regency: '35.78', status: 'all' } })).total).toBe(0)
  })

  it('reads only its own regency’s quarterly report', async () => {
    expect(await getReport({ user: officer, regencyCode: '35.78', year: 2026, quarter: 1 })).toBeNull()
    expect(await getIndicatorRealisation({ user: officer, indicatorCode: 'KOP_AKTIF_PCT', year: 2026, regencyCode: '35.78' })).toBeNull()
    const own = await getIndicatorRealisation({ user: officer, indicatorCode: 'KOP_AKTIF_PCT', year: 2026 })
    expect(own!.regencies.map((r) => r.code)).toEqual(['35.17'])
    expect((await getCompleteness({ user: officer, year: 2026 })).regencies.map((r) => r.code)).toEqual(['35.17'])
  })

  /** Each write aimed at 35.78 is refused with a message (not a crash) and changes nothing. */
  const coop78 = () => ({ id: fx.coop78, version: 1, nik: '3578000000000101', name: 'KSP Diambil Alih', type: 'SIMPAN_PINJAM', form: 'PRIMER', pattern: 'KONVENSIONAL' })
  const msme78 = () => ({ id: fx.msme78.id, version: 1, nib: fx.msme78.nib, businessName: 'Diambil Alih', ownerName: 'Siti Rahayu', ownerGender: 'P', kbli: '10792' })
  const writes: [string, () => Promise<ActionState>][] = [
    ['createCooperative in 35.78', () => createCooperative(undefined, form({ ...ACCEPTABLE_INPUT.createCooperative(), nik: '3578000000000999', regencyCode: '35.78' }))],
    ['updateCooperative of 35.78, kept in 35.78', () => updateCooperative(undefined, form({ ...coop78(), regencyCode: '35.78' }))],
    ['updateCooperative of 35.78, moved to 35.17', () => updateCooperative(undefined, form({ ...coop78(), regencyCode: '35.17' }))],
    ['deleteCooperative of 35.78', () => deleteCooperative(undefined, form({ id: fx.coop78, version: 1 }))],
    ['saveCooperativeYear of 35.78', () => saveCooperativeYear(undefined, form({ ...ACCEPTABLE_INPUT.saveCooperativeYear(), cooperativeId: fx.coop78 }))],
    ['saveHealthAssessment of 35.78', () => saveHealthAssessment(undefined, form({ ...ACCEPTABLE_INPUT.saveHealthAssessment(), cooperativeId: fx.coop78 }))],
    ['addInspection of 35.78', () => addInspection(undefined, form({ ...ACCEPTABLE_INPUT.addInspection(), cooperativeId: fx.coop78 }))],
    ['deleteCooperativeYear of 35.78', () => deleteCooperativeYear(undefined, form({ ...ACCEPTABLE_INPUT.deleteCooperativeYear(), cooperativeId: fx.coop78 }))],
    ['followUpInspection of 35.78', () => followUpInspection(undefined, form({ ...ACCEPTABLE_INPUT.followUpInspection(), id: fx.inspection78 }))],
    ['createMsme in 35.78', () => createMsme(undefined, form({ ...ACCEPTABLE_INPUT.createMsme(), ownerNik: '3578014501900009', regencyCode: '35.78' }))],
    ['createMsme in 35.17 as a member of a 35.78 cooperative', () => createMsme(undefined, form({ ...ACCEPTABLE_INPUT.createMsme(), cooperativeId: fx.coop78 }))],
    ['updateMsme of 35.78, kept in 35.78', () => updateMsme(undefined, form({ ...msme78(), regencyCode: '35.78' }))],
    ['updateMsme of 35.78, moved to 35.17', () => updateMsme(undefined, form({ ...msme78(), regencyCode: '35.17' }))],
    ['deleteMsme of 35.78', () => deleteMsme(undefined, form({ id: fx.msme78.id, version: 1 }))],
    ['restoreCooperative of 35.78', () => restoreCooperative(undefined, form({ id: fx.coopDeleted78, version: 2 }))],
    ['restoreMsme of 35.78', () => restoreMsme(undefined, form({ id: fx.msmeDeleted78, version: 2 }))],
    ['revealOwnerNik of 35.78', () => revealOwnerNik(undefined, form({ id: fx.msme78.id }))],
    ['addProgress on a 35.78 follow-up', () => addProgress(undefined, form({ actionId: fx.action78, version: 1, note: 'Diambil alih', status: 'DONE' }))],
    ['addProgress on the bank’s follow-up of its own meeting', () => addProgress(undefined, form({ actionId: fx.actionBpr, version: 1, note: 'Bukan milik kabupaten', status: 'DONE' }))],
    ['uploadEvidence on a 35.78 follow-up', () => uploadEvidence(undefined, form({ meetingId: fx.meeting78, actionId: fx.action78, kind: 'EVIDENCE' }))],
  ]
  it.each(writes)('%s → refused, nothing written', async (_name, write) => {
    signInAs(users.DISTRICT_OFFICER)
    const result = await expectNothingWritten(write)
    expect(result.ok).toBe(false)
    expect(result.message).toBeTruthy()
    expect(result.message).not.toBe(MESSAGES.failed)
    expect(JSON.stringify(result)).not.toContain(NIK78)
  })

  it('the same forms, for its own regency, are accepted (the refusals above are the scope, not the input)', async () => {
    signInAs(users.DISTRICT_OFFICER)
    const year = await saveCooperativeYear(undefined, form({ ...ACCEPTABLE_INPUT.saveCooperativeYear(), cooperativeId: fx.coop17 }))
    expect(year).toMatchObject({ ok: true })
    const reveal = await revealOwnerNik(undefined, form({ id: fx.msme17.id }))
    expect(reveal).toMatchObject({ ok: true, data: { nik: NIK17 } })
  })
})

// ── API `regency`: one rule on every /api/v1 endpoint that takes it ─────────────────────────────────────

/**
 * The /api/v1 operations whose query takes `regency`, read from the OpenAPI document (generated from the schemas the
 * handlers validate with), so an endpoint that gains the parameter is checked here without being listed by hand.
 */
const REGENCY_ENDPOINTS = Object.entries(API_PATHS).flatMap(([p, ops]) =>
  Object.entries(ops as Record<string, { requestParams?: { query?: { shape?: Record<string, unknown> } } }>)
    .filter(([, op]) => 'regency' in (op.requestParams?.query?.shape ?? {}))
    .map(([method]) => `${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, '[$1]')}`),
).sort()

describe('API `regency`: 403 outside the client’s scope, 400 for a code that is no regency, on every endpoint that takes it', () => {
  /** The endpoint called by the column's API client with `regency`, beside the query and path the matrix gives it. */
  const call = (key: string, role: 'DISTRICT_OFFICER' | 'LEADERSHIP', regency: string) => {
    const route = ROUTES.find((r) => `${r.method} ${r.path}` === key)
    if (!route) throw new Error(`no route ${key}`)
    const spec = ROUTE_REQUESTS[key] ?? {}
    const base = spec.subpath ? route.path.replace(/\/\[[^\]]+\]\/?.*$/, spec.subpath) : route.path
    const params = typeof spec.params === 'function' ? spec.params() : ((spec.params as Record<string, string>) ?? {})
    return callApi(route.handler, { path: `${base}?${[spec.query, `regency=${regency}`].filter(Boolean).join('&')}`, token: apiTokens[role], params })
  }

  it('finds them: the registers, the loans, the programme figures and the indicators', () => {
    expect(REGENCY_ENDPOINTS).toEqual(['GET /api/v1/indikator', 'GET /api/v1/koperasi', 'GET /api/v1/penyaluran', 'GET /api/v1/program/[id]/angka', 'GET /api/v1/umkm'])
  })

  // the walk: /koperasi, /umkm and /penyaluran answered an empty page, /indikator Jombang's own rows under `35.07`
  it.each(REGENCY_ENDPOINTS)('%s: the client of 35.17 asking for 35.78 is refused (403 problem), never an empty page or its own rows', async (key) => {
    const res = await call(key, 'DISTRICT_OFFICER', '35.78')
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const body = await res.json()
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(403)
    expect(body).toMatchObject({ title: 'Forbidden', status: 403, detail: REFUSAL_MESSAGES.FORBIDDEN })
    expect(body).not.toHaveProperty('data')
    expect(body).not.toHaveProperty('values')
    // its own regency, and another for a province client: answered
    expect((await call(key, 'DISTRICT_OFFICER', '35.17')).status).toBe(200)
    expect((await call(key, 'LEADERSHIP', '35.78')).status).toBe(200)
  })

  it.each(REGENCY_ENDPOINTS)('%s: a code that is no regency of the province is 400 naming it, for a province and a regency client alike', async (key) => {
    for (const role of ['LEADERSHIP', 'DISTRICT_OFFICER'] as const) {
      const res = await call(key, role, '35.99')
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect((await res.json()).errors).toEqual([{ path: 'query.regency', detail: 'Kabupaten/kota 35.99 tidak dikenal.' }])
    }
  })
})

// ── Bank scope: the officer of PT BPR Jatim and Bank DKI's loans and claims ────────────────────────────

describe('bank scope: the officer of PT BPR Jatim never sees Bank DKI', () => {
  let banker: SessionUser
  beforeAll(async () => {
    banker = await sessionUser(users.BANK_OFFICER)
  })

  it('lists and exports only its bank’s disbursements, even when it asks for Bank DKI', async () => {
    expect((await findDisbursements({ user: banker, filter: {} })).rows.map((r) => r.accountNumber)).toEqual(['BPR-MATRIKS-1'])
    expect((await findDisbursements({ user: banker, filter: { bank: fx.dki } })).total).toBe(0)
    expect((await findDisbursements({ user: banker, filter: { q: 'DKI' } })).total).toBe(0)
    expect((await exportDisbursements({ user: banker, filter: { bank: fx.dki } }))).toEqual([])
    expect(await findLoansOfMsme({ user: banker, msmeId: fx.msme78.id })).toEqual([])
    signInAs(users.BANK_OFFICER)
    const csv = await (await callRoute(route('/api/kredit/penyaluran/ekspor'), `bank=${fx.dki}`)).text()
    expect(csv).not.toContain('DKI-MATRIKS-1')
    const own = await (await callRoute(route('/api/kredit/penyaluran/ekspor'))).text()
    expect(own).toContain('BPR-MATRIKS-1')
    expect(own).not.toContain('DKI-MATRIKS-1')
    // a programme filter names the file by the programme's code, never its internal id
    const byProgram = await callRoute(route('/api/kredit/penyaluran/ekspor'), `program=${fx.programId}`)
    expect(byProgram.headers.get('content-disposition')).toMatch(/filename="penyaluran-kredit-matriks-2025-\d{4}-\d{2}-\d{2}\.csv"/)
  })

  it('sees and exports only its bank’s claims, even when it asks for Bank DKI', async () => {
    expect((await findClaims({ user: banker })).rows.map((c) => c.id)).toEqual([fx.claimBpr])
    // a bank officer has no bank to choose: Bank DKI in its filter is no filter, never Bank DKI's claims
    expect((await findClaims({ user: banker, filter: { bank: fx.dki } })).rows.map((c) => c.id)).toEqual([fx.claimBpr])
    expect((await findClaims({ user: banker, filter: { sort: 'claimed', dir: 'desc' } })).rows.map((c) => c.id)).toEqual([fx.claimBpr])
    expect((await exportClaims({ user: banker, filter: { bank: fx.dki } })).map((c) => c.id)).toEqual([fx.claimBpr])
    signInAs(users.BANK_OFFICER)
    const dki = (await db.bank.findUniqueOrThrow({ where: { id: fx.dki }, select: { shortName: true } })).shortName
    const asked = await (await callRoute(route('/api/kredit/klaim/ekspor'), `bank=${fx.dki}`)).text()
    expect(asked.trim().split('\r\n')).toHaveLength(2) // the header and its own claim, as the list shows
    expect(asked).not.toContain(dki)
    const own = await callRoute(route('/api/kredit/klaim/ekspor'), `program=${fx.programId}`)
    // named by the programme's code, not its id
    expect(own.headers.get('content-disposition')).toMatch(/filename="klaim-subsidi-matriks-2025-\d{4}-\d{2}-\d{2}\.csv"/)
    const text = await own.text()
    expect(text.trim().split('\r\n')).toHaveLength(2)
    expect(text).toContain('MATRIKS-2025')
    expect(text).not.toContain(dki)
    expect(await getClaim({ user: banker, id: fx.claimDki })).toBeNull()
    expect((await getClaim({ user: banker, id: fx.claimBpr }))?.id).toBe(fx.claimBpr)
  })

  it('reads its bank’s figures only, whatever bank it asks for', async () => {
    const asked = await getCreditSummary({ user: banker, filter: { programId: fx.programId, bankId: fx.dki, asOf: '2025-12-31' } })
    expect(asked).toMatchObject({ bankId: fx.bpr, disbursed: 20_000_000, loans: 1 })
    const ranking = await getRegencyRanking({ user: banker, filter: { programId: fx.programId, bankId: fx.dki, asOf: '2025-12-31' } })
    expect(ranking.find((r) => r.regencyCode === '35.78')?.disbursed).toBe(0)
    const programs = await listPrograms({ user: banker })
    expect(programs.map((p) => p.id)).toContain(fx.programId)
    // its own bank's contract rates and membership only, never another bank's
    const own = programs.find((p) => p.id === fx.programId)!
    expect(own.rates.map((r) => r.bankId)).toEqual(own.rates.map(() => fx.bpr))
    expect(own.banks.map((b) => b.bank.id)).toEqual([fx.bpr])
  })

  it('reads another bank’s loan schedule as not found', async () => {
    signInAs(users.BANK_OFFICER)
    const schedule = route('/api/kredit/penyaluran/[id]/jadwal')
    const other = await (schedule.handler as (req: Request, ctx: unknown) => Promise<Response>)(new Request('http://localhost/x'), { params: Promise.resolve({ id: fx.loanDki }) })
    expect(other.status).toBe(404)
    const own = await (schedule.handler as (req: Request, ctx: unknown) => Promise<Response>)(new Request('http://localhost/x'), { params: Promise.resolve({ id: fx.loanBpr }) })
    expect(own.status).toBe(200)
    const lines = route('/api/kredit/klaim/[id]/ekspor').handler as (req: Request, ctx: unknown) => Promise<Response>
    expect((await lines(new Request('http://localhost/x'), { params: Promise.resolve({ id: fx.claimDki }) })).status).toBe(404)
    expect((await lines(new Request('http://localhost/x'), { params: Promise.resolve({ id: fx.claimBpr }) })).status).toBe(200)
  })

  it('cannot claim another bank’s loan, nor record a loan for another bank', async () => {
    await expectNothingWritten(() => expect(submitClaimFor(banker, { programId: fx.programId, month: '2025-04' }, new Map([['DKI-MATRIKS-1', { amount: 1_000 }]]))).rejects.toThrow(/tidak dikenal untuk bank Anda/))
    signInAs(users.BANK_OFFICER)
    // naming Bank DKI is refused on the bank field, nothing written; naming its own bank is its own bank's loan
    const res = await createDisbursement(undefined, form({ ...ACCEPTABLE_INPUT.createDisbursement(), bankId: fx.dki, accountNumber: 'BPR-MATRIKS-2' }))
    expect(res).toMatchObject({ ok: false, errors: { bankId: ['Petugas bank hanya mencatat pinjaman banknya sendiri; kosongkan bank atau isi bank Anda.'] } })
    expect(await db.disbursement.count({ where: { accountNumber: 'BPR-MATRIKS-2' } })).toBe(0)
    expect(await createDisbursement(undefined, form({ ...ACCEPTABLE_INPUT.createDisbursement(), bankId: fx.bpr, accountNumber: 'BPR-MATRIKS-2' }))).toMatchObject({ ok: true })
    const saved = await db.disbursement.findFirstOrThrow({ where: { accountNumber: 'BPR-MATRIKS-2' }, select: { bankId: true } })
    expect(saved.bankId).toBe(fx.bpr)
  })
})

// ── One refusal path: a programme the bank officer's bank does not lend in ────────────────────────────

describe('programme scope: the officer of PT BPR Jatim and a programme only Bank DKI lends in', () => {
  // every figure, page and export resolves its scope through lib/scope.ts#resolveFigureScope, which
  // answers one AppError NOT_FOUND: the same 404 everywhere, indistinguishable from an unknown programme
  let banker: SessionUser
  let outside = { id: '', code: '' }
  beforeAll(async () => {
    banker = await sessionUser(users.BANK_OFFICER)
    const p = await db.creditProgram.create({
      data: {
        code: 'MATRIKS-LUAR-2025', scheme: 'MATRIKS-LUAR', name: 'Program Matriks tanpa BPR 2025', year: 2025, creditTarget: 50_000_000, beneficiaryTarget: 2,
        subsidyCeiling: 5_000_000, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO'],
        banks: { create: [{ bankId: fx.dki }] },
        rates: { create: [{ bankId: fx.dki, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
        allocations: { create: [{ regencyCode: '35.78', creditTarget: 50_000_000 }] },
      },
      select: { id: true, code: true },
    })
    outside = p
    // the previous year of a scheme the bank does lend in: last year's comparison must not leak it either
    await db.creditProgram.create({
      data: {
        code: 'MATRIKS-2024', scheme: 'MATRIKS', name: 'Program Matriks 2024', year: 2024, creditTarget: 80_000_000, beneficiaryTarget: 3,
        subsidyCeiling: 8_000_000, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO'],
        banks: { create: [{ bankId: fx.dki }] },
      },
    })
  })

  const isNotFound = (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND' && e.status === 404
  const unknownProgramme = { id: 'tidak-ada-program', code: 'TIDAK-ADA-2025' }

  it('every figure function refuses it with NOT_FOUND, exactly as an unknown programme', async () => {
    for (const p of [outside, unknownProgramme]) {
      const filter = { programId: p.id, asOf: '2025-12-31' }
      const figures: [string, () => Promise<unknown>][] = [
        ['getCreditSummary', () => getCreditSummary({ user: banker, filter })],
        ['getCreditSummary 35.78', () => getCreditSummary({ user: banker, filter: { ...filter, regencyCode: '35.78' } })],
        ['getMonthlySeries', () => getMonthlySeries({ user: banker, filter })],
        ['getRegencyRanking', () => getRegencyRanking({ user: banker, filter })],
        ['getCreditBreakdown bank', () => getCreditBreakdown({ user: banker, filter, by: 'bank' })],
        ['getCreditBreakdown kbli', () => getCreditBreakdown({ user: banker, filter, by: 'kbli' })],
        ['getCreditBreakdown scale', () => getCreditBreakdown({ user: banker, filter, by: 'scale' })],
        ['getSameDateLastYear', () => getSameDateLastYear({ user: banker, filter })],
        ['getOverview', () => getOverview({ user: banker, filter })],
        ['resolveDashboardFilter', () => resolveDashboardFilter({ user: banker, params: { program: p.code } })],
      ]
      for (const [name, read] of figures) await expect(read(), `${name} of ${p.code}`).rejects.toSatisfy(isNotFound)
    }
    // the same functions answer for a programme the bank lends in; last year's, where it did not lend, is no comparison
    const own = { programId: fx.programId, asOf: '2025-12-31' }
    expect(await getCreditSummary({ user: banker, filter: own })).toMatchObject({ bankId: fx.bpr, program: { code: 'MATRIKS-2025' } })
    expect(await getSameDateLastYear({ user: banker, filter: own })).toBeNull()
    const leader = await sessionUser(users.LEADERSHIP)
    expect((await getCreditSummary({ user: leader, filter: { programId: outside.id, asOf: '2025-12-31' } })).program.code).toBe(outside.code)
  })

  it('every dashboard export answers 404 with the same body', async () => {
    signInAs(users.BANK_OFFICER)
    const exportRoute = route('/api/dasbor/ekspor/[dataset]')
    const bodies = new Set<string>()
    for (const code of [outside.code, unknownProgramme.code]) {
      for (const dataset of DASHBOARD_DATASETS) {
        const res = await expectNothingWritten(() =>
          (exportRoute.handler as (req: Request, ctx: unknown) => Promise<Response>)(
            new Request(`http://localhost/api/dasbor/ekspor/${dataset}?program=${code}`),
            { params: Promise.resolve({ dataset }) },
          ),
        )
        expect(res.status, `${dataset} of ${code}`).toBe(404)
        bodies.add(await res.text())
      }
    }
    expect([...bodies]).toEqual([JSON.stringify({ error: REFUSAL_MESSAGES.NOT_FOUND })])
    // and its own programme exports as before
    const own = await (exportRoute.handler as (req: Request, ctx: unknown) => Promise<Response>)(
      new Request('http://localhost/api/dasbor/ekspor/bulanan?program=MATRIKS-2025'), { params: Promise.resolve({ dataset: 'bulanan' }) })
    expect(own.status).toBe(200)
  })

  it('every dashboard page and the programme page answer the 404 page', async () => {
    signInAs(users.BANK_OFFICER)
    const pages: [string, () => Promise<unknown>][] = [
      ['/ (Beranda)', async () => (await import('@/app/(dashboard)/(beranda)/page')).default({ searchParams: Promise.resolve({ program: outside.code }) })],
      ['/dasbor/kredit', async () => (await import('@/app/(dashboard)/dasbor/kredit/page')).default({ searchParams: Promise.resolve({ program: outside.code }) })],
      ['/dasbor/wilayah/35.78', async () =>
        (await import('@/app/(dashboard)/dasbor/wilayah/[code]/page')).default({ params: Promise.resolve({ code: '35.78' }), searchParams: Promise.resolve({ program: outside.code }) })],
      ['/kredit/[id]', async () => (await import('@/app/(dashboard)/kredit/[id]/page')).default({ params: Promise.resolve({ id: outside.id }), searchParams: Promise.resolve({}) })],
    ]
    for (const [name, render] of pages) {
      const error = await render().then(() => null, (e: unknown) => e)
      expect((error as { digest?: string } | null)?.digest, `${name}: ${String(error)}`).toBe('NEXT_HTTP_ERROR_FALLBACK;404')
    }
  })
})

describe('the deleted-records pages (/koperasi/terhapus, /umkm/terhapus) are the register writers’ only', () => {
  for (const column of COLUMNS.filter((c) => c.key !== 'SIGNED_OUT')) {
    const writer = column.key === 'ADMIN' || column.key === 'DISTRICT_OFFICER'
    it(`${column.label} → ${writer ? 'the list' : 'the 403 page'}`, async () => {
      signIn(column)
      for (const page of [await import('@/app/(dashboard)/koperasi/terhapus/page'), await import('@/app/(dashboard)/umkm/terhapus/page')]) {
        const error = await page.default({ searchParams: Promise.resolve({}) }).then(() => null, (e: unknown) => e)
        const forbidden = (error as { digest?: string } | null)?.digest === 'NEXT_HTTP_ERROR_FALLBACK;403' || /`forbidden\(\)`/.test(String(error))
        if (writer) expect(error, String(error)).toBeNull()
        else expect(forbidden, String(error)).toBe(true)
      }
    })
  }
})

describe('the programme edit page (/kredit/[id]/ubah) is the admin’s only', () => {
  for (const column of COLUMNS.filter((c) => c.key !== 'SIGNED_OUT')) {
    it(`${column.label} → ${column.key === 'ADMIN' ? 'the form' : 'the 403 page'}`, async () => {
      signIn(column)
      const render = (await import('@/app/(dashboard)/kredit/[id]/ubah/page')).default({ params: Promise.resolve({ id: fx.programId }) })
      const error = await render.then(() => null, (e: unknown) => e)
      // forbidden(): outside Next (no experimental.authInterrupts here) it throws an error naming itself instead of the 403 digest
      const forbidden = (error as { digest?: string } | null)?.digest === 'NEXT_HTTP_ERROR_FALLBACK;403' || /`forbidden\(\)`/.test(String(error))
      if (column.key === 'ADMIN') expect(error, String(error)).toBeNull()
      else expect(forbidden, String(error)).toBe(true)
    })
  }
})

// ── Personal data: leadership reads MSMEs with the owner NIK masked ───────────────────────────────────

describe('personal data: leadership never sees an owner NIK unmasked', () => {
  it('in the MSME list, export, detail and the export route', async () => {
    const leader = await sessionUser(users.LEADERSHIP)
    const listed = (await findMsmes({ user: leader, filter: {} })).rows
    const exported = await exportMsmes({ user: leader, filter: {} })
    const detail = await getMsme({ user: leader, id: fx.msme17.id })
    expect(listed.length).toBeGreaterThanOrEqual(2)
    for (const row of [...listed, ...exported, detail!]) {
      expect(row.ownerNik).toMatch(/^\d{4}•+\d{4}$/)
      expect([NIK17, NIK78]).not.toContain(row.ownerNik)
    }
    expect(detail!.phone).not.toBe('081234567890')
    signInAs(users.LEADERSHIP)
    const csv = await (await callRoute(route('/api/umkm/ekspor'))).text()
    expect(csv).toContain('Keripik Matriks Jombang')
    expect(csv).not.toContain(NIK17)
    expect(csv).not.toContain(NIK78)
  })
})

// ── Audit completeness: every mutation's audit row is in the change's own transaction ─────────────────

describe('audit completeness: a failing audit write rolls the change back, for every mutation', () => {
  // each action, as the first role the table permits, with the input the refusal cells use (which it
  // accepts, see below): with the audit write failing, the action must fail and leave every table as it was
  for (const [name, input] of Object.entries(ACCEPTABLE_INPUT)) {
    const rule = ACTION_PERMISSIONS[name]
    const column = COLUMNS.find((c) => rule !== undefined && expectation(rule, c) === 'allowed')
    it(`${name} × ${column?.label ?? 'nobody'}: no change without its audit row`, async () => {
      const action = ACTIONS.find((a) => a.name === name)!.value as FormAction
      signIn(column!)
      auditFault.fail = true
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}) // the wrapper logs the failure
      try {
        const result = await expectNothingWritten(async () => {
          try {
            return await action(undefined, form(input()))
          } catch (e) {
            // a redirect is a success: it would have saved without its audit row
            if (String((e as { digest?: unknown }).digest).startsWith('NEXT_REDIRECT')) return { ok: true } as ActionState
            throw e
          }
        })
        expect(result.ok, `${name} succeeded although its audit row could not be written`).toBe(false)
      } finally {
        auditFault.fail = false
        quiet.mockRestore()
      }
    })
  }
})

// ── The refusal inputs are real: the permitted role gets past validation with the same input ──────────

describe('the inputs of the refusal cells would be accepted', () => {
  // last in the file: these calls write (each as the first role the table permits), deletions last
  const ordered = Object.entries(ACCEPTABLE_INPUT).sort(([a], [b]) => Number(a.startsWith('delete')) - Number(b.startsWith('delete')))
  for (const [name, input] of ordered) {
    const rule = ACTION_PERMISSIONS[name]
    const column = COLUMNS.find((c) => rule !== undefined && expectation(rule, c) === 'allowed')
    it(`${name} × ${column?.label ?? 'nobody'} passes validation with the input the other roles were refused`, async () => {
      expect(column, `no role may call ${name}`).toBeDefined()
      const action = ACTIONS.find((a) => a.name === name)!.value as FormAction
      signIn(column!)
      try {
        const result = await action(undefined, form(input()))
        // accepted, or refused for a reason of the data (a stale version, a state), never by zod
        expect(result.message, JSON.stringify(result.errors)).not.toBe(MESSAGES.invalid)
        expect(result.message).not.toBe(MESSAGES.failed)
      } catch (e) {
        // a successful save that redirects to the record
        expect(String((e as { digest?: unknown }).digest)).toMatch(/^NEXT_REDIRECT/)
      }
    })
  }
})
