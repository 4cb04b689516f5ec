/** API clients for tests, and calls to the /api/v1 route handlers as an HTTP client would make them. */
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import { newToken } from '@/lib/api/clients'
import { unique } from './factories'

/** A client of `role` (bank code or regency for the bound roles) and its token, written straight to the database. */
export async function createApiClientFor(role: Role, opts: { bankCode?: string; regencyCode?: string; expiresAt?: Date; rateLimitPerMinute?: number } = {}) {
  const bankCode = opts.bankCode ?? (role === 'BANK_OFFICER' ? 'BPRJATIM' : undefined)
  const bankId = bankCode ? (await db.bank.findUniqueOrThrow({ where: { code: bankCode }, select: { id: true } })).id : null
  const { token, hash, prefix } = newToken()
  const client = await db.apiClient.create({
    data: {
      name: unique('klien-'), owner: 'Tim TI Uji', role, bankId, regencyCode: role === 'DISTRICT_OFFICER' ? (opts.regencyCode ?? '35.17') : null,
      tokenHash: hash, tokenPrefix: prefix, expiresAt: opts.expiresAt ?? new Date(Date.now() + 86_400_000), createdById: 'uji', rateLimitPerMinute: opts.rateLimitPerMinute ?? 10_000,
    },
    select: { id: true, bankId: true, regencyCode: true },
  })
  return { ...client, token }
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>

/** Call a route handler with a bearer token (or none), a JSON body and headers. */
export async function callApi(
  handler: unknown,
  { path, method = 'GET', token, body, headers = {}, params = {} }: { path: string; method?: string; token?: string | null; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> },
): Promise<Response> {
  const h = new Headers(headers)
  if (token) h.set('authorization', `Bearer ${token}`)
  if (body !== undefined && !h.has('content-type')) h.set('content-type', 'application/json')
  const req = new Request(`http://localhost${path}`, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
  return (handler as Handler)(req, { params: Promise.resolve(params) })
}

let borrowerSeq = 0

/**
 * `n` micro MSMEs of a regency, made in one statement, for loans sent through the API: NIB and owner NIK unique per
 * call (five digits of the clock and a call counter), the business name marked with `label`.
 */
export async function apiBorrowers(n: number, regencyCode = '35.17', label = 'API') {
  const base = `${Date.now()}`.slice(-5) + String(borrowerSeq++).padStart(2, '0')
  const rows = Array.from({ length: n }, (_, i) => ({
    nib: `${base}${String(i).padStart(6, '0')}`, businessName: `Usaha ${label} ${unique()}`, ownerName: 'Siti Rahayu', ownerNik: `${regencyCode.replace('.', '')}${base}${String(i).padStart(5, '0')}`,
    ownerGender: 'P' as const, kbli: '10792', regencyCode, computedScale: 'MIKRO' as const, businessCapital: 50_000_000, annualSales: 300_000_000,
  }))
  await db.msme.createMany({ data: rows })
  return rows
}
