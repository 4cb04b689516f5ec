/**
 * The door of every /api/v1 route handler, so none can forget a step: bearer token (401), the client's
 * rate limit (429 with Retry-After), the role's permissions from lib/permissions.ts (403), hostile text
 * in the query (400), then the handler; a refusal it throws (AppError) becomes its problem details, and
 * anything unexpected a 500 that says nothing of the cause. Bodies are read with a size limit and
 * checked with zod; writes carry an Idempotency-Key whose first answer is stored with the write.
 */
import 'server-only'
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { Prisma } from '@/lib/generated/prisma/client'
import { db, readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { ipFromHeaders } from '@/lib/client-ip'
import { isDatabaseUnreachable } from '@/lib/db-errors'
import { AppError } from '@/lib/errors'
import { normaliseText, textProblem, TEXT_PROBLEM_MESSAGES } from '@/lib/parse'
import { can, type Permission } from '@/lib/permissions'
import { inRegencyScope } from '@/lib/scope'
import { authenticateToken, bearerToken, type ApiPrincipal } from '@/lib/api/clients'
import { fieldErrorsToProblems, fieldProblems, problem, type FieldProblem, type ProblemKind } from '@/lib/api/problem'

import { MAX_JSON_BYTES } from '@/lib/api/route-limits'
import { API_PARSE } from '@/lib/api/zod-messages'

/** A problem the handler raises on purpose (bad body, bad query): answered as it is. */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly extra: Parameters<typeof problem>[1] = {},
  ) {
    super(kind)
    this.name = 'ApiProblem'
  }
}

export type ApiRequest<P> = { req: Request; principal: ApiPrincipal; params: P; query: URLSearchParams }

const REFUSAL_KIND: Record<AppError['code'], ProblemKind> = { NOT_FOUND: 'not-found', FORBIDDEN: 'forbidden', CONFLICT: 'conflict', INVALID: 'invalid-request' }

function rateHeaders(p: ApiPrincipal): Record<string, string> {
  return { 'RateLimit-Limit': String(p.rateLimit), 'RateLimit-Remaining': String(Math.max(0, p.rateLimit - p.used)), 'RateLimit-Reset': String(p.windowEndsInSeconds) }
}

/** Turn anything a handler throws into problem details (never a stack trace or SQL). */
export function problemOf(e: unknown, instance?: string): Response {
  if (e instanceof ApiProblem) return problem(e.kind, { instance, ...e.extra })
  if (e instanceof AppError) {
    const kind = REFUSAL_KIND[e.code]
    return problem(kind, { instance, detail: e.userMessage, errors: fieldErrorsToProblems(e.fieldErrors) })
  }
  if (isDatabaseUnreachable(e)) return problem('service-unavailable', { instance, headers: { 'Retry-After': '5' } })
  console.error(e)
  return problem('internal', { instance })
}

/**
 * A /api/v1 route handler behind the API's guard. `permissions`: every one is required of the client's
 * role (the same table as the pages).
 */
export function apiRoute<P = Record<string, never>>(
  permissions: Permission | Permission[],
  handler: (r: ApiRequest<P>) => Promise<Response>,
) {
  const needed = Array.isArray(permissions) ? permissions : [permissions]
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    const url = new URL(req.url)
    const instance = url.pathname
    try {
      const token = bearerToken(req.headers.get('authorization'))
      const principal = token ? await authenticateToken(token, ipFromHeaders(req.headers)) : null
      if (!principal) return problem('unauthorized', { instance, headers: { 'WWW-Authenticate': 'Bearer realm="lumbung"' } })
      if (principal.used > principal.rateLimit) {
        return problem('rate-limited', { instance, headers: { 'Retry-After': String(principal.windowEndsInSeconds), ...rateHeaders(principal) } })
      }
      if (!needed.every((p) => can(principal.role, p))) return problem('forbidden', { instance, headers: rateHeaders(principal) })
      const errors: FieldProblem[] = []
      for (const [key, value] of url.searchParams) {
        const bad = textProblem(value) ?? textProblem(key)
        if (bad) errors.push({ path: `query.${key.slice(0, 40)}`, detail: TEXT_PROBLEM_MESSAGES[bad] })
      }
      // the path's own parameters too (`/program/{id}`): a NUL byte in an id would reach PostgreSQL
      const params = await ctx.params
      for (const [key, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
        const bad = typeof value === 'string' ? textProblem(value) : null
        if (bad) errors.push({ path: `path.${key.slice(0, 40)}`, detail: TEXT_PROBLEM_MESSAGES[bad] })
      }
      if (errors.length) return problem('invalid-request', { instance, errors })
      const res = await handler({ req, principal, params, query: url.searchParams })
      for (const [k, v] of Object.entries(rateHeaders(principal))) res.headers.set(k, v)
      // every answer holds a client's scoped data: no cache (shared or private) may keep it
      if (!res.headers.has('cache-control')) res.headers.set('cache-control', 'no-store')
      return res
    } catch (e) {
      return problemOf(e, instance)
    }
  }
}

type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * The handler a route file exports for the methods it does not serve, so a wrong method gets a 405 problem
 * with `Allow` instead of Next's empty 405. Each route file: `const refused = methodNotAllowed('GET')` and
 * `export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }` (an `export { … as }`
 * list, so tests/unit/openapi.test.ts does not take them for documented operations). OPTIONS stays Next's
 * (204 with Allow). HEAD of a GET route is Next's (the GET without its body).
 */
export function methodNotAllowed(...allowed: Exclude<HttpMethod, 'HEAD'>[]) {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ')
  const handler = async (req: Request): Promise<Response> =>
    problem('method-not-allowed', { instance: safePath(req.url), detail: `Metode ${req.method.slice(0, 10)} tidak dilayani di alamat ini; gunakan ${allowed.join(' atau ')}.`, headers: { Allow: allow } })
  REFUSALS.add(handler)
  return handler
}

/** The handlers that only refuse (405, 404): they read nothing and write nothing, for anyone. */
const REFUSALS = new WeakSet<object>()

/**
 * Whether a route export is one of those refusals (methodNotAllowed, unknownApiPath): lets the authorization
 * matrix classify them all at once (every column gets the same 404/405 problem, nothing written).
 */
export function isApiRefusal(handler: unknown): boolean {
  return typeof handler === 'function' && REFUSALS.has(handler)
}

/** The path for `instance`, or nothing when it does not decode (such a path is refused before this anyway). */
function safePath(url: string): string | undefined {
  try {
    return new URL(url).pathname
  } catch {
    return undefined
  }
}

/** Any method on a path under /api/v1 that names no resource (app/api/v1/[...path]/route.ts): 404 problem, not the HTML page. */
export async function unknownApiPath(req: Request): Promise<Response> {
  return problem('not-found', { instance: safePath(req.url), detail: 'Alamat API ini tidak ada; daftar alamat yang ada di /api/v1/openapi.json.' })
}
REFUSALS.add(unknownApiPath)

/** Query parameters checked with a zod schema; problems under `query.<name>`. */
export function parseQuery<S extends z.ZodType>(query: URLSearchParams, schema: S): z.infer<S> {
  const raw: Record<string, string> = {}
  for (const [k, v] of query) raw[k] = normaliseText(v)
  const parsed = schema.safeParse(raw, API_PARSE)
  if (!parsed.success) throw new ApiProblem('invalid-request', { errors: fieldProblems(parsed.error.issues, 'query') })
  return parsed.data
}

/**
 * The query of a read that takes `regency`, checked with its schema and then by one rule on every such endpoint:
 * a code that is no regency of the province is a 400 naming it (a page of zeros, or an empty page, would read as a
 * regency with nothing in it), and a regency outside the client's scope (a regency client asking for another) is
 * refused 403 with the refusal the figures give (lib/scope.ts) — never an empty page, nor the client's own
 * regency's rows under the code it asked for.
 */
export async function parseScopedQuery<S extends z.ZodType<{ regency?: string }>>(principal: ApiPrincipal, query: URLSearchParams, schema: S): Promise<z.infer<S>> {
  const q = parseQuery(query, schema)
  const code = q.regency
  if (code) {
    const known = await readDb.regency.findFirst({ where: { code, provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true } })
    if (!known) throw new ApiProblem('invalid-request', { errors: [{ path: 'query.regency', detail: `Kabupaten/kota ${code} tidak dikenal.` }] })
    if (!inRegencyScope(principal, code)) throw new AppError('FORBIDDEN')
  }
  return q
}

/** Read the body as text, refusing more than `max` bytes whatever Content-Length claims. */
async function readLimited(req: Request, max: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? 0)
  const tooLarge = () => new ApiProblem('payload-too-large', { detail: `Badan permintaan terlalu besar: maksimal ${Math.round(max / 1024 / 1024)} MB.` })
  if (declared > max) throw tooLarge()
  if (!req.body) return ''
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Every string in a JSON value, checked and normalised as the forms' text is (lib/safe-action.ts
 * screenInput): a control or bidi character is refused under its path, everything else NFC-normalised.
 */
/** Deeper than any body of this API (a claim line sits at depth 3): past it, a body is refused, not walked. */
const MAX_JSON_DEPTH = 32

function screenJson(value: unknown, path: string[], errors: FieldProblem[]): unknown {
  // a 200 KB body of nested arrays would otherwise exhaust the stack here and answer 500
  if (path.length > MAX_JSON_DEPTH) throw new ApiProblem('malformed-json', { detail: `Badan permintaan terlalu bertingkat: paling banyak ${MAX_JSON_DEPTH} tingkat.` })
  if (typeof value === 'string') {
    const bad = textProblem(value)
    if (bad) errors.push({ path: path.join('.') || '(body)', detail: TEXT_PROBLEM_MESSAGES[bad] })
    return normaliseText(value)
  }
  if (Array.isArray(value)) return value.map((v, i) => screenJson(v, [...path, String(i)], errors))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, screenJson(v, [...path, k], errors)]))
  }
  return value
}

/**
 * The request's JSON body, checked: `application/json` (415 otherwise), at most `max` bytes (413),
 * well-formed (400 malformed-json), no hostile text, and valid for `schema` (400 with each field's path).
 * Returns the parsed value and the raw text (for the idempotency fingerprint).
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, max = MAX_JSON_BYTES): Promise<{ data: z.infer<S>; raw: string }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json' && !type.endsWith('+json')) throw new ApiProblem('unsupported-media-type')
  const raw = await readLimited(req, max)
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    const where = e instanceof SyntaxError ? e.message.replace(/[^\x20-\x7E]/g, '').slice(0, 120) : ''
    throw new ApiProblem('malformed-json', { detail: `Badan permintaan bukan JSON yang sah${where ? ` (${where})` : ''}.` })
  }
  const errors: FieldProblem[] = []
  const screened = screenJson(json, [], errors)
  if (errors.length) throw new ApiProblem('invalid-request', { errors })
  const parsed = schema.safeParse(screened, API_PARSE)
  if (!parsed.success) throw new ApiProblem('invalid-request', { errors: fieldProblems(parsed.error.issues) })
  return { data: parsed.data, raw }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key'

/** An answer of a write: its status and JSON body (stored for retries with the same key). */
export type WriteAnswer = { status: number; body: unknown }

function jsonAnswer(a: WriteAnswer, replayed: boolean): Response {
  return Response.json(a.body, { status: a.status, headers: { 'cache-control': 'no-store', ...(replayed && { 'Idempotent-Replayed': 'true' }) } })
}

/**
 * Run a write once per Idempotency-Key. The key is required; the first successful answer is stored in
 * the write's own transaction (so the write and its stored answer commit together). A retry with the
 * same key and the same request gets that answer back (`Idempotent-Replayed: true`) and writes nothing;
 * the same key with a different request is refused (422). Two concurrent requests with one key: the
 * second waits on the key's row, then answers with the first one's stored answer. A refused
 * write (4xx) stores nothing, so a corrected retry may reuse the key.
 */
export async function idempotentWrite(
  r: { req: Request; principal: ApiPrincipal },
  raw: string,
  write: (tx: Prisma.TransactionClient) => Promise<WriteAnswer>,
  opts: { timeoutMs?: number } = {},
): Promise<Response> {
  const key = r.req.headers.get(IDEMPOTENCY_HEADER) ?? ''
  if (!/^[\x21-\x7E]{1,200}$/.test(key)) throw new ApiProblem('idempotency-key-required')
  const url = new URL(r.req.url)
  const requestHash = createHash('sha256').update(`${r.req.method} ${url.pathname}\n${raw}`).digest('hex')
  const where = { clientId_key: { clientId: r.principal.clientId, key } }
  const stored = async () => {
    const s = await db.apiIdempotency.findUnique({ where, select: { requestHash: true, status: true, body: true } })
    if (!s) return null
    if (s.requestHash !== requestHash) throw new ApiProblem('idempotency-key-reused')
    return jsonAnswer({ status: s.status, body: s.body }, true)
  }
  const earlier = await stored()
  if (earlier) return earlier
  try {
    const answer = await db.$transaction(
      async (tx) => {
        // the key's row first: a concurrent request with the same key waits here until this one commits
        // (then finds the answer) or rolls back (then writes itself), instead of racing the write
        await tx.apiIdempotency.create({ data: { clientId: r.principal.clientId, key, requestHash, status: 0, body: {} } })
        const a = await write(tx)
        await tx.apiIdempotency.update({ where, data: { status: a.status, body: a.body as Prisma.InputJsonValue } })
        return a
      },
      { timeout: opts.timeoutMs ?? 15_000, maxWait: 10_000 },
    )
    return jsonAnswer(answer, false)
  } catch (e) {
    // the same key committed meanwhile by a concurrent request: answer as a retry would
    // (the write's own unique conflicts are answered inside it; any other P2002 finds no stored answer and is rethrown)
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      const replay = await stored()
      if (replay) return replay
    }
    throw e
  }
}
