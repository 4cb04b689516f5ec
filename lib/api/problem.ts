/**
 * Errors of the integration API as RFC 9457 problem details (`application/problem+json`): an English
 * `title` a program can switch on, an Indonesian `detail` a person can read, and for a validation error
 * the field path of each problem (`errors[].path`, e.g. `items.3.plafond`). Never a stack trace or SQL.
 */
import { REFUSAL_MESSAGES } from '@/lib/errors'

export const PROBLEM_TYPE_BASE = 'https://lumbung.go.id/problems/'

/** The problems the API answers with: status, English title, default Indonesian detail. */
export const PROBLEMS = {
  'unauthorized': { status: 401, title: 'Unauthorized', detail: 'Token API tidak ada, tidak dikenal, kedaluwarsa, atau sudah dicabut.' },
  'forbidden': { status: 403, title: 'Forbidden', detail: REFUSAL_MESSAGES.FORBIDDEN },
  'not-found': { status: 404, title: 'Not Found', detail: REFUSAL_MESSAGES.NOT_FOUND },
  'method-not-allowed': { status: 405, title: 'Method Not Allowed', detail: 'Metode ini tidak dilayani di alamat ini; lihat header Allow.' },
  'conflict': { status: 409, title: 'Conflict', detail: REFUSAL_MESSAGES.CONFLICT },
  'invalid-request': { status: 400, title: 'Invalid request', detail: 'Periksa kembali isian yang ditandai.' },
  'malformed-json': { status: 400, title: 'Malformed JSON', detail: 'Badan permintaan bukan JSON yang sah.' },
  'unsupported-media-type': { status: 415, title: 'Unsupported Media Type', detail: 'Kirim badan permintaan sebagai application/json.' },
  'payload-too-large': { status: 413, title: 'Payload Too Large', detail: 'Badan permintaan terlalu besar.' },
  'unprocessable': { status: 422, title: 'Unprocessable Content', detail: 'Data tidak memenuhi ketentuan; tidak ada yang disimpan.' },
  'idempotency-key-required': { status: 400, title: 'Idempotency-Key required', detail: 'Permintaan tulis wajib membawa header Idempotency-Key (1–200 karakter yang terlihat).' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency-Key reused', detail: 'Idempotency-Key ini sudah dipakai untuk permintaan lain; gunakan kunci baru untuk permintaan baru.' },
  'rate-limited': { status: 429, title: 'Too Many Requests', detail: 'Terlalu banyak permintaan dari klien API ini; coba lagi setelah jeda pada header Retry-After.' },
  'service-unavailable': { status: 503, title: 'Service Unavailable', detail: 'Database tidak dapat dihubungi; tidak ada yang disimpan. Coba lagi sebentar lagi.' },
  'internal': { status: 500, title: 'Internal Server Error', detail: 'Terjadi kesalahan di server; tidak ada yang disimpan. Coba lagi.' },
} as const

export type ProblemKind = keyof typeof PROBLEMS

/** One field's problem: its path in the request (`items.3.plafond`, `query.updated_since`) and the message. */
export type FieldProblem = { path: string; detail: string }

export type ProblemBody = {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  errors?: FieldProblem[]
  /** a batch's refused items: their index in `items` and their field problems */
  items?: { index: number; errors: FieldProblem[] }[]
}

/**
 * The services' sentences are written for a person at a page ("…; muat ulang halaman, lalu ulangi."): a
 * machine client re-reads the resource instead. One place, so every refusal the API passes on says so.
 */
export function apiWording(detail: string): string {
  return detail
    .replace(/[;.]\s*muat ulang halaman(, lalu ulangi)?\.?$/i, '; baca ulang datanya melalui API (GET), lalu kirim ulang permintaannya.')
}

export function problemBody(kind: ProblemKind, extra: { detail?: string; instance?: string; errors?: FieldProblem[]; items?: ProblemBody['items'] } = {}): ProblemBody {
  const p = PROBLEMS[kind]
  return {
    type: PROBLEM_TYPE_BASE + kind,
    title: p.title,
    status: p.status,
    detail: apiWording(extra.detail ?? p.detail),
    ...(extra.instance && { instance: extra.instance }),
    ...(extra.errors?.length && { errors: extra.errors }),
    ...(extra.items?.length && { items: extra.items }),
  }
}

export function problem(kind: ProblemKind, extra: Parameters<typeof problemBody>[1] & { headers?: Record<string, string> } = {}): Response {
  const body = problemBody(kind, extra)
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...extra.headers },
  })
}

/** zod issues as field problems, each with its dotted path under `prefix` (`query`, or none for a body). */
export function fieldProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldProblem[] {
  return issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)', detail: i.message }))
}

/** `{ field: [messages] }` (an ActionError's fieldErrors) as field problems. */
export function fieldErrorsToProblems(fieldErrors: Record<string, string[] | undefined> | undefined, prefix = ''): FieldProblem[] {
  return Object.entries(fieldErrors ?? {}).flatMap(([field, messages]) => (messages ?? []).map((detail) => ({ path: [prefix, field].filter(Boolean).join('.'), detail })))
}
