import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import { z } from 'zod'
import { ActionError, AppError, REFUSAL_MESSAGES, refusalResponse } from '@/lib/errors'
import { getCurrentUser } from '@/lib/session'
import { DATABASE_DOWN_MESSAGE, isDatabaseUnreachable } from '@/lib/db-errors'
import { onPrimary, rememberWrite } from '@/lib/db'
import { isIsoDate, normaliseText, textProblem, TEXT_PROBLEM_MESSAGES } from '@/lib/parse'
import { can, type Permission } from '@/lib/permissions'
import { cookies } from 'next/headers'
import { LOCALE_COOKIE } from '@/lib/i18n/config'
import { serverText, translateState, type TextLocale } from '@/lib/i18n/server-text'
import type { SessionUser } from '@/lib/session-user'
import { FORM_PARSE } from '@/lib/validations/form-defaults'

/** What every form action returns: a message, field errors in Indonesian, and the values to refill. */
export type ActionState = {
  ok: boolean
  message?: string
  errors?: Record<string, string[] | undefined>
  values?: Record<string, string>
  /** anything the form shows after success (e.g. a temporary password, shown once) */
  data?: Record<string, string>
}

export const MESSAGES = {
  signedOut: 'Sesi Anda berakhir. Silakan masuk lagi.',
  forbidden: REFUSAL_MESSAGES.FORBIDDEN,
  mustChangePassword: 'Ganti kata sandi sementara Anda terlebih dahulu.',
  invalid: REFUSAL_MESSAGES.INVALID,
  failed: 'Terjadi kesalahan di server; perubahan tidak disimpan. Coba lagi.',
} as const

/** A refusal the user can act on: defined in lib/errors.ts (write paths outside the actions throw it without importing Next). */
export { ActionError }

/**
 * Every text an action receives, in one place: NFC, blank-or-invisible-only becomes empty, and a control
 * character (a NUL byte among them) or a bidi override is refused under its field before validation, so
 * it never reaches PostgreSQL (which would refuse a NUL with an error) nor a register. Passwords are
 * compared byte for byte and left as typed.
 */
export function screenInput(raw: unknown): { input: unknown; errors?: Record<string, string[]> } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { input: raw }
  const errors: Record<string, string[]> = {}
  const input: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string' || /password|sandi/i.test(key)) {
      input[key] = value
      continue
    }
    const problem = textProblem(value)
    if (problem) errors[key] = [TEXT_PROBLEM_MESSAGES[problem]]
    input[key] = normaliseText(value)
  }
  return Object.keys(errors).length ? { input, errors } : { input }
}

/** A server action is a public endpoint: anything but a form's FormData (e.g. a JSON body) is refused. */
export function isFormData(value: unknown): value is FormData {
  return typeof FormData !== 'undefined' && value instanceof FormData
}

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of formData.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v
  return out
}

/**
 * A read that also runs when the schema refuses the form: its field errors join the schema's, so a form says every
 * wrong field at once. A NIK koperasi already registered is otherwise found only by the insert's unique key, after
 * every other field is right: the user fixed three fields and was then told of a fourth. Only after the session
 * and permission checks, and a field the schema already refused keeps the schema's message.
 */
export type AlsoWhenInvalid = (input: Record<string, unknown>, user: SessionUser) => Promise<Record<string, string[]>>

/**
 * Run `checks` knowing `found`, a refusal of another field found beforehand (a NIB already registered): a refusal
 * `checks` throws carries both fields' errors, and `found` alone refuses. Every wrong field is said at once.
 */
export async function refuseTogether(checks: () => Promise<void>, found: ActionError | null): Promise<void> {
  try {
    await checks()
  } catch (e) {
    // two fields wrong: the form's sentence says to check the marked fields, not one of them
    if (found && e instanceof AppError && e.code === 'INVALID') throw new ActionError(MESSAGES.invalid, { ...found.fieldErrors, ...e.fieldErrors })
    throw e
  }
  if (found) throw found
}

/**
 * Check the current user, then validate the input with zod, then run `handler`; for one user and
 * input already known (tests, composed actions).
 */
export async function guarded<S extends z.ZodType>(
  user: SessionUser | null,
  permission: Permission,
  schema: S,
  raw: unknown,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<ActionState | void>,
  alsoWhenInvalid?: AlsoWhenInvalid,
): Promise<ActionState> {
  if (!user) return { ok: false, message: MESSAGES.signedOut }
  if (user.mustChangePassword && permission !== 'account.self') return { ok: false, message: MESSAGES.mustChangePassword }
  if (!can(user.role, permission)) return { ok: false, message: MESSAGES.forbidden }
  const screened = screenInput(raw)
  if (screened.errors) return { ok: false, message: MESSAGES.invalid, errors: screened.errors }
  // a check the schema left without a message (a hidden id or version missing from a crafted post) speaks Indonesian too
  const parsed = schema.safeParse(screened.input, FORM_PARSE)
  if (!parsed.success) {
    // a field's key is the form's (a report's indicator codes are keys too): `toString` or `constructor` sent as a field
    // must be a key of its own, not the prototype's method that `??=` would take for a value (a property test's find)
    const errors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.') || '_form'
      if (!Object.hasOwn(errors, key)) errors[key] = []
      errors[key].push(issue.message)
    }
    if (alsoWhenInvalid && screened.input && typeof screened.input === 'object') {
      try {
        for (const [key, messages] of Object.entries(await alsoWhenInvalid(screened.input as Record<string, unknown>, user))) if (!Object.hasOwn(errors, key)) errors[key] = messages
      } catch (e) {
        // the form is refused anyway: a check that could not run (the database gone) only says less
        if (!isDatabaseUnreachable(e)) console.error(e)
      }
    }
    return { ok: false, message: MESSAGES.invalid, errors }
  }
  try {
    // the action may write: its own reads, and this user's next pages (the redirect), read the primary
    await rememberWrite()
    return (await onPrimary(() => handler(parsed.data, user))) ?? { ok: true }
  } catch (e) {
    unstable_rethrow(e) // redirect() and notFound() are control flow, not failures
    // every refusal (ActionError, a scope refusal) is a message; anything else is a failure
    if (e instanceof AppError) return { ok: false, message: e.userMessage, errors: e.fieldErrors }
    // PostgreSQL gone mid-request: the transaction did not commit, so nothing was saved; say so plainly
    if (isDatabaseUnreachable(e)) return { ok: false, message: DATABASE_DOWN_MESSAGE }
    console.error(e)
    return { ok: false, message: MESSAGES.failed }
  }
}

/**
 * A form server action (`useActionState` shape) that cannot forget its guard: session, permission
 * and zod validation run before `handler`. A server action is a public POST endpoint; this is its door.
 */
export function authAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<ActionState | void>,
  options: { alsoWhenInvalid?: AlsoWhenInvalid } = {},
) {
  const run = async (formData: FormData): Promise<ActionState> => {
    if (!isFormData(formData)) return { ok: false, message: MESSAGES.invalid }
    const values = formValues(formData)
    let user: SessionUser | null
    try {
      user = await getCurrentUser()
    } catch (e) {
      if (isDatabaseUnreachable(e)) return { ok: false, message: DATABASE_DOWN_MESSAGE, values }
      throw e
    }
    const result = await guarded(user, permission, schema, values, handler, options.alsoWhenInvalid)
    // refill the form after a refusal (never echo passwords)
    if (!result.ok) result.values = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|sandi/i.test(k)))
    return result
  }
  // the messages in the reader's language (lib/i18n/server-text.ts)
  return async (_prev: ActionState | undefined, formData: FormData): Promise<ActionState> => translateState(await run(formData), await readerLocale())
}

/** The reader's language from the locale cookie (Indonesian outside a request, e.g. in a job or a test). */
export async function readerLocale(): Promise<TextLocale> {
  try {
    return (await cookies()).get(LOCALE_COOKIE)?.value === 'en' ? 'en' : 'id'
  } catch {
    return 'id'
  }
}

/** The date parameters of the routes' URLs (as-of day, date ranges): an impossible date is refused. */
const DATE_PARAMS = ['asOf', 'from', 'to'] as const

/**
 * A route handler behind the same guard: 401 signed out, 403 without the permission, 400 for a control or
 * bidi character in a URL or path parameter (`?q=%00`, `/api/…/%00/…`) and for an impossible date in the URL (`?asOf=2026-02-30` is refused, not rolled over to 2 March nor turned into a 500); a refusal
 * the handler throws (AppError: a programme out of scope, another regency) answers its status (404, 403 …).
 */
export function authRoute<C>(permission: Permission, handler: (req: Request, user: SessionUser, ctx: C) => Promise<Response>) {
  const guardedRoute = authRouteInIndonesian(permission, handler)
  return async (req: Request, ctx: C): Promise<Response> => {
    const res = await guardedRoute(req, ctx)
    if (res.status < 400 || !res.headers.get('content-type')?.includes('application/json') || (await readerLocale()) === 'id') return res
    const body = (await res.clone().json().catch(() => null)) as { error?: unknown } | null
    if (!body || typeof body.error !== 'string') return res
    const headers = new Headers(res.headers)
    headers.delete('content-length')
    return Response.json({ ...body, error: serverText(body.error, 'en') }, { status: res.status, headers })
  }
}

function authRouteInIndonesian<C>(permission: Permission, handler: (req: Request, user: SessionUser, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    let user: SessionUser | null
    try {
      user = await getCurrentUser()
    } catch (e) {
      if (isDatabaseUnreachable(e)) return Response.json({ error: DATABASE_DOWN_MESSAGE }, { status: 503 })
      throw e
    }
    if (!user) return Response.json({ error: MESSAGES.signedOut }, { status: 401 })
    if (user.mustChangePassword) return Response.json({ error: MESSAGES.mustChangePassword }, { status: 403 })
    if (!can(user.role, permission)) return Response.json({ error: MESSAGES.forbidden }, { status: 403 })
    // the path's own parameters (`/api/…/[id]/…`) too: an id with a NUL byte would reach PostgreSQL as a 500
    const params = await (ctx as { params?: Promise<Record<string, string | string[] | undefined>> } | undefined)?.params
    for (const [key, value] of Object.entries(params ?? {})) {
      const problem = [value ?? ''].flat().map((v) => textProblem(v)).find(Boolean)
      if (problem) return Response.json({ error: `${TEXT_PROBLEM_MESSAGES[problem]} (${key.slice(0, 20)})` }, { status: 400 })
    }
    const query = new URL(req.url).searchParams
    for (const [key, value] of query) {
      const problem = textProblem(value) ?? textProblem(key)
      if (problem) return Response.json({ error: `${TEXT_PROBLEM_MESSAGES[problem]} (${key.slice(0, 20)})` }, { status: 400 })
    }
    const bad = DATE_PARAMS.find((k) => query.get(k) && !isIsoDate(query.get(k)))
    if (bad) return Response.json({ error: `Tanggal tidak valid pada ${bad}: ${query.get(bad)!.slice(0, 20)} (gunakan tanggal yang ada di kalender, YYYY-MM-DD).` }, { status: 400 })
    try {
      // a route that changes data (POST, PUT, DELETE …) reads the primary, as an action does
      if (req.method === 'GET' || req.method === 'HEAD') return await handler(req, user, ctx)
      await rememberWrite()
      return await onPrimary(() => handler(req, user, ctx))
    } catch (e) {
      if (e instanceof AppError) return refusalResponse(e)
      if (isDatabaseUnreachable(e)) return Response.json({ error: DATABASE_DOWN_MESSAGE }, { status: 503 })
      throw e
    }
  }
}
